//! One report as staff handle it: the full view with its audit trail and internal notes, the workflow steps, notes
//! and corrections. Every write records an audit row against the named account in the same savepoint.

use aduan_core::duplicate::{may_be_a_duplicate, DuplicateCandidate};
use aduan_core::ticket::Ticket;
use aduan_core::{
    available_steps, AuditEntry, InternalNote, Role, SlaRules, StaffReportView, Status, StepAction, WorkingCalendar,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::audit::{self, AuditRecord};
use super::reports::{self, no_such_ticket, Audience};
use super::timestamp;
use super::workflow::{apply_transition, Transition, TransitionError};
use crate::problem::ApiError;
use crate::staff::Staff;

/// A report the caller may see, and where it stands.
pub struct Found {
    pub id: i64,
    pub status: Status,
    pub responded: bool,
    /// The agency it is forwarded to now (none before a forward and after a hand-back).
    pub forwarded_to: Option<String>,
}

/// The report of `ticket` if `staff` may see it. An officer asking for a report not forwarded to their agencies
/// gets exactly the answer for a ticket that does not exist, so the answer does not tell that it exists.
pub fn find(conn: &Connection, staff: &Staff, ticket: &str) -> Result<Found, ApiError> {
    let ticket = Ticket::parse(ticket).map_err(|_| no_such_ticket())?;
    let row: Option<(i64, String, bool, Option<String>, bool)> = conn
        .prepare_cached(
            "SELECT id, status, responded_day IS NOT NULL, agency_id, forwarded FROM reports WHERE ticket = ?1",
        )?
        .query_row([ticket.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let (id, status, responded, agency, forwarded) = row.ok_or_else(no_such_ticket)?;
    let forwarded_to = agency.filter(|_| forwarded);
    if !staff.may_see(forwarded_to.as_deref()) {
        return Err(no_such_ticket());
    }
    let status = Status::parse(&status).ok_or_else(|| ApiError::internal("bad status"))?;
    Ok(Found {
        id,
        status,
        responded,
        forwarded_to,
    })
}

fn role_of(text: &str) -> Role {
    // Roles are written by this server from `Role::as_str`; an unknown one would be a corrupt row, shown as the
    // least powerful role rather than failing the whole page.
    Role::parse(text).unwrap_or(Role::Supervisor)
}

fn time(text: String) -> DateTime<Utc> {
    text.parse().unwrap_or_default()
}

/// Everything staff see of the report, and what `staff` may do now.
pub fn view(conn: &Connection, staff: &Staff, report_id: i64) -> rusqlite::Result<StaffReportView> {
    let report = reports::load(conn, report_id, Audience::Operator)?;
    let (handed_back, responded): (bool, bool) = conn
        .prepare_cached("SELECT handed_back, responded_day IS NOT NULL FROM reports WHERE id = ?1")?
        .query_row([report_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let audit = conn
        .prepare_cached(
            "SELECT a.at, c.username, c.display_name, a.role, a.action, a.status, a.message, a.detail
             FROM audit a JOIN accounts c ON c.id = a.account_id WHERE a.report_id = ?1 ORDER BY a.at, a.id",
        )?
        .query_map([report_id], |r| {
            Ok(AuditEntry {
                at: time(r.get(0)?),
                username: r.get(1)?,
                display_name: r.get(2)?,
                role: role_of(&r.get::<_, String>(3)?),
                action: r.get(4)?,
                status: r.get::<_, Option<String>>(5)?.as_deref().and_then(Status::parse),
                message: r.get(6)?,
                changes: match (r.get_ref(4)?.as_str()?, r.get::<_, Option<String>>(7)?) {
                    ("correct", Some(detail)) => super::staff_corrections::changes_of(&detail),
                    _ => Vec::new(),
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let notes = conn
        .prepare_cached(
            "SELECT n.at, c.username, c.display_name, COALESCE(n.role, c.role), n.text
             FROM notes n JOIN accounts c ON c.id = n.account_id WHERE n.report_id = ?1 ORDER BY n.at, n.id",
        )?
        .query_map([report_id], |r| {
            Ok(InternalNote {
                at: time(r.get(0)?),
                username: r.get(1)?,
                display_name: r.get(2)?,
                role: role_of(&r.get::<_, String>(3)?),
                text: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let duplicates = super::duplicates::duplicates_of(conn, report_id)?;
    Ok(StaffReportView {
        steps: available_steps(staff.role, report.status, responded),
        can_correct: staff.role == Role::Admin && report.status.is_unfinished(),
        can_mark_duplicate: staff.role == Role::Admin
            && may_be_a_duplicate(&DuplicateCandidate {
                ticket: report.ticket.clone(),
                status: report.status,
                duplicate_of: report.duplicate_of.clone(),
                has_duplicates: !duplicates.is_empty(),
            })
            .is_ok(),
        duplicates,
        report,
        handed_back,
        responded,
        audit,
        notes,
    })
}

/// A step as the handler validated it.
pub struct Step<'a> {
    pub action: StepAction,
    /// The cleaned message to the citizen; `None` when empty.
    pub message: Option<&'a str>,
    pub agency_id: Option<&'a str>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, PartialEq)]
pub enum StepError {
    /// The step is not one the report can take now (a 409).
    NotNow {
        from: Status,
    },
    Transition(TransitionError),
}

impl From<rusqlite::Error> for StepError {
    fn from(e: rusqlite::Error) -> Self {
        StepError::Transition(e.into())
    }
}

/// Takes `step` on the report `found` (read in the same write), through the same transition as every other
/// writer so the deadlines and figures stay right, and records it in the audit trail. All or nothing.
pub fn take_step(
    conn: &mut Connection,
    staff: &Staff,
    found: &Found,
    step: &Step<'_>,
    cal: &WorkingCalendar,
    sla: &SlaRules,
) -> Result<(), StepError> {
    let to = step
        .action
        .target(found.status, found.responded)
        .ok_or(StepError::NotNow { from: found.status })?;
    let tx = conn.savepoint()?;
    let t = Transition {
        to,
        at: step.at,
        actor: step.action.actor(),
        message: step.message,
        agency_id: step.agency_id,
    };
    apply_transition(&tx, found.id, &t, cal, sla).map_err(StepError::Transition)?;
    let detail = match step.action {
        StepAction::Forward => Some(json!({ "agency_id": step.agency_id, "previous_agency_id": found.forwarded_to })),
        StepAction::HandBack => Some(json!({ "agency_id": found.forwarded_to })),
        _ => None,
    }
    .map(|d| d.to_string());
    let record = AuditRecord {
        report_id: Some(found.id),
        at: step.at,
        action: step.action.as_str(),
        status: Some(to),
        message: step.message,
        detail: detail.as_deref(),
    };
    audit::record(&tx, staff, &record)?;
    tx.commit()?;
    Ok(())
}

/// What the audit trail calls a move of the workflow: the staff step it is, else the status it leads to (the
/// operator API also closes and escalates).
fn action_of(from: Status, to: Status, responded: bool) -> &'static str {
    StepAction::ALL
        .into_iter()
        .find(|a| a.target(from, responded) == Some(to))
        .map_or(to.as_str(), StepAction::as_str)
}

/// A move of the operator API (`POST /operator/reports/{ticket}/transitions`), recorded in the audit trail against
/// the service account of the operator token, in the same savepoint as the move.
pub fn operator_transition(
    conn: &mut Connection,
    report_id: i64,
    t: &Transition<'_>,
    cal: &WorkingCalendar,
    sla: &SlaRules,
) -> Result<(), TransitionError> {
    let tx = conn.savepoint()?;
    let (from, responded, agency): (String, bool, Option<String>) = tx
        .prepare_cached("SELECT status, responded_day IS NOT NULL, agency_id FROM reports WHERE id = ?1")?
        .query_row([report_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or(TransitionError::NotFound)?;
    let from = Status::parse(&from).ok_or_else(|| TransitionError::Db(format!("bad status {from}")))?;
    apply_transition(&tx, report_id, t, cal, sla)?;
    let operator = super::accounts::find(&tx, super::accounts::SERVICE_ACCOUNT)?
        .ok_or_else(|| TransitionError::Db("the service account is missing".into()))?;
    let detail = (t.to == Status::Dispositioned || from == Status::Dispositioned)
        .then(|| json!({ "agency_id": t.agency_id.or(agency.as_deref()), "previous_agency_id": agency }).to_string());
    let record = AuditRecord {
        report_id: Some(report_id),
        at: t.at,
        action: action_of(from, t.to, responded),
        status: Some(t.to),
        message: t.message,
        detail: detail.as_deref(),
    };
    audit::record(&tx, &operator.staff(), &record)?;
    tx.commit()?;
    Ok(())
}

/// Adds an internal note (never shown on a public endpoint) and its audit row.
pub fn add_note(
    conn: &mut Connection,
    staff: &Staff,
    report_id: i64,
    text: &str,
    at: DateTime<Utc>,
) -> rusqlite::Result<InternalNote> {
    let tx = conn.savepoint()?;
    tx.prepare_cached("INSERT INTO notes (report_id, at, account_id, role, text) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![
            report_id,
            timestamp(at),
            staff.account_id,
            staff.role.as_str(),
            text
        ])?;
    let record = AuditRecord {
        report_id: Some(report_id),
        at,
        action: "note",
        status: None,
        message: Some(text),
        detail: None,
    };
    audit::record(&tx, staff, &record)?;
    tx.commit()?;
    Ok(InternalNote {
        at: time(timestamp(at)),
        username: staff.username.clone(),
        display_name: staff.display_name.clone(),
        role: staff.role,
        text: text.to_string(),
    })
}

#[cfg(test)]
#[path = "staff_reports_tests.rs"]
mod tests;
