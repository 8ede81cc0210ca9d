//! What a citizen adds to a report after sending it: replies, the rating and supports.

use aduan_core::{Actor, Status};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::workflow::insert_event_of_kind;

/// The reporter's reply, shown in the timeline under the report's current status.
pub fn add_reply(
    conn: &Connection,
    report_id: i64,
    status: Status,
    at: DateTime<Utc>,
    message: &str,
) -> rusqlite::Result<()> {
    insert_event_of_kind(conn, report_id, at, status, Actor::Citizen, "reply", Some(message))
}

/// Stores a rating unless the report already has one. Returns whether it was stored.
pub fn set_rating(conn: &Connection, report_id: i64, rating: u8, comment: Option<&str>) -> rusqlite::Result<bool> {
    let changed = conn
        .prepare_cached("UPDATE reports SET rating = ?1, rating_comment = ?2 WHERE id = ?3 AND rating IS NULL")?
        .execute(params![rating, comment, report_id])?;
    Ok(changed > 0)
}

/// The reporter's rating with its event in the timeline, once. Returns false if the report was already rated.
pub fn rate(
    conn: &mut Connection,
    report_id: i64,
    status: Status,
    at: DateTime<Utc>,
    rating: u8,
    comment: Option<&str>,
) -> rusqlite::Result<bool> {
    let tx = conn.savepoint()?;
    if !set_rating(&tx, report_id, rating, comment)? {
        return Ok(false);
    }
    insert_event_of_kind(&tx, report_id, at, status, Actor::Citizen, "rating", comment)?;
    tx.commit()?;
    Ok(true)
}

/// Counts a device's support once, on the main report when `report_id` is a duplicate (its supports moved there).
/// Returns the supports of the report counted afterwards.
pub fn support(conn: &mut Connection, report_id: i64, device_id: &str) -> rusqlite::Result<u64> {
    let tx = conn.savepoint()?;
    let report_id = super::duplicates::counted_report(&tx, report_id)?;
    let added = tx.execute(
        "INSERT OR IGNORE INTO supports (report_id, device_id) VALUES (?1, ?2)",
        params![report_id, device_id],
    )?;
    if added > 0 {
        tx.execute("UPDATE reports SET supports = supports + 1 WHERE id = ?1", [report_id])?;
    }
    let supports: u64 = tx.query_row("SELECT supports FROM reports WHERE id = ?1", [report_id], |r| r.get(0))?;
    tx.commit()?;
    Ok(supports)
}
