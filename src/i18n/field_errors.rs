//! The wording of a validation problem for a given field: specific where it helps (GOV.UK style), e.g.
//! "Enter a title for your report" rather than "This is required".

use aduan_core::validation::Rule;

/// Every field of the submission form that can carry a problem.
#[cfg(test)]
pub const FIELDS: &[&str] = &[
    "kind",
    "title",
    "body",
    "incident_date",
    "region_id",
    "address",
    "category_id",
    "agency_id",
    "location",
    "attachment_ids",
    "reporter.name",
    "reporter.email",
    "reporter.phone",
];

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
    match (field, rule) {
        ("kind", _) => "err.kind",
        ("questions", _) => "err.questions",
        ("title", Required) => "err.title.required",
        ("title", TooShort) => "err.title.too_short",
        ("title", TooLong) => "err.title.too_long",
        ("body", Required) => "err.body.required",
        ("body", TooShort) => "err.body.too_short",
        ("body", TooLong) => "err.body.too_long",
        ("incident_date", Required) => "err.date.required",
        ("incident_date", FutureDate) => "err.date.future",
        ("incident_date", _) => "err.date.invalid",
        ("region_id", _) => "err.region",
        ("category_id", _) => "err.category",
        ("agency_id", _) => "err.agency",
        ("location", _) => "err.location",
        ("attachment_ids", _) => "err.attachments.too_many",
        ("reporter.name", Required) => "err.name.required",
        ("reporter.email", Required) => "err.contact.required",
        ("reporter.email", InvalidEmail) => "err.email.invalid",
        ("reporter.phone", InvalidPhone) => "err.phone.invalid",
        ("access_code", Required) => "err.access_code.required",
        ("access_code", _) => "err.access_code.wrong",
        ("message", Required) => "err.reply.required",
        ("rating", _) => "err.rating.required",
        (_, ControlCharacters) => "err.control_characters",
        (_, TooLong) => "err.too_long",
        _ => "err.generic",
    }
}

/// A rule from the contract's `code`, for problems the server reports.
pub fn rule_from_code(code: &str) -> Rule {
    use Rule::*;
    [
        Required,
        TooShort,
        TooLong,
        ControlCharacters,
        FutureDate,
        InvalidEmail,
        InvalidPhone,
        Unknown,
        TooMany,
    ]
    .into_iter()
    .find(|r| r.code() == code)
    .unwrap_or(Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{lookup, Lang};

    #[test]
    fn every_field_and_rule_has_a_message_in_both_languages() {
        use Rule::*;
        for field in FIELDS {
            for rule in [
                Required,
                TooShort,
                TooLong,
                ControlCharacters,
                FutureDate,
                InvalidEmail,
                InvalidPhone,
                Unknown,
                TooMany,
            ] {
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
