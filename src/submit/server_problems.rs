//! A refusal that names fields (422, or Open311's error array) turned into what the form shows: the step
//! to go back to, the problems worded from the catalogue, and those the server put in its own words.

use aduan_core::open311::SERVER_WORDS;
use aduan_core::validation::Rule;

use super::draft::Step;
use crate::api::ApiError;
use crate::components::form::FieldProblem;
use crate::components::submit::input_id;
use crate::i18n::field_errors;

#[derive(Debug, PartialEq)]
pub struct ServerProblems {
    /// The step of the first field named: the report needs changing there.
    pub step: Step,
    /// Problems with a contract code, worded in the current language when shown.
    pub shown: Vec<(String, Rule)>,
    /// Problems a server words itself (Open311), quoted after the label of the input they are about.
    pub quoted: Vec<FieldProblem>,
}

/// `None` when the error names no field: then nothing on the form needs changing. `label` gives the label
/// of the input a field stands for, so a quoted message says which answer to change.
pub fn server_problems(error: &ApiError, label: impl Fn(&str) -> Option<String>) -> Option<ServerProblems> {
    let named = error.field_errors();
    if named.is_empty() {
        return None;
    }
    let step = Step::of_field(
        named
            .iter()
            .map(|(f, _)| f.as_str())
            .find(|f| !f.is_empty())
            .unwrap_or_default(),
    );
    let shown = named
        .into_iter()
        .filter(|(_, code)| code != SERVER_WORDS)
        .map(|(field, code)| (field, field_errors::rule_from_code(&code)))
        .collect();
    let quoted = error
        .messages()
        .into_iter()
        .map(|(field, message)| FieldProblem {
            // Fields of other steps are not on the page, nor is a problem naming no field: those link to the
            // step's heading.
            input_id: if field.is_empty() || Step::of_field(&field) != step {
                "step-heading".into()
            } else {
                input_id(&field)
            },
            message: match label(&field) {
                Some(label) => format!("{label}: {message}"),
                None => message,
            },
        })
        .collect();
    Some(ServerProblems { step, shown, quoted })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aduan_core::{FieldError, Problem};

    fn refusal(errors: &[(&str, &str, &str)]) -> ApiError {
        ApiError::Status {
            status: 422,
            problem: Some(Problem {
                kind: "about:blank".into(),
                title: "Unprocessable".into(),
                status: 422,
                detail: None,
                errors: errors
                    .iter()
                    .map(|(field, code, message)| FieldError {
                        field: field.to_string(),
                        code: code.to_string(),
                        message: message.to_string(),
                    })
                    .collect(),
            }),
        }
    }

    fn no_label(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn an_error_naming_no_field_changes_nothing_on_the_form() {
        assert_eq!(server_problems(&ApiError::Network, no_label), None);
        assert_eq!(server_problems(&refusal(&[]), no_label), None);
    }

    #[test]
    fn coded_problems_go_back_to_the_step_of_the_first_field() {
        let found = server_problems(
            &refusal(&[("title", "too_short", "x"), ("reporter.email", "invalid_email", "y")]),
            no_label,
        )
        .unwrap();
        assert_eq!(found.step, Step::Details);
        assert_eq!(
            found.shown,
            vec![
                ("title".to_string(), Rule::TooShort),
                ("reporter.email".to_string(), Rule::InvalidEmail)
            ]
        );
        assert!(found.quoted.is_empty());
    }

    #[test]
    fn a_servers_own_words_are_quoted_after_the_label_and_link_to_the_input_on_the_page() {
        let label = |field: &str| (field == "body").then(|| "Description".to_string());
        let found = server_problems(
            &refusal(&[
                ("body", SERVER_WORDS, "Too short."),
                ("reporter.email", SERVER_WORDS, "Unknown address."),
                ("", SERVER_WORDS, "Service down for maintenance."),
            ]),
            label,
        )
        .unwrap();
        assert_eq!(found.step, Step::Details);
        assert!(found.shown.is_empty(), "worded problems are quoted, not worded again");
        assert_eq!(
            found.quoted,
            vec![
                FieldProblem {
                    input_id: "body".into(),
                    message: "Description: Too short.".into()
                },
                FieldProblem {
                    input_id: "step-heading".into(),
                    message: "Unknown address.".into()
                },
                FieldProblem {
                    input_id: "step-heading".into(),
                    message: "Service down for maintenance.".into()
                },
            ]
        );
    }

    #[test]
    fn a_problem_naming_no_field_first_goes_to_the_review() {
        let found = server_problems(&refusal(&[("", SERVER_WORDS, "No.")]), no_label).unwrap();
        assert_eq!(found.step, Step::Review);
        assert_eq!(found.quoted[0].input_id, "step-heading");
    }
}
