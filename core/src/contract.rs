//! The JSON shapes of the `/api/v1` contract (see `public/openapi.yaml`). Field names are part of the
//! contract: other backends and clients rely on them.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::status::Status;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Complaint,
    Aspiration,
    Information,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Complaint, Kind::Aspiration, Kind::Information];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Complaint => "complaint",
            Kind::Aspiration => "aspiration",
            Kind::Information => "information",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who performed a step of the workflow; shown on the public timeline.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Citizen,
    Admin,
    Agency,
    System,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Citizen => "citizen",
            Actor::Admin => "admin",
            Actor::Agency => "agency",
            Actor::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<Actor> {
        [Actor::Citizen, Actor::Admin, Actor::Agency, Actor::System]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Agency {
    pub id: String,
    pub name: String,
    /// A grouping for long lists, e.g. "Dinas", "Kelurahan", "Puskesmas".
    #[serde(default)]
    pub group: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Category {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Limits {
    pub title_min: usize,
    pub title_max: usize,
    pub body_min: usize,
    pub body_max: usize,
    pub address_max: usize,
    pub name_max: usize,
    pub email_max: usize,
    pub phone_max: usize,
    pub message_max: usize,
    pub attachments_max_count: usize,
    pub attachment_max_bytes: u64,
    pub attachment_types: Vec<String>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            title_min: 10,
            title_max: 150,
            body_min: 30,
            body_max: 4000,
            address_max: 200,
            name_max: 100,
            email_max: 254,
            phone_max: 20,
            message_max: 2000,
            attachments_max_count: 5,
            attachment_max_bytes: 5 * 1024 * 1024,
            attachment_types: ["image/jpeg", "image/png", "image/webp", "application/pdf"]
                .map(String::from)
                .to_vec(),
        }
    }
}

/// Service-level rules, in working days.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct SlaRules {
    pub verify_days: u32,
    pub respond_days: u32,
    pub escalate_days: u32,
    pub auto_close_days: u32,
}

impl Default for SlaRules {
    fn default() -> Self {
        SlaRules {
            verify_days: 3,
            respond_days: 10,
            escalate_days: 60,
            auto_close_days: 10,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    /// Cuti bersama (collective leave) rather than a national holiday.
    #[serde(default)]
    pub collective_leave: bool,
}

/// `GET /portal`: everything a client needs to render the forms and explain the rules.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Portal {
    pub name: String,
    pub kinds: Vec<Kind>,
    pub categories: Vec<Category>,
    pub agencies: Vec<Agency>,
    pub regions: Vec<Region>,
    pub limits: Limits,
    pub sla: SlaRules,
    pub holidays: Vec<Holiday>,
    /// National completion target (0–1); SP4N-LAPOR! uses 90 %.
    pub completion_target: f64,
}

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

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub status: Status,
    pub actor: Actor,
    /// `status` for a workflow step, `reply` for a citizen's reply, `rating` for a rating.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

/// One deadline of the workflow, in working days.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Deadline {
    pub due: NaiveDate,
    /// When the step happened, if it has.
    pub done_on: Option<NaiveDate>,
    /// Whether it happened by `due`; `None` while pending.
    pub met: Option<bool>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Deadlines {
    pub verify: Deadline,
    pub respond: Deadline,
    pub escalation: Deadline,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NamedRef {
    pub id: String,
    pub name: String,
}

/// `GET /reports/{ticket}`. `title`, `body` and `reporter` are `None` when withheld.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ReportView {
    pub ticket: String,
    pub kind: Kind,
    pub status: Status,
    pub title: Option<String>,
    pub body: Option<String>,
    pub agency: Option<NamedRef>,
    pub category: Option<NamedRef>,
    pub region: Option<NamedRef>,
    #[serde(default)]
    pub address: Option<String>,
    pub incident_date: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub confidential: bool,
    pub anonymous: bool,
    #[serde(default)]
    pub reporter: Option<Reporter>,
    pub supports: u64,
    #[serde(default)]
    pub rating: Option<u8>,
    pub events: Vec<Event>,
    /// Always given by this contract's server; `None` from a backend without the three workflow deadlines
    /// (Open311), which the page then does not show.
    #[serde(default)]
    pub deadlines: Option<Deadlines>,
    /// When the agency expects to be done, from a backend that gives one date instead of the deadlines
    /// (Open311's `expected_datetime`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_on: Option<NaiveDate>,
    /// Only those the caller may see: none of a confidential report without its access code.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// `POST /attachments` → 201, and the attachments listed in a report.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub content_type: String,
}

/// `POST /reports/{ticket}/replies`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewReply {
    pub message: String,
}

/// `POST /reports/{ticket}/rating`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewRating {
    pub rating: u8,
    #[serde(default)]
    pub comment: String,
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

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct MonthlyPoint {
    /// "YYYY-MM"
    pub month: String,
    pub received: u64,
    pub completed: u64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AgencyStats {
    /// `None` for reports not yet assigned to an agency, so that rows always sum to the total.
    pub id: Option<String>,
    pub name: Option<String>,
    pub received: u64,
    pub completed: u64,
    pub completion_rate: f64,
    pub median_response_days: Option<f64>,
    pub late_rate: Option<f64>,
}

/// `GET /stats`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Stats {
    pub total: u64,
    pub completed: u64,
    pub completion_rate: f64,
    pub by_status: BTreeMap<String, u64>,
    pub by_kind: BTreeMap<String, u64>,
    /// Received by category id; reports without a category are not counted here.
    #[serde(default)]
    pub by_category: BTreeMap<String, u64>,
    pub median_response_days: Option<f64>,
    pub p90_response_days: Option<f64>,
    pub median_completion_days: Option<f64>,
    pub within_deadline_rate: Option<f64>,
    pub escalated: u64,
    pub rating_average: Option<f64>,
    pub monthly: Vec<MonthlyPoint>,
    pub agencies: Vec<AgencyStats>,
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

/// One validation failure, as carried in a problem document's `errors`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// RFC 9457 `application/problem+json`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

fn about_blank() -> String {
    "about:blank".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_serialises_as_contract_names() {
        assert_eq!(serde_json::to_string(&Kind::Information).unwrap(), "\"information\"");
        assert_eq!(
            serde_json::from_str::<Kind>("\"aspiration\"").unwrap(),
            Kind::Aspiration
        );
        assert!(serde_json::from_str::<Kind>("\"other\"").is_err());
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn new_report_accepts_minimal_body_with_defaults() {
        let json = r#"{"kind":"complaint","title":"Jalan rusak parah","body":"x","incident_date":"2026-01-02",
            "category_id":"jalan","region_id":"r1"}"#;
        let r: NewReport = serde_json::from_str(json).unwrap();
        assert_eq!(r.kind, Kind::Complaint);
        assert!(!r.anonymous && !r.confidential && r.attachment_ids.is_empty() && r.reporter.is_none());
        assert_eq!(r.incident_date, NaiveDate::from_ymd_opt(2026, 1, 2));
    }

    #[test]
    fn problem_uses_type_field_and_omits_empty_errors() {
        let p = Problem {
            kind: "about:blank".into(),
            title: "Not found".into(),
            status: 404,
            detail: None,
            errors: vec![],
        };
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["type"], "about:blank");
        assert!(v.get("errors").is_none());
        let back: Problem = serde_json::from_str(
            r#"{"title":"t","status":422,"errors":[{"field":"title","code":"required","message":"m"}]}"#,
        )
        .unwrap();
        assert_eq!(back.kind, "about:blank");
        assert_eq!(back.errors[0].field, "title");
    }

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
