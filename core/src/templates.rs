//! Response templates: the standard answers staff keep for each step, personalised when chosen. Both the console
//! (which fills them) and the server (which stores them) read the rules from here.

use crate::staff::StepAction;
use crate::validation::{clean_text, Rule};

pub const TITLE_MAX: usize = 80;
pub const TEXT_MAX: usize = 4000;

/// What a template's placeholders become for one report.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Placeholders {
    pub ticket: String,
    /// The agency the report is with now (empty when none).
    pub agency: String,
    /// The report's current deadline ([`crate::current_deadline`]), already written in the message's language as
    /// the citizen pages write a date; empty when none.
    pub deadline: String,
    /// The portal's name.
    pub portal: String,
}

/// The placeholders, Indonesian and English spellings, as staff type them. The hint on the templates page lists
/// these.
pub const PLACEHOLDERS: [(&str, &str); 4] = [
    ("{tiket}", "{ticket}"),
    ("{instansi}", "{agency}"),
    ("{batas_waktu}", "{deadline}"),
    ("{portal}", "{portal}"),
];

/// `text` with every known placeholder replaced; an unknown `{…}` stays as typed. One pass over the text, so a
/// value containing a placeholder (a portal named "{tiket}") is not replaced again.
pub fn fill(text: &str, values: &Placeholders) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let value = after
            .find('}')
            .and_then(|close| value_of(&after[1..close], values).map(|v| (close, v)));
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn value_of<'a>(name: &str, values: &'a Placeholders) -> Option<&'a str> {
    match name {
        "tiket" | "ticket" => Some(&values.ticket),
        "instansi" | "agency" => Some(&values.agency),
        "batas_waktu" | "deadline" => Some(&values.deadline),
        "portal" => Some(&values.portal),
        _ => None,
    }
}

/// A template as checked: trimmed title and texts.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedTemplate {
    pub title: String,
    pub text_id: String,
    pub text_en: String,
}

/// Checks a template's fields: a title of 1–80 characters on one line, both texts of 1–4000 characters, and a
/// step that carries a message to the citizen. Returns the field errors as (field, rule) pairs.
pub fn validate(
    action: StepAction,
    title: &str,
    text_id: &str,
    text_en: &str,
) -> Result<CheckedTemplate, Vec<(&'static str, Rule)>> {
    let mut errors = vec![];
    if !action.needs_message() {
        errors.push(("action", Rule::Unknown));
    }
    let title = clean_text(title, 1, TITLE_MAX, false).map_err(|r| errors.push(("title", r)));
    let text_id = clean_text(text_id, 1, TEXT_MAX, true).map_err(|r| errors.push(("text_id", r)));
    let text_en = clean_text(text_en, 1, TEXT_MAX, true).map_err(|r| errors.push(("text_en", r)));
    match (title, text_id, text_en) {
        (Ok(title), Ok(text_id), Ok(text_en)) if errors.is_empty() => Ok(CheckedTemplate {
            title,
            text_id,
            text_en,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Placeholders {
        Placeholders {
            ticket: "ADU-2026-000123".into(),
            agency: "Dinas PUPR".into(),
            deadline: "3 Des 2026".into(),
            portal: "Aduan Kota".into(),
        }
    }

    #[test]
    fn both_spellings_are_filled() {
        let id = fill(
            "Laporan {tiket} di {instansi}, batas {batas_waktu} ({portal})",
            &values(),
        );
        assert_eq!(
            id,
            "Laporan ADU-2026-000123 di Dinas PUPR, batas 3 Des 2026 (Aduan Kota)"
        );
        let en = fill("Report {ticket} at {agency}, due {deadline} ({portal})", &values());
        assert_eq!(en, "Report ADU-2026-000123 at Dinas PUPR, due 3 Des 2026 (Aduan Kota)");
    }

    #[test]
    fn unknown_placeholders_and_stray_braces_stay_as_typed() {
        assert_eq!(
            fill("{nama} {tiket} { {} {tiket", &values()),
            "{nama} ADU-2026-000123 { {} {tiket"
        );
    }

    #[test]
    fn a_repeated_placeholder_is_filled_each_time() {
        assert_eq!(
            fill("{ticket}/{tiket}/{ticket}", &values()),
            "ADU-2026-000123/ADU-2026-000123/ADU-2026-000123"
        );
    }

    #[test]
    fn text_without_placeholders_is_unchanged() {
        assert_eq!(
            fill("Terima kasih — laporan Anda kami terima.", &values()),
            "Terima kasih — laporan Anda kami terima."
        );
    }

    #[test]
    fn a_value_that_looks_like_a_placeholder_is_not_filled_again() {
        let v = Placeholders {
            portal: "{tiket}".into(),
            ..values()
        };
        assert_eq!(fill("{portal} {tiket}", &v), "{tiket} ADU-2026-000123");
    }

    #[test]
    fn validation_names_each_bad_field() {
        let long = "x".repeat(TITLE_MAX + 1);
        let errors = validate(StepAction::Verify, &long, " ", "ok").unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("action", Rule::Unknown),
                ("title", Rule::TooLong),
                ("text_id", Rule::Required)
            ]
        );
        let ok = validate(StepAction::Complete, " Selesai ", "Sudah.", "Done.").unwrap();
        assert_eq!(ok.title, "Selesai");
    }
}
