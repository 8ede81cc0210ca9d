//! What the templates page checks before it sends and how it names the server's field errors: pure functions of
//! the entries and `aduan_core::templates` (the server's own rules), tested natively.

use aduan_core::templates::{validate, PLACEHOLDERS};
use aduan_core::validation::Rule;
use aduan_core::{NewTemplate, ResponseTemplate, StepAction};

/// A problem with an entry: the id of its input and the key of its words (`{max}` filled in when shown).
pub type Problem = (&'static str, &'static str);

pub const ACTION_INPUT: &str = "template-action";
pub const CATEGORY_INPUT: &str = "template-category";
pub const TITLE_INPUT: &str = "template-title";
pub const TEXT_ID_INPUT: &str = "template-text-id";
pub const TEXT_EN_INPUT: &str = "template-text-en";

/// The words keys the page picks in code rather than names in a view (for the words test).
#[cfg(test)]
pub const KEYS_CHOSEN_IN_CODE: [&str; 21] = [
    "form.edit",
    "form.new",
    "save_edit",
    "save_new",
    "edit_named",
    "delete_named",
    "delete_confirm",
    "saved",
    "deleted",
    "refused.forbidden",
    "refused.gone",
    "error.action",
    "error.category",
    "error.title_required",
    "error.title_too_long",
    "error.title_invalid",
    "error.text_id_required",
    "error.text_en_required",
    "error.text_too_long",
    "error.text_invalid",
    "refused.failed",
];

/// The steps a template can be for: those that carry a message to the citizen, in the workflow's order.
pub fn template_steps() -> Vec<StepAction> {
    StepAction::ALL.into_iter().filter(|s| s.needs_message()).collect()
}

/// The form's entries, as text.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Entries {
    pub action: String,
    pub category_id: String,
    pub title: String,
    pub text_id: String,
    pub text_en: String,
}

impl Entries {
    /// The entries of an existing template, to edit it.
    pub fn of(template: &ResponseTemplate) -> Entries {
        Entries {
            action: template.action.as_str().to_string(),
            category_id: template.category_id.clone().unwrap_or_default(),
            title: template.title.clone(),
            text_id: template.text_id.clone(),
            text_en: template.text_en.clone(),
        }
    }
}

/// The input and words of a field error, by the field's name in the contract.
pub fn field_problem(field: &str, rule: Rule) -> Option<Problem> {
    let text = |required: &'static str| match rule {
        Rule::Required | Rule::TooShort => required,
        Rule::TooLong => "error.text_too_long",
        _ => "error.text_invalid",
    };
    Some(match field {
        "action" => (ACTION_INPUT, "error.action"),
        "category_id" => (CATEGORY_INPUT, "error.category"),
        "title" => (
            TITLE_INPUT,
            match rule {
                Rule::Required | Rule::TooShort => "error.title_required",
                Rule::TooLong => "error.title_too_long",
                _ => "error.title_invalid",
            },
        ),
        "text_id" => (TEXT_ID_INPUT, text("error.text_id_required")),
        "text_en" => (TEXT_EN_INPUT, text("error.text_en_required")),
        _ => return None,
    })
}

/// The template to send, or what to fix first, by the server's rules.
pub fn check(entries: &Entries) -> Result<NewTemplate, Vec<Problem>> {
    let Some(action) = StepAction::parse(&entries.action) else {
        return Err(vec![(ACTION_INPUT, "error.action")]);
    };
    match validate(action, &entries.title, &entries.text_id, &entries.text_en) {
        Ok(checked) => Ok(NewTemplate {
            action,
            category_id: Some(entries.category_id.trim().to_string()).filter(|c| !c.is_empty()),
            title: checked.title,
            text_id: checked.text_id,
            text_en: checked.text_en,
        }),
        Err(errors) => Err(errors.into_iter().filter_map(|(f, r)| field_problem(f, r)).collect()),
    }
}

/// The placeholders as the hint lists them: `{tiket}`/`{ticket}`, ….
pub fn placeholder_list() -> String {
    PLACEHOLDERS
        .iter()
        .map(|(id, en)| if id == en { id.to_string() } else { format!("{id}/{en}") })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The templates by step, in the workflow's order, each step's sorted by title; every template step is listed,
/// even without templates.
pub fn by_step(mut templates: Vec<ResponseTemplate>) -> Vec<(StepAction, Vec<ResponseTemplate>)> {
    templates.sort_by(|a, b| {
        a.title
            .to_lowercase()
            .cmp(&b.title.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    template_steps()
        .into_iter()
        .map(|step| (step, templates.iter().filter(|t| t.action == step).cloned().collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Entries {
        Entries {
            action: "initial_response".into(),
            category_id: String::new(),
            title: " Diterima ".into(),
            text_id: "Laporan {tiket} diterima.".into(),
            text_en: "Report {ticket} received.".into(),
        }
    }

    #[test]
    fn good_entries_make_a_template_for_every_category() {
        let made = check(&entries()).unwrap();
        assert_eq!(made.action, StepAction::InitialResponse);
        assert_eq!(made.category_id, None);
        assert_eq!(made.title, "Diterima");
        let jalan = check(&Entries {
            category_id: "jalan".into(),
            ..entries()
        });
        assert_eq!(jalan.unwrap().category_id.as_deref(), Some("jalan"));
    }

    #[test]
    fn each_bad_entry_is_named_at_its_input() {
        let empty = Entries {
            action: "initial_response".into(),
            ..Entries::default()
        };
        assert_eq!(
            check(&empty).unwrap_err(),
            vec![
                (TITLE_INPUT, "error.title_required"),
                (TEXT_ID_INPUT, "error.text_id_required"),
                (TEXT_EN_INPUT, "error.text_en_required"),
            ]
        );
        assert_eq!(
            check(&Entries::default()).unwrap_err(),
            vec![(ACTION_INPUT, "error.action")]
        );
        let verify = Entries {
            action: "verify".into(),
            ..entries()
        };
        assert_eq!(check(&verify).unwrap_err(), vec![(ACTION_INPUT, "error.action")]);
        let long = Entries {
            title: "x".repeat(81),
            ..entries()
        };
        assert_eq!(check(&long).unwrap_err(), vec![(TITLE_INPUT, "error.title_too_long")]);
    }

    #[test]
    fn the_servers_field_names_map_to_the_inputs() {
        assert_eq!(
            field_problem("category_id", Rule::Unknown),
            Some((CATEGORY_INPUT, "error.category"))
        );
        assert_eq!(
            field_problem("text_en", Rule::TooLong),
            Some((TEXT_EN_INPUT, "error.text_too_long"))
        );
        assert_eq!(field_problem("nonsense", Rule::Required), None);
    }

    #[test]
    fn the_hint_lists_every_placeholder() {
        assert_eq!(
            placeholder_list(),
            "{tiket}/{ticket}, {instansi}/{agency}, {batas_waktu}/{deadline}, {portal}"
        );
    }
}
