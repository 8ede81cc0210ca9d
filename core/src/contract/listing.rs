//! `GET /reports`: the public list, and the filters it shares with the statistics.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Kind, NamedRef};
use crate::status::Status;

/// A row of the public listing.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ReportSummary {
    pub ticket: String,
    pub kind: Kind,
    pub status: Status,
    pub title: Option<String>,
    pub agency: Option<NamedRef>,
    pub category: Option<NamedRef>,
    pub region: Option<NamedRef>,
    pub created_at: DateTime<Utc>,
    pub confidential: bool,
    pub supports: u64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

/// Filters shared by `GET /stats` and `GET /reports`. Dates are inclusive, in the portal's time zone.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ReportFilter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
}

impl ReportFilter {
    /// Query-string pairs in a stable order, for URLs that can be shared and cached.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if let Some(d) = self.from {
            q.push(("from", d.to_string()));
        }
        if let Some(d) = self.to {
            q.push(("to", d.to_string()));
        }
        for (key, value) in [
            ("agency", &self.agency),
            ("category", &self.category),
            ("region", &self.region),
        ] {
            if let Some(v) = value {
                q.push((key, v.clone()));
            }
        }
        if let Some(k) = self.kind {
            q.push(("kind", k.as_str().to_string()));
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_query_pairs_are_stable_and_skip_empty() {
        let f = ReportFilter {
            from: NaiveDate::from_ymd_opt(2026, 1, 1),
            kind: Some(Kind::Complaint),
            agency: Some("dinkes".into()),
            ..Default::default()
        };
        assert_eq!(
            f.query_pairs(),
            vec![
                ("from", "2026-01-01".to_string()),
                ("agency", "dinkes".to_string()),
                ("kind", "complaint".to_string())
            ]
        );
        assert!(ReportFilter::default().query_pairs().is_empty());
    }
}
