//! What the queue says after a bulk step, as pure functions of the server's answer (tested natively): how many
//! were done, and each refused report's reason by the status the single step would have answered.

use aduan_core::{BulkOutcome, QueueTab, Role, StepAction};

/// The words keys this module picks in code (for the words test).
#[cfg(test)]
pub const KEYS_CHOSEN_IN_CODE: [&str; 15] = [
    "refused",
    "refused_role",
    "selected.one",
    "selected.other",
    "done.verify.one",
    "done.verify.other",
    "done.forward.one",
    "done.forward.other",
    "failed.one",
    "failed.other",
    "reason.conflict",
    "reason.not_found",
    "reason.forbidden",
    "reason.invalid",
    "reason.failed",
];

/// Whether rows of `tab` can be selected for a bulk step: the administrator's tabs of reports waiting to be
/// verified or forwarded (the server takes only those two steps in bulk, [`aduan_core::BulkSteps::allows`]).
pub fn offered(role: Option<Role>, tab: QueueTab) -> bool {
    role == Some(Role::Admin) && matches!(tab, QueueTab::ToVerify | QueueTab::HandedBack)
}

/// `one` or `other` of a counted phrase.
pub fn counted(n: usize, one: &'static str, other: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        other
    }
}

/// "N reports verified" / "N reports forwarded" for `n` done by `action`.
pub fn done_key(action: StepAction, n: usize) -> &'static str {
    match action {
        StepAction::Forward => counted(n, "done.forward.one", "done.forward.other"),
        _ => counted(n, "done.verify.one", "done.verify.other"),
    }
}

/// Why one report was refused, by the HTTP status its single step would have had.
pub fn reason_key(status: u16) -> &'static str {
    match status {
        409 => "reason.conflict",
        404 => "reason.not_found",
        403 => "reason.forbidden",
        422 => "reason.invalid",
        _ => "reason.failed",
    }
}

/// The selection after an answer: the reports done leave it, the refused ones (and any not answered for) stay.
pub fn still_selected(selected: &[String], outcome: &BulkOutcome) -> Vec<String> {
    selected.iter().filter(|t| !outcome.done.contains(t)).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use aduan_core::BulkFailure;

    #[test]
    fn only_the_administrators_desk_tabs_select() {
        assert!(offered(Some(Role::Admin), QueueTab::ToVerify));
        assert!(offered(Some(Role::Admin), QueueTab::HandedBack));
        assert!(!offered(Some(Role::Admin), QueueTab::Overdue));
        assert!(!offered(Some(Role::Supervisor), QueueTab::ToVerify));
        assert!(!offered(Some(Role::Officer), QueueTab::ForwardedToMe));
        assert!(!offered(None, QueueTab::ToVerify));
    }

    #[test]
    fn each_refusal_has_its_reason() {
        assert_eq!(reason_key(409), "reason.conflict");
        assert_eq!(reason_key(404), "reason.not_found");
        assert_eq!(reason_key(403), "reason.forbidden");
        assert_eq!(reason_key(422), "reason.invalid");
        assert_eq!(reason_key(500), "reason.failed");
        assert_eq!(done_key(StepAction::Verify, 2), "done.verify.other");
        assert_eq!(done_key(StepAction::Forward, 1), "done.forward.one");
    }

    #[test]
    fn the_refused_reports_stay_selected() {
        let selected = ["A".to_string(), "B".into(), "C".into()];
        let outcome = BulkOutcome {
            done: vec!["A".into(), "C".into()],
            failed: vec![BulkFailure {
                ticket: "B".into(),
                status: 409,
                title: "Conflict".into(),
                detail: None,
            }],
        };
        assert_eq!(still_selected(&selected, &outcome), vec!["B".to_string()]);
    }
}
