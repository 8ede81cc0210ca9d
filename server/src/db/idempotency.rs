//! Idempotency keys of `POST /reports`: a retried submission within [`WINDOW_HOURS`] gets the first answer again.
//! Nothing is kept in clear: the key only as its keyed hash, the access code sealed with the server key (bound to
//! the key and the report). Entries past the window are ignored, replaced by a new use of their key, and deleted
//! by the periodic sweep.

use aduan_core::{ReportCreated, Status};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::timestamp;
use crate::crypto::Secrets;

/// How long an answer is kept for replay; `public/openapi.yaml` documents it with the Idempotency-Key header.
pub const WINDOW_HOURS: i64 = 24;

/// Entries created before this are expired.
fn cutoff(now: DateTime<Utc>) -> String {
    timestamp(now - Duration::hours(WINDOW_HOURS))
}

/// What the sealed access code is bound to: copied into another row, it no longer opens.
fn seal_context(key: &str, report_id: i64) -> String {
    format!("{report_id}\n{key}")
}

/// What was answered the first time a key was used, with the hash of the body sent then.
pub struct Previous {
    pub body_sha256: String,
    pub created: ReportCreated,
}

/// The first answer given for `key` within the window, if the key was used. `now` stands in for an unreadable
/// time.
pub fn find(conn: &Connection, secrets: &Secrets, key: &str, now: DateTime<Utc>) -> rusqlite::Result<Option<Previous>> {
    let found = conn
        .prepare_cached(
            "SELECT i.body_sha256, i.report_id, i.sealed_access_code, r.ticket, r.status, r.created_at
             FROM idempotency i JOIN reports r ON r.id = i.report_id WHERE i.key_hash = ?1 AND i.created_at >= ?2",
        )?
        .query_row(params![secrets.idempotency_key_hash(key), cutoff(now)], |r| {
            let report_id: i64 = r.get(1)?;
            let sealed: Vec<u8> = r.get(2)?;
            let access_code = secrets.open(&sealed, &seal_context(key, report_id)).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    2,
                    rusqlite::types::Type::Blob,
                    "not sealed with this key".into(),
                )
            })?;
            Ok(Previous {
                body_sha256: r.get(0)?,
                created: ReportCreated {
                    ticket: r.get(3)?,
                    access_code,
                    status: Status::parse(&r.get::<_, String>(4)?).unwrap_or(Status::Submitted),
                    created_at: r.get::<_, String>(5)?.parse::<DateTime<Utc>>().unwrap_or(now),
                    notice: None,
                },
            })
        })
        .optional()?;
    Ok(found)
}

/// What one use of an idempotency key answered.
pub struct Answer<'a> {
    pub key: &'a str,
    pub body_sha256: &'a str,
    pub report_id: i64,
    pub access_code: &'a str,
}

/// Remembers the answer to a first use of a key (or the first use since an earlier one expired).
pub fn record(conn: &Connection, secrets: &Secrets, answer: &Answer<'_>, at: DateTime<Utc>) -> rusqlite::Result<()> {
    let key_hash = secrets.idempotency_key_hash(answer.key);
    conn.prepare_cached("DELETE FROM idempotency WHERE key_hash = ?1 AND created_at < ?2")?
        .execute(params![key_hash, cutoff(at)])?;
    conn.prepare_cached(
        "INSERT INTO idempotency (key_hash, body_sha256, report_id, sealed_access_code, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        key_hash,
        answer.body_sha256,
        answer.report_id,
        secrets.seal(answer.access_code, &seal_context(answer.key, answer.report_id)),
        timestamp(at)
    ])?;
    Ok(())
}

/// Deletes the entries past the window. Returns how many.
pub fn forget_expired(conn: &Connection, now: DateTime<Utc>) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM idempotency WHERE created_at < ?1")?
        .execute([cutoff(now)])
}
