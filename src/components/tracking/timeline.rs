use aduan_core::{Actor, Event, Status};
use leptos::prelude::*;

use crate::api::use_portal;
use crate::i18n::names::{actor_key, format_local_time, status_key};
use crate::i18n::use_i18n;

/// The catalogue key of an event's heading: what happened, by its kind; a plain workflow step by its status.
/// A follow-up and a hand-back need their own words: their status ("in progress", "verified") does not change or
/// goes back.
pub fn heading_key(kind: Option<&str>, status: Status) -> &'static str {
    match kind {
        Some("reply") => "event.reply",
        Some("rating") => "event.rating",
        Some("update") => "event.update",
        Some("follow_up") => "event.follow_up",
        Some("hand_back") => "event.hand_back",
        _ => status_key(status),
    }
}

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
                    let heading = heading_key(e.kind.as_deref(), e.status);
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

/// The event kinds with a heading of their own, for the catalogue's tests.
#[cfg(test)]
pub const KINDS: [&str; 5] = ["reply", "rating", "update", "follow_up", "hand_back"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_headed_by_its_status_and_other_events_by_their_kind() {
        assert_eq!(heading_key(Some("status"), Status::Verified), "status.verified");
        assert_eq!(heading_key(None, Status::Completed), "status.completed");
        assert_eq!(heading_key(Some("reply"), Status::InProgress), "event.reply");
    }

    /// Read by status alone, a follow-up would look like nothing new happened, and a hand-back as if the
    /// administrator had verified the report again.
    #[test]
    fn a_follow_up_and_a_hand_back_are_named_for_what_they_are() {
        assert_eq!(heading_key(Some("follow_up"), Status::InProgress), "event.follow_up");
        assert_eq!(heading_key(Some("hand_back"), Status::Verified), "event.hand_back");
    }
}
