//! The submission form around its current step, from the error summary to "start again": the same on the
//! citizen's `/lapor` (`pages/submit.rs`) and at the staff desk (`console::record`), for a `Flow` either way.

use aduan_core::ReportCreated;
use leptos::prelude::*;

use crate::api::{ApiError, Refusal};
use crate::clock::today;
use crate::components::form::{ErrorSummary, FieldProblem};
use crate::components::submit::attachments::AttachmentsStep;
use crate::components::submit::details::DetailsStep;
use crate::components::submit::kind::KindStep;
use crate::components::submit::location::LocationStep;
use crate::components::submit::privacy::PrivacyStep;
use crate::components::submit::receipt::Receipt;
use crate::components::submit::review::ReviewStep;
use crate::components::submit::send_words::say;
use crate::components::submit::unsent::UnsentChanges;
use crate::i18n::use_i18n;
use crate::submit::draft::Step;
use crate::submit::flow::Flow;
use crate::submit::sending::Sending;

/// The error summary, the form with the current step, why a send failed, the buttons, and "start again".
#[component]
pub fn FlowForm(flow: Flow, problems: Signal<Vec<FieldProblem>>) -> impl IntoView {
    let i18n = use_i18n();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        flow.submit_step();
    };
    view! {
        <ErrorSummary problems title=Signal::derive(move || i18n.t("errors.summary")) />
        <form class="report-form" novalidate on:submit=on_submit>
            <CurrentStep flow problems />
            <SendFailure flow />
            <FlowActions flow />
        </form>
        <StartAgain flow />
    }
}

#[component]
fn CurrentStep(flow: Flow, problems: Signal<Vec<FieldProblem>>) -> impl IntoView {
    let Flow {
        form, portal, asked, ..
    } = flow;
    let today_text = Signal::stored(today().to_string());
    let body_max = Signal::stored(portal.with_value(|p| p.limits.body_max));
    move || match flow.step.get() {
        Step::Kind => view! { <KindStep form problems /> }.into_any(),
        Step::Details => view! { <DetailsStep form problems body_max today=today_text asked /> }.into_any(),
        Step::Location => {
            view! { <LocationStep form problems portal=portal.get_value() asked questions=flow.questions /> }.into_any()
        }
        Step::Attachments => {
            view! { <AttachmentsStep form problems limits=portal.with_value(|p| p.limits.clone()) /> }.into_any()
        }
        Step::Privacy => view! { <PrivacyStep form problems asked /> }.into_any(),
        Step::Review => {
            view! { <ReviewStep form portal=portal.get_value() asked questions=form.questions /> }.into_any()
        }
    }
}

/// Why the report has not been sent yet: refused by the server (in its own words), or not answered, when it
/// may have arrived after all.
#[component]
fn SendFailure(flow: Flow) -> impl IntoView {
    let i18n = use_i18n();
    let Sending { unsure, failure, .. } = flow.sending;
    let idempotent = flow.sending.idempotent();
    // Only a backend with keys refuses a reused one; elsewhere a 422 naming no field is a plain refusal.
    let key_taken = Memo::new(move |_| idempotent && failure.with(|f| f.as_ref().is_some_and(ApiError::is_key_reused)));
    let refusal = Memo::new(move |_| failure.with(|f| f.as_ref().and_then(ApiError::refusal)));
    let words = Memo::new(move |_| failure_words(key_taken.get(), refusal.with(Option::is_some), unsure.get()));
    view! {
        <Show when=move || failure.get().is_some()>
            <div class="error-panel" role="alert">
                <h2>{move || say(i18n, words.get().0)}</h2>
                <p>{move || say(i18n, words.get().1)}</p>
                <Show when=move || !key_taken.get()>
                    <RefusalWords refusal />
                </Show>
                <Show when=move || key_taken.get()>
                    <button type="button" class="button secondary" on:click=move |_| flow.send_as_new()>
                        {move || i18n.t("submit.send_as_new")}
                    </button>
                </Show>
            </div>
        </Show>
    }
}

/// The title and text keys of the panel: the key reused for another version, a refusal, or not sent (and
/// whether it may have arrived).
pub fn failure_words(key_taken: bool, refused: bool, unsure: bool) -> (&'static str, &'static str) {
    match (key_taken, refused, unsure) {
        (true, _, _) => ("submit.key_taken_title", "submit.key_taken"),
        (false, true, _) => ("submit.refused_title", "submit.refused"),
        (false, false, true) => ("submit.not_sent_unsure_title", "submit.not_sent_unsure"),
        (false, false, false) => ("submit.not_sent", "submit.not_sent_body"),
    }
}

/// The server's own words, quoted as text (never markup), or that it gave none.
#[component]
fn RefusalWords(refusal: Memo<Option<Refusal>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        refusal.get().map(|r| match r.words {
            Some(words) => view! {
                <p>{move || say(i18n, "submit.refused_said")}</p>
                <blockquote class="server-words">{words}</blockquote>
            }
            .into_any(),
            None => {
                let status = r.status.to_string();
                view! { <p>{move || say(i18n, "submit.refused_silent").replace("{status}", &status)}</p> }.into_any()
            }
        })
    }
}

#[component]
fn FlowActions(flow: Flow) -> impl IntoView {
    let i18n = use_i18n();
    let pending = flow.sending.pending;
    let failed = move || flow.sending.failure.get().is_some();
    view! {
        <div class="actions">
            <Show when=move || !flow.is_first_step()>
                <button type="button" class="button secondary" on:click=move |_| flow.go_back()>
                    {move || i18n.t("action.back")}
                </button>
            </Show>
            <button
                type="submit"
                class="button primary"
                disabled=move || pending.get()
                aria-busy=move || pending.get().to_string()
            >
                {move || match (flow.step.get(), failed()) {
                    (Step::Review, true) => i18n.t("submit.send_again"),
                    (Step::Review, false) => i18n.t("action.send"),
                    _ => i18n.t("action.continue"),
                }}
            </button>
        </div>
    }
}

/// "Start again", asked twice so that a slip does not lose the draft.
#[component]
fn StartAgain(flow: Flow) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    view! {
        <div class="start-again">
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button type="button" class="link-button" on:click=move |_| confirming.set(true)>
                            {move || i18n.t("submit.start_again")}
                        </button>
                    }
                }
            >
                <div role="group" aria-labelledby="reset-question" class="confirm">
                    <p id="reset-question">{move || i18n.t("submit.start_again_confirm")}</p>
                    <button
                        type="button"
                        class="button warning"
                        on:click=move |_| {
                            flow.start_again();
                            confirming.set(false);
                        }
                    >
                        {move || i18n.t("submit.start_again_yes")}
                    </button>
                    " "
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                        {move || i18n.t("action.cancel")}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// "Step 2 of 6", where moving between steps puts the focus (`step-heading`).
#[component]
pub fn StepCount(flow: Flow) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let (n, total) = flow.position();
        i18n.t("submit.step")
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string())
    };
    view! {
        <p class="step-count" id="step-heading" tabindex="-1">
            {text}
        </p>
    }
}

/// The receipt of the report that arrived, after the note that later changes were not sent, if any.
#[component]
pub fn FlowReceipt(flow: Flow, created: ReportCreated) -> impl IntoView {
    let ticket = created.ticket.clone();
    let changes_not_sent = flow.sending.changes_not_sent;
    view! {
        <Show when=move || changes_not_sent.get()>
            <UnsentChanges flow ticket=ticket.clone() />
        </Show>
        <Receipt created />
    }
}
