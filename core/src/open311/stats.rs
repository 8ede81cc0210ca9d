//! Statistics computed in the browser from an Open311 server's `GET requests.json`, which has no statistics
//! endpoint. Open311 knows only open and closed, a request time, an update time and an expected time, so:
//! open counts as received (`submitted`) and closed as `completed`; completion time is from request to the
//! last update of a closed request, in working days; "within deadline" compares that update with
//! `expected_datetime` where one was given. First-response time, escalations and ratings do not exist there
//! and stay empty, for the page to explain rather than show as zero.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::{instant, status_from_open311, ServiceRequest};
use crate::agency_table::{self, Column};
use crate::stats::{nearest_rank_in_histogram, rate};
use crate::{AgencyStats, MonthlyPoint, Stats, Status, WorkingCalendar};

/// "YYYY-MM" by hand: chrono's formatter would cost the wasm kilobytes.
fn month(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// How many requests took each whole number of working days, indexed by days: medians without sorting,
/// which in the browser would cost a copy of the standard sort per element type.
#[derive(Default)]
struct DayCounts(Vec<u64>);

impl DayCounts {
    fn add(&mut self, days: usize) {
        if self.0.len() <= days {
            self.0.resize(days + 1, 0);
        }
        self.0[days] += 1;
    }

    fn median(&self) -> Option<f64> {
        let histogram: Vec<(f64, u64)> = self
            .0
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(d, n)| (d as f64, *n))
            .collect();
        nearest_rank_in_histogram(&histogram, 0.5)
    }
}

pub fn stats_from_requests(requests: &[ServiceRequest], cal: &WorkingCalendar) -> Stats {
    let mut by_status: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_category: BTreeMap<String, u64> = BTreeMap::new();
    let mut months: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut agencies: BTreeMap<Option<String>, (u64, u64, DayCounts)> = BTreeMap::new();
    let mut completion_days = DayCounts::default();
    let zone = cal.utc_offset_seconds();
    let (mut with_expected, mut on_time) = (0u64, 0u64);
    for r in requests {
        let status = status_from_open311(&r.status);
        *by_status.entry(status.as_str().to_string()).or_default() += 1;
        if let Some(code) = &r.service_code {
            *by_category.entry(code.clone()).or_default() += 1;
        }
        let requested = instant(&r.requested_datetime, zone);
        if let Some(at) = requested {
            months.entry(month(cal.local_date(at))).or_default().0 += 1;
        }
        let agency = agencies
            .entry(r.agency_responsible.clone().filter(|a| !a.is_empty()))
            .or_default();
        agency.0 += 1;
        if status == Status::Completed {
            agency.1 += 1;
            let updated = instant(&r.updated_datetime, zone);
            if let Some(done) = updated {
                months.entry(month(cal.local_date(done))).or_default().1 += 1;
            }
            if let (Some(start), Some(done)) = (requested, updated) {
                let days = cal
                    .working_days_between(cal.local_date(start), cal.local_date(done))
                    .max(0) as usize;
                completion_days.add(days);
                agency.2.add(days);
            }
            if let (Some(expected), Some(done)) = (instant(&r.expected_datetime, zone), updated) {
                with_expected += 1;
                on_time += u64::from(done <= expected);
            }
        }
    }
    let total = requests.len() as u64;
    let completed = by_status.get("completed").copied().unwrap_or(0);
    let mut agency_rows: Vec<AgencyStats> = agencies
        .into_iter()
        .map(|(name, (received, done, days))| {
            AgencyStats {
                id: name.clone(),
                name,
                received,
                completed: done,
                completion_rate: rate(done, received),
                // Open311 has no first response; the median completion time stands in the table's place.
                median_response_days: days.median(),
                late_rate: None,
            }
        })
        .collect();
    // The page's own sort (largest first, then by name), so the wasm has one copy of it.
    agency_table::sort(&mut agency_rows, Column::Received, true);
    Stats {
        total,
        completed,
        completion_rate: rate(completed, total),
        by_status,
        by_kind: BTreeMap::from([("complaint".to_string(), total)]),
        by_category,
        // Open311 does not say how a request came in.
        by_channel: BTreeMap::new(),
        median_response_days: None,
        p90_response_days: None,
        median_completion_days: completion_days.median(),
        within_deadline_rate: (with_expected > 0).then(|| rate(on_time, with_expected)),
        escalated: 0,
        rating_average: None,
        monthly: months
            .into_iter()
            .map(|(month, (received, completed))| MonthlyPoint {
                month,
                received,
                completed,
            })
            .collect(),
        agencies: agency_rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(
        id: &str,
        status: &str,
        code: &str,
        agency: Option<&str>,
        requested: &str,
        updated: Option<&str>,
        expected: Option<&str>,
    ) -> ServiceRequest {
        ServiceRequest {
            service_request_id: id.into(),
            status: status.into(),
            status_notes: None,
            service_name: None,
            service_code: Some(code.into()),
            description: None,
            agency_responsible: agency.map(String::from),
            service_notice: None,
            requested_datetime: Some(requested.into()),
            updated_datetime: updated.map(String::from),
            expected_datetime: expected.map(String::from),
            address: None,
            address_id: None,
            zipcode: None,
            lat: None,
            long: None,
            media_url: None,
        }
    }

    #[test]
    fn figures_follow_the_documented_open311_reading() {
        let cal = WorkingCalendar::indonesia();
        let requests = vec![
            // Closed Friday 20 Nov → Wednesday 25 Nov 2026 (WIB): 3 working days, before the expected date.
            request(
                "1",
                "closed",
                "jalan",
                Some("Dinas PUPR"),
                "2026-11-20T09:00:00+07:00",
                Some("2026-11-25T10:00:00+07:00"),
                Some("2026-11-27T00:00:00+07:00"),
            ),
            // Closed late: expected on the 23rd, closed on the 30th (6 working days after the 20th).
            request(
                "2",
                "closed",
                "jalan",
                Some("Dinas PUPR"),
                "2026-11-20T09:00:00Z",
                Some("2026-11-30T03:00:00Z"),
                Some("2026-11-23T00:00:00Z"),
            ),
            request("3", "open", "sampah", None, "2026-10-05T08:00:00-08:00", None, None),
            request("4", "OPEN", "sampah", Some("DLH"), "not a date", None, None),
        ];
        let s = stats_from_requests(&requests, &cal);
        assert_eq!((s.total, s.completed), (4, 2));
        assert!((s.completion_rate - 0.5).abs() < 1e-9);
        assert_eq!(s.by_status.get("completed"), Some(&2));
        assert_eq!(s.by_status.get("submitted"), Some(&2));
        assert_eq!(s.by_category.get("sampah"), Some(&2));
        assert_eq!(s.median_completion_days, Some(3.0));
        assert_eq!(s.within_deadline_rate, Some(0.5));
        assert_eq!(s.median_response_days, None);
        assert_eq!(s.rating_average, None);
        // October (one received, the unparseable date is not placed) and November (two received, two completed).
        assert_eq!(
            s.monthly,
            vec![
                MonthlyPoint {
                    month: "2026-10".into(),
                    received: 1,
                    completed: 0
                },
                MonthlyPoint {
                    month: "2026-11".into(),
                    received: 2,
                    completed: 2
                },
            ]
        );
        assert_eq!(
            s.agencies.iter().map(|a| a.received).sum::<u64>(),
            s.total,
            "agency rows add up"
        );
        assert_eq!(s.agencies[0].name.as_deref(), Some("Dinas PUPR"));
        assert_eq!(s.agencies[0].median_response_days, Some(3.0));
        assert!(
            s.agencies.iter().any(|a| a.name.is_none()),
            "requests without an agency form their own row"
        );
    }

    #[test]
    fn no_requests_give_empty_figures_not_errors() {
        let s = stats_from_requests(&[], &WorkingCalendar::indonesia());
        assert_eq!(
            (
                s.total,
                s.completion_rate,
                s.median_completion_days,
                s.within_deadline_rate
            ),
            (0, 0.0, None, None)
        );
        assert!(s.monthly.is_empty() && s.agencies.is_empty());
    }
}
