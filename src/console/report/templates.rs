//! "Templat tanggapan" on the step form: the templates of the steps offered now, for the report's category and
//! for every category, filled for this report in the chosen language. A message already typed is replaced only
//! after the user confirms.

use aduan_core::templates::{fill, Placeholders};
use aduan_core::{ResponseTemplate, StepAction};
use leptos::prelude::*;

use super::state::ReportState;
use super::words::{step_key, use_report_words};
use crate::console::api::StaffError;
use crate::i18n::Lang;

pub const TEMPLATE_SELECT: &str = "step-template";
pub const TEMPLATE_LANG: &str = "step-template-lang";

/// What the placeholders become for this report, in each language (only the deadline's wording differs).
#[derive(Clone, Debug, PartialEq)]
pub struct ReportPlaceholders {
    pub id: Placeholders,
    pub en: Placeholders,
    pub category_id: Option<String>,
}

/// Whether `template` is offered for a report of `category`: the templates for every category, and those of the
/// report's own (the page reads every template once, whatever a correction later makes the category).
pub fn offered_for(template: &ResponseTemplate, category: Option<&str>) -> bool {
    template.category_id.is_none() || template.category_id.as_deref() == category
}

#[component]
pub fn TemplatePicker(
    steps: Vec<StepAction>,
    placeholders: ReportPlaceholders,
    /// The message as typed, to ask before replacing it.
    message: RwSignal<String>,
    /// Called with the filled text once the user has chosen a template (and confirmed replacing their text).
    on_fill: Callback<String>,
) -> impl IntoView {
    let words = use_report_words();
    let category = placeholders.category_id.clone();
    let found = expect_context::<ReportState>().templates();
    // A refusal other than an ended session (which shows the sign-in form) is said, not left as a missing list.
    let unavailable = move || {
        found
            .get()
            .is_some_and(|r| r.is_err_and(|e| !matches!(e, StaffError::SignedOut)))
    };
    let lang = RwSignal::new(words.lang());
    let placeholders = StoredValue::new(placeholders);
    let chosen = RwSignal::new(String::new());
    let offered = Memo::new(move |_| -> Vec<ResponseTemplate> {
        match found.get() {
            Some(Ok(all)) => all
                .into_iter()
                .filter(|t| steps.contains(&t.action) && offered_for(t, category.as_deref()))
                .collect(),
            _ => Vec::new(),
        }
    });
    let apply = move |id: String| {
        let Some(template) = offered.read().iter().find(|t| t.id.to_string() == id).cloned() else {
            return;
        };
        let (text, values) = placeholders.with_value(|p| match lang.get_untracked() {
            Lang::Id => (template.text_id.clone(), p.id.clone()),
            Lang::En => (template.text_en.clone(), p.en.clone()),
        });
        let typed = !message.get_untracked().trim().is_empty();
        let replace = !typed
            || window()
                .confirm_with_message(words.word("templates.replace_confirm"))
                .unwrap_or(false);
        if replace {
            on_fill.run(fill(&text, &values));
        }
    };
    view! {
        <Show when=unavailable>
            <p class="hint">{move || words.word("templates.unavailable")}</p>
        </Show>
        <Show when=move || !offered.read().is_empty()>
            <div class="template-picker">
                <div class="field">
                    <label for=TEMPLATE_SELECT>{move || words.word("templates.choose")}</label>
                    <p class="hint" id=format!("{TEMPLATE_SELECT}-hint")>
                        {move || words.word("templates.choose_hint")}
                    </p>
                    <select
                        id=TEMPLATE_SELECT
                        aria-describedby=format!("{TEMPLATE_SELECT}-hint")
                        prop:value=chosen
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            chosen.set(id.clone());
                            apply(id);
                        }
                    >
                        <option value="">{move || words.word("templates.none")}</option>
                        {move || {
                            offered
                                .get()
                                .into_iter()
                                .map(|t| {
                                    let label = format!("{} — {}", words.word(step_key(t.action)), t.title);
                                    view! { <option value=t.id.to_string()>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for=TEMPLATE_LANG>{move || words.word("templates.language")}</label>
                    <select
                        id=TEMPLATE_LANG
                        prop:value=move || lang.get().code()
                        on:change=move |ev| lang.set(Lang::parse(&event_target_value(&ev)).unwrap_or(Lang::Id))
                    >
                        <option value="id">"Bahasa Indonesia"</option>
                        <option value="en">"English"</option>
                    </select>
                </div>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(category_id: Option<&str>) -> ResponseTemplate {
        ResponseTemplate {
            id: 1,
            action: StepAction::InitialResponse,
            category_id: category_id.map(String::from),
            title: "t".into(),
            text_id: "a".into(),
            text_en: "b".into(),
            updated_at: chrono::Utc::now(),
            updated_by: "admin".into(),
        }
    }

    #[test]
    fn a_report_is_offered_its_categorys_templates_and_the_general_ones() {
        assert!(offered_for(&template(None), Some("jalan")));
        assert!(offered_for(&template(Some("jalan")), Some("jalan")));
        assert!(!offered_for(&template(Some("air")), Some("jalan")));
        assert!(offered_for(&template(None), None));
        assert!(!offered_for(&template(Some("air")), None));
    }
}
