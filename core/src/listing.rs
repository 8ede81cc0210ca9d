//! What the transparency pages show, as carried in their URL (`/laporan?q=…&status=…&page=2`,
//! `/statistik?period=3m&agency=…`), so a filtered view is a link that can be shared and reloaded.

use chrono::{Datelike, Months, NaiveDate};

use crate::{Kind, ReportFilter, Status};

/// A period chosen by name moves with time: "this month" in a link shared today means next month's
/// month when opened next month. `Custom` uses the `from`/`to` dates of the filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    ThisMonth,
    Last3Months,
    Last12Months,
    ThisYear,
    Custom,
}

impl Period {
    pub const ALL: [Period; 5] = [
        Period::ThisMonth,
        Period::Last3Months,
        Period::Last12Months,
        Period::ThisYear,
        Period::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Period::ThisMonth => "month",
            Period::Last3Months => "3m",
            Period::Last12Months => "12m",
            Period::ThisYear => "year",
            Period::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The dates covered, both inclusive; `None` for `Custom`, whose dates the citizen chose.
    pub fn range(self, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let first_of_month = today.with_day(1)?;
        let start = match self {
            Period::ThisMonth => first_of_month,
            Period::Last3Months => first_of_month.checked_sub_months(Months::new(2))?,
            Period::Last12Months => first_of_month.checked_sub_months(Months::new(11))?,
            Period::ThisYear => NaiveDate::from_ymd_opt(today.year(), 1, 1)?,
            Period::Custom => return None,
        };
        Some((start, today))
    }
}

/// The search, filters and page of a transparency view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListQuery {
    pub q: String,
    pub status: Option<Status>,
    pub period: Option<Period>,
    /// With a named period, `from`/`to` here are ignored and computed from it.
    pub filter: ReportFilter,
    pub page: u32,
}

impl ListQuery {
    /// Reads a query string's pairs leniently: a link with an unknown value still opens, without that filter.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ListQuery {
        let mut query = ListQuery {
            page: 1,
            ..Default::default()
        };
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let text = || Some(value.to_string());
            match key {
                "q" => query.q = value.to_string(),
                "status" => query.status = Status::parse(value),
                "period" => query.period = Period::parse(value),
                "from" => query.filter.from = value.parse().ok(),
                "to" => query.filter.to = value.parse().ok(),
                "agency" => query.filter.agency = text(),
                "category" => query.filter.category = text(),
                "region" => query.filter.region = text(),
                "kind" => query.filter.kind = Kind::parse(value),
                "page" => query.page = value.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
                _ => {}
            }
        }
        if query.period.is_some_and(|p| p != Period::Custom) {
            query.filter.from = None;
            query.filter.to = None;
        }
        query
    }

    /// The pairs of this view's URL, in a stable order, without defaults.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.q.trim().is_empty() {
            pairs.push(("q", self.q.trim().to_string()));
        }
        if let Some(s) = self.status {
            pairs.push(("status", s.as_str().to_string()));
        }
        if let Some(p) = self.period {
            pairs.push(("period", p.as_str().to_string()));
        }
        pairs.extend(self.filter.query_pairs());
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
    }

    /// The filter to send to a backend: a named period becomes its dates as of `today`.
    pub fn effective_filter(&self, today: NaiveDate) -> ReportFilter {
        let mut f = self.filter.clone();
        if let Some((from, to)) = self.period.and_then(|p| p.range(today)) {
            f.from = Some(from);
            f.to = Some(to);
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn named_periods_end_today_and_start_on_a_month_or_year_boundary() {
        let today = d("2026-11-27");
        assert_eq!(Period::ThisMonth.range(today), Some((d("2026-11-01"), today)));
        assert_eq!(Period::Last3Months.range(today), Some((d("2026-09-01"), today)));
        assert_eq!(Period::Last12Months.range(today), Some((d("2025-12-01"), today)));
        assert_eq!(Period::ThisYear.range(today), Some((d("2026-01-01"), today)));
        assert_eq!(
            Period::Last3Months.range(d("2027-01-15")),
            Some((d("2026-11-01"), d("2027-01-15")))
        );
        assert_eq!(Period::Custom.range(today), None);
    }

    #[test]
    fn a_view_survives_the_round_trip_through_its_url() {
        let query = ListQuery {
            q: "lampu jalan".into(),
            status: Some(Status::InProgress),
            period: Some(Period::Custom),
            filter: ReportFilter {
                from: Some(d("2026-01-01")),
                to: Some(d("2026-03-31")),
                agency: Some("dinas-pupr".into()),
                kind: Some(Kind::Complaint),
                ..Default::default()
            },
            page: 3,
        };
        let pairs = query.to_pairs();
        assert_eq!(
            pairs.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            ["q", "status", "period", "from", "to", "agency", "kind", "page"]
        );
        let back = ListQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, query);
    }

    #[test]
    fn unknown_values_are_dropped_and_named_periods_win_over_dates() {
        let q = ListQuery::from_pairs([
            ("status", "lost"),
            ("kind", "rumour"),
            ("page", "0"),
            ("period", "3m"),
            ("from", "2020-01-01"),
            ("x", "y"),
        ]);
        assert_eq!(
            q,
            ListQuery {
                period: Some(Period::Last3Months),
                page: 1,
                ..Default::default()
            }
        );
        let f = q.effective_filter(d("2026-11-27"));
        assert_eq!((f.from, f.to), (Some(d("2026-09-01")), Some(d("2026-11-27"))));
        assert!(ListQuery::from_pairs([]).to_pairs().is_empty());
    }
}
