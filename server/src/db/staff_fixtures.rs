//! A database with reports in chosen states and staff accounts, for the staff modules' tests.

use aduan_core::{NewReport, Role, SlaRules, Status, WorkingCalendar};
use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::reports::insert_report;
use super::workflow::{apply_transition, Transition};
use super::Db;
use crate::crypto::{secure_random, Secrets};
use crate::staff::Staff;

pub fn database() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("aduan.sqlite3")).unwrap();
    crate::seed::ensure_reference_data(&db).unwrap();
    (dir, db)
}

pub fn calendar() -> WorkingCalendar {
    WorkingCalendar::indonesia()
}

pub fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// A report submitted at `created` (with the agency the citizen suggested, if any); returns its id.
pub fn submit(conn: &Connection, created: DateTime<Utc>, title: &str, agency: Option<&str>) -> i64 {
    let report: NewReport = serde_json::from_value(serde_json::json!({
        "kind": "complaint", "title": title, "body": format!("{title}, mohon ditindaklanjuti."),
        "incident_date": null, "category_id": "jalan", "region_id": "cempaka", "agency_id": agency,
    }))
    .unwrap();
    let secrets = Secrets::from_key(&[7; 32]);
    insert_report(
        conn,
        &secrets,
        &report,
        created,
        &calendar(),
        &SlaRules::default(),
        &mut secure_random,
    )
    .unwrap()
    .id
}

/// Moves a report as the operator API would.
pub fn step(conn: &Connection, id: i64, to: Status, agency: Option<&str>, at: DateTime<Utc>) {
    let t = Transition {
        to,
        at,
        actor: to.usual_actor(),
        message: Some("pesan"),
        agency_id: agency,
    };
    apply_transition(conn, id, &t, &calendar(), &SlaRules::default()).unwrap();
}

/// An account in the database and the `Staff` it signs in as.
pub fn account(conn: &Connection, username: &str, role: Role, agencies: &[&str]) -> Staff {
    conn.execute(
        "INSERT INTO accounts (username, display_name, role, created_at, updated_at)
         VALUES (?1, ?1 || ' Demo', ?2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        [username, role.as_str()],
    )
    .unwrap();
    let account_id = conn.last_insert_rowid();
    for a in agencies {
        conn.execute(
            "INSERT INTO account_agencies (account_id, agency_id) VALUES (?1, ?2)",
            rusqlite::params![account_id, a],
        )
        .unwrap();
    }
    Staff {
        account_id,
        username: username.into(),
        display_name: format!("{username} Demo"),
        role,
        agencies: agencies.iter().map(|a| a.to_string()).collect(),
    }
}

/// The public events of a report: (status, actor, kind).
pub fn events_of(conn: &Connection, id: i64) -> Vec<(String, String, String)> {
    conn.prepare("SELECT status, actor, kind FROM events WHERE report_id = ?1 ORDER BY at, id")
        .unwrap()
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}
