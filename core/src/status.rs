//! The SP4N-LAPOR! workflow as a status machine, and who performs its steps.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Submitted,
    Verified,
    Rejected,
    Dispositioned,
    InProgress,
    Completed,
    Closed,
    Escalated,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Submitted,
        Status::Verified,
        Status::Rejected,
        Status::Dispositioned,
        Status::InProgress,
        Status::Completed,
        Status::Closed,
        Status::Escalated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Verified => "verified",
            Status::Rejected => "rejected",
            Status::Dispositioned => "dispositioned",
            Status::InProgress => "in_progress",
            Status::Completed => "completed",
            Status::Closed => "closed",
            Status::Escalated => "escalated",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Counted as "completed" in the statistics (the agency has finished its follow-up).
    pub fn is_completed(self) -> bool {
        matches!(self, Status::Completed | Status::Closed)
    }

    /// Still waiting for the administration or the agency; such reports can escalate.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Submitted | Status::Verified | Status::Dispositioned | Status::InProgress
        )
    }

    /// Not finished one way or the other: open, or escalated to the Ombudsman, whose handling is still under
    /// way (an escalated report can still be answered and completed).
    pub fn is_unfinished(self) -> bool {
        self.is_open() || self == Status::Escalated
    }

    /// Whether moving from `self` to `to` is a legal step of the workflow.
    ///
    /// A dispositioned report may be dispositioned again (re-routed), or handed back by the agency as "not our
    /// remit" (back to verified), and the administrator routes it elsewhere ("no wrong door"). A follow-up keeps
    /// a report in progress. An escalated report may still be answered.
    pub fn can_move_to(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Submitted, Verified)
                | (Submitted, Rejected)
                | (Verified, Dispositioned)
                | (Dispositioned, Dispositioned)
                | (Dispositioned, Verified)
                | (Dispositioned, InProgress)
                | (InProgress, InProgress)
                | (InProgress, Completed)
                | (Completed, Closed)
                | (Submitted | Verified | Dispositioned | InProgress, Escalated)
                | (Escalated, InProgress | Completed)
        )
    }

    /// The role that normally performs the step into `self`, for the public timeline.
    pub fn usual_actor(self) -> Actor {
        match self {
            Status::Submitted => Actor::Citizen,
            Status::Verified | Status::Rejected | Status::Dispositioned => Actor::Admin,
            Status::InProgress | Status::Completed => Actor::Agency,
            Status::Closed | Status::Escalated => Actor::System,
        }
    }
}

/// Who performed a step of the workflow; shown on the public timeline.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Citizen,
    Admin,
    Agency,
    System,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Citizen => "citizen",
            Actor::Admin => "admin",
            Actor::Agency => "agency",
            Actor::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<Actor> {
        [Actor::Citizen, Actor::Admin, Actor::Agency, Actor::System]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_escalated_report_is_unfinished_but_not_open() {
        assert!(Status::Escalated.is_unfinished() && !Status::Escalated.is_open());
        for s in Status::ALL {
            assert_eq!(
                s.is_unfinished(),
                !matches!(s, Status::Rejected | Status::Completed | Status::Closed),
                "{s:?}"
            );
        }
    }

    #[test]
    fn happy_path_is_legal() {
        let path = [
            Status::Submitted,
            Status::Verified,
            Status::Dispositioned,
            Status::InProgress,
            Status::Completed,
            Status::Closed,
        ];
        for w in path.windows(2) {
            assert!(w[0].can_move_to(w[1]), "{:?} -> {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn illegal_steps_are_refused() {
        use Status::*;
        for (from, to) in [
            (Submitted, Completed),
            (Submitted, Dispositioned),
            (Rejected, Verified),
            (Closed, InProgress),
            (Completed, Escalated),
            (Closed, Escalated),
            (Rejected, Escalated),
            (InProgress, Dispositioned),
        ] {
            assert!(!from.can_move_to(to), "{from:?} -> {to:?} must be illegal");
        }
        // Terminal states go nowhere.
        for to in Status::ALL {
            assert!(!Rejected.can_move_to(to));
            assert!(!Closed.can_move_to(to));
        }
    }

    #[test]
    fn no_wrong_door_allows_redisposition_and_escalation_of_open_reports() {
        assert!(Status::Dispositioned.can_move_to(Status::Dispositioned));
        for s in Status::ALL.into_iter().filter(|s| s.is_open()) {
            assert!(s.can_move_to(Status::Escalated), "{s:?}");
        }
    }

    #[test]
    fn names_round_trip_and_match_serde() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
    }
}
