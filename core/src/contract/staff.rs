//! `/staff/...`: the staff console's contract — sign-in and sessions, accounts, the work queue, a report as staff
//! see it with its audit trail and internal notes, and the steps. Every call but sign-in sends
//! `Authorization: Bearer <token>` with the token from [`StaffSession`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Kind, NamedRef, ReportView};
use crate::staff::{QueueTab, Role, StepAction};
use crate::status::Status;

/// `POST /staff/session`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SignIn {
    pub username: String,
    pub password: String,
}

/// A staff account as the console and the accounts list show it. Never carries a password or its hash.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StaffAccount {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The agencies an officer acts for; empty for the other roles.
    #[serde(default)]
    pub agencies: Vec<NamedRef>,
    #[serde(default)]
    pub disabled: bool,
}

/// `POST /staff/session` → 201, and `GET /staff/session` (without `token`, which is only given once).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StaffSession {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub account: StaffAccount,
}

/// `POST /staff/session/password`. Signs out every other session of the account.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// `POST /staff/accounts` (admin).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    #[serde(default)]
    pub agency_ids: Vec<String>,
    pub password: String,
}

/// `PATCH /staff/accounts/{username}` (admin): only the fields given change. Disabling signs the account out.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct AccountChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_ids: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// A new password set by the administrator (for a forgotten one); signs the account out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// `GET /staff/queue`: filters, all optional, as query parameters; `tab` defaults to the role's first tab.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct QueueQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tab: Option<QueueTab>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// Words of the title or body, or a ticket number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// A row of the work queue: staff see the title of a confidential report too.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct QueueItem {
    pub ticket: String,
    pub kind: Kind,
    pub status: Status,
    pub title: String,
    pub agency: Option<NamedRef>,
    pub category: Option<NamedRef>,
    pub region: Option<NamedRef>,
    pub created_at: DateTime<Utc>,
    pub confidential: bool,
    pub handed_back: bool,
    /// The deadline the report works towards now ([`crate::current_deadline`]); the console says "due in N
    /// working days" or "late by N working days" from it with the portal's calendar.
    pub due: Option<NaiveDate>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct QueueTabCount {
    pub tab: QueueTab,
    /// Reports in the tab under the same filters.
    pub count: u64,
}

/// `GET /staff/queue`: the chosen tab's page, sorted by the nearest deadline (none last), then oldest first.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct QueuePage {
    pub tab: QueueTab,
    /// The role's tabs ([`Role::queue_tabs`]) with their counts.
    pub tabs: Vec<QueueTabCount>,
    pub items: Vec<QueueItem>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

/// One line of a report's audit trail: who (the named account and its role) did what, when.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// A [`StepAction`] name, or `note`, `correct`.
    pub action: String,
    /// The status after the step, for steps.
    #[serde(default)]
    pub status: Option<Status>,
    /// The message to the citizen, the note, or a correction's reason.
    #[serde(default)]
    pub message: Option<String>,
    /// What a correction changed, field by field (empty for every other action).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<FieldChange>,
}

/// One field a correction changed: `kind`, `category_id`, `region_id` (ids, `None` when unset), `anonymous` or
/// `confidential` (`"true"`/`"false"`). The console names fields and values in the reader's language.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// An internal note: staff only, never on any public endpoint.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct InternalNote {
    pub at: DateTime<Utc>,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub text: String,
}

/// `GET /staff/reports/{ticket}`: everything staff see, and what the caller may do now. An officer asking for
/// a report outside their agencies gets 404.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StaffReportView {
    /// Full content: confidential text, the reporter's identity unless anonymous, every attachment.
    pub report: ReportView,
    pub handed_back: bool,
    /// Whether the agency has given its initial response.
    pub responded: bool,
    pub audit: Vec<AuditEntry>,
    pub notes: Vec<InternalNote>,
    /// The steps the caller's role may take now ([`crate::available_steps`]).
    pub steps: Vec<StepAction>,
    /// Whether the caller may correct the report ([`ReportCorrection`]): administrators, while it is unfinished.
    pub can_correct: bool,
    /// The tickets of the reports marked duplicates of this one (its own main report is `report.duplicate_of`).
    #[serde(default)]
    pub duplicates: Vec<String>,
    /// Whether the caller may mark this report a duplicate ([`MarkDuplicate`]): administrators, while it is
    /// unfinished and neither a duplicate nor a main report ([`crate::duplicate::may_mark_duplicate`]).
    #[serde(default)]
    pub can_mark_duplicate: bool,
}

/// `POST /staff/reports/{ticket}/duplicate` (administrators): the report is a duplicate of `duplicate_of`, its main
/// report. The report is closed with `message` (or the server's own words) to its citizen, its supports move to the
/// main report. Refusals: 422 of itself, of a duplicate (naming its main report), of a report with duplicates; 409
/// for a report already a duplicate or finished.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct MarkDuplicate {
    /// Missing or empty is a 422 on this field, as the form shows it.
    #[serde(default)]
    pub duplicate_of: String,
    #[serde(default)]
    pub message: String,
}

/// `POST /staff/reports/{ticket}/steps` → the report as [`StaffReportView`]. An illegal step is a 409, a step
/// of another role a 403.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewStep {
    pub action: StepAction,
    /// The message to the citizen; required unless [`StepAction::needs_message`] says otherwise.
    #[serde(default)]
    pub message: String,
    /// Required for [`StepAction::Forward`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_id: Option<String>,
}

/// `POST /staff/bulk-steps` (administrators): one step for many reports, each taken as the single step takes it,
/// in its own transaction. Only [`StepAction::Verify`] and [`StepAction::Forward`]; at most
/// [`BulkSteps::MAX_TICKETS`] distinct tickets.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct BulkSteps {
    pub action: StepAction,
    pub tickets: Vec<String>,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_id: Option<String>,
}

impl BulkSteps {
    pub const MAX_TICKETS: usize = 100;

    /// Whether `action` may be taken in bulk: the administrator's steps that need no judgement of each report's
    /// text beyond the queue row (a rejection or an agency's answer is written for one report).
    pub fn allows(action: StepAction) -> bool {
        matches!(action, StepAction::Verify | StepAction::Forward)
    }
}

/// The answer to [`BulkSteps`]: every ticket sent (each once) is in `done` or in `failed`, in the order sent.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct BulkOutcome {
    pub done: Vec<String>,
    pub failed: Vec<BulkFailure>,
}

/// One report whose step was refused: the status and problem the single step would have answered.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct BulkFailure {
    pub ticket: String,
    pub status: u16,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// `POST /staff/reports/{ticket}/notes` → 201 [`InternalNote`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewNote {
    pub text: String,
}

/// `PATCH /staff/reports/{ticket}` (admin): corrects what the citizen chose; only the fields given change, and
/// the reason goes to the audit trail.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ReportCorrection {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential: Option<bool>,
    pub reason: String,
}
