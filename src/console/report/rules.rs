//! What the report page checks before it sends, and how it explains the server's refusals: pure functions
//! of the entries and the contract's values, tested natively. The views only show what these return.

use aduan_core::validation::{clean_text, Rule};
use aduan_core::{Kind, NewStep, ReportCorrection, ReportView, StepAction};
use leptos::prelude::*;

use crate::console::api::StaffError;

/// A problem with an entry: the id of its input and the key of its words in the report page's tables
/// (`{step}` and `{max}` in them are filled in when shown).
pub type Problem = (&'static str, &'static str);

/// The words of the problem at `input_id` among `problems`, if any, for the field's inline error; `worded` turns
/// a words key into the sentence shown. The report page, the queue's bulk bar and the templates page each keep
/// their own problems.
pub fn problem_at(
    problems: RwSignal<Vec<Problem>>,
    input_id: &'static str,
    worded: impl Fn(&'static str) -> String + Send + Sync + 'static,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        problems
            .read()
            .iter()
            .find(|(id, _)| *id == input_id)
            .map(|(_, key)| worded(key))
    })
}

pub const MESSAGE_INPUT: &str = "step-message";
pub const AGENCY_INPUT: &str = "step-agency";
pub const NOTE_INPUT: &str = "note-text";
pub const REASON_INPUT: &str = "correction-reason";
pub const KIND_INPUT: &str = "correction-kind";
pub const CATEGORY_INPUT: &str = "correction-category";
pub const REGION_INPUT: &str = "correction-region";

fn message_problem(rule: Rule) -> &'static str {
    match rule {
        Rule::Required | Rule::TooShort => "steps.message_required",
        Rule::TooLong => "steps.message_too_long",
        _ => "steps.message_invalid",
    }
}

/// The step to send, or what to fix first. A message is required where the step needs one
/// ([`StepAction::needs_message`]); forwarding needs an agency other than the one that has the report now.
pub fn check_step(
    action: StepAction,
    message: &str,
    agency_id: &str,
    current_agency: Option<&str>,
    message_max: usize,
) -> Result<NewStep, Vec<Problem>> {
    let mut problems = Vec::new();
    let min = usize::from(action.needs_message());
    let message = clean_text(message, min, message_max, true).unwrap_or_else(|rule| {
        problems.push((MESSAGE_INPUT, message_problem(rule)));
        String::new()
    });
    let agency_id = (action == StepAction::Forward).then(|| agency_id.trim().to_string());
    match agency_id.as_deref() {
        Some("") => problems.push((AGENCY_INPUT, "steps.agency_required")),
        Some(id) if Some(id) == current_agency => problems.push((AGENCY_INPUT, "steps.agency_same")),
        _ => {}
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(NewStep {
        action,
        message,
        agency_id,
    })
}

/// How a refused write is explained.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Entries to fix (a 422), shown in the error summary and at each field.
    Fields(Vec<Problem>),
    /// Something the entries cannot fix, said once above the form; `reload` offers to load the report again.
    Notice { key: &'static str, reload: bool },
    /// The session ended (401): the console shows the sign-in form, and the drafts stay for afterwards.
    SignedOut,
}

/// Why the server refused a step, a note or a correction, in the words of the report page. `field_of` gives the
/// input of a field the server names (`message`, `agency_id`, `text`, `reason`, …) and its words for the rule.
pub fn refusal(error: &StaffError, field_of: impl Fn(&str, Rule) -> Option<Problem>) -> Refusal {
    match error.status() {
        Some(401) => Refusal::SignedOut,
        Some(409) => Refusal::Notice {
            key: "steps.conflict",
            reload: true,
        },
        Some(403) => Refusal::Notice {
            key: "steps.forbidden",
            reload: true,
        },
        Some(404) => Refusal::Notice {
            key: "steps.gone",
            reload: false,
        },
        Some(422) => {
            let problems: Vec<Problem> = error
                .field_errors()
                .iter()
                .filter_map(|(field, code)| field_of(field, crate::i18n::field_errors::rule_from_code(code)))
                .collect();
            if problems.is_empty() {
                Refusal::Notice {
                    key: "steps.failed",
                    reload: false,
                }
            } else {
                Refusal::Fields(problems)
            }
        }
        _ => Refusal::Notice {
            key: "steps.failed",
            reload: false,
        },
    }
}

/// The step form's fields as the server names them.
pub fn step_field(field: &str, rule: Rule) -> Option<Problem> {
    match field {
        "message" => Some((MESSAGE_INPUT, message_problem(rule))),
        "agency_id" if rule == Rule::Required => Some((AGENCY_INPUT, "steps.agency_required")),
        "agency_id" => Some((AGENCY_INPUT, "steps.agency_same")),
        _ => None,
    }
}

/// The note form's field as the server names it.
pub fn note_field(field: &str, rule: Rule) -> Option<Problem> {
    match (field, rule) {
        ("text", Rule::TooLong) => Some((NOTE_INPUT, "steps.message_too_long")),
        ("text", _) => Some((NOTE_INPUT, "notes.required")),
        _ => None,
    }
}

/// The correction form's fields as the server names them.
pub fn correction_field(field: &str, _rule: Rule) -> Option<Problem> {
    match field {
        "reason" => Some((REASON_INPUT, "correction.reason_required")),
        "category_id" => Some((CATEGORY_INPUT, "correction.category_unknown")),
        "region_id" => Some((REGION_INPUT, "correction.region_unknown")),
        _ => None,
    }
}

/// The correction form's entries; it starts as the report is.
#[derive(Clone, Debug, PartialEq)]
pub struct CorrectionEntries {
    pub kind: Kind,
    pub category_id: String,
    pub region_id: String,
    pub anonymous: bool,
    pub confidential: bool,
    pub reason: String,
}

impl CorrectionEntries {
    pub fn of(report: &ReportView) -> CorrectionEntries {
        let id = |n: &Option<aduan_core::NamedRef>| n.as_ref().map(|n| n.id.clone()).unwrap_or_default();
        CorrectionEntries {
            kind: report.kind,
            category_id: id(&report.category),
            region_id: id(&report.region),
            anonymous: report.anonymous,
            confidential: report.confidential,
            reason: String::new(),
        }
    }
}

/// The correction to send: only what differs from the report, with the reason; or what to fix first.
pub fn check_correction(
    report: &ReportView,
    entries: &CorrectionEntries,
    reason_max: usize,
) -> Result<ReportCorrection, Vec<Problem>> {
    let before = CorrectionEntries::of(report);
    let changed = |now: &str, was: &str| (now != was && !now.is_empty()).then(|| now.to_string());
    let correction = ReportCorrection {
        kind: (entries.kind != before.kind).then_some(entries.kind),
        category_id: changed(&entries.category_id, &before.category_id),
        region_id: changed(&entries.region_id, &before.region_id),
        anonymous: (entries.anonymous != before.anonymous).then_some(entries.anonymous),
        confidential: (entries.confidential != before.confidential).then_some(entries.confidential),
        reason: String::new(),
    };
    let mut problems = Vec::new();
    if correction == ReportCorrection::default() {
        problems.push((KIND_INPUT, "correction.unchanged"));
    }
    let reason = clean_text(&entries.reason, 1, reason_max, true).unwrap_or_else(|rule| {
        problems.push((
            REASON_INPUT,
            if rule == Rule::TooLong {
                "steps.message_too_long"
            } else {
                "correction.reason_required"
            },
        ));
        String::new()
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ReportCorrection { reason, ..correction })
}

/// Where a draft of the page's text is kept in `sessionStorage`: by ticket, so an expired session, which shows
/// the sign-in form in place of the page, finds it again afterwards.
pub fn draft_key(ticket: &str, what: &str) -> String {
    format!("aduan.staff.draft.{ticket}.{what}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use aduan_core::{FieldError, NamedRef, Problem as ProblemDoc, Status};

    #[test]
    fn a_step_that_needs_a_message_is_not_sent_without_one() {
        assert_eq!(
            check_step(StepAction::InitialResponse, "  \n ", "", None, 100),
            Err(vec![(MESSAGE_INPUT, "steps.message_required")])
        );
        let verify = check_step(StepAction::Verify, "", "", None, 100).unwrap();
        assert_eq!(
            (verify.action, verify.message.as_str(), verify.agency_id),
            (StepAction::Verify, "", None)
        );
        let answer = check_step(StepAction::FollowUp, "  Sudah diperbaiki.\r\n", "dinkes", None, 100).unwrap();
        assert_eq!(answer.message, "Sudah diperbaiki.");
        assert_eq!(answer.agency_id, None, "only a forward names an agency");
        assert_eq!(
            check_step(StepAction::Reject, &"x".repeat(101), "", None, 100),
            Err(vec![(MESSAGE_INPUT, "steps.message_too_long")])
        );
    }

    #[test]
    fn a_forward_needs_another_agency() {
        assert_eq!(
            check_step(StepAction::Forward, "", " ", None, 100),
            Err(vec![(AGENCY_INPUT, "steps.agency_required")])
        );
        assert_eq!(
            check_step(StepAction::Forward, "", "dinkes", Some("dinkes"), 100),
            Err(vec![(AGENCY_INPUT, "steps.agency_same")])
        );
        let forward = check_step(StepAction::Forward, "", "dinas-pupr", Some("dinkes"), 100).unwrap();
        assert_eq!(forward.agency_id.as_deref(), Some("dinas-pupr"));
    }

    fn refused(status: u16, fields: &[(&str, &str)]) -> StaffError {
        StaffError::Api(crate::api::ApiError::Status {
            status,
            problem: Some(ProblemDoc {
                kind: "about:blank".into(),
                title: String::new(),
                status,
                detail: None,
                errors: fields
                    .iter()
                    .map(|(field, code)| FieldError {
                        field: field.to_string(),
                        code: code.to_string(),
                        message: String::new(),
                    })
                    .collect(),
            }),
        })
    }

    #[test]
    fn each_refusal_is_explained_where_it_can_be_fixed() {
        assert_eq!(refusal(&StaffError::SignedOut, step_field), Refusal::SignedOut);
        assert_eq!(
            refusal(&refused(409, &[]), step_field),
            Refusal::Notice {
                key: "steps.conflict",
                reload: true
            }
        );
        assert!(matches!(
            refusal(&refused(403, &[]), step_field),
            Refusal::Notice {
                key: "steps.forbidden",
                ..
            }
        ));
        assert!(matches!(
            refusal(&refused(404, &[]), step_field),
            Refusal::Notice { key: "steps.gone", .. }
        ));
        assert_eq!(
            refusal(
                &refused(422, &[("message", "required"), ("agency_id", "required")]),
                step_field
            ),
            Refusal::Fields(vec![
                (MESSAGE_INPUT, "steps.message_required"),
                (AGENCY_INPUT, "steps.agency_required")
            ])
        );
        assert_eq!(
            refusal(&refused(422, &[("reason", "required")]), correction_field),
            Refusal::Fields(vec![(REASON_INPUT, "correction.reason_required")])
        );
        assert!(matches!(
            refusal(&refused(422, &[("other", "x")]), step_field),
            Refusal::Notice {
                key: "steps.failed",
                ..
            }
        ));
        assert!(matches!(
            refusal(&StaffError::Api(crate::api::ApiError::Network), note_field),
            Refusal::Notice {
                key: "steps.failed",
                ..
            }
        ));
    }

    fn report() -> ReportView {
        let named = |id: &str| {
            Some(NamedRef {
                id: id.into(),
                name: id.to_uppercase(),
            })
        };
        ReportView {
            ticket: "ABC".into(),
            kind: Kind::Complaint,
            status: Status::Submitted,
            title: None,
            body: None,
            agency: None,
            category: named("jalan"),
            region: named("cempaka"),
            address: None,
            incident_date: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
            channel: aduan_core::Channel::Web,
            confidential: false,
            anonymous: false,
            reporter: None,
            supports: 0,
            rating: None,
            events: vec![],
            deadlines: None,
            expected_on: None,
            attachments: vec![],
            duplicate_of: None,
        }
    }

    #[test]
    fn a_correction_sends_only_what_changed_and_its_reason() {
        let report = report();
        let mut entries = CorrectionEntries::of(&report);
        entries.category_id = "kesehatan".into();
        entries.confidential = true;
        entries.reason = " Kategori salah pilih ".into();
        assert_eq!(
            check_correction(&report, &entries, 100),
            Ok(ReportCorrection {
                category_id: Some("kesehatan".into()),
                confidential: Some(true),
                reason: "Kategori salah pilih".into(),
                ..ReportCorrection::default()
            })
        );
    }

    #[test]
    fn a_correction_needs_a_change_and_a_reason() {
        let report = report();
        let entries = CorrectionEntries::of(&report);
        assert_eq!(
            check_correction(&report, &entries, 100),
            Err(vec![
                (KIND_INPUT, "correction.unchanged"),
                (REASON_INPUT, "correction.reason_required")
            ])
        );
        let entries = CorrectionEntries {
            kind: Kind::Aspiration,
            ..entries
        };
        assert_eq!(
            check_correction(&report, &entries, 100),
            Err(vec![(REASON_INPUT, "correction.reason_required")])
        );
    }

    #[test]
    fn drafts_are_kept_by_ticket() {
        assert_eq!(draft_key("7KQ2M9XW4", "message"), "aduan.staff.draft.7KQ2M9XW4.message");
        assert_ne!(draft_key("A", "note"), draft_key("B", "note"));
    }
}
