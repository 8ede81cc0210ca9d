//! An Open311 error array as one of our problem documents.

use super::{answer_field, field_of, Open311Error};
use crate::{FieldError, Problem};

/// Our form's field for an Open311 parameter named at the start of an error description
/// (`"description: too short"`), so the error summary can link to the input.
fn field_of_parameter(parameter: &str) -> Option<String> {
    if let Some(field) = field_of(parameter) {
        return Some(field.to_string());
    }
    let code = parameter.strip_prefix("attribute[")?.strip_suffix(']')?;
    Some(answer_field(code.trim_end_matches("][")))
}

/// Code of a [`FieldError`] read from an Open311 error array: its message is the server's own words.
pub const SERVER_WORDS: &str = "open311";

/// A problem document from an Open311 error array, so pages show it like one of ours. An error that names
/// a parameter becomes a field error for the matching input; any other keeps an empty field.
pub fn problem_from_errors(status: u16, errors: &[Open311Error]) -> Problem {
    let fields = errors
        .iter()
        .map(|e| {
            let named = e
                .description
                .split_once(':')
                .and_then(|(p, rest)| field_of_parameter(p.trim()).map(|f| (f, rest.trim().to_string())));
            let (field, message) = named.unwrap_or_else(|| (String::new(), e.description.trim().to_string()));
            FieldError {
                field,
                code: SERVER_WORDS.into(),
                message,
            }
        })
        .collect();
    Problem {
        kind: "about:blank".into(),
        title: errors
            .iter()
            .map(|e| e.description.trim())
            .collect::<Vec<_>>()
            .join(" "),
        status,
        detail: None,
        errors: fields,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_error_and_named_parameters_become_a_problem() {
        let spec: Vec<Open311Error> = serde_json::from_str(include_str!("fixtures/errors.json")).unwrap();
        let p = problem_from_errors(403, &spec);
        assert_eq!(p.status, 403);
        assert_eq!(p.errors[0].field, "", "the spec's api_key error names no form field");
        assert!(p.errors[0].message.starts_with("Invalid api_key"));
        let named = vec![
            Open311Error {
                code: "400".into(),
                description: "description: Terlalu pendek.".into(),
            },
            Open311Error {
                code: "400".into(),
                description: "attribute[judul]: Wajib diisi.".into(),
            },
            Open311Error {
                code: "400".into(),
                description: "Service is closed: try later".into(),
            },
        ];
        let p = problem_from_errors(400, &named);
        let got: Vec<(&str, &str, &str)> = p
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("body", SERVER_WORDS, "Terlalu pendek."),
                ("attribute.judul", SERVER_WORDS, "Wajib diisi."),
                ("", SERVER_WORDS, "Service is closed: try later")
            ]
        );
    }
}
