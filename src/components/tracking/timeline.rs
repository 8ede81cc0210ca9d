use aduan_core::Event;
use leptos::prelude::*;

use crate::i18n::names::{actor_key, format_local_time, status_key};
use crate::i18n::use_i18n;

/// Every event of a report, oldest first; messages are plain text, never HTML.
#[component]
pub fn Timeline(events: Vec<Event>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{move || i18n.t("track.timeline")}</h2>
        <ol class="timeline">
            {events.into_iter().map(|e| {
                let heading = match e.kind.as_deref() {
                    Some("reply") => "event.reply",
                    Some("rating") => "event.rating",
                    Some("update") => "event.update",
                    _ => status_key(e.status),
                };
                let at = e.at;
                view! {
                    <li data-kind=e.kind.clone().unwrap_or_default()>
                        <p class="timeline-status">{move || i18n.t(heading)}</p>
                        <p class="timeline-when">
                            <time datetime=at.to_rfc3339()>{move || format_local_time(at, i18n.lang())}</time>
                            " · "{move || i18n.t(actor_key(e.actor))}
                        </p>
                        {e.message.map(|m| view! { <p class="timeline-message">{m}</p> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
