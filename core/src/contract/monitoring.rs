//! `GET /staff/monitoring`: the supervisor's and administrator's per-agency figures and ranking. Every figure is
//! defined once in [`crate::monitoring`].

use serde::{Deserialize, Serialize};

/// One agency's figures for the reports of a filter (received in the period). `agency_id` is `None` for the
/// reports not yet assigned to an agency, so that the rows always sum to [`Monitoring::total`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct MonitoringRow {
    pub agency_id: Option<String>,
    pub agency_name: Option<String>,
    /// Position in the ranking (1 = best); `None` for a row not ranked (too few reports, no agency, the total).
    pub rank: Option<u32>,
    pub received: u64,
    /// Unfinished now: waiting for the administrator, the agency or (escalated) the Ombudsman.
    pub open: u64,
    /// Unfinished and past the deadline it works towards now (the work queue's "overdue" tab).
    pub overdue: u64,
    pub completed: u64,
    pub completion_rate: f64,
    /// Reports whose initial-response deadline is settled (answered, or past due unanswered).
    pub response_settled: u64,
    /// Of those, answered by the deadline.
    pub response_on_time: u64,
    /// `response_on_time / response_settled`; `None` when nothing is settled.
    pub response_within_rate: Option<f64>,
    /// Answered reports whose completion deadline is settled (completed, or past due unfinished).
    pub follow_up_settled: u64,
    /// Of those, completed by the deadline.
    pub follow_up_on_time: u64,
    pub follow_up_within_rate: Option<f64>,
    pub median_response_days: Option<f64>,
    /// How many citizens rated the handling, and their average (1 to 5).
    pub ratings: u64,
    pub rating_average: Option<f64>,
}

/// `GET /staff/monitoring`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Monitoring {
    /// The portal's local date the figures were counted on ("overdue now" depends on it).
    pub today: String,
    /// The fewest reports an agency needs in the period to be ranked.
    pub min_reports_ranked: u64,
    /// Ranked agencies first, in rank order, then the others by reports received.
    pub agencies: Vec<MonitoringRow>,
    pub total: MonitoringRow,
}
