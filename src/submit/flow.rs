//! The submission flow's state and what its buttons do: moving between steps, checking each step before
//! the next, and sending from the review. The page (`pages/submit.rs`) draws it.

use aduan_core::open311::Attribute;
use aduan_core::open311::{answer_problems, answers_to_send};
use aduan_core::validation::Rule;
use aduan_core::Portal;
use leptos::prelude::*;

use super::draft::{new_idempotency_key, Draft, Step};
use super::draft_store;
use super::sending::{Outgoing, Sending, Via};
use super::server_problems::server_problems;
use crate::api::{ApiError, Backend, Client};
use crate::clock::today;
use crate::components::form::focus_element;
use crate::components::submit::questions::question_label;
use crate::components::submit::FormContext;
use crate::field::Field;
use crate::i18n::{use_i18n, I18n};

/// A category's questions, as the backend gives them.
pub type Questions = LocalResource<Result<Vec<Attribute>, ApiError>>;

#[derive(Clone, Copy)]
pub struct Flow {
    pub form: FormContext,
    pub portal: StoredValue<Portal>,
    /// The fields the backend stores.
    pub asked: &'static [Field],
    /// The steps those fields need, in order.
    pub steps: StoredValue<Vec<Step>>,
    pub step: Memo<Step>,
    /// The chosen category's questions, when the backend has any.
    pub questions: Option<Questions>,
    pub sending: Sending,
}

impl Flow {
    /// The citizen's flow on `/lapor`.
    pub fn new(portal: Portal) -> Flow {
        Flow::via(portal, Via::citizen(), draft_store::with_presets)
    }

    /// A flow that keeps its draft and sends it where `via` says, starting from the draft `via.store` holds
    /// as `prepare` leaves it (the citizen's `?agency=`/`?category=` presets).
    pub fn via(portal: Portal, via: Via, prepare: fn(Draft, &Portal) -> Draft) -> Flow {
        let mut restored = prepare(draft_store::load(via.store), &portal);
        let client = expect_context::<Client>();
        let asked = client.features().fields;
        let steps = StoredValue::new(Step::shown(asked));
        if !steps.with_value(|s| s.contains(&restored.step)) {
            restored.step = steps.with_value(|s| s[0]);
        }
        let draft = RwSignal::new(restored);
        draft_store::keep_saved(via.store, draft);
        let questions = client
            .features()
            .category_questions
            .then(|| category_questions(client.clone(), draft));
        // What the chosen category asks; while loading or after a failure, nothing (the step says which).
        let asked_questions: Signal<Vec<Attribute>> =
            Memo::new(move |_| questions.and_then(|q| q.get()).and_then(Result::ok).unwrap_or_default()).into();
        let flow = Flow {
            form: FormContext {
                draft,
                shown: RwSignal::new(vec![]),
                reported: RwSignal::new(vec![]),
                questions: asked_questions,
            },
            portal: StoredValue::new(portal),
            asked,
            steps,
            step: Memo::new(move |_| draft.with(|d| d.step)),
            questions,
            sending: Sending::new(client, draft, via),
        };
        // Only from the review: an automatic retry must not send a draft the citizen is in the middle of changing.
        flow.sending.retry_with(Callback::new(move |_| {
            if flow.step.get_untracked() == Step::Review {
                flow.send();
            }
        }));
        flow.answer_sends(use_i18n());
        flow
    }

    pub fn is_first_step(self) -> bool {
        self.steps.with_value(|all| self.step.get() == all[0])
    }

    /// "Step 2 of 5".
    pub fn position(self) -> (usize, usize) {
        self.steps.with_value(|all| {
            let at = all.iter().position(|s| *s == self.step.get()).unwrap_or(0);
            (at + 1, all.len())
        })
    }

    pub fn go_back(self) {
        self.go_to(self.steps.with_value(|all| self.step.get_untracked().previous(all)));
    }

    /// Continue: to the next step if this one has no problems; on the review, send.
    pub fn submit_step(self) {
        let step = self.step.get_untracked();
        if step == Step::Review {
            return self.send();
        }
        let found: Vec<(String, Rule)> = self
            .all_problems()
            .into_iter()
            .filter(|(f, _)| Step::of_field(f) == step)
            .collect();
        if found.is_empty() {
            self.go_to(self.steps.with_value(|all| step.next(all)));
        } else {
            self.show_problems(found);
        }
    }

    /// Sends the draft, or goes back to the first step with a problem.
    pub fn send(self) {
        if self.sending.busy() {
            return;
        }
        let all = self.all_problems();
        if let Some((field, _)) = all.first() {
            let first = Step::of_field(field);
            self.form.draft.update(|d| d.step = first);
            return self.show_problems(all.into_iter().filter(|(f, _)| Step::of_field(f) == first).collect());
        }
        let questions = self.form.questions.get_untracked();
        let outgoing = self.form.draft.with_untracked(|d| Outgoing {
            report: d.to_new_report().0,
            answers: answers_to_send(&questions, &d.answers),
            idempotency_key: d.idempotency_key.clone(),
            body: d.contract_body(),
            earlier: d.sent_bodies.clone(),
        });
        self.sending.send(outgoing);
    }

    /// Sends the draft as a new report, under a new key, when the citizen chose to after being told that
    /// another version of it already arrived.
    pub fn send_as_new(self) {
        self.form.draft.update(|d| {
            d.idempotency_key = new_idempotency_key(js_sys::Math::random);
            d.sent_bodies.clear();
        });
        self.sending.clear();
        self.send();
    }

    /// Back from the receipt of an earlier version to the draft's unsent changes, to review and send them.
    pub fn review_unsent_changes(self) {
        self.sending.clear();
        self.go_to(Step::Review);
    }

    /// A fresh draft, with nothing shown of the last one.
    pub fn start_again(self) {
        self.form.draft.set(draft_store::fresh());
        self.form.shown.set(vec![]);
        self.form.reported.set(vec![]);
        self.sending.clear();
    }

    fn go_to(self, step: Step) {
        self.form.shown.set(vec![]);
        self.form.reported.set(vec![]);
        self.form.draft.update(|d| d.step = step);
        request_animation_frame(|| focus_element("step-heading"));
    }

    fn show_problems(self, found: Vec<(String, Rule)>) {
        self.form.reported.set(vec![]);
        self.form.shown.set(found);
        request_animation_frame(|| focus_element("error-summary"));
    }

    /// Until a chosen category's questions are known, its answers can be neither checked nor sent.
    fn questions_missing(self) -> bool {
        self.questions.is_some_and(|q| {
            self.form.draft.with_untracked(|d| !d.category_id.is_empty()) && !matches!(q.get_untracked(), Some(Ok(_)))
        })
    }

    /// Every problem, in form order: the draft's, then the category's questions (missing, or their answers).
    fn all_problems(self) -> Vec<(String, Rule)> {
        let draft = self.form.draft;
        let found = self
            .portal
            .with_value(|p| draft.with_untracked(|d| d.problems(p, today(), self.asked)));
        let mut all: Vec<(String, Rule)> = found.into_iter().map(|(f, r)| (f.to_string(), r)).collect();
        if self.questions_missing() {
            all.push(("questions".into(), Rule::Required));
        }
        let questions = self.form.questions.get_untracked();
        all.extend(draft.with_untracked(|d| answer_problems(&questions, &d.answers)));
        all
    }

    /// What the server's answer means for the page: the receipt, or the problems it found with the report.
    fn answer_sends(self, i18n: I18n) {
        let answer = self.sending.action.value();
        Effect::new(move |_| match answer.get() {
            Some(Ok(arrived)) => {
                let heading = if arrived.changes_not_sent {
                    "unsent-changes-title"
                } else {
                    "receipt-title"
                };
                request_animation_frame(move || focus_element(heading));
            }
            Some(Err(error)) => {
                let questions = self.form.questions.get_untracked();
                let Some(found) = server_problems(&error, |f| field_label(i18n, f, &questions)) else {
                    return;
                };
                self.form.draft.update(|d| d.step = found.step);
                self.show_problems(found.shown);
                self.form.reported.set(found.quoted);
            }
            None => {}
        });
    }
}

/// The questions of the chosen category, asked again whenever it changes.
fn category_questions(client: Client, draft: RwSignal<Draft>) -> Questions {
    let category = Memo::new(move |_| draft.with(|d| d.category_id.clone()));
    LocalResource::new(move || {
        let (client, category) = (client.clone(), category.get());
        async move {
            if category.is_empty() {
                Ok(vec![])
            } else {
                client.questions(&category).await
            }
        }
    })
}

/// The label of the input a server's own words are about, so the summary says which answer to change.
fn field_label(i18n: I18n, field: &str, questions: &[Attribute]) -> Option<String> {
    if let Some(code) = field.strip_prefix("attribute.") {
        return questions.iter().find(|q| q.code == code).map(question_label);
    }
    Field::parse(field).map(|f| i18n.t(f.label_key()).to_string())
}
