use leptos::prelude::*;

use super::FormContext;
use crate::components::form::{described_by, problem_for, Field, FieldProblem, TextInput};
use crate::components::similar_reports::SimilarReports;
use crate::field::Field as ReportField;
use crate::i18n::{format_count, use_i18n};

#[component]
/// `asked`: the fields the backend stores; one without titles or dates (Open311) gets only the description.
pub fn DetailsStep(
    form: FormContext,
    problems: Signal<Vec<FieldProblem>>,
    body_max: Signal<usize>,
    today: Signal<String>,
    asked: &'static [ReportField],
) -> impl IntoView {
    let i18n = use_i18n();
    let (title, set_title) = form.text(|d| &d.title, |d, v| d.title = v);
    let (body, set_body) = form.text(|d| &d.body, |d, v| d.body = v);
    let (date, set_date) = form.text(|d| &d.incident_date, |d, v| d.incident_date = v);
    let body_error = problem_for(problems, "body");
    let remaining = move || body_max.get() as i64 - body.with(|b| b.trim().chars().count() as i64);
    let count = Signal::derive(move || {
        let left = remaining();
        let key = if left >= 0 {
            "submit.chars_left"
        } else {
            "submit.chars_over"
        };
        i18n.t(key)
            .replace("{n}", &format_count(left.unsigned_abs(), i18n.lang()))
    });
    view! {
        <h2>{move || i18n.t("submit.details_title")}</h2>
        {asked
            .contains(&ReportField::Title)
            .then(|| {
                view! {
                    <TextInput
                        id="title"
                        label=Signal::derive(move || i18n.t("title"))
                        hint=Signal::derive(move || i18n.t("submit.title_hint").to_string())
                        error=problem_for(problems, "title")
                        value=title
                        on_input=set_title
                    />
                    <SimilarReports title />
                }
            })}
        <Field
            id="body"
            label=Signal::derive(move || i18n.t("body"))
            hint=Some(Signal::derive(move || i18n.t("submit.body_hint").to_string()))
            error=body_error
        >
            <textarea
                id="body"
                name="body"
                rows="8"
                aria-describedby=move || format!("{} body-count", described_by("body", true, body_error).get())
                aria-invalid=move || body_error.read().is_some().to_string()
                prop:value=body
                on:input=move |ev| set_body.run(event_target_value(&ev))
            ></textarea>
            <p id="body-count" class="hint char-count" class:over=move || remaining() < 0 aria-live="polite">
                {count}
            </p>
        </Field>
        {asked
            .contains(&ReportField::IncidentDate)
            .then(|| {
                view! {
                    <Field
                        id="incident-date"
                        label=Signal::derive(move || i18n.t("incident_date"))
                        hint=Some(Signal::derive(move || i18n.t("submit.date_hint").to_string()))
                        error=problem_for(problems, "incident-date")
                    >
                        <input
                            type="date"
                            id="incident-date"
                            name="incident_date"
                            min=aduan_core::validation::EARLIEST_INCIDENT_DATE.to_string()
                            max=today
                            aria-describedby=described_by("incident-date", true, problem_for(problems, "incident-date"))
                            aria-invalid=move || problem_for(problems, "incident-date").read().is_some().to_string()
                            prop:value=date
                            on:input=move |ev| set_date.run(event_target_value(&ev))
                        />
                    </Field>
                }
            })}
    }
}
