//! `/lapor`: the submission flow's view. Its state, the draft's keeping and the sending live in
//! `crate::submit`; the steps' fields in `components/submit/`.

use aduan_core::Portal;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::api::{ApiError, Client, Open311Client};
use crate::components::lazy::LazyChunk;
use crate::components::submit::flow_form::{FlowForm, FlowReceipt, StepCount};
use crate::components::submit::unsent::EarlierTicketNote;
use crate::components::title::use_page_title;
use crate::components::unread_note::UnreadNote;
use crate::components::with_portal::WithPortal;
use crate::i18n::use_i18n;
use crate::storage;
use crate::submit::flow::Flow;

/// The title and what the page is for come with the shell; the form is the submit chunk, fetched once they
/// are painted.
#[component]
pub fn SubmitPage() -> impl IntoView {
    use_page_title("nav.submit");
    view! { <LazyChunk load=submit_form heading=SubmitIntro after_first_paint=true /> }
}

#[wasm_split(submit, wasm_split_path = ::leptos::wasm_split, fallible)]
fn submit_form() -> Result<AnyView, ApiError> {
    Ok(view! { <SubmitForm /> }.into_any())
}

#[component]
fn SubmitIntro() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t("nav.submit")}</h1>
        <p class="lead">{move || i18n.t("submit.lead")}</p>
    }
}

#[component]
fn SubmitForm() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // As tall as the screen (class boot) until the form can be drawn, so the footer does not jump. The
        // title and introduction stand above the error too, as when the form's chunk does not arrive.
        <WithPortal
            heading=SubmitIntro
            fallback=move || {
                view! {
                    <p class="boot" aria-busy="true">
                        {move || i18n.t("loading")}
                    </p>
                }
            }
            let:p
        >
            <SubmitFlow portal=p />
        </WithPortal>
    }
}

#[component]
fn SubmitFlow(portal: Portal) -> impl IntoView {
    let i18n = use_i18n();
    let limits = Signal::stored(Some(portal.limits.clone()));
    let flow = Flow::new(portal);
    let skipped_services = expect_context::<Client>()
        .open311()
        .map_or(0, Open311Client::skipped_services);
    let problems = flow.form.problems(limits);
    let created = flow.sending.created;
    view! {
        <Show
            when=move || created.get().is_none()
            fallback=move || created.get().map(|created| view! { <FlowReceipt flow created /> })
        >
            <FlowHeading flow />
            <EarlierTicketNote flow />
            // Categories the server listed that could not be read are not offered; the citizen is told.
            <UnreadNote count=skipped_services />
            {(!storage::is_persistent())
                .then(|| {
                    view! {
                        <p class="notice" role="note">
                            {move || i18n.t("submit.draft_session_only")}
                        </p>
                    }
                })}
            <FlowForm flow problems />
        </Show>
    }
}

/// The title (with the introduction above the first step, where the citizen starts) and "step n of m".
#[component]
fn FlowHeading(flow: Flow) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || flow.is_first_step() fallback=move || view! { <h1>{move || i18n.t("nav.submit")}</h1> }>
            <SubmitIntro />
        </Show>
        <StepCount flow />
    }
}
