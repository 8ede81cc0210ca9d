//! Who may do what in the staff console: the three roles of SP4N-LAPOR!'s back office, the steps each takes, and
//! the work-queue tabs. The server enforces these rules and the console offers only what they allow, so both
//! read them from here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::status::{Actor, Status};

/// A staff account's role (seed 002/003).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Admin instansi / Diskominfo: verifies, rejects, corrects, forwards, manages accounts.
    Admin,
    /// Pejabat penghubung: answers the reports forwarded to their agencies.
    Officer,
    /// Inspektorat / leadership: reads everything, changes nothing.
    Supervisor,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Officer, Role::Supervisor];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Officer => "officer",
            Role::Supervisor => "supervisor",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether the role may change anything at all (a supervisor's write is a 403).
    pub fn can_write(self) -> bool {
        self != Role::Supervisor
    }

    /// Whether the role sees every report; an officer sees only those forwarded to their agencies.
    pub fn sees_everything(self) -> bool {
        self != Role::Officer
    }

    /// The work-queue tabs the role has, in the order the console shows them.
    pub fn queue_tabs(self) -> &'static [QueueTab] {
        use QueueTab::*;
        match self {
            Role::Admin => &[ToVerify, HandedBack, Overdue, DueSoon, All],
            Role::Officer => &[ForwardedToMe, Overdue, DueSoon, All],
            Role::Supervisor => &[ToVerify, HandedBack, Overdue, DueSoon, All],
        }
    }
}

/// One step of the workflow as staff take it. Each names the status it leads to; the public timeline shows it
/// with the role that took it, never the person.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum StepAction {
    Verify,
    Reject,
    /// Disposition to an agency; again, to another agency, after a hand-back or to re-route.
    Forward,
    /// The agency's first answer (starts the follow-up).
    InitialResponse,
    /// A further answer while the agency works on it; the status stays "in progress".
    FollowUp,
    Complete,
    /// "Not our remit": the agency hands the report back to the administrator (no wrong door).
    HandBack,
}

impl StepAction {
    pub const ALL: [StepAction; 7] = [
        StepAction::Verify,
        StepAction::Reject,
        StepAction::Forward,
        StepAction::InitialResponse,
        StepAction::FollowUp,
        StepAction::Complete,
        StepAction::HandBack,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StepAction::Verify => "verify",
            StepAction::Reject => "reject",
            StepAction::Forward => "forward",
            StepAction::InitialResponse => "initial_response",
            StepAction::FollowUp => "follow_up",
            StepAction::Complete => "complete",
            StepAction::HandBack => "hand_back",
        }
    }

    pub fn parse(s: &str) -> Option<StepAction> {
        StepAction::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The role whose step this is.
    pub fn role(self) -> Role {
        match self {
            StepAction::Verify | StepAction::Reject | StepAction::Forward => Role::Admin,
            _ => Role::Officer,
        }
    }

    /// How the public timeline names who took the step.
    pub fn actor(self) -> Actor {
        match self.role() {
            Role::Officer => Actor::Agency,
            _ => Actor::Admin,
        }
    }

    /// Whether the step needs a message to the citizen: a reason for a refusal or a hand-back, the answer itself
    /// for the agency's steps.
    pub fn needs_message(self) -> bool {
        !matches!(self, StepAction::Verify | StepAction::Forward)
    }

    /// The status the step leads to from `from`, or `None` when the step is not legal now. `responded` says
    /// whether the agency has already given its initial response (an escalated report can still get one).
    pub fn target(self, from: Status, responded: bool) -> Option<Status> {
        use Status::*;
        let to = match (self, from) {
            (StepAction::Verify, Submitted) => Verified,
            (StepAction::Reject, Submitted) => Rejected,
            (StepAction::Forward, Verified | Dispositioned) => Dispositioned,
            (StepAction::InitialResponse, Dispositioned) => InProgress,
            (StepAction::InitialResponse, Escalated) if !responded => InProgress,
            (StepAction::FollowUp, InProgress) => InProgress,
            (StepAction::FollowUp, Escalated) if responded => InProgress,
            (StepAction::Complete, InProgress) => Completed,
            (StepAction::Complete, Escalated) if responded => Completed,
            (StepAction::HandBack, Dispositioned) => Verified,
            _ => return None,
        };
        debug_assert!(from.can_move_to(to), "{self:?} from {from:?}");
        Some(to)
    }
}

/// The steps `role` may take now on a report that is `status`, in the order the console offers them.
pub fn available_steps(role: Role, status: Status, responded: bool) -> Vec<StepAction> {
    StepAction::ALL
        .into_iter()
        .filter(|a| a.role() == role && a.target(status, responded).is_some())
        .collect()
}

/// A tab of the work queue. Every tab is limited to what the account may see.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum QueueTab {
    /// New reports, and verified ones not yet forwarded: the administrator's desk.
    ToVerify,
    /// Reports forwarded to the officer's agencies that the agency has not finished.
    ForwardedToMe,
    /// Handed back by an agency as "not our remit", waiting to be forwarded again.
    HandedBack,
    /// Unfinished and past their current deadline.
    Overdue,
    /// Unfinished, current deadline today or within [`DUE_SOON_WORKING_DAYS`] working days.
    DueSoon,
    All,
}

/// The shortest password a staff account may have, in characters: the server refuses shorter ones and the
/// console names them in the same error summary as the form's other problems.
pub const PASSWORD_MIN_CHARS: usize = 12;

/// "Due soon" looks this many working days ahead.
pub const DUE_SOON_WORKING_DAYS: u32 = 2;

impl QueueTab {
    pub const ALL: [QueueTab; 6] = [
        QueueTab::ToVerify,
        QueueTab::ForwardedToMe,
        QueueTab::HandedBack,
        QueueTab::Overdue,
        QueueTab::DueSoon,
        QueueTab::All,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QueueTab::ToVerify => "to_verify",
            QueueTab::ForwardedToMe => "forwarded_to_me",
            QueueTab::HandedBack => "handed_back",
            QueueTab::Overdue => "overdue",
            QueueTab::DueSoon => "due_soon",
            QueueTab::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<QueueTab> {
        QueueTab::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The deadline a report is working towards now: verification (which includes forwarding) until it reaches an
/// agency, then the agency's initial response, then completion before escalation. An escalated report is still
/// unresolved and late since that last deadline, so it stays among the overdue. `None` once nothing is due.
pub fn current_deadline(
    status: Status,
    responded: bool,
    verify_due: NaiveDate,
    respond_due: NaiveDate,
    escalate_due: NaiveDate,
) -> Option<NaiveDate> {
    match status {
        Status::Submitted | Status::Verified => Some(verify_due),
        Status::Dispositioned if !responded => Some(respond_due),
        Status::Dispositioned | Status::InProgress | Status::Escalated => Some(escalate_due),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_target_is_a_legal_status_move() {
        for action in StepAction::ALL {
            for from in Status::ALL {
                for responded in [false, true] {
                    if let Some(to) = action.target(from, responded) {
                        assert!(from.can_move_to(to), "{action:?}: {from:?} -> {to:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_admin_verifies_and_forwards_and_the_officer_answers() {
        assert_eq!(
            available_steps(Role::Admin, Status::Submitted, false),
            [StepAction::Verify, StepAction::Reject]
        );
        assert_eq!(
            available_steps(Role::Admin, Status::Verified, false),
            [StepAction::Forward]
        );
        assert_eq!(
            available_steps(Role::Officer, Status::Dispositioned, false),
            [StepAction::InitialResponse, StepAction::HandBack]
        );
        assert_eq!(
            available_steps(Role::Officer, Status::InProgress, true),
            [StepAction::FollowUp, StepAction::Complete]
        );
        assert!(available_steps(Role::Officer, Status::Submitted, false).is_empty());
    }

    #[test]
    fn a_supervisor_has_no_step_anywhere() {
        for status in Status::ALL {
            for responded in [false, true] {
                assert!(available_steps(Role::Supervisor, status, responded).is_empty());
            }
        }
        assert!(!Role::Supervisor.can_write());
    }

    #[test]
    fn a_handed_back_report_goes_back_to_verified_and_can_be_forwarded_again() {
        let back = StepAction::HandBack.target(Status::Dispositioned, false);
        assert_eq!(back, Some(Status::Verified));
        assert_eq!(
            StepAction::Forward.target(Status::Verified, false),
            Some(Status::Dispositioned)
        );
        // Once the agency has answered it is theirs: no hand-back from in progress.
        assert_eq!(StepAction::HandBack.target(Status::InProgress, true), None);
    }

    #[test]
    fn an_escalated_report_gets_its_initial_response_once_then_follow_ups() {
        assert_eq!(
            StepAction::InitialResponse.target(Status::Escalated, false),
            Some(Status::InProgress)
        );
        assert_eq!(StepAction::InitialResponse.target(Status::Escalated, true), None);
        assert_eq!(StepAction::FollowUp.target(Status::Escalated, false), None);
        assert_eq!(
            StepAction::FollowUp.target(Status::Escalated, true),
            Some(Status::InProgress)
        );
        assert_eq!(StepAction::InitialResponse.target(Status::InProgress, true), None);
    }

    #[test]
    fn wire_names_round_trip() {
        for a in StepAction::ALL {
            assert_eq!(StepAction::parse(a.as_str()), Some(a));
            assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{}\"", a.as_str()));
        }
        for t in QueueTab::ALL {
            assert_eq!(QueueTab::parse(t.as_str()), Some(t));
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", t.as_str()));
        }
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn the_current_deadline_follows_the_step_the_report_waits_for() {
        let (v, r, e) = (
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            NaiveDate::from_ymd_opt(2026, 1, 19).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 30).unwrap(),
        );
        assert_eq!(current_deadline(Status::Submitted, false, v, r, e), Some(v));
        assert_eq!(current_deadline(Status::Verified, false, v, r, e), Some(v));
        assert_eq!(current_deadline(Status::Dispositioned, false, v, r, e), Some(r));
        assert_eq!(current_deadline(Status::InProgress, true, v, r, e), Some(e));
        for responded in [false, true] {
            assert_eq!(
                current_deadline(Status::Escalated, responded, v, r, e),
                Some(e),
                "late since escalation"
            );
        }
        for done in [Status::Rejected, Status::Completed, Status::Closed] {
            assert_eq!(current_deadline(done, true, v, r, e), None);
        }
    }
}
