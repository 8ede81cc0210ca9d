//! Idempotency keys of `POST /reports`: a retried submission gets the first answer again.

use aduan_core::{ReportCreated, Status};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::timestamp;

/// What was answered the first time a key was used, with the hash of the body sent then.
pub struct Previous {
    pub body_sha256: String,
    pub created: ReportCreated,
}

/// The first answer given for `key`, if the key was used before. `now` stands in for an unreadable time.
pub fn find(conn: &Connection, key: &str, now: DateTime<Utc>) -> rusqlite::Result<Option<Previous>> {
    conn.prepare_cached(
        "SELECT i.body_sha256, r.ticket, i.access_code, r.status, r.created_at FROM idempotency i
         JOIN reports r ON r.id = i.report_id WHERE i.key = ?1",
    )?
    .query_row([key], |r| {
        Ok(Previous {
            body_sha256: r.get(0)?,
            created: ReportCreated {
                ticket: r.get(1)?,
                access_code: r.get(2)?,
                status: Status::parse(&r.get::<_, String>(3)?).unwrap_or(Status::Submitted),
                created_at: r.get::<_, String>(4)?.parse::<DateTime<Utc>>().unwrap_or(now),
                notice: None,
            },
        })
    })
    .optional()
}

/// Remembers the answer to a first use of `key`.
pub fn record(
    conn: &Connection,
    key: &str,
    body_sha256: &str,
    report_id: i64,
    access_code: &str,
    at: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO idempotency (key, body_sha256, report_id, access_code, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![key, body_sha256, report_id, access_code, timestamp(at)])?;
    Ok(())
}
