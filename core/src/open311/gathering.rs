//! The requests for a filter gathered in windows, because GeoReport v2 servers cut long date ranges and
//! long answers.

use super::{instant, status_of, ServiceRequest};
use crate::{ReportFilter, Status};

/// Longest date range GeoReport v2 servers are asked for in one `requests.json`: the specification lets
/// them refuse or cut longer ones.
pub const WINDOW_DAYS: i64 = 90;

/// The filter split into ranges of at most [`WINDOW_DAYS`] days from `from` to `to` (or today), newest
/// range first. Without a start there is one request, and the server applies its own default (usually the
/// last 90 days).
pub fn request_windows(filter: &ReportFilter, today: chrono::NaiveDate) -> Vec<ReportFilter> {
    let Some(from) = filter.from else {
        return vec![filter.clone()];
    };
    let to = filter.to.unwrap_or(today).max(from);
    let mut windows = Vec::new();
    let mut end = to;
    loop {
        let start = (end - chrono::Duration::days(WINDOW_DAYS - 1)).max(from);
        windows.push(ReportFilter {
            from: Some(start),
            to: Some(end),
            ..filter.clone()
        });
        if start == from {
            return windows;
        }
        end = start - chrono::Duration::days(1);
    }
}

/// The most requests a GeoReport v2 server lists in one answer ("the first 1000 requests").
pub const LIST_CAP: usize = 1000;

/// The most `requests.json` asked for one view, however full the answers are.
pub const MAX_LIST_ASKS: usize = 64;

/// One `requests.json` to ask for: a window of the filter with the status, or the server's default list
/// (no parameters at all), read to cross-check windows that came back empty or inconsistent.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub window: ReportFilter,
    pub status: Option<Status>,
    pub default_list: bool,
}

/// How the requests counted were obtained, for the page to say when the server's filters were not trusted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basis {
    /// The server's filters (dates, `service_code`, `status`) did not hold: it listed requests that do not
    /// match what was asked, or the default list had matching ones its windows left out. Every request
    /// counted was then checked here, and those that could not be checked are left out.
    pub untrusted: bool,
    /// Requests listed that do not match the filter, not counted.
    pub mismatched: usize,
    /// Requests whose date, service or status could not be read, left out because the filters were not trusted.
    pub unchecked: usize,
    /// The server's default list was read to cross-check the windows.
    pub cross_checked: bool,
    /// Requests counted that only the default list had.
    pub only_in_default: usize,
}

/// Whether a request matches what was asked, as far as it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    Matches,
    Differs,
    Unknown,
}

fn fit(filter: &ReportFilter, status: Option<Status>, r: &ServiceRequest, zone: i32) -> Fit {
    let mut unknown = false;
    if filter.from.is_some() || filter.to.is_some() {
        match instant(&r.requested_datetime, zone) {
            Some(at) => {
                let day = (at + chrono::Duration::seconds(zone.into())).date_naive();
                if filter.from.is_some_and(|f| day < f) || filter.to.is_some_and(|t| day > t) {
                    return Fit::Differs;
                }
            }
            None => unknown = true,
        }
    }
    if let Some(asked) = &filter.category {
        match r.service_code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) if code != asked => return Fit::Differs,
            Some(_) => {}
            None => unknown = true,
        }
    }
    if let Some(asked) = status {
        let said = r.status.trim();
        if said.eq_ignore_ascii_case("open") || said.eq_ignore_ascii_case("closed") {
            if !said.eq_ignore_ascii_case(status_of(asked)) {
                return Fit::Differs;
            }
        } else {
            unknown = true;
        }
    }
    if unknown {
        Fit::Unknown
    } else {
        Fit::Matches
    }
}

/// The requests for a filter, gathered window by window (see [`request_windows`]). A window whose answer
/// reached the server's cap was cut, so it is asked again as two halves, until a period is listed whole, a
/// window is a single day, or [`MAX_LIST_ASKS`] is reached. Every request listed is checked against what was
/// asked: a server that ignores, swaps or mishandles its filters must not make a figure silently wrong.
pub struct RequestGathering {
    filter: ReportFilter,
    status: Option<Status>,
    zone: i32,
    /// Windows still to ask for; the newest last, so that it comes first.
    pending: Vec<ReportFilter>,
    asked: usize,
    found: Vec<ServiceRequest>,
    /// Listed in a window but saying nothing of what was filtered on: counted only if the filters hold.
    unknown: Vec<ServiceRequest>,
    /// Listed in a window it does not match.
    outside_window: usize,
    basis: Basis,
}

impl RequestGathering {
    /// Requests for `filter` and `status`, whose times are read in the portal's zone (`utc_offset_seconds`).
    pub fn new(
        filter: &ReportFilter,
        status: Option<Status>,
        today: chrono::NaiveDate,
        utc_offset_seconds: i32,
    ) -> RequestGathering {
        let mut pending = request_windows(filter, today);
        pending.reverse();
        RequestGathering {
            filter: filter.clone(),
            status,
            zone: utc_offset_seconds,
            pending,
            asked: 0,
            found: Vec::new(),
            unknown: Vec::new(),
            outside_window: 0,
            basis: Basis::default(),
        }
    }

    /// The next `requests.json` to ask for: windows newest first, then, if they came back empty or
    /// inconsistent, the server's default list once.
    pub fn next_ask(&mut self) -> Option<Ask> {
        if let Some(window) = self.pending.pop() {
            self.asked += 1;
            return Some(Ask {
                window,
                status: self.status,
                default_list: false,
            });
        }
        let filtered = self.filter.from.is_some() || self.filter.category.is_some() || self.status.is_some();
        let doubtful = self.found.is_empty() && self.unknown.is_empty() || self.outside_window > 0;
        if filtered && doubtful && !self.basis.cross_checked {
            self.basis.cross_checked = true;
            return Some(Ask {
                window: ReportFilter::default(),
                status: None,
                default_list: true,
            });
        }
        None
    }

    /// What the server listed for `ask`.
    pub fn add(&mut self, ask: &Ask, listed: Vec<ServiceRequest>) {
        if ask.default_list {
            return self.add_default(listed);
        }
        let window = &ask.window;
        let room = self.asked + self.pending.len() + 2 <= MAX_LIST_ASKS;
        if let Some((newer, older)) = (listed.len() >= LIST_CAP && room).then(|| halves(window)).flatten() {
            self.pending.push(older);
            self.pending.push(newer);
            return;
        }
        for r in listed {
            match fit(window, self.status, &r, self.zone) {
                Fit::Matches => self.found.push(r),
                Fit::Unknown => self.unknown.push(r),
                // Listed in the wrong window, it may still belong to another one of the filter.
                Fit::Differs => {
                    self.outside_window += 1;
                    match fit(&self.filter, self.status, &r, self.zone) {
                        Fit::Matches => self.found.push(r),
                        _ => self.basis.mismatched += 1,
                    }
                }
            }
        }
    }

    /// The default list: what matches the filter and the windows did not list is counted too.
    fn add_default(&mut self, listed: Vec<ServiceRequest>) {
        // Filled by `insert`, as in `finish_checked`: collecting into a set would add a sort of its own to the
        // browser build (about 3 KB brotli on every page that lists requests).
        let mut known = std::collections::BTreeSet::new();
        for r in self.found.iter().chain(&self.unknown) {
            known.insert(r.service_request_id.clone());
        }
        for r in listed {
            if known.contains(&r.service_request_id) {
                continue;
            }
            match fit(&self.filter, self.status, &r, self.zone) {
                Fit::Matches => {
                    self.basis.only_in_default += 1;
                    self.found.push(r);
                }
                Fit::Unknown => self.basis.unchecked += 1,
                Fit::Differs => {}
            }
        }
    }

    /// Every request found, each once: a server that ignores the dates lists the same ones in every window.
    pub fn finish(self) -> Vec<ServiceRequest> {
        self.finish_checked().0
    }

    /// Every request found, each once, and how they were obtained. Once the filters are not trusted, a
    /// request that cannot be checked is not counted.
    pub fn finish_checked(mut self) -> (Vec<ServiceRequest>, Basis) {
        self.basis.untrusted = self.outside_window > 0 || self.basis.only_in_default > 0;
        if self.basis.untrusted {
            self.basis.unchecked += self.unknown.len();
        } else {
            self.found.append(&mut self.unknown);
        }
        let mut seen = std::collections::BTreeSet::new();
        let requests = self
            .found
            .into_iter()
            .filter(|r| seen.insert(r.service_request_id.clone()))
            .collect();
        (requests, self.basis)
    }
}

/// A window of more than one day as its newer and older half.
fn halves(window: &ReportFilter) -> Option<(ReportFilter, ReportFilter)> {
    let (from, to) = (window.from?, window.to?);
    if from >= to {
        return None;
    }
    let middle = from + chrono::Duration::days((to - from).num_days() / 2);
    let newer = ReportFilter {
        from: Some(middle + chrono::Duration::days(1)),
        ..window.clone()
    };
    let older = ReportFilter {
        to: Some(middle),
        ..window.clone()
    };
    Some((newer, older))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn long_ranges_are_asked_in_windows_of_at_most_90_days_that_cover_it_exactly() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let today = d("2026-11-27");
        let year = ReportFilter {
            from: Some(d("2026-01-01")),
            to: Some(today),
            category: Some("jalan".into()),
            ..Default::default()
        };
        let windows = request_windows(&year, today);
        assert_eq!(windows.len(), 4);
        assert_eq!((windows[0].from, windows[0].to), (Some(d("2026-08-30")), Some(today)));
        assert_eq!(windows.last().unwrap().from, Some(d("2026-01-01")));
        for pair in windows.windows(2) {
            assert_eq!(
                pair[1].to.unwrap() + chrono::Duration::days(1),
                pair[0].from.unwrap(),
                "no gap, no overlap"
            );
        }
        assert!(windows
            .iter()
            .all(|w| (w.to.unwrap() - w.from.unwrap()).num_days() < WINDOW_DAYS
                && w.category.as_deref() == Some("jalan")));
        let month = ReportFilter {
            from: Some(d("2026-11-01")),
            ..Default::default()
        };
        assert_eq!(
            request_windows(&month, today),
            vec![ReportFilter {
                from: Some(d("2026-11-01")),
                to: Some(today),
                ..Default::default()
            }]
        );
        assert_eq!(
            request_windows(&ReportFilter::default(), today),
            vec![ReportFilter::default()]
        );
        let backwards = ReportFilter {
            from: Some(today),
            to: Some(d("2026-01-01")),
            ..Default::default()
        };
        assert_eq!(request_windows(&backwards, today).len(), 1);
    }

    fn listed(ids: std::ops::Range<usize>) -> Vec<ServiceRequest> {
        ids.map(|i| {
            serde_json::from_value(serde_json::json!({ "service_request_id": i.to_string(), "status": "open" }))
                .unwrap()
        })
        .collect()
    }

    #[test]
    fn a_window_the_server_cut_at_its_cap_is_asked_again_in_halves_until_it_is_listed_whole() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let today = d("2026-11-27");
        let filter = ReportFilter {
            from: Some(d("2026-10-01")),
            to: Some(d("2026-10-30")),
            category: Some("jalan".into()),
            ..Default::default()
        };
        let mut gathering = RequestGathering::new(&filter, None, today, 0);
        let whole = gathering.next_ask().unwrap();
        assert_eq!((whole.window.from, whole.window.to), (filter.from, filter.to));
        gathering.add(&whole, listed(0..LIST_CAP));
        // The newer half first; together the halves cover the window exactly and keep its filter.
        let newer = gathering.next_ask().unwrap();
        assert_eq!(
            (newer.window.from, newer.window.to, newer.window.category.as_deref()),
            (Some(d("2026-10-16")), Some(d("2026-10-30")), Some("jalan"))
        );
        gathering.add(&newer, listed(0..600));
        let older = gathering.next_ask().unwrap();
        assert_eq!(
            (older.window.from, older.window.to),
            (Some(d("2026-10-01")), Some(d("2026-10-15")))
        );
        gathering.add(&older, listed(600..1500));
        assert_eq!(gathering.next_ask(), None);
        assert_eq!(gathering.finish().len(), 1500, "the cut first answer is not counted");
    }

    #[test]
    fn a_full_single_day_or_a_server_that_ignores_dates_ends_the_halving() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let day = ReportFilter {
            from: Some(d("2026-10-01")),
            to: Some(d("2026-10-01")),
            ..Default::default()
        };
        let mut gathering = RequestGathering::new(&day, None, d("2026-11-27"), 0);
        let window = gathering.next_ask().unwrap();
        gathering.add(&window, listed(0..LIST_CAP));
        assert_eq!(gathering.next_ask(), None);
        assert_eq!(gathering.finish().len(), LIST_CAP);
        // The same 1000 for every window: a bounded number of asks, and each request counted once.
        let year = ReportFilter {
            from: Some(d("2026-01-01")),
            ..Default::default()
        };
        let mut gathering = RequestGathering::new(&year, None, d("2026-11-27"), 0);
        let mut asks = 0;
        while let Some(window) = gathering.next_ask() {
            asks += 1;
            gathering.add(&window, listed(0..LIST_CAP));
        }
        assert!(asks <= MAX_LIST_ASKS, "{asks}");
        assert_eq!(gathering.finish().len(), LIST_CAP);
        // Without a start date there is one window, which cannot be halved.
        let mut gathering = RequestGathering::new(&ReportFilter::default(), None, d("2026-11-27"), 0);
        let window = gathering.next_ask().unwrap();
        gathering.add(&window, listed(0..LIST_CAP));
        assert_eq!(gathering.next_ask(), None);
    }
}
