//! The report page's state, shared by its parts through a context: the report as last loaded or as the last
//! write answered, and what the page says about the last write at its top — done, entries to fix (GOV.UK
//! error summary), or a refusal the entries cannot fix.

use aduan_core::{ResponseTemplate, StaffReportView, Status, StepAction};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::rules::{refusal, Problem, Refusal};
use super::words::{step_key, use_report_words};
use crate::components::form::{focus_element, ErrorSummary, FieldProblem};
use crate::console::api::StaffError;
use crate::console::session::use_session;

const DONE_ID: &str = "report-done";
const NOTICE_ID: &str = "report-refused";

/// A write that succeeded, worded when shown (in the language of the moment).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Done {
    /// A step, and the status it led to.
    Step(StepAction, Status),
    Note,
    Correction,
    /// Marked a duplicate ("Tandai duplikat").
    Duplicate,
}

#[derive(Clone, Copy)]
pub struct ReportState {
    pub ticket: StoredValue<String>,
    pub view: RwSignal<Option<Result<StaffReportView, StaffError>>>,
    /// What the last write did.
    done: RwSignal<Option<Done>>,
    /// Entries to fix, as (input id, words key).
    problems: RwSignal<Vec<Problem>>,
    /// The step the problems are about, for `{step}` in their words.
    step: RwSignal<Option<StepAction>>,
    /// A refusal the entries cannot fix, and whether loading the report again helps.
    notice: RwSignal<Option<(&'static str, bool)>>,
    /// The portal's longest message, for `{max}` in the words.
    pub message_max: StoredValue<usize>,
    load: Action<(), ()>,
    /// Every response template, asked for once per page by the first step form that offers them: they change
    /// only on the templates page, and the step form is drawn again after every step.
    templates: RwSignal<Option<Result<Vec<ResponseTemplate>, StaffError>>>,
    templates_asked: StoredValue<bool>,
}

impl ReportState {
    /// The state of `ticket`'s page, with the report asked for at once.
    pub fn provide(ticket: String) -> ReportState {
        let session = use_session();
        let ticket = StoredValue::new(ticket);
        let view = RwSignal::new(None);
        // A read, but also asked for again after a refusal or a note: an Action, read like the writes.
        let load = Action::new_local(move |_: &()| {
            let (api, ticket) = (session.api(), ticket.get_value());
            async move { view.set(Some(api.report(&ticket).await)) }
        });
        let state = ReportState {
            ticket,
            view,
            done: RwSignal::new(None),
            problems: RwSignal::new(vec![]),
            step: RwSignal::new(None),
            notice: RwSignal::new(None),
            message_max: StoredValue::new(aduan_core::Limits::default().message_max),
            load,
            templates: RwSignal::new(None),
            templates_asked: StoredValue::new(false),
        };
        load.dispatch(());
        provide_context(state);
        state
    }

    pub fn reload(&self) {
        self.load.dispatch(());
    }

    /// The response templates (all categories), asked for on the first call. A failed read is asked again by
    /// the next step form (after signing in again, say).
    pub fn templates(&self) -> ReadSignal<Option<Result<Vec<ResponseTemplate>, StaffError>>> {
        if !self.templates_asked.get_value() {
            self.templates_asked.set_value(true);
            let (api, templates, asked) = (use_session().api(), self.templates, self.templates_asked);
            spawn_local(async move {
                let found = api.templates(None).await;
                if found.is_err() {
                    asked.set_value(false);
                }
                templates.set(Some(found));
            });
        }
        self.templates.read_only()
    }

    /// A write is on its way: what was said about the last one goes.
    pub fn start(&self, step: Option<StepAction>) {
        self.done.set(None);
        self.notice.set(None);
        self.problems.set(vec![]);
        self.step.set(step);
    }

    /// The entries the page found wrong before sending.
    pub fn show_problems(&self, problems: Vec<Problem>) {
        self.problems.set(problems);
        request_animation_frame(|| focus_element("error-summary"));
    }

    /// A write succeeded: said at the top of the page, with the focus on it; `answer`, when the write gave
    /// the report as it now is, replaces what is shown.
    pub fn succeeded(&self, done: Done, answer: Option<StaffReportView>) {
        if let Some(view) = answer {
            self.view.set(Some(Ok(view)));
        }
        self.done.set(Some(done));
        request_animation_frame(|| focus_element(DONE_ID));
    }

    /// A write was refused: explained at the top of the page, fields named by `field_of` at their inputs.
    pub fn refused(
        &self,
        error: &StaffError,
        field_of: impl Fn(&str, aduan_core::validation::Rule) -> Option<Problem>,
    ) {
        self.explain(refusal(error, field_of));
    }

    /// A refusal already explained: the entries to fix, or a notice above the form.
    pub fn explain(&self, refusal: Refusal) {
        match refusal {
            Refusal::Fields(problems) => self.show_problems(problems),
            Refusal::Notice { key, reload } => {
                self.notice.set(Some((key, reload)));
                request_animation_frame(|| focus_element(NOTICE_ID));
            }
            Refusal::SignedOut => {}
        }
    }

    /// The words of the problem at `input_id`, if any (for the field's inline error).
    pub fn problem_at(&self, input_id: &'static str) -> Signal<Option<String>> {
        let state = *self;
        let words = use_report_words();
        super::rules::problem_at(state.problems, input_id, move |key| state.worded(words, key))
    }

    fn worded(&self, words: super::words::ReportWords, key: &'static str) -> String {
        let step = self.step.get().map(|s| words.word(step_key(s))).unwrap_or_default();
        words
            .word(key)
            .replace("{step}", step)
            .replace("{max}", &self.message_max.get_value().to_string())
    }
}

/// What the page says about the last write, at its top: done, the error summary, or a refusal.
#[component]
pub fn PageAlerts() -> impl IntoView {
    let state = expect_context::<ReportState>();
    let words = use_report_words();
    let i18n = words.i18n();
    let problems = Signal::derive(move || {
        state
            .problems
            .get()
            .into_iter()
            .map(|(input_id, key)| FieldProblem {
                input_id: input_id.to_string(),
                message: state.worded(words, key),
            })
            .collect::<Vec<_>>()
    });
    let reload = move |_| {
        state.notice.set(None);
        state.reload();
    };
    view! {
        <ErrorSummary problems title=Signal::derive(move || i18n.t("errors.summary")) />
        {move || {
            state
                .notice
                .get()
                .map(|(key, offer_reload)| {
                    view! {
                        <div class="error-panel" id=NOTICE_ID role="alert" tabindex="-1">
                            <p>{move || words.word(key)}</p>
                            {offer_reload
                                .then(|| {
                                    view! {
                                        <button type="button" class="button secondary" on:click=reload>
                                            {move || words.word("report.retry")}
                                        </button>
                                    }
                                })}
                        </div>
                    }
                })
        }}
        {move || {
            state
                .done
                .get()
                .map(|done| {
                    view! {
                        <div class="notice" id=DONE_ID role="status" tabindex="-1">
                            <p>{move || done_words(words, done)}</p>
                        </div>
                    }
                })
        }}
    }
}

fn done_words(words: super::words::ReportWords, done: Done) -> String {
    match done {
        Done::Step(step, status) => words
            .word("steps.done")
            .replace("{step}", words.word(step_key(step)))
            .replace("{status}", words.i18n().t(crate::i18n::names::status_key(status))),
        Done::Note => words.word("notes.saved").to_string(),
        Done::Correction => words.word("correction.saved").to_string(),
        Done::Duplicate => words.word("duplicate.done").to_string(),
    }
}
