//! The administrator's correction of what the reporter chose: type, category, location, anonymity and
//! confidentiality, with a reason for the audit trail. Only what changed is sent; the public timeline gets no
//! event. (The agency is changed by forwarding, a step of its own.)

use aduan_core::{Kind, Portal, ReportCorrection, ReportView};
use leptos::prelude::*;

use super::rules::{
    check_correction, correction_field, CorrectionEntries, CATEGORY_INPUT, KIND_INPUT, REASON_INPUT, REGION_INPUT,
};
use super::state::{Done, ReportState};
use super::words::use_report_words;
use crate::components::form::{described_by, Field};
use crate::console::session::use_session;
use crate::i18n::names::{category_name, kind_key};

#[component]
pub fn CorrectionForm(report: ReportView, portal: Portal, message_max: usize) -> impl IntoView {
    let words = use_report_words();
    let i18n = words.i18n();
    let state = expect_context::<ReportState>();
    let session = use_session();
    let entries = RwSignal::new(CorrectionEntries::of(&report));
    let report = StoredValue::new(report);
    let save = Action::new_local(move |correction: &ReportCorrection| {
        let (api, ticket, correction) = (session.api(), state.ticket.get_value(), correction.clone());
        async move {
            match api.correct(&ticket, &correction).await {
                Ok(view) => state.succeeded(Done::Correction, Some(view)),
                Err(error) => state.refused(&error, correction_field),
            }
        }
    });
    let pending = save.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        state.start(None);
        match report.with_value(|r| check_correction(r, &entries.get_untracked(), message_max)) {
            Ok(correction) => {
                save.dispatch(correction);
            }
            Err(problems) => state.show_problems(problems),
        }
    };
    let kinds: Vec<(String, &'static str)> = portal
        .kinds
        .iter()
        .map(|k| (k.as_str().to_string(), kind_key(*k)))
        .collect();
    let kind_options = move || {
        kinds
            .iter()
            .map(|(value, key)| (value.clone(), i18n.t(key).to_string()))
            .collect::<Vec<_>>()
    };
    let categories = portal.categories.clone();
    let category_options = move || {
        categories
            .iter()
            .map(|c| (c.id.clone(), category_name(c, words.lang())))
            .collect::<Vec<_>>()
    };
    let regions: Vec<(String, String)> = portal.regions.iter().map(|r| (r.id.clone(), r.name.clone())).collect();
    view! {
        <form class="correction-form" on:submit=on_submit novalidate>
            <h2>{move || words.word("correction.title")}</h2>
            <p class="hint">{move || words.word("correction.lead")}</p>
            <Choice
                id=KIND_INPUT
                label_key="field.kind"
                options=Signal::derive(kind_options)
                value=Signal::derive(move || entries.read().kind.as_str().to_string())
                on_change=Callback::new(move |v: String| {
                    if let Some(k) = Kind::parse(&v) {
                        entries.update(|e| e.kind = k);
                    }
                })
            />
            <Choice
                id=CATEGORY_INPUT
                label_key="field.category"
                options=Signal::derive(category_options)
                value=Signal::derive(move || entries.read().category_id.clone())
                on_change=Callback::new(move |v| entries.update(|e| e.category_id = v))
            />
            <Choice
                id=REGION_INPUT
                label_key="field.region"
                options=Signal::derive(move || regions.clone())
                value=Signal::derive(move || entries.read().region_id.clone())
                on_change=Callback::new(move |v| entries.update(|e| e.region_id = v))
            />
            <Tick
                id="correction-anonymous"
                label_key="field.anonymous"
                checked=Signal::derive(move || entries.read().anonymous)
                on_change=Callback::new(move |b| entries.update(|e| e.anonymous = b))
            />
            <Tick
                id="correction-confidential"
                label_key="field.confidential"
                checked=Signal::derive(move || entries.read().confidential)
                on_change=Callback::new(move |b| entries.update(|e| e.confidential = b))
            />
            <Reason entries />
            <button type="submit" class="button primary" aria-disabled=move || pending.get().to_string()>
                {move || words.word("correction.save")}
            </button>
        </form>
    }
}

/// A select of `(value, words)` options.
#[component]
fn Choice(
    id: &'static str,
    label_key: &'static str,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let words = use_report_words();
    let error = expect_context::<ReportState>().problem_at(id);
    view! {
        <Field id label=Signal::derive(move || words.word(label_key)) error>
            <select
                id=id
                aria-describedby=described_by(id, false, error)
                aria-invalid=move || error.read().is_some().to_string()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {move || {
                    let chosen = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, name)| {
                            let selected = v == chosen;
                            view! {
                                <option value=v selected=selected>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </Field>
    }
}

/// A checkbox (GOV.UK style: the box, then its label).
#[component]
fn Tick(id: &'static str, label_key: &'static str, checked: Signal<bool>, on_change: Callback<bool>) -> impl IntoView {
    let words = use_report_words();
    view! {
        <div class="checkbox">
            <input
                type="checkbox"
                id=id
                prop:checked=checked
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{move || words.word(label_key)}</label>
        </div>
    }
}

/// Why the report is corrected: required, recorded in the audit trail.
#[component]
fn Reason(entries: RwSignal<CorrectionEntries>) -> impl IntoView {
    let words = use_report_words();
    let error = expect_context::<ReportState>().problem_at(REASON_INPUT);
    view! {
        <Field
            id=REASON_INPUT
            label=Signal::derive(move || words.word("correction.reason"))
            hint=Some(Signal::derive(move || words.word("correction.reason_hint").to_string()))
            error
        >
            <textarea
                id=REASON_INPUT
                name="reason"
                rows="3"
                aria-describedby=described_by(REASON_INPUT, true, error)
                aria-invalid=move || error.read().is_some().to_string()
                prop:value=move || entries.read().reason.clone()
                on:input=move |ev| entries.update(|e| e.reason = event_target_value(&ev))
            ></textarea>
        </Field>
    }
}
