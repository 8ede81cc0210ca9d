//! The monitoring figures of the staff console, one definition each, shared with the public statistics and
//! counted by the server. A city may publish these definitions as they are written here.
//!
//! Every figure is about the reports a filter selects (received in the period, of the category, district and
//! kind asked for), grouped by the agency the report is assigned to now.
//!
//! - **Received**: every report the filter selects.
//! - **Open**: reports not finished one way or the other ([`Status::is_unfinished`]): waiting for the
//!   administrator, for the agency, or escalated to the Ombudsman and still being handled.
//! - **Overdue now**: open reports past the deadline they work towards today ([`crate::current_deadline`]:
//!   verification, then the agency's initial response, then completion), exactly the work queue's "overdue" tab.
//! - **Initial response within deadline**: of the reports whose response deadline is settled (the agency
//!   answered, or the deadline passed unanswered; rejected reports never count), the share answered on or before
//!   the deadline. The public statistics' "Sesuai batas waktu" is the same figure over all agencies.
//! - **Follow-up within deadline**: the follow-up of an answered report ends with its completion, due by the
//!   escalation deadline (after it, the report may be escalated). Of the answered reports whose completion
//!   deadline is settled (completed, or the deadline passed unfinished), the share completed on or before it.
//! - **Median response time**: the median ([`crate::stats::nearest_rank`]) of the working days from arrival to the
//!   initial response, over answered reports.
//! - **Satisfaction**: the average of the citizens' ratings (1 to 5) and how many rated.
//!
//! The **ranking** ([`rank`]) orders the agencies with at least [`MIN_REPORTS_RANKED`] reports in the period.

mod csv;

use std::cmp::Ordering;

pub use csv::{csv, CsvLang};

use crate::stats::rate;
use crate::status::Status;
use crate::MonitoringRow;

/// An agency needs this many reports in the period to be ranked: with fewer, one late answer moves its share by
/// more than a tenth, and the position would say more about chance than about service.
pub const MIN_REPORTS_RANKED: u64 = 10;

/// What the server counts per agency, from which [`MonitoringRow`] derives every share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub received: u64,
    pub open: u64,
    pub overdue: u64,
    pub completed: u64,
    pub response_settled: u64,
    pub response_late: u64,
    pub follow_up_settled: u64,
    pub follow_up_late: u64,
    pub ratings: u64,
    pub rating_sum: u64,
}

impl Counts {
    /// Adds `n` reports of `status` to the open and completed counts.
    pub fn add_status(&mut self, status: Status, n: u64) {
        self.received += n;
        if status.is_unfinished() {
            self.open += n;
        }
        if status.is_completed() {
            self.completed += n;
        }
    }

    pub fn add(&mut self, other: &Counts) {
        self.received += other.received;
        self.open += other.open;
        self.overdue += other.overdue;
        self.completed += other.completed;
        self.response_settled += other.response_settled;
        self.response_late += other.response_late;
        self.follow_up_settled += other.follow_up_settled;
        self.follow_up_late += other.follow_up_late;
        self.ratings += other.ratings;
        self.rating_sum += other.rating_sum;
    }

    pub fn row(&self, agency_id: Option<String>, agency_name: Option<String>, median: Option<f64>) -> MonitoringRow {
        let on_time = |settled: u64, late: u64| settled.saturating_sub(late);
        let share = |settled: u64, late: u64| (settled > 0).then(|| rate(on_time(settled, late), settled));
        MonitoringRow {
            agency_id,
            agency_name,
            rank: None,
            received: self.received,
            open: self.open,
            overdue: self.overdue,
            completed: self.completed,
            completion_rate: rate(self.completed, self.received),
            response_settled: self.response_settled,
            response_on_time: on_time(self.response_settled, self.response_late),
            response_within_rate: share(self.response_settled, self.response_late),
            follow_up_settled: self.follow_up_settled,
            follow_up_on_time: on_time(self.follow_up_settled, self.follow_up_late),
            follow_up_within_rate: share(self.follow_up_settled, self.follow_up_late),
            median_response_days: median,
            ratings: self.ratings,
            rating_average: (self.ratings > 0).then(|| self.rating_sum as f64 / self.ratings as f64),
        }
    }
}

/// Whether `row` takes part in the ranking: an agency (not the unassigned reports) with enough reports.
pub fn is_ranked(row: &MonitoringRow, min_reports: u64) -> bool {
    row.agency_id.is_some() && row.received >= min_reports
}

/// Higher first, a missing share after every present one.
fn share_desc(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The ranking rule, best first: the higher share of initial responses within deadline; then the higher
/// completion rate; then fewer reports overdue now; then the agency's name (then id) alphabetically, so that the
/// order never depends on the order rows were counted in and every position is distinct.
pub fn ranking_order(a: &MonitoringRow, b: &MonitoringRow) -> Ordering {
    share_desc(a.response_within_rate, b.response_within_rate)
        .then_with(|| b.completion_rate.total_cmp(&a.completion_rate))
        .then_with(|| a.overdue.cmp(&b.overdue))
        .then_with(|| a.agency_name.cmp(&b.agency_name))
        .then_with(|| a.agency_id.cmp(&b.agency_id))
}

/// Sorts `rows` for the monitoring table and numbers the ranked ones: the ranked agencies in [`ranking_order`]
/// with positions 1, 2, …; then the rows not ranked, most reports first, then by name, unassigned last.
pub fn rank(rows: &mut [MonitoringRow], min_reports: u64) {
    rows.sort_by(|a, b| {
        let (ra, rb) = (is_ranked(a, min_reports), is_ranked(b, min_reports));
        rb.cmp(&ra).then_with(|| {
            if ra {
                ranking_order(a, b)
            } else {
                a.agency_id
                    .is_none()
                    .cmp(&b.agency_id.is_none())
                    .then_with(|| b.received.cmp(&a.received))
                    .then_with(|| a.agency_name.cmp(&b.agency_name))
                    .then_with(|| a.agency_id.cmp(&b.agency_id))
            }
        })
    });
    let mut position = 0;
    for row in rows.iter_mut() {
        row.rank = is_ranked(row, min_reports).then(|| {
            position += 1;
            position
        });
    }
}

#[cfg(test)]
mod tests;
