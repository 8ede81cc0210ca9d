//! `GET /reports/{ticket}`: one report as its page shows it, with its timeline and deadlines.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Kind, Reporter};
use crate::status::{Actor, Status};

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
    /// How the report reached the portal; `web` from a backend that does not say.
    #[serde(default)]
    pub channel: crate::Channel,
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
    /// The ticket of the main report when an administrator marked this one its duplicate: the citizen follows
    /// the matter there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// `POST /attachments` → 201, and the attachments listed in a report.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub content_type: String,
}
