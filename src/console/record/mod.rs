//! `/petugas/lapor`: an administrator types in a report that came by suggestion box, phone, SMS, letter or
//! walk-in. The channel first (`channel`), then the citizen's own form and flow (`components::submit`,
//! `crate::submit`) with two differences: the draft is kept in this tab's sessionStorage under its own key, so it
//! never mixes with a citizen's draft on the same browser, and it is sent to `POST /staff/reports` with the
//! session (`StaffApi::record_report`), byte for byte with the draft's Idempotency-Key, so that a retry never
//! makes two reports. Then the citizen's receipt (ticket, access code, QR), which prints alone.

mod channel;
mod words;

use std::rc::Rc;

use aduan_core::{Channel, Portal, Role};
use leptos::prelude::*;

use super::session::{self, use_session};
use crate::components::form::focus_element;
use crate::components::submit::flow_form::{FlowForm, FlowReceipt, StepCount};
use crate::components::submit::unsent::EarlierTicketNote;
use crate::components::title::use_page_title_of;
use crate::components::with_portal::WithPortal;
use crate::submit::draft_store::DraftStore;
use crate::submit::flow::Flow;
use crate::submit::sending::Via;
use channel::{ChannelLine, ChannelStep};
use words::use_record_words;

/// Where the desk keeps its draft in this tab's sessionStorage; forgotten when the staff member signs out.
pub(super) const DRAFT_KEY: &str = "aduan.desk.draft";

/// The desk's draft: in this tab's sessionStorage, apart from the citizen's `aduan.draft`.
const DESK_STORE: DraftStore = DraftStore {
    read: || session::stored(DRAFT_KEY),
    write: |text| session::store(DRAFT_KEY, text),
};

#[component]
pub fn RecordPage() -> impl IntoView {
    let words = use_record_words();
    use_page_title_of(move || words.word("title").to_string());
    let session = use_session();
    // Not printed: the receipt is what the reporter takes away.
    let heading = view! {
        <h1 class="no-print">{move || words.word("title")}</h1>
        <p class="lead no-print">{move || words.word("lead")}</p>
    };
    if session.role() != Some(Role::Admin) {
        return view! {
            {heading}
            <p class="notice">{move || words.word("admins_only")}</p>
        }
        .into_any();
    }
    view! {
        {heading}
        <WithPortal fallback=move || view! { <p aria-busy="true">{move || words.i18n().t("loading")}</p> } let:p>
            <Desk portal=p />
        </WithPortal>
    }
    .into_any()
}

#[component]
fn Desk(portal: Portal) -> impl IntoView {
    let session = use_session();
    let limits = Signal::stored(Some(portal.limits.clone()));
    let via = Via {
        store: DESK_STORE,
        // The session as it is at each send: signing in again after it ended goes on with the new token.
        send: Some(Rc::new(move |body: String, key: String| {
            let api = session.api();
            Box::pin(async move { api.record_report(&body, &key).await.map_err(|e| e.api_error()) })
        })),
        // Typed in for someone else: not the staff member's own report.
        remember_on_device: false,
    };
    let flow = Flow::via(portal, via, |draft, _| draft);
    let problems = flow.form.problems(limits);
    let choosing = RwSignal::new(false);
    let asks_channel = Memo::new(move |_| {
        choosing.get()
            || flow
                .form
                .draft
                .with(|d| d.channel.as_deref().and_then(Channel::parse).is_none())
    });
    let created = flow.sending.created;
    view! {
        <Show when=move || created.get().is_none() fallback=move || view! { <DeskReceipt flow /> }>
            <Show
                when=move || asks_channel.get()
                fallback=move || {
                    view! {
                        <StepCount flow />
                        <ChannelLine flow choosing />
                        <EarlierTicketNote flow />
                        <FlowForm flow problems />
                    }
                }
            >
                <ChannelStep flow choosing />
            </Show>
        </Show>
    }
}

/// The citizen's receipt, to print for the reporter, then a fresh report.
#[component]
fn DeskReceipt(flow: Flow) -> impl IntoView {
    let words = use_record_words();
    let another = move |_| {
        flow.start_again();
        request_animation_frame(|| focus_element("step-heading"));
    };
    flow.sending.created.get_untracked().map(|created| {
        view! {
            <div class="desk-receipt">
                <FlowReceipt flow created />
            </div>
            <p class="no-print">
                <button type="button" class="button primary" on:click=another>
                    {move || words.word("another")}
                </button>
            </p>
        }
    })
}
