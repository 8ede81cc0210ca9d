//! Marking a report as a duplicate of another, its main report ("Tandai duplikat", issue #18): the rule is
//! `aduan_core::duplicate`; here the report is closed for its citizen with a message naming the main report, its
//! supports move there, and the audit row is written, all in one savepoint.

use aduan_core::duplicate::{
    may_mark_duplicate, merged_notice, DuplicateCandidate, DuplicateRefusal, DUPLICATE_STATUS,
};
use aduan_core::{Actor, Status, WorkingCalendar};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::audit::{self, AuditRecord};
use super::timestamp;
use super::workflow::insert_event_of_kind;
use crate::staff::Staff;

/// The timeline's kind of the event that closes a duplicate.
pub const EVENT_KIND: &str = "duplicate";

#[derive(Debug)]
pub enum MarkError {
    /// The main report's ticket names no report.
    UnknownMain,
    Refused(DuplicateRefusal),
    Db(rusqlite::Error),
}

impl From<rusqlite::Error> for MarkError {
    fn from(e: rusqlite::Error) -> Self {
        MarkError::Db(e)
    }
}

/// What the rule reads of a report: its id and the candidate.
fn candidate(
    conn: &Connection,
    where_sql: &str,
    key: &dyn rusqlite::ToSql,
) -> rusqlite::Result<Option<(i64, DuplicateCandidate)>> {
    conn.prepare_cached(&format!(
        "SELECT r.id, r.ticket, r.status, m.ticket,
                EXISTS(SELECT 1 FROM reports d WHERE d.duplicate_of = r.id)
         FROM reports r LEFT JOIN reports m ON m.id = r.duplicate_of WHERE {where_sql}"
    ))?
    .query_row([key], |r| {
        Ok((
            r.get(0)?,
            DuplicateCandidate {
                ticket: r.get(1)?,
                status: Status::parse(&r.get::<_, String>(2)?).unwrap_or(Status::Closed),
                duplicate_of: r.get(3)?,
                has_duplicates: r.get(4)?,
            },
        ))
    })
    .optional()
}

/// Marks the report `report_id` a duplicate of the report of `main_ticket` (a ticket in its canonical form).
/// Returns the main report's ticket. All or nothing.
pub fn mark(
    conn: &mut Connection,
    staff: &Staff,
    report_id: i64,
    main_ticket: &str,
    message: Option<&str>,
    at: DateTime<Utc>,
    cal: &WorkingCalendar,
) -> Result<String, MarkError> {
    let tx = conn.savepoint()?;
    let (_, report) =
        candidate(&tx, "r.id = ?1", &report_id)?.ok_or(MarkError::Db(rusqlite::Error::QueryReturnedNoRows))?;
    let (main_id, main) = candidate(&tx, "r.ticket = ?1", &main_ticket)?.ok_or(MarkError::UnknownMain)?;
    may_mark_duplicate(&report, &main).map_err(MarkError::Refused)?;
    move_supports(&tx, report_id, main_id)?;
    let day = cal.local_date(at).to_string();
    tx.prepare_cached(
        "UPDATE reports SET status = ?1, closed_day = ?2, updated_at = ?3, duplicate_of = ?4 WHERE id = ?5",
    )?
    .execute(params![
        DUPLICATE_STATUS.as_str(),
        day,
        timestamp(at),
        main_id,
        report_id
    ])?;
    let message = message.map_or_else(|| merged_notice(&main.ticket), str::to_string);
    insert_event_of_kind(
        &tx,
        report_id,
        at,
        DUPLICATE_STATUS,
        Actor::Admin,
        EVENT_KIND,
        Some(&message),
    )?;
    let detail = json!({ "duplicate_of": main.ticket }).to_string();
    let record = AuditRecord {
        report_id: Some(report_id),
        at,
        action: "mark_duplicate",
        status: Some(DUPLICATE_STATUS),
        message: Some(&message),
        detail: Some(&detail),
    };
    audit::record(&tx, staff, &record)?;
    tx.commit()?;
    Ok(main.ticket)
}

/// The duplicate's supports become the main report's: a device that supported both counts once. The counter is
/// moved less the devices already counted on the main report, so supports counted before devices were recorded
/// move too.
fn move_supports(conn: &Connection, from: i64, to: i64) -> rusqlite::Result<()> {
    let both: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM supports s WHERE s.report_id = ?1
             AND EXISTS (SELECT 1 FROM supports t WHERE t.report_id = ?2 AND t.device_id = s.device_id)",
        )?
        .query_row([from, to], |r| r.get(0))?;
    conn.prepare_cached(
        "UPDATE reports SET supports = supports + MAX(0, (SELECT supports FROM reports WHERE id = ?1) - ?2)
         WHERE id = ?3",
    )?
    .execute(params![from, both, to])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO supports (report_id, device_id) SELECT ?2, device_id FROM supports WHERE report_id = ?1",
    )?
    .execute([from, to])?;
    conn.prepare_cached("DELETE FROM supports WHERE report_id = ?1")?
        .execute([from])?;
    conn.prepare_cached("UPDATE reports SET supports = 0 WHERE id = ?1")?
        .execute([from])?;
    Ok(())
}

/// The tickets of the duplicates of a main report, oldest first.
pub fn duplicates_of(conn: &Connection, main_id: i64) -> rusqlite::Result<Vec<String>> {
    conn.prepare_cached("SELECT ticket FROM reports WHERE duplicate_of = ?1 ORDER BY created_at, id")?
        .query_map([main_id], |r| r.get(0))?
        .collect()
}

/// The report a citizen's support goes to: its main report when it is a duplicate.
pub fn counted_report(conn: &Connection, report_id: i64) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT COALESCE(duplicate_of, id) FROM reports WHERE id = ?1")?
        .query_row([report_id], |r| r.get(0))
}
