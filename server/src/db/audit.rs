//! The staff audit trail: one row per staff action, against the named account and the role it had then. Written
//! in the same savepoint as the change it records; never read by a public endpoint.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::timestamp;
use crate::staff::Staff;

/// One action to record. `report_id` is `None` for actions on accounts; `detail` says what beyond the report the
/// action was about (the account changed, the fields corrected), as JSON.
pub struct AuditRecord<'a> {
    pub report_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub action: &'a str,
    pub status: Option<aduan_core::Status>,
    pub message: Option<&'a str>,
    pub detail: Option<&'a str>,
}

pub fn record(conn: &Connection, by: &Staff, r: &AuditRecord<'_>) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit (report_id, at, account_id, role, action, status, message, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        r.report_id,
        timestamp(r.at),
        by.account_id,
        by.role.as_str(),
        r.action,
        r.status.map(aduan_core::Status::as_str),
        r.message,
        r.detail,
    ])?;
    Ok(())
}
