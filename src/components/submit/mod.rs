//! The steps of the submission form. Each step reads and writes the shared draft signal.

pub mod attachments;
pub mod details;
pub mod flow_form;
pub mod kind;
pub mod location;
pub mod privacy;
pub mod questions;
pub mod receipt;
pub mod review;
pub mod send_words;
pub mod unsent;

use aduan_core::open311::Attribute;
use aduan_core::validation::Rule;
use leptos::prelude::*;

use crate::components::form::FieldProblem;
use crate::components::submit::questions::question_label;
use crate::field::Field;
use crate::i18n::{field_errors, use_i18n};
use crate::submit::draft::Draft;

/// What every step needs: the draft, the problems to show (field, rule) from the last Continue, and those
/// a server put in its own words.
#[derive(Clone, Copy)]
pub struct FormContext {
    pub draft: RwSignal<Draft>,
    pub shown: RwSignal<Vec<(String, Rule)>>,
    pub reported: RwSignal<Vec<FieldProblem>>,
    /// The chosen category's questions, so a problem with an answer can name its question.
    pub questions: Signal<Vec<Attribute>>,
}

/// The id of the control a field's problem links to. A question's code may hold any character: each one
/// that is not a letter or digit is written as `_<hex>_`, so two codes never share an id, and `-` stays
/// free for the ids of a question's checkboxes.
pub fn input_id(field: &str) -> String {
    if let Some(code) = field.strip_prefix("attribute.") {
        let escaped: String = code
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_string()
                } else {
                    format!("_{:x}_", c as u32)
                }
            })
            .collect();
        return format!("attribute-{escaped}");
    }
    match Field::parse(field) {
        // The first of the kinds' radio buttons.
        Some(Field::Kind) => "kind-complaint".into(),
        _ => field.replace(['.', '_'], "-"),
    }
}

impl FormContext {
    /// The shown problems as messages in the current language.
    pub fn problems(self, limits: Signal<Option<aduan_core::Limits>>) -> Signal<Vec<FieldProblem>> {
        let i18n = use_i18n();
        Signal::derive(move || {
            let limits = limits.get().unwrap_or_default();
            let questions = self.questions.get();
            let mut all: Vec<FieldProblem> = self
                .shown
                .get()
                .into_iter()
                .map(|(field, rule)| {
                    let asked = field
                        .strip_prefix("attribute.")
                        .and_then(|code| questions.iter().find(|q| q.code == code))
                        .map(question_label)
                        .unwrap_or_default();
                    let text =
                        message(i18n.t(field_errors::key(&field, rule)), &field, &limits).replace("{question}", &asked);
                    FieldProblem {
                        input_id: input_id(&field),
                        message: text,
                    }
                })
                .collect();
            all.extend(self.reported.get());
            all
        })
    }

    /// A text field of the draft as a signal and a setter.
    pub fn text(self, get: fn(&Draft) -> &String, set: fn(&mut Draft, String)) -> (Signal<String>, Callback<String>) {
        let draft = self.draft;
        (
            Signal::derive(move || draft.with(|d| get(d).clone())),
            Callback::new(move |v| draft.update(|d| set(d, v))),
        )
    }
}

/// Fills `{min}` and `{max}` with the portal's limits for the field.
fn message(template: &str, field: &str, limits: &aduan_core::Limits) -> String {
    let (min, max) = match Field::parse(field) {
        Some(Field::Title) => (limits.title_min, limits.title_max),
        Some(Field::Body) => (limits.body_min, limits.body_max),
        Some(Field::Address) => (0, limits.address_max),
        Some(Field::ReporterName) => (1, limits.name_max),
        Some(Field::AttachmentIds) => (0, limits.attachments_max_count),
        _ => (0, 0),
    };
    template
        .replace("{min}", &min.to_string())
        .replace("{max}", &max.to_string())
}

#[cfg(test)]
mod tests {
    use super::input_id;

    #[test]
    fn question_ids_are_distinct_for_distinct_codes_and_field_ids_keep_their_form() {
        let ids: Vec<String> = [
            "attribute.a.b",
            "attribute.a-b",
            "attribute.a_b",
            "attribute.ab",
            "attribute.x",
        ]
        .iter()
        .map(|f| input_id(f))
        .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert_eq!(input_id("attribute.judul"), "attribute-judul");
        assert!(!input_id("attribute.a b").contains(' '));
        assert_eq!(
            (
                input_id("reporter.name").as_str(),
                input_id("category_id").as_str(),
                input_id("kind").as_str()
            ),
            ("reporter-name", "category-id", "kind-complaint")
        );
    }
}
