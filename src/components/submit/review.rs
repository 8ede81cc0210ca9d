use aduan_core::open311::Attribute;
use aduan_core::Portal;
use leptos::prelude::*;

use super::questions::question_label;
use super::FormContext;
use crate::field::Field;
use crate::i18n::names::{category_name, format_date};
use crate::i18n::{use_i18n, Lang};
use crate::submit::draft::{Draft, Step};

/// A question's answer as the citizen gave it: a choice by its name, as it was offered, and a date in the
/// user's language; several values joined with commas.
fn answer_text(question: &Attribute, given: &[String], lang: Lang) -> String {
    given
        .iter()
        .map(|v| match question.values.iter().find(|c| &c.key == v) {
            Some(choice) => choice.name.clone(),
            None => v
                .get(..10)
                .and_then(|d| d.parse().ok())
                .filter(|_| question.datatype == "datetime")
                .map(|d| format_date(d, lang))
                .unwrap_or_else(|| v.clone()),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One answer with a button back to the step that asks it; the button names the answer for screen readers.
#[component]
fn SummaryRow(
    form: FormContext,
    #[prop(into)] label: TextProp,
    #[prop(into)] answer: TextProp,
    change_at: Step,
) -> impl IntoView {
    let i18n = use_i18n();
    let hidden_label = label.clone();
    view! {
        <div class="summary-row">
            <dt>{move || label.get()}</dt>
            // An optional answer left out says so (GOV.UK's "Not provided"), rather than an empty line.
            <dd class="answer">
                {move || {
                    let given = answer.get();
                    if given.trim().is_empty() { i18n.t("answer.none").into() } else { given }
                }}
            </dd>
            <dd class="change">
                <button type="button" class="link-button" on:click=move |_| form.draft.update(|d| d.step = change_at)>
                    {move || i18n.t("action.change")}
                    <span class="visually-hidden">" "{move || hidden_label.get()}</span>
                </button>
            </dd>
        </div>
    }
}

/// GOV.UK "check your answers": every answer with a link back to change it.
#[component]
pub fn ReviewStep(
    form: FormContext,
    portal: Portal,
    asked: &'static [Field],
    questions: Signal<Vec<Attribute>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name_of = move |list: &[(String, String)], id: &str| {
        list.iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let regions: Vec<(String, String)> = portal.regions.iter().map(|r| (r.id.clone(), r.name.clone())).collect();
    let agencies: Vec<(String, String)> = portal.agencies.iter().map(|a| (a.id.clone(), a.name.clone())).collect();
    let categories = portal.categories.clone();
    // A row for each field the backend stores. The answer is read from the draft in a plain closure, not a
    // derived signal: the draft also holds the step, so it runs once more while this step is being replaced.
    let row = move |field: Field, value: Box<dyn Fn(&Draft) -> String + Send + Sync>| {
        let label = field.label_key();
        asked.contains(&field).then(|| {
            view! {
                <SummaryRow
                    form
                    label=move || i18n.t(label)
                    answer=move || form.draft.with(|d| value(d))
                    change_at=Step::of(field)
                />
            }
        })
    };
    // The category's questions are asked on the location step.
    let answers = move || {
        questions
            .get()
            .into_iter()
            .filter(|q| q.variable)
            .map(|q| {
                let shown = form
                    .draft
                    .with(|d| answer_text(&q, d.answers.get(&q.code).map_or(&[], Vec::as_slice), i18n.lang()));
                view! { <SummaryRow form label=question_label(&q) answer=shown change_at=Step::Location /> }
            })
            .collect_view()
    };
    let yes_no = move |b: bool| i18n.t(if b { "answer.yes" } else { "answer.no" }).to_string();
    view! {
        <h2>{move || i18n.t("review")}</h2>
        <dl class="summary-list">
            {row(
                Field::Kind,
                Box::new(move |d| {
                    d.kind.map(|k| i18n.t(crate::i18n::names::kind_key(k)).to_string()).unwrap_or_default()
                }),
            )} {row(Field::Title, Box::new(|d| d.title.trim().to_string()))}
            {row(Field::Body, Box::new(|d| d.body.trim().to_string()))}
            {row(
                Field::IncidentDate,
                Box::new(move |d| {
                    d.incident_date
                        .parse()
                        .map_or_else(|_| d.incident_date.clone(), |day| format_date(day, i18n.lang()))
                }),
            )} {row(Field::RegionId, Box::new(move |d| name_of(&regions, &d.region_id)))}
            {row(Field::Address, Box::new(|d| d.address.trim().to_string()))}
            {row(
                Field::CategoryId,
                Box::new(move |d| {
                    categories
                        .iter()
                        .find(|c| c.id == d.category_id)
                        .map(|c| category_name(c, i18n.lang()))
                        .unwrap_or_default()
                }),
            )} {answers}
            {row(
                Field::AgencyId,
                Box::new(move |d| {
                    if d.agency_id.is_empty() {
                        i18n.t("agency.unknown").to_string()
                    } else {
                        name_of(&agencies, &d.agency_id)
                    }
                }),
            )}
            {row(
                Field::AttachmentIds,
                Box::new(|d| d.attachments.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(", ")),
            )} {row(Field::Anonymous, Box::new(move |d| yes_no(d.anonymous)))}
            {row(Field::Confidential, Box::new(move |d| yes_no(d.confidential)))}
            {row(
                Field::ReporterName,
                Box::new(|d| if d.anonymous { String::new() } else { d.name.trim().to_string() }),
            )}
            {row(
                Field::ReporterEmail,
                Box::new(|d| if d.anonymous { String::new() } else { d.email.trim().to_string() }),
            )}
            {row(
                Field::ReporterPhone,
                Box::new(|d| if d.anonymous { String::new() } else { d.phone.trim().to_string() }),
            )}
        </dl>
    }
}

#[cfg(test)]
mod tests {
    use aduan_core::open311::{Attribute, AttributeValue};

    use super::answer_text;
    use crate::i18n::Lang;

    #[test]
    fn an_answer_shows_choices_by_name_dates_in_the_language_and_other_values_as_given() {
        let mut question = Attribute {
            variable: true,
            code: "q".into(),
            datatype: "multivaluelist".into(),
            required: false,
            datatype_description: None,
            order: None,
            description: None,
            values: vec![AttributeValue {
                key: "a".into(),
                name: "Alpha".into(),
            }],
        };
        let given = ["a".to_string(), "b".to_string()];
        assert_eq!(answer_text(&question, &given, Lang::En), "Alpha, b");
        assert_eq!(answer_text(&question, &[], Lang::En), "");
        question.datatype = "datetime".into();
        let date = ["2026-05-03T10:00:00Z".to_string()];
        assert_eq!(answer_text(&question, &date, Lang::Id), "3 Mei 2026");
        question.datatype = "string".into();
        assert_eq!(answer_text(&question, &date, Lang::Id), "2026-05-03T10:00:00Z");
    }
}
