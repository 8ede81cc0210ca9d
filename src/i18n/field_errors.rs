//! The wording of a validation problem for a given field: specific where it helps (GOV.UK style), e.g.
//! "Enter a title for your report" rather than "This is required".

use aduan_core::validation::Rule;

use crate::field::Field;

/// The catalogue key for `rule` on `field`. Limits in the text appear as `{min}` / `{max}`.
pub fn key(field: &str, rule: Rule) -> &'static str {
    use Rule::*;
    if field.starts_with("attribute.") {
        return if rule == Required {
            "err.answer.required"
        } else {
            "err.answer.invalid"
        };
    }
    match Field::parse(field) {
        Some(field) => report_key(field, rule),
        None => other_key(field, rule),
    }
}

/// The key for a problem with a field of the report.
fn report_key(field: Field, rule: Rule) -> &'static str {
    use Rule::*;
    match (field, rule) {
        (Field::Kind, _) => "err.kind",
        (Field::Title, Required) => "err.title.required",
        (Field::Title, TooShort) => "err.title.too_short",
        (Field::Title, TooLong) => "err.title.too_long",
        (Field::Body, Required) => "err.body.required",
        (Field::Body, TooShort) => "err.body.too_short",
        (Field::Body, TooLong) => "err.body.too_long",
        (Field::IncidentDate, Required) => "err.date.required",
        (Field::IncidentDate, FutureDate) => "err.date.future",
        (Field::IncidentDate, TooEarlyDate) => "err.date.too_early",
        (Field::IncidentDate, _) => "err.date.invalid",
        (Field::RegionId, _) => "err.region",
        (Field::CategoryId, _) => "err.category",
        (Field::AgencyId, _) => "err.agency",
        (Field::Location, _) => "err.location",
        (Field::AttachmentIds, _) => "err.attachments.too_many",
        (Field::ReporterName, Required) => "err.name.required",
        (Field::ReporterEmail, Required) => "err.contact.required",
        (Field::ReporterEmail, InvalidEmail) => "err.email.invalid",
        (Field::ReporterPhone, InvalidPhone) => "err.phone.invalid",
        (_, rule) => any_field_key(rule),
    }
}

/// The key for a problem outside the report's fields: a category's questions, the reporter's forms.
fn other_key(field: &str, rule: Rule) -> &'static str {
    use Rule::*;
    match (field, rule) {
        ("questions", _) => "err.questions",
        ("access_code", Required) => "err.access_code.required",
        ("access_code", _) => "err.access_code.wrong",
        ("message", Required) => "err.reply.required",
        ("rating", _) => "err.rating.required",
        (_, rule) => any_field_key(rule),
    }
}

fn any_field_key(rule: Rule) -> &'static str {
    match rule {
        Rule::ControlCharacters => "err.control_characters",
        Rule::DirectionCharacters => "err.direction_characters",
        Rule::TooLong => "err.too_long",
        _ => "err.generic",
    }
}

/// A rule from the contract's `code`, for problems the server reports.
pub fn rule_from_code(code: &str) -> Rule {
    Rule::ALL
        .into_iter()
        .find(|r| r.code() == code)
        .unwrap_or(Rule::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{lookup, Lang};

    #[test]
    fn every_field_and_rule_has_a_message_in_both_languages() {
        use Rule::*;
        for field in Field::ALL.map(Field::as_str) {
            for rule in Rule::ALL {
                let k = key(field, rule);
                for lang in [Lang::Id, Lang::En] {
                    assert_ne!(lookup(lang, k), k, "{k} missing in {lang:?}");
                }
            }
        }
        assert_eq!(rule_from_code("future_date"), FutureDate);
        assert_eq!(rule_from_code("???"), Unknown);
    }
}
