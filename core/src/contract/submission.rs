//! What citizens and operators send (a report, a reply, a rating, a support, a workflow step) and the
//! answers that carry only what was created.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Kind;
use crate::status::Status;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Reporter {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

/// `POST /reports` body.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewReport {
    pub kind: Kind,
    pub title: String,
    pub body: String,
    pub incident_date: Option<NaiveDate>,
    pub category_id: Option<String>,
    #[serde(default)]
    pub agency_id: Option<String>,
    pub region_id: Option<String>,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub location: Option<Location>,
    #[serde(default)]
    pub attachment_ids: Vec<String>,
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default)]
    pub confidential: bool,
    #[serde(default)]
    pub reporter: Option<Reporter>,
}

/// `POST /reports` → 201.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ReportCreated {
    pub ticket: String,
    pub access_code: String,
    pub status: Status,
    pub created_at: DateTime<Utc>,
    /// What the receiving service says about the report on arrival (Open311's `service_notice`), shown on
    /// the receipt. The reference server sends none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
}

/// `POST /reports/{ticket}/replies`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewReply {
    pub message: String,
}

/// `POST /reports/{ticket}/rating`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewRating {
    #[serde(deserialize_with = "whole_number")]
    pub rating: u8,
    #[serde(default)]
    pub comment: String,
}

/// JSON has a single number type, so `5.0` is the rating 5 (JavaScript writes it `5`, other languages may not).
/// A fractional or out-of-range number reads as 0, which validation refuses (422) like any rating outside 1–5;
/// only a value that is not a number is malformed (400).
fn whole_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u8, D::Error> {
    let n = f64::deserialize(deserializer)?;
    Ok(if n.fract() == 0.0 && (0.0..=255.0).contains(&n) {
        n as u8
    } else {
        0
    })
}

/// `POST /reports/{ticket}/supports`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewSupport {
    pub device_id: String,
}

/// `POST /reports/{ticket}/supports` → the new count.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SupportCount {
    pub supports: u64,
}

/// `POST /operator/reports/{ticket}/transitions`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewTransition {
    pub to: Status,
    #[serde(default)]
    pub agency_id: Option<String>,
    #[serde(default)]
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_report_accepts_minimal_body_with_defaults() {
        let json = r#"{"kind":"complaint","title":"Jalan rusak parah","body":"x","incident_date":"2026-01-02",
            "category_id":"jalan","region_id":"r1"}"#;
        let r: NewReport = serde_json::from_str(json).unwrap();
        assert_eq!(r.kind, Kind::Complaint);
        assert!(!r.anonymous && !r.confidential && r.attachment_ids.is_empty() && r.reporter.is_none());
        assert_eq!(r.incident_date, NaiveDate::from_ymd_opt(2026, 1, 2));
    }
}
