//! How a workflow deadline stands today, in working days, so the tracking page can say "verified within 2 of
//! 3 working days" or "response 3 working days late" with the same calendar as the server.

use chrono::NaiveDate;

use crate::{Deadline, WorkingCalendar};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineState {
    /// Done by the deadline, `used` of the `allowed` working days after the report arrived.
    Met { used: i64, allowed: i64 },
    /// Done after the deadline.
    DoneLate { late: i64 },
    /// Not done yet; `left` working days remain (0: due today).
    Due { left: i64 },
    /// Not done and past the deadline.
    Overdue { late: i64 },
    /// Not done, and never will be: the report was rejected, closed or escalated first.
    Moot,
}

/// `started` is the local date the report arrived; `still_open` whether the workflow can still reach this step.
pub fn assess(
    cal: &WorkingCalendar,
    started: NaiveDate,
    deadline: &Deadline,
    today: NaiveDate,
    still_open: bool,
) -> DeadlineState {
    // A step taken on the Saturday after a Friday deadline is late although no working day has passed.
    let late_by = |from: NaiveDate, to: NaiveDate| cal.working_days_between(from, to).max(1);
    match deadline.done_on {
        Some(done) if done <= deadline.due => DeadlineState::Met {
            used: cal.working_days_between(started, done).max(0),
            allowed: cal.working_days_between(started, deadline.due),
        },
        Some(done) => DeadlineState::DoneLate {
            late: late_by(deadline.due, done),
        },
        None if !still_open => DeadlineState::Moot,
        None if today <= deadline.due => DeadlineState::Due {
            left: cal.working_days_between(today, deadline.due),
        },
        None => DeadlineState::Overdue {
            late: late_by(deadline.due, today),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn deadline(due: &str, done_on: Option<&str>) -> Deadline {
        let due = d(due);
        let done_on = done_on.map(d);
        Deadline {
            due,
            done_on,
            met: done_on.map(|x| x <= due),
        }
    }

    #[test]
    fn verified_within_two_of_three_working_days() {
        let cal = WorkingCalendar::indonesia();
        // Thursday 19 Nov 2026 + 3 working days = Tuesday 24 Nov; verified on Monday 23 Nov.
        let due = cal.add_working_days(d("2026-11-19"), 3);
        assert_eq!(due, d("2026-11-24"));
        let state = assess(
            &cal,
            d("2026-11-19"),
            &deadline("2026-11-24", Some("2026-11-23")),
            d("2026-11-27"),
            true,
        );
        assert_eq!(state, DeadlineState::Met { used: 2, allowed: 3 });
    }

    #[test]
    fn a_pending_deadline_counts_down_over_weekends_and_holidays() {
        let cal = WorkingCalendar::indonesia();
        // From Wednesday 23 Dec 2026 to Monday 4 Jan 2027: 24 and 25 Dec, weekends and 1 Jan do not count.
        let state = assess(
            &cal,
            d("2026-12-20"),
            &deadline("2027-01-04", None),
            d("2026-12-23"),
            true,
        );
        assert_eq!(state, DeadlineState::Due { left: 5 });
        assert_eq!(
            assess(
                &cal,
                d("2026-12-20"),
                &deadline("2027-01-04", None),
                d("2027-01-04"),
                true
            ),
            DeadlineState::Due { left: 0 }
        );
    }

    #[test]
    fn late_steps_count_working_days_past_the_deadline() {
        let cal = WorkingCalendar::indonesia();
        // Due Friday 20 Nov; answered Wednesday 25 Nov: Mon, Tue, Wed = 3 working days late.
        assert_eq!(
            assess(
                &cal,
                d("2026-11-02"),
                &deadline("2026-11-20", Some("2026-11-25")),
                d("2026-11-27"),
                true
            ),
            DeadlineState::DoneLate { late: 3 }
        );
        // Still not answered on Friday 27 Nov: 5 working days overdue.
        assert_eq!(
            assess(
                &cal,
                d("2026-11-02"),
                &deadline("2026-11-20", None),
                d("2026-11-27"),
                true
            ),
            DeadlineState::Overdue { late: 5 }
        );
        // Answered on the Saturday after: late, though no working day has passed.
        assert_eq!(
            assess(
                &cal,
                d("2026-11-02"),
                &deadline("2026-11-20", Some("2026-11-21")),
                d("2026-11-27"),
                true
            ),
            DeadlineState::DoneLate { late: 1 }
        );
    }

    #[test]
    fn collective_leave_is_not_counted_as_late() {
        let cal = WorkingCalendar::indonesia();
        // Due Thursday 27 Mar 2025; the next working day after Idul Fitri and its collective leave is 8 Apr.
        assert_eq!(
            assess(
                &cal,
                d("2025-03-20"),
                &deadline("2025-03-27", Some("2025-04-08")),
                d("2025-04-10"),
                true
            ),
            DeadlineState::DoneLate { late: 1 }
        );
    }

    #[test]
    fn a_finished_report_leaves_untaken_steps_moot() {
        let cal = WorkingCalendar::indonesia();
        assert_eq!(
            assess(
                &cal,
                d("2026-11-02"),
                &deadline("2026-11-20", None),
                d("2026-11-27"),
                false
            ),
            DeadlineState::Moot
        );
        // A step that did happen is still judged.
        assert_eq!(
            assess(
                &cal,
                d("2026-11-02"),
                &deadline("2026-11-20", Some("2026-11-05")),
                d("2026-11-27"),
                false
            ),
            DeadlineState::Met { used: 3, allowed: 14 }
        );
    }
}
