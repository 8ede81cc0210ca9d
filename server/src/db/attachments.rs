//! Uploaded files' records; the bytes live on disk under their SHA-256 (see `api/attachments.rs`).

use aduan_core::Attachment;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::timestamp;

/// Records an upload that no report uses yet; [`super::reports::insert_report`] links it.
pub fn insert(conn: &Connection, attachment: &Attachment, sha256: &str, at: DateTime<Utc>) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO attachments (id, sha256, name, size, content_type, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        attachment.id,
        sha256,
        attachment.name,
        attachment.size,
        attachment.content_type,
        timestamp(at)
    ])?;
    Ok(())
}

/// Whether `id` is an upload that no report uses yet, so a new report may claim it.
pub fn is_unclaimed(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS(SELECT 1 FROM attachments WHERE id = ?1 AND report_id IS NULL)")?
        .query_row([id], |r| r.get(0))
}

/// How long an upload may wait for a report to claim it before the sweep deletes it. A citizen uploads while
/// filling in the form, so a day is ample; kept forever, unclaimed uploads would be free storage for anyone.
pub const UNCLAIMED_KEPT_HOURS: i64 = 24;

/// Deletes the uploads that no report claimed and that were made before `before`. Returns the hashes they
/// named (their files may now be unused: see [`hash_in_use`]).
pub fn delete_unclaimed(conn: &Connection, before: DateTime<Utc>) -> rusqlite::Result<Vec<String>> {
    conn.prepare_cached("DELETE FROM attachments WHERE report_id IS NULL AND created_at < ?1 RETURNING sha256")?
        .query_map([timestamp(before)], |r| r.get(0))?
        .collect::<rusqlite::Result<std::collections::BTreeSet<String>>>()
        .map(|hashes| hashes.into_iter().collect())
}

/// Whether any upload, claimed or not, is stored under `sha256`.
pub fn hash_in_use(conn: &Connection, sha256: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS(SELECT 1 FROM attachments WHERE sha256 = ?1)")?
        .query_row([sha256], |r| r.get(0))
}

/// Where a report's file is stored and how to serve it.
pub struct StoredFile {
    pub sha256: String,
    pub name: String,
    pub content_type: String,
}

/// The attachment `id` of the report `report_id`, if it belongs to that report.
pub fn find(conn: &Connection, report_id: i64, id: &str) -> rusqlite::Result<Option<StoredFile>> {
    conn.prepare_cached("SELECT sha256, name, content_type FROM attachments WHERE id = ?1 AND report_id = ?2")?
        .query_row(params![id, report_id], |r| {
            Ok(StoredFile {
                sha256: r.get(0)?,
                name: r.get(1)?,
                content_type: r.get(2)?,
            })
        })
        .optional()
}
