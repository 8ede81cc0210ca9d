//! Which server key the database's secrets were made with, and the one-time upgrade of a database written
//! before the key file existed: unkeyed access-code hashes, and idempotency answers holding access codes in clear.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::idempotency::{self, Answer};
use super::timestamp;
use crate::crypto::Secrets;

/// The fingerprint of the key this database's hashes need, once they have been keyed.
pub fn fingerprint(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT fingerprint FROM secret_key_use WHERE id = 1", [], |r| r.get(0))
        .optional()
}

/// Keys every secret stored without the key, once (keying a keyed hash again would lock its report), and
/// records the key's fingerprint. Returns how many rows held an unkeyed secret; 0 when already done.
pub fn upgrade(conn: &mut Connection, secrets: &Secrets, now: DateTime<Utc>) -> rusqlite::Result<usize> {
    let tx = conn.transaction()?;
    if fingerprint(&tx)?.is_some() {
        return Ok(0);
    }
    let hashes: Vec<(i64, String)> = tx
        .prepare("SELECT id, access_code_hash FROM reports")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut rewrite = tx.prepare("UPDATE reports SET access_code_hash = ?1 WHERE id = ?2")?;
    for (id, unkeyed) in &hashes {
        rewrite.execute(params![secrets.upgrade_unkeyed_hash(unkeyed), id])?;
    }
    drop(rewrite);
    // Answers still within their window keep working across the upgrade; older ones are dropped with the table.
    let unkeyed_answers: Vec<(String, String, i64, String, String)> = tx
        .prepare("SELECT key, body_sha256, report_id, access_code, created_at FROM idempotency_unkeyed")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (key, body_sha256, report_id, access_code, created_at) in &unkeyed_answers {
        let Ok(at) = created_at.parse::<DateTime<Utc>>() else {
            continue;
        };
        let answer = Answer {
            key,
            body_sha256,
            report_id: *report_id,
            access_code,
        };
        idempotency::record(&tx, secrets, &answer, at)?;
    }
    idempotency::forget_expired(&tx, now)?;
    tx.execute_batch("DROP TABLE idempotency_unkeyed")?;
    tx.execute(
        "INSERT INTO secret_key_use (id, fingerprint, keyed_at) VALUES (1, ?1, ?2)",
        params![secrets.fingerprint(), timestamp(now)],
    )?;
    tx.commit()?;
    Ok(hashes.len() + unkeyed_answers.len())
}

/// Rewrites the whole file and empties the write-ahead log, so that the values an upgrade replaced do not
/// survive in free pages or old log frames of the file.
pub fn erase_replaced_values(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("VACUUM")?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
}
