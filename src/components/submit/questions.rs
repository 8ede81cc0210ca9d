//! A category's own questions (Open311 service attributes), asked right under the category: text, number,
//! date, one choice or several, each with a label, hint and inline error like every other field.

use aduan_core::open311::{answer_field, Attribute};
use leptos::prelude::*;

use super::{input_id, FormContext};
use crate::api::{ApiError, Client};
use crate::components::form::{described_by, problem_for, FieldMessages, FieldProblem};
use crate::components::submit::send_words::say;
use crate::components::unread_note::UnreadNote;
use crate::i18n::use_i18n;
use crate::submit::draft::Draft;

#[component]
pub fn Questions(
    form: FormContext,
    problems: Signal<Vec<FieldProblem>>,
    questions: LocalResource<Result<Vec<Attribute>, ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // id="questions": where the error summary sends the citizen while the questions are missing.
        <Suspense fallback=move || {
            view! {
                <p class="hint" id="questions" tabindex="-1" aria-busy="true">
                    {move || i18n.t("submit.questions_loading")}
                </p>
            }
        }>
            {move || {
                questions
                    .get()
                    .map(|loaded| match loaded {
                        Ok(list) => {
                            view! {
                                <QuestionsNotes form />
                                {list
                                    .into_iter()
                                    .map(|question| view! { <Question form problems question /> })
                                    .collect_view()}
                            }
                                .into_any()
                        }
                        Err(_) => {
                            view! {
                                <div class="notice" role="alert" id="questions" tabindex="-1">
                                    <p>{move || i18n.t("submit.questions_failed")}</p>
                                    <button
                                        type="button"
                                        class="button secondary"
                                        on:click=move |_| questions.refetch()
                                    >
                                        {move || i18n.t("action.retry")}
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

/// What could not be read of the chosen category's definition: a definition that cannot be read at all is
/// said once (asking again would get the same answer), and skipped questions or choices are counted.
#[component]
fn QuestionsNotes(form: FormContext) -> impl IntoView {
    let i18n = use_i18n();
    let code = form.draft.with_untracked(|d| d.category_id.clone());
    let (skipped, unreadable) = expect_context::<Client>()
        .open311()
        .map(|o| o.skipped_questions(&code))
        .unwrap_or_default();
    view! {
        {unreadable
            .then(|| {
                view! {
                    <p class="notice" role="note" id="questions">
                        {move || say(i18n, "submit.questions_unreadable")}
                    </p>
                }
            })}
        <UnreadNote count=skipped />
    }
}

/// What the question asks, as its label: the description, or the code when the server gave none.
pub fn question_label(question: &Attribute) -> String {
    question
        .description
        .clone()
        .filter(|d| !d.trim().is_empty())
        .unwrap_or_else(|| question.code.clone())
}

/// A question's answer in the draft: a list of values (one for every kind but several choices).
/// Read through plain calls over the draft, not derived signals: the draft also holds the step, so these
/// run once more while the step that owns them is being replaced, when a derived signal is already disposed.
#[derive(Clone)]
struct Answer {
    draft: RwSignal<Draft>,
    code: String,
}

impl Answer {
    fn values(&self) -> Vec<String> {
        self.draft
            .with(|d| d.answers.get(&self.code).cloned().unwrap_or_default())
    }

    fn first(&self) -> String {
        self.values().into_iter().next().unwrap_or_default()
    }

    fn set(&self, values: Vec<String>) {
        self.draft.update(|d| {
            d.answers.insert(self.code.clone(), values);
        });
    }
}

#[component]
fn Question(form: FormContext, problems: Signal<Vec<FieldProblem>>, question: Attribute) -> impl IntoView {
    let i18n = use_i18n();
    let label = question_label(&question);
    if !question.variable {
        return view! { <p class="hint">{label}</p> }.into_any();
    }
    let id = input_id(&answer_field(&question.code));
    let error = problem_for(problems, id.clone());
    let answer = Answer {
        draft: form.draft,
        code: question.code.clone(),
    };
    let hint = question.datatype_description.clone().filter(|h| !h.trim().is_empty());
    let described = described_by(id.clone(), hint.is_some(), error);
    let optional = !question.required;
    let label_text = move || {
        if optional {
            format!("{label} {}", i18n.t("submit.optional"))
        } else {
            label.clone()
        }
    };
    let messages = view! { <FieldMessages id=id.clone() hint=hint.map(Signal::from) error /> };
    if question.datatype == "multivaluelist" {
        return view! {
            <div class="field" class:field-error=move || error.read().is_some()>
                <fieldset aria-describedby=described>
                    <legend>{label_text}</legend>
                    {messages}
                    {checkboxes(&question, &id, answer)}
                </fieldset>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="field" class:field-error=move || error.read().is_some()>
            <label for=id.clone()>{label_text}</label>
            {messages}
            {single_answer(&question, id, described, error, answer)}
        </div>
    }
    .into_any()
}

/// One checkbox per choice; the first carries the question's id, so the error summary's link lands on it.
fn checkboxes(question: &Attribute, id: &str, answer: Answer) -> impl IntoView {
    question
        .values
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let box_id = if i == 0 { id.to_string() } else { format!("{id}-{i}") };
            let checked = {
                let (key, answer) = (choice.key.clone(), answer.clone());
                move || answer.values().contains(&key)
            };
            let toggle = {
                let (key, answer) = (choice.key.clone(), answer.clone());
                move |ev: leptos::ev::Event| {
                    let mut values = untrack(|| answer.values());
                    values.retain(|v| v != &key);
                    if event_target_checked(&ev) {
                        values.push(key.clone());
                    }
                    answer.set(values);
                }
            };
            view! {
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        name=box_id.clone()
                        value=choice.key.clone()
                        prop:checked=checked
                        on:change=toggle
                    />
                    <label for=box_id>{choice.name.clone()}</label>
                </div>
            }
        })
        .collect_view()
}

/// The control of a question with one answer: a text area, a list to choose from, or a number or date.
fn single_answer(
    question: &Attribute,
    id: String,
    described: Signal<String>,
    error: Signal<Option<String>>,
    answer: Answer,
) -> AnyView {
    let i18n = use_i18n();
    let invalid = move || error.read().is_some().to_string();
    let first = {
        let answer = answer.clone();
        move || answer.first()
    };
    let on_text = move |ev: leptos::ev::Event| answer.set(vec![event_target_value(&ev)]);
    match question.datatype.as_str() {
        "text" => view! {
            <textarea
                id=id.clone()
                name=id
                rows="4"
                aria-describedby=described
                aria-invalid=invalid
                prop:value=first
                on:input=on_text
            ></textarea>
        }
        .into_any(),
        "singlevaluelist" => {
            let options = question.values.iter().map(|choice| {
                let (key, first) = (choice.key.clone(), first.clone());
                view! {
                    <option value=choice.key.clone() selected=move || first() == key>
                        {choice.name.clone()}
                    </option>
                }
            });
            view! {
                <select
                    id=id.clone()
                    name=id
                    aria-describedby=described
                    aria-invalid=invalid
                    prop:value=first
                    on:change=on_text
                >
                    <option value="">{move || i18n.t("submit.choose_answer")}</option>
                    {options.collect_view()}
                </select>
            }
            .into_any()
        }
        datatype => {
            let (kind, mode) = match datatype {
                "number" => ("text", "decimal"),
                "datetime" => ("date", "text"),
                _ => ("text", "text"),
            };
            view! {
                <input
                    type=kind
                    inputmode=mode
                    id=id.clone()
                    name=id
                    aria-describedby=described
                    aria-invalid=invalid
                    prop:value=first
                    on:input=on_text
                />
            }
            .into_any()
        }
    }
}
