//! Corrections of what the citizen chose (kind, category, district, anonymity, confidentiality) by an
//! administrator: recorded in the audit trail with the reason and the old and new values, never on the public
//! timeline.

use aduan_core::{FieldChange, Kind, ReportCorrection, Status};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde_json::json;

use super::audit::{self, AuditRecord};
use super::portal::{category_exists, region_exists};
use super::timestamp;
use crate::staff::Staff;

#[derive(Debug)]
pub enum CorrectionError {
    UnknownCategory,
    UnknownRegion,
    /// Rejected, completed or closed: what the citizen chose is history now.
    Finished,
    Db(rusqlite::Error),
}

impl From<rusqlite::Error> for CorrectionError {
    fn from(e: rusqlite::Error) -> Self {
        CorrectionError::Db(e)
    }
}

/// What a report's correctable fields are now.
struct Correctable {
    kind: String,
    category_id: Option<String>,
    region_id: Option<String>,
    anonymous: bool,
    confidential: bool,
}

/// Corrects what the citizen chose (kind, category, district, anonymity, confidentiality), recording the old and
/// new values and the reason in the audit trail. Writes no public event. Nothing changes, nothing is recorded.
pub fn correct(
    conn: &mut Connection,
    staff: &Staff,
    report_id: i64,
    c: &ReportCorrection,
    at: DateTime<Utc>,
) -> Result<(), CorrectionError> {
    let tx = conn.savepoint()?;
    let (status, now): (String, Correctable) = tx
        .prepare_cached(
            "SELECT status, kind, category_id, region_id, anonymous, confidential FROM reports WHERE id = ?1",
        )?
        .query_row([report_id], |r| {
            Ok((
                r.get(0)?,
                Correctable {
                    kind: r.get(1)?,
                    category_id: r.get(2)?,
                    region_id: r.get(3)?,
                    anonymous: r.get(4)?,
                    confidential: r.get(5)?,
                },
            ))
        })?;
    if !Status::parse(&status).is_some_and(Status::is_unfinished) {
        return Err(CorrectionError::Finished);
    }
    if let Some(id) = &c.category_id {
        if !category_exists(&tx, id)? {
            return Err(CorrectionError::UnknownCategory);
        }
    }
    if let Some(id) = &c.region_id {
        if !region_exists(&tx, id)? {
            return Err(CorrectionError::UnknownRegion);
        }
    }
    let mut changes = serde_json::Map::new();
    let mut change = |field: &str, from: serde_json::Value, to: serde_json::Value| {
        if from != to {
            changes.insert(field.to_string(), json!({ "from": from, "to": to }));
        }
    };
    if let Some(kind) = c.kind {
        change("kind", json!(now.kind), json!(kind.as_str()));
    }
    if let Some(id) = &c.category_id {
        change("category_id", json!(now.category_id), json!(id));
    }
    if let Some(id) = &c.region_id {
        change("region_id", json!(now.region_id), json!(id));
    }
    if let Some(anonymous) = c.anonymous {
        change("anonymous", json!(now.anonymous), json!(anonymous));
    }
    if let Some(confidential) = c.confidential {
        change("confidential", json!(now.confidential), json!(confidential));
    }
    if changes.is_empty() {
        return Ok(());
    }
    tx.prepare_cached(
        "UPDATE reports SET kind = ?1, category_id = ?2, region_id = ?3, anonymous = ?4, confidential = ?5,
                updated_at = ?6 WHERE id = ?7",
    )?
    .execute(params![
        c.kind.map(Kind::as_str).unwrap_or(&now.kind),
        c.category_id.as_ref().or(now.category_id.as_ref()),
        c.region_id.as_ref().or(now.region_id.as_ref()),
        c.anonymous.unwrap_or(now.anonymous),
        c.confidential.unwrap_or(now.confidential),
        timestamp(at),
        report_id
    ])?;
    // The public search indexes only reports that are not confidential (migration 0002), staff search the others
    // in an index of their own (0010): a report made confidential moves from the one to the other, and back.
    let moves = match (now.confidential, c.confidential) {
        (false, Some(true)) => Some(("reports_fts", "reports_confidential_fts")),
        (true, Some(false)) => Some(("reports_confidential_fts", "reports_fts")),
        _ => None,
    };
    if let Some((from, to)) = moves {
        tx.execute(
            &format!("INSERT INTO {from} ({from}, rowid, title, body) SELECT 'delete', id, title, body FROM reports WHERE id = ?1"),
            [report_id],
        )?;
        tx.execute(
            &format!("INSERT INTO {to} (rowid, title, body) SELECT id, title, body FROM reports WHERE id = ?1"),
            [report_id],
        )?;
    }
    // The reason is the entry's message; what changed is its detail, which the console shows in words.
    let detail = json!({ "reason": c.reason, "changes": changes }).to_string();
    let record = AuditRecord {
        report_id: Some(report_id),
        at,
        action: "correct",
        status: None,
        message: Some(&c.reason),
        detail: Some(&detail),
    };
    audit::record(&tx, staff, &record)?;
    tx.commit()?;
    Ok(())
}

/// What a correction's audit `detail` (written above) says it changed, field by field.
pub fn changes_of(detail: &str) -> Vec<FieldChange> {
    let shown = |v: &serde_json::Value| match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    };
    let detail: serde_json::Value = serde_json::from_str(detail).unwrap_or_default();
    detail["changes"]
        .as_object()
        .map(|changes| {
            changes
                .iter()
                .map(|(field, v)| FieldChange {
                    field: field.clone(),
                    from: shown(&v["from"]),
                    to: shown(&v["to"]),
                })
                .collect()
        })
        .unwrap_or_default()
}
