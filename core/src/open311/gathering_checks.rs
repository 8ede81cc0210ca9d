//! Tests of [`super::RequestGathering`]'s checks: every request a window lists is compared with what was
//! asked, and a window that comes back empty or inconsistent is cross-checked against the default list.

use chrono::NaiveDate;

use super::gathering::{Ask, Basis};
use super::{RequestGathering, ServiceRequest};
use crate::calendar::WIB_OFFSET_SECONDS;
use crate::{ReportFilter, Status};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn request(id: &str, at: Option<&str>, code: Option<&str>, status: &str) -> ServiceRequest {
    let mut r: ServiceRequest =
        serde_json::from_value(serde_json::json!({ "service_request_id": id, "status": status })).unwrap();
    r.requested_datetime = at.map(String::from);
    r.service_code = code.map(String::from);
    r
}

/// The server's whole store, as the imperfect servers below answer from it.
fn store() -> Vec<ServiceRequest> {
    vec![
        request("1", Some("2026-11-03T09:00:00+07:00"), Some("jalan"), "open"),
        request("2", Some("2026-11-20T09:00:00+07:00"), Some("jalan"), "closed"),
        request("3", Some("2026-11-21T10:00:00+07:00"), Some("air"), "open"),
        request("4", Some("2026-10-02T10:00:00+07:00"), Some("jalan"), "open"),
        // Late on the last day of October in Jakarta, already 1 November nowhere that matters here.
        request("5", Some("2026-10-31T23:30:00+07:00"), Some("jalan"), "open"),
        request("6", None, Some("jalan"), "open"),
    ]
}

/// Runs a gathering against a server that answers each ask with `answer`.
fn gather(
    filter: &ReportFilter,
    status: Option<Status>,
    answer: impl Fn(&Ask) -> Vec<ServiceRequest>,
) -> (Vec<String>, Basis) {
    let mut gathering = RequestGathering::new(filter, status, d("2026-11-27"), WIB_OFFSET_SECONDS);
    while let Some(ask) = gathering.next_ask() {
        let listed = answer(&ask);
        gathering.add(&ask, listed);
    }
    let (found, basis) = gathering.finish_checked();
    let mut ids: Vec<String> = found.into_iter().map(|r| r.service_request_id).collect();
    ids.sort();
    (ids, basis)
}

fn november() -> ReportFilter {
    ReportFilter {
        from: Some(d("2026-11-01")),
        to: Some(d("2026-11-30")),
        ..Default::default()
    }
}

/// A server that filters by date in the portal's zone, as asked.
fn honest(ask: &Ask) -> Vec<ServiceRequest> {
    store()
        .into_iter()
        .filter(|r| {
            let Some(at) = &r.requested_datetime else {
                return ask.window.from.is_none();
            };
            let day = d(&at[..10]);
            ask.window.from.is_none_or(|f| day >= f) && ask.window.to.is_none_or(|t| day <= t)
        })
        .collect()
}

#[test]
fn a_server_that_filters_as_asked_is_trusted_and_not_cross_checked() {
    let (ids, basis) = gather(&november(), None, honest);
    assert_eq!(ids, ["1", "2", "3"]);
    assert_eq!(basis, Basis::default());
}

#[test]
fn a_server_that_ignores_the_dates_is_counted_from_what_can_be_checked() {
    let (ids, basis) = gather(&november(), None, |_| store());
    assert_eq!(ids, ["1", "2", "3"], "October and the undated request are not counted");
    assert!(basis.untrusted);
    assert_eq!((basis.mismatched, basis.unchecked), (2, 1));
    assert!(basis.cross_checked);
}

#[test]
fn a_server_that_swaps_its_dates_answers_nothing_and_the_default_list_is_read() {
    // start_date read as end_date: nothing is both after the 30th and before the 1st.
    let swapped = |ask: &Ask| if ask.default_list { store() } else { vec![] };
    let (ids, basis) = gather(&november(), None, swapped);
    assert_eq!(ids, ["1", "2", "3"]);
    assert_eq!(
        basis,
        Basis {
            untrusted: true,
            mismatched: 0,
            unchecked: 1,
            cross_checked: true,
            only_in_default: 3,
        }
    );
}

#[test]
fn an_empty_period_that_the_default_list_confirms_is_trusted() {
    let december = ReportFilter {
        from: Some(d("2026-12-01")),
        to: Some(d("2026-12-31")),
        ..Default::default()
    };
    let (ids, basis) = gather(&december, None, |ask| if ask.default_list { store() } else { vec![] });
    assert!(ids.is_empty());
    assert!(!basis.untrusted && basis.cross_checked);
    assert_eq!(basis.unchecked, 1, "the undated request may have been in December");
}

#[test]
fn dates_are_compared_in_the_portals_zone() {
    let october = ReportFilter {
        from: Some(d("2026-10-01")),
        to: Some(d("2026-10-31")),
        ..Default::default()
    };
    let (ids, basis) = gather(&october, None, honest);
    assert_eq!(ids, ["4", "5"]);
    assert!(!basis.untrusted);
}

#[test]
fn an_ignored_service_code_or_status_filter_is_caught_too() {
    let jalan = ReportFilter {
        category: Some("jalan".into()),
        ..Default::default()
    };
    let (ids, basis) = gather(&jalan, None, |_| store());
    assert_eq!(ids, ["1", "2", "4", "5", "6"]);
    assert!(basis.untrusted);
    assert_eq!(basis.mismatched, 1);
    let (ids, basis) = gather(&ReportFilter::default(), Some(Status::Completed), |_| store());
    assert_eq!(ids, ["2"]);
    assert!(basis.untrusted);
    // Without any filter the answer is the default list: nothing to check it against.
    let (ids, basis) = gather(&ReportFilter::default(), None, |_| store());
    assert_eq!(ids.len(), 6);
    assert_eq!(basis, Basis::default());
}
