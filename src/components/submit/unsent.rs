//! What the citizen is told when a version of their report arrived that is not what the draft says now
//! (`submit::resolve`): the receipt is that version's, and the later changes, kept on the device, were not
//! sent. They choose what happens to them: a reply on the tracking page, or a new, separate report.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{Backend, Client};
use crate::i18n::use_i18n;
use crate::pages::track::shown_reference;
use crate::submit::flow::Flow;

/// A ticket as the receipt shows it (grouped), or as it came.
fn shown_ticket(ticket: &str) -> String {
    shown_reference(ticket, expect_context::<Client>().features())
}

/// Above the receipt of an earlier version.
#[component]
pub fn UnsentChanges(flow: Flow, ticket: String) -> impl IntoView {
    let i18n = use_i18n();
    let track = format!("/lacak/{ticket}");
    view! {
        <div class="notice unsent-changes" role="status">
            <h2 id="unsent-changes-title" tabindex="-1">
                {move || i18n.t("submit.earlier_arrived_title")}
            </h2>
            <p>{move || i18n.t("submit.earlier_arrived")}</p>
            <p>{move || i18n.t("submit.earlier_arrived_next")}</p>
            <p class="actions">
                <A href=track attr:class="button secondary">
                    {move || i18n.t("submit.add_as_reply")}
                </A>
                " "
                <button type="button" class="button secondary" on:click=move |_| flow.review_unsent_changes()>
                    {move || i18n.t("submit.review_as_new")}
                </button>
            </p>
        </div>
    }
}

/// On the form, while the draft holds changes that were not sent with the earlier version.
#[component]
pub fn EarlierTicketNote(flow: Flow) -> impl IntoView {
    let i18n = use_i18n();
    let earlier = Memo::new(move |_| flow.form.draft.with(|d| d.earlier_ticket.clone()));
    move || {
        earlier.get().map(|ticket| {
            let shown = shown_ticket(&ticket);
            view! {
                <p class="notice" role="note">
                    {move || i18n.t("submit.earlier_ticket_note").replace("{ticket}", &shown)}
                </p>
            }
        })
    }
}
