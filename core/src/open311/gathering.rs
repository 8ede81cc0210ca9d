//! The requests for a filter gathered in windows, because GeoReport v2 servers cut long date ranges and
//! long answers.

use super::ServiceRequest;
use crate::ReportFilter;

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

/// The requests for a filter, gathered window by window (see [`request_windows`]). A window whose answer
/// reached the server's cap was cut, so it is asked again as two halves, until a period is listed whole, a
/// window is a single day, or [`MAX_LIST_ASKS`] is reached.
pub struct RequestGathering {
    /// Windows still to ask for; the newest last, so that it comes first.
    pending: Vec<ReportFilter>,
    asked: usize,
    found: Vec<ServiceRequest>,
}

impl RequestGathering {
    pub fn new(filter: &ReportFilter, today: chrono::NaiveDate) -> RequestGathering {
        let mut pending = request_windows(filter, today);
        pending.reverse();
        RequestGathering {
            pending,
            asked: 0,
            found: Vec::new(),
        }
    }

    /// The next window to ask for, newest first.
    pub fn next_window(&mut self) -> Option<ReportFilter> {
        let window = self.pending.pop()?;
        self.asked += 1;
        Some(window)
    }

    /// What the server listed for `window`.
    pub fn add(&mut self, window: &ReportFilter, listed: Vec<ServiceRequest>) {
        let room = self.asked + self.pending.len() + 2 <= MAX_LIST_ASKS;
        if let Some((newer, older)) = (listed.len() >= LIST_CAP && room).then(|| halves(window)).flatten() {
            self.pending.push(older);
            self.pending.push(newer);
            return;
        }
        self.found.extend(listed);
    }

    /// Every request found, each once: a server that ignores the dates lists the same ones in every window.
    pub fn finish(self) -> Vec<ServiceRequest> {
        let mut seen = std::collections::BTreeSet::new();
        self.found
            .into_iter()
            .filter(|r| seen.insert(r.service_request_id.clone()))
            .collect()
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
        let mut gathering = RequestGathering::new(&filter, today);
        let whole = gathering.next_window().unwrap();
        assert_eq!((whole.from, whole.to), (filter.from, filter.to));
        gathering.add(&whole, listed(0..LIST_CAP));
        // The newer half first; together the halves cover the window exactly and keep its filter.
        let newer = gathering.next_window().unwrap();
        assert_eq!(
            (newer.from, newer.to, newer.category.as_deref()),
            (Some(d("2026-10-16")), Some(d("2026-10-30")), Some("jalan"))
        );
        gathering.add(&newer, listed(0..600));
        let older = gathering.next_window().unwrap();
        assert_eq!((older.from, older.to), (Some(d("2026-10-01")), Some(d("2026-10-15"))));
        gathering.add(&older, listed(600..1500));
        assert_eq!(gathering.next_window(), None);
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
        let mut gathering = RequestGathering::new(&day, d("2026-11-27"));
        let window = gathering.next_window().unwrap();
        gathering.add(&window, listed(0..LIST_CAP));
        assert_eq!(gathering.next_window(), None);
        assert_eq!(gathering.finish().len(), LIST_CAP);
        // The same 1000 for every window: a bounded number of asks, and each request counted once.
        let year = ReportFilter {
            from: Some(d("2026-01-01")),
            ..Default::default()
        };
        let mut gathering = RequestGathering::new(&year, d("2026-11-27"));
        let mut asks = 0;
        while let Some(window) = gathering.next_window() {
            asks += 1;
            gathering.add(&window, listed(0..LIST_CAP));
        }
        assert!(asks <= MAX_LIST_ASKS, "{asks}");
        assert_eq!(gathering.finish().len(), LIST_CAP);
        // Without a start date there is one window, which cannot be halved.
        let mut gathering = RequestGathering::new(&ReportFilter::default(), d("2026-11-27"));
        let window = gathering.next_window().unwrap();
        gathering.add(&window, listed(0..LIST_CAP));
        assert_eq!(gathering.next_window(), None);
    }
}
