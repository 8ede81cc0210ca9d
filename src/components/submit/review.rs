use aduan_core::open311::Attribute;
use aduan_core::Portal;
use leptos::prelude::*;

use super::questions::question_label;
use super::FormContext;
use crate::field::Field;
use crate::i18n::names::{category_name, format_date};
use crate::i18n::use_i18n;
use crate::submit::draft::{Draft, Step};

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
    // A row for each field the backend stores, with a button back to the step that asks it.
    let row = move |field: Field, value: Box<dyn Fn(&Draft) -> String + Send + Sync>| {
        let (label, step) = (field.label_key(), Step::of(field));
        asked.contains(&field).then(|| view! {
            <div class="summary-row">
                <dt>{move || i18n.t(label)}</dt>
                <dd class="answer">{move || form.draft.with(|d| value(d))}</dd>
                <dd class="change">
                    <button type="button" class="link-button" on:click=move |_| form.draft.update(|d| d.step = step)>
                        {move || i18n.t("action.change")}
                        <span class="visually-hidden">" "{move || i18n.t(label)}</span>
                    </button>
                </dd>
            </div>
        })
    };
    let answers = move || {
        questions
            .get()
            .into_iter()
            .filter(|q| q.variable)
            .map(|q| {
                let label = question_label(&q);
                let shown = form.draft.with(|d| {
                    let given = d.answers.get(&q.code).cloned().unwrap_or_default();
                    // A choice is shown by its name, as it was offered.
                    given
                        .iter()
                        .map(|v| match q.values.iter().find(|c| &c.key == v) {
                            Some(choice) => choice.name.clone(),
                            None => v
                                .get(..10)
                                .and_then(|d| d.parse().ok())
                                .filter(|_| q.datatype == "datetime")
                                .map(|d| format_date(d, i18n.lang()))
                                .unwrap_or_else(|| v.clone()),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                });
                view! {
                    <div class="summary-row">
                        <dt>{label.clone()}</dt>
                        <dd class="answer">{shown}</dd>
                        <dd class="change">
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| form.draft.update(|d| d.step = Step::Location)
                            >
                                {move || i18n.t("action.change")}
                                <span class="visually-hidden">" "{label.clone()}</span>
                            </button>
                        </dd>
                    </div>
                }
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
            {row(Field::IncidentDate, Box::new(|d| d.incident_date.clone()))}
            {row(Field::RegionId, Box::new(move |d| name_of(&regions, &d.region_id)))}
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
