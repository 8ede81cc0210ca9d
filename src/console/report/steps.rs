//! The workflow steps the signed-in role may take now (the server lists them in the report's `steps`): one
//! form with the message to the citizen, the agency for a forward, and a button for each step. The message is
//! kept as a draft by ticket while it is typed, so a session that ends meanwhile loses none of it.

use aduan_core::{Agency, NewStep, StepAction};
use leptos::prelude::*;

use super::rules::{check_step, draft_key, step_field, AGENCY_INPUT, MESSAGE_INPUT};
use super::state::{Done, ReportState};
use super::templates::{ReportPlaceholders, TemplatePicker};
use super::words::{step_key, use_report_words};
use crate::components::form::{described_by, Field};
use crate::console::session::{forget, store, stored, use_session};

#[component]
pub fn StepForm(
    steps: Vec<StepAction>,
    can_write: bool,
    current_agency: Option<String>,
    agencies: Vec<Agency>,
    message_max: usize,
    placeholders: ReportPlaceholders,
) -> impl IntoView {
    let words = use_report_words();
    let said = |key: &'static str| {
        view! {
            <h2>{move || words.word("steps.title")}</h2>
            <p class="notice">{move || words.word(key)}</p>
        }
        .into_any()
    };
    match (can_write, steps.is_empty()) {
        (false, _) => said("steps.read_only"),
        (true, true) => said("steps.none"),
        (true, false) => view! { <StepChoices steps current_agency agencies message_max placeholders /> }.into_any(),
    }
}

#[component]
fn StepChoices(
    steps: Vec<StepAction>,
    current_agency: Option<String>,
    agencies: Vec<Agency>,
    message_max: usize,
    placeholders: ReportPlaceholders,
) -> impl IntoView {
    let words = use_report_words();
    let state = expect_context::<ReportState>();
    let session = use_session();
    let draft = StoredValue::new(draft_key(&state.ticket.get_value(), "message"));
    let message = RwSignal::new(draft.with_value(|key| stored(key)).unwrap_or_default());
    let agency = RwSignal::new(String::new());
    let send = Action::new_local(move |step: &NewStep| {
        let (api, ticket, step) = (session.api(), state.ticket.get_value(), step.clone());
        async move {
            match api.step(&ticket, &step).await {
                Ok(view) => {
                    draft.with_value(|key| forget(key));
                    state.succeeded(Done::Step(step.action, view.report.status), Some(view));
                }
                Err(error) => state.refused(&error, step_field),
            }
        }
    });
    let pending = send.pending();
    // The button that submitted the form: its click comes before the form's submit event.
    let chosen = StoredValue::new(None::<StepAction>);
    let current_agency = StoredValue::new(current_agency);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(action) = chosen.get_value() else {
            return;
        };
        if pending.get_untracked() {
            return;
        }
        state.start(Some(action));
        let checked = current_agency.with_value(|current| {
            check_step(
                action,
                &message.get_untracked(),
                &agency.get_untracked(),
                current.as_deref(),
                message_max,
            )
        });
        match checked {
            Ok(step) => {
                send.dispatch(step);
            }
            Err(problems) => state.show_problems(problems),
        }
    };
    let needing: Vec<StepAction> = steps.iter().copied().filter(|s| s.needs_message()).collect();
    let message_hint = Signal::derive(move || {
        let mut hint = words.word("steps.message_hint").to_string();
        if !needing.is_empty() {
            let names: Vec<&str> = needing.iter().map(|s| words.word(step_key(*s))).collect();
            hint.push(' ');
            hint.push_str(&words.word("steps.message_needed").replace("{steps}", &names.join(", ")));
        }
        hint
    });
    let message_error = state.problem_at(MESSAGE_INPUT);
    let forwards = steps.contains(&StepAction::Forward);
    let with_message: Vec<StepAction> = steps.iter().copied().filter(|s| s.needs_message()).collect();
    let on_fill = Callback::new(move |text: String| {
        draft.with_value(|key| store(key, &text));
        message.set(text);
    });
    view! {
        <form class="step-form" on:submit=on_submit novalidate>
            <h2>{move || words.word("steps.title")}</h2>
            <TemplatePicker steps=with_message placeholders message on_fill />
            <Field
                id=MESSAGE_INPUT
                label=Signal::derive(move || words.word("steps.message"))
                hint=Some(message_hint)
                error=message_error
            >
                <textarea
                    id=MESSAGE_INPUT
                    name="message"
                    rows="5"
                    aria-describedby=described_by(MESSAGE_INPUT, true, message_error)
                    aria-invalid=move || message_error.read().is_some().to_string()
                    prop:value=message
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        draft.with_value(|key| store(key, &text));
                        message.set(text);
                    }
                ></textarea>
            </Field>
            {forwards.then(|| view! { <AgencySelect agencies agency error=state.problem_at(AGENCY_INPUT) /> })}
            <div class="actions">
                {steps
                    .into_iter()
                    .map(|step| {
                        let class = match step {
                            StepAction::Reject | StepAction::HandBack => "button warning",
                            _ => "button primary",
                        };
                        view! {
                            <button
                                type="submit"
                                class=class
                                data-step=step.as_str()
                                aria-disabled=move || pending.get().to_string()
                                on:click=move |_| chosen.set_value(Some(step))
                            >
                                {move || words.word(step_key(step))}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </form>
    }
}

/// The agency a forward sends the report to, from the portal's list: on the report page and in the queue's bulk
/// bar, each with its own error.
#[component]
pub fn AgencySelect(agencies: Vec<Agency>, agency: RwSignal<String>, error: Signal<Option<String>>) -> impl IntoView {
    let words = use_report_words();
    let hint = Signal::derive(move || {
        words
            .word("steps.agency_hint")
            .replace("{step}", words.word(step_key(StepAction::Forward)))
    });
    view! {
        <Field id=AGENCY_INPUT label=Signal::derive(move || words.word("steps.agency")) hint=Some(hint) error>
            <select
                id=AGENCY_INPUT
                name="agency_id"
                aria-describedby=described_by(AGENCY_INPUT, true, error)
                aria-invalid=move || error.read().is_some().to_string()
                prop:value=agency
                on:change=move |ev| agency.set(event_target_value(&ev))
            >
                <option value="">{move || words.word("steps.agency_choose")}</option>
                {agencies.into_iter().map(|a| view! { <option value=a.id>{a.name}</option> }).collect_view()}
            </select>
        </Field>
    }
}
