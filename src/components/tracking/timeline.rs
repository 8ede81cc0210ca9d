use aduan_core::{Actor, Event, Status};
use leptos::prelude::*;

use crate::api::use_portal;
use crate::i18n::names::{actor_key, format_local_time, status_key};
use crate::i18n::use_i18n;

/// Every event of a report, oldest first; messages are plain text, never HTML.
#[component]
pub fn Timeline(events: Vec<Event>) -> impl IntoView {
    let i18n = use_i18n();
    // The portal's own steps (escalation, automatic closing) are worded here in the citizen's language; the
    // server stores them in Indonesian. Their day counts come from the portal's rules.
    let sla = use_portal()
        .get_untracked()
        .and_then(Result::ok)
        .map(|p| p.sla)
        .unwrap_or_default();
    view! {
        <h2>{move || i18n.t("track.timeline")}</h2>
        <ol class="timeline">
            {events
                .into_iter()
                .map(|e| {
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
                                " · "
                                {move || i18n.t(actor_key(e.actor))}
                            </p>
                            {match (e.actor, e.status, e.message) {
                                (Actor::System, Status::Escalated, Some(_)) => {
                                    Some(
                                        view! {
                                            <p class="timeline-message">
                                                {move || {
                                                    i18n.t("event.system_escalated")
                                                        .replace("{n}", &sla.escalate_days.to_string())
                                                }}
                                            </p>
                                        }
                                            .into_any(),
                                    )
                                }
                                (Actor::System, Status::Closed, Some(_)) => {
                                    Some(
                                        view! {
                                            <p class="timeline-message">
                                                {move || {
                                                    i18n.t("event.system_closed")
                                                        .replace("{n}", &sla.auto_close_days.to_string())
                                                }}
                                            </p>
                                        }
                                            .into_any(),
                                    )
                                }
                                (_, _, message) => {
                                    message.map(|m| view! { <p class="timeline-message">{m}</p> }.into_any())
                                }
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
