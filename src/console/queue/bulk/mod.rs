//! Bulk steps in the queue (`POST /staff/bulk-steps`): on the administrator's desk tabs ([`outcome::offered`]) a
//! checkbox per row and one for the page, and, while something is selected, a bar to verify or forward every
//! selected report at once with one message. The server takes each report's step as the single step does; the
//! answer is said in a panel that takes the focus: how many were done, and each refused report by its ticket
//! with the reason. Refused reports stay selected, and the queue and its counts are read again.

mod outcome;
mod picks;
mod words;

use aduan_core::{Agency, BulkOutcome, BulkSteps, QueueQuery, QueueTab, StepAction};
use leptos::prelude::*;

use self::outcome::{counted, done_key, reason_key, still_selected};
use self::words::use_bulk_words;
use crate::components::form::{described_by, focus_element, ErrorSummary, Field, FieldProblem};
use crate::console::report::rules::{check_step, problem_at, refusal, step_field, Problem, Refusal};
use crate::console::report::rules::{AGENCY_INPUT, MESSAGE_INPUT};
use crate::console::report::steps::AgencySelect;
use crate::console::report::words::{step_key, use_report_words};
use crate::console::session::use_session;
use crate::i18n::format_count;

pub use picks::{PickAll, PickBox};

const RESULT_ID: &str = "bulk-result";
const NOTICE_ID: &str = "bulk-refused";

/// The reports selected on the queue page, shared by its rows and the bar through a context.
#[derive(Clone, Copy)]
pub struct Selection {
    /// Whether the tab shown lets its rows be selected.
    pub offered: Signal<bool>,
    picked: RwSignal<Vec<String>>,
    /// The last answer and the step it was for, until the next send or another view of the queue.
    outcome: RwSignal<Option<(StepAction, BulkOutcome)>>,
}

impl Selection {
    /// The page's selection for the view of the queue in the URL, emptied whenever that view changes (tab,
    /// filters, page). `tab` is the tab shown for it.
    pub fn provide(role: Option<aduan_core::Role>, view: Memo<QueueQuery>, tab: Signal<QueueTab>) -> Selection {
        let selection = Selection {
            offered: Signal::derive(move || outcome::offered(role, tab.get())),
            picked: RwSignal::new(vec![]),
            outcome: RwSignal::new(None),
        };
        Effect::watch(
            move || view.get(),
            move |_, _, _| {
                selection.picked.set(vec![]);
                selection.outcome.set(None);
            },
            false,
        );
        provide_context(selection);
        selection
    }

    pub fn has(&self, ticket: &str) -> bool {
        self.picked.read().iter().any(|t| t == ticket)
    }

    /// Selects (`on`) or unselects each of `tickets`.
    pub fn set(&self, tickets: &[String], on: bool) {
        self.picked.update(|picked| {
            picked.retain(|t| !tickets.contains(t));
            if on {
                picked.extend(tickets.iter().cloned());
            }
        });
    }

    pub fn clear(&self) {
        self.picked.set(vec![]);
    }
}

/// The bar's entries and what it says about them, shared by its parts.
#[derive(Clone, Copy)]
struct Entries {
    message: RwSignal<String>,
    agency: RwSignal<String>,
    /// Entries to fix, as (input id, words key of the report page).
    problems: RwSignal<Vec<Problem>>,
    /// The step the problems are about, for `{step}` in their words.
    step: RwSignal<StepAction>,
    /// A refusal of the whole request, by its words key.
    notice: RwSignal<Option<&'static str>>,
}

impl Entries {
    fn show_problems(&self, found: Vec<Problem>) {
        self.problems.set(found);
        request_animation_frame(|| focus_element("error-summary"));
    }
}

/// The send: the answer updates the selection and is said in the result panel (focused); a refusal of the whole
/// request is said above the bar, or at the fields it names.
fn sender(selection: Selection, entries: Entries, on_sent: Callback<()>) -> Action<BulkSteps, ()> {
    let session = use_session();
    Action::new_local(move |bulk: &BulkSteps| {
        let (api, bulk) = (session.api(), bulk.clone());
        async move {
            match api.bulk_steps(&bulk).await {
                Ok(answer) => {
                    // Every report done: the bar starts empty for the next selection, as after a single step.
                    if answer.failed.is_empty() {
                        entries.message.set(String::new());
                        entries.agency.set(String::new());
                    }
                    selection
                        .picked
                        .update(|picked| *picked = still_selected(picked, &answer));
                    selection.outcome.set(Some((bulk.action, answer)));
                    on_sent.run(());
                    request_animation_frame(|| focus_element(RESULT_ID));
                }
                Err(error) => match refusal(&error, step_field) {
                    Refusal::Fields(found) => entries.show_problems(found),
                    Refusal::Notice { .. } => {
                        // The bar's own words: a 403 is this account's role, anything else the request.
                        let said = if error.status() == Some(403) {
                            "refused_role"
                        } else {
                            "refused"
                        };
                        entries.notice.set(Some(said));
                        request_animation_frame(|| focus_element(NOTICE_ID));
                    }
                    Refusal::SignedOut => {}
                },
            }
        }
    })
}

/// The bar under the queue while reports are selected: the agency for a forward, an optional message, the two
/// steps; and above it the answer to the last send.
#[component]
pub fn BulkBar(agencies: Vec<Agency>, message_max: usize, on_sent: Callback<()>) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let (bulk_words, words) = (use_bulk_words(), use_report_words());
    let entries = Entries {
        message: RwSignal::new(String::new()),
        agency: RwSignal::new(String::new()),
        problems: RwSignal::new(vec![]),
        step: RwSignal::new(StepAction::Verify),
        notice: RwSignal::new(None),
    };
    let send = sender(selection, entries, on_sent);
    let pending = send.pending();
    let take = move |action: StepAction| {
        if pending.get_untracked() {
            return;
        }
        entries.step.set(action);
        entries.notice.set(None);
        selection.outcome.set(None);
        let (message, agency) = (entries.message.get_untracked(), entries.agency.get_untracked());
        match check_step(action, &message, &agency, None, message_max) {
            Ok(checked) => {
                entries.problems.set(vec![]);
                send.dispatch(BulkSteps {
                    action,
                    tickets: selection.picked.get_untracked(),
                    message: checked.message,
                    agency_id: checked.agency_id,
                });
            }
            Err(found) => entries.show_problems(found),
        }
    };
    let worded = move |key: &'static str| {
        words
            .word(key)
            .replace("{step}", words.word(step_key(entries.step.get())))
            .replace("{max}", &message_max.to_string())
    };
    let summary = Signal::derive(move || {
        let problems = entries.problems.get().into_iter();
        problems
            .map(|(id, key)| FieldProblem {
                input_id: id.to_string(),
                message: worded(key),
            })
            .collect::<Vec<_>>()
    });
    let count = move || {
        let n = selection.picked.read().len();
        bulk_words
            .word(counted(n, "selected.one", "selected.other"))
            .replace("{n}", &format_count(n as u64, words.lang()))
    };
    let shown = move || selection.offered.get() && !selection.picked.read().is_empty();
    view! {
        <BulkResult />
        {move || {
            entries
                .notice
                .get()
                .map(|key| {
                    view! {
                        <div class="error-panel" id=NOTICE_ID role="alert" tabindex="-1">
                            <p>{move || bulk_words.word(key)}</p>
                        </div>
                    }
                })
        }}
        <Show when=shown>
            <section class="bulk-bar" aria-labelledby="bulk-title">
                <h2 id="bulk-title">{move || bulk_words.word("title")}</h2>
                <p class="bulk-count">{count}</p>
                <ErrorSummary problems=summary title=Signal::derive(move || words.i18n().t("errors.summary")) />
                <form on:submit=move |ev| ev.prevent_default() novalidate>
                    <BulkFields entries agencies=agencies.clone() worded=Callback::new(worded) />
                    <div class="actions">
                        {[StepAction::Verify, StepAction::Forward]
                            .into_iter()
                            .map(|action| {
                                view! {
                                    <button
                                        type="submit"
                                        class="button primary"
                                        data-step=action.as_str()
                                        aria-disabled=move || pending.get().to_string()
                                        on:click=move |_| take(action)
                                    >
                                        {move || words.word(step_key(action))}
                                    </button>
                                }
                            })
                            .collect_view()}
                        <button type="button" class="button secondary" on:click=move |_| selection.clear()>
                            {move || bulk_words.word("clear")}
                        </button>
                    </div>
                    <Show when=move || pending.get()>
                        <p aria-busy="true">{move || bulk_words.word("sending")}</p>
                    </Show>
                </form>
            </section>
        </Show>
    }
}

/// The agency (for a forward) and the message, each with its hint and inline error.
#[component]
fn BulkFields(entries: Entries, agencies: Vec<Agency>, worded: Callback<&'static str, String>) -> impl IntoView {
    let (bulk_words, words) = (use_bulk_words(), use_report_words());
    let error_at = move |id: &'static str| problem_at(entries.problems, id, move |key| worded.run(key));
    let (message_error, agency_error) = (error_at(MESSAGE_INPUT), error_at(AGENCY_INPUT));
    view! {
        <AgencySelect agencies agency=entries.agency error=agency_error />
        <Field
            id=MESSAGE_INPUT
            label=Signal::derive(move || words.word("steps.message"))
            hint=Some(Signal::derive(move || bulk_words.word("message_hint").to_string()))
            error=message_error
        >
            <textarea
                id=MESSAGE_INPUT
                name="message"
                rows="3"
                aria-describedby=described_by(MESSAGE_INPUT, true, message_error)
                aria-invalid=move || message_error.read().is_some().to_string()
                prop:value=entries.message
                on:input=move |ev| entries.message.set(event_target_value(&ev))
            ></textarea>
        </Field>
    }
}

/// The answer to the last send: how many were done, and each refused report by its ticket with the reason.
#[component]
fn BulkResult() -> impl IntoView {
    let selection = expect_context::<Selection>();
    let bulk_words = use_bulk_words();
    move || {
        selection.outcome.get().map(|(action, answer)| {
            let done = answer.done.len();
            let failed = answer.failed;
            view! {
                <div class="notice bulk-result" id=RESULT_ID role="status" tabindex="-1">
                    {(done > 0)
                        .then(|| {
                            view! {
                                <p>
                                    {move || {
                                        bulk_words
                                            .word(done_key(action, done))
                                            .replace("{n}", &format_count(done as u64, bulk_words.lang()))
                                    }}
                                </p>
                            }
                        })}
                    {(!failed.is_empty())
                        .then(|| {
                            let n = failed.len();
                            view! {
                                <p>
                                    {move || {
                                        bulk_words
                                            .word(counted(n, "failed.one", "failed.other"))
                                            .replace("{n}", &format_count(n as u64, bulk_words.lang()))
                                    }}
                                </p>
                                <ul class="bulk-failures">
                                    {failed
                                        .into_iter()
                                        .map(|f| {
                                            view! {
                                                <li data-ticket=f.ticket.clone()>
                                                    <strong>{crate::console::shown_ticket(&f.ticket)}</strong>
                                                    ": "
                                                    {move || bulk_words.word(reason_key(f.status))}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <p>{move || bulk_words.word("failed_kept")}</p>
                            }
                        })}
                </div>
            }
        })
    }
}
