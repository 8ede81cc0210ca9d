use aduan_core::{Kind, ReportCorrection, Role, SlaRules, Status, StepAction};
use rusqlite::Connection;

use super::super::staff_corrections::{correct, CorrectionError};
use super::super::staff_fixtures::{account, at, calendar, database, events_of, step, submit};
use super::super::workflow::event_kind;
use super::{add_note, find, take_step, view, Step, StepError};
use crate::staff::Staff;

fn ticket_of(conn: &Connection, id: i64) -> String {
    conn.query_row("SELECT ticket FROM reports WHERE id = ?1", [id], |r| r.get(0))
        .unwrap()
}

fn take(
    conn: &mut Connection,
    staff: &Staff,
    id: i64,
    action: StepAction,
    agency: Option<&str>,
) -> Result<(), StepError> {
    take_at(conn, staff, id, action, agency, "2026-03-05T03:00:00Z")
}

fn take_at(
    conn: &mut Connection,
    staff: &Staff,
    id: i64,
    action: StepAction,
    agency: Option<&str>,
    when: &str,
) -> Result<(), StepError> {
    let found = find(conn, staff, &ticket_of(conn, id)).unwrap();
    let step = Step {
        action,
        message: action.needs_message().then_some("Pesan untuk pelapor"),
        agency_id: agency,
        at: at(when),
    };
    take_step(conn, staff, &found, &step, &calendar(), &SlaRules::default())
}

#[test]
fn event_kinds_tell_a_hand_back_and_a_follow_up_from_status_steps() {
    use Status::*;
    assert_eq!(event_kind(Dispositioned, Verified, false), "hand_back");
    assert_eq!(event_kind(InProgress, InProgress, true), "follow_up");
    assert_eq!(event_kind(Escalated, InProgress, true), "follow_up");
    assert_eq!(
        event_kind(Escalated, InProgress, false),
        "status",
        "the initial response of an escalated report"
    );
    assert_eq!(event_kind(Submitted, Verified, false), "status");
    assert_eq!(event_kind(Dispositioned, InProgress, false), "status");
}

#[test]
fn an_officer_finds_only_reports_forwarded_to_their_agencies_and_others_look_unknown() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        let suggested = submit(conn, at("2026-03-02T02:00:00Z"), "saran warga", Some("dinkes"));
        let forwarded = submit(conn, at("2026-03-02T02:00:00Z"), "diteruskan", None);
        step(conn, forwarded, Status::Verified, None, at("2026-03-02T03:00:00Z"));
        step(
            conn,
            forwarded,
            Status::Dispositioned,
            Some("dinkes"),
            at("2026-03-02T04:00:00Z"),
        );
        let dinkes = account(conn, "petugas-dinkes", Role::Officer, &["dinkes"]);
        let pupr = account(conn, "petugas-pupr", Role::Officer, &["dinas-pupr"]);
        let unknown = find(conn, &dinkes, "AAAAAAAA").err().unwrap();
        for (who, id) in [(&dinkes, suggested), (&pupr, forwarded)] {
            let refused = find(conn, who, &ticket_of(conn, id)).err().unwrap();
            assert_eq!(
                serde_json::to_string(&refused.0).unwrap(),
                serde_json::to_string(&unknown.0).unwrap()
            );
        }
        assert!(find(conn, &dinkes, &ticket_of(conn, forwarded)).is_ok());
        Ok(())
    })
    .unwrap();
}

#[test]
fn a_hand_back_returns_the_report_to_the_administrator_and_a_new_forward_keeps_the_citizens_deadline() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        let admin = account(conn, "admin", Role::Admin, &[]);
        let pupr = account(conn, "petugas-pupr", Role::Officer, &["dinas-pupr"]);
        let id = submit(conn, at("2026-03-02T02:00:00Z"), "Jalan berlubang", None);
        take(conn, &admin, id, StepAction::Verify, None).unwrap();
        take(conn, &admin, id, StepAction::Forward, Some("dinas-pupr")).unwrap();
        let (respond_due, verified_day): (String, String) = conn.query_row(
            "SELECT respond_due, verified_day FROM reports WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        take_at(conn, &pupr, id, StepAction::HandBack, None, "2026-03-09T03:00:00Z").unwrap();
        assert!(
            find(conn, &pupr, &ticket_of(conn, id)).is_err(),
            "no longer the agency's"
        );
        let seen = view(conn, &admin, id)?;
        assert!(seen.handed_back);
        assert_eq!(seen.report.status, Status::Verified);
        assert_eq!(seen.steps, [StepAction::Forward]);
        take_at(
            conn,
            &admin,
            id,
            StepAction::Forward,
            Some("dinkes"),
            "2026-03-10T03:00:00Z",
        )
        .unwrap();
        let after: (String, String, bool) = conn.query_row(
            "SELECT respond_due, verified_day, handed_back FROM reports WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        assert_eq!(after, (respond_due, verified_day, false));
        let kinds: Vec<String> = events_of(conn, id).into_iter().map(|e| e.2).collect();
        assert_eq!(kinds, ["status", "status", "status", "hand_back", "status"]);
        let audit: Vec<(String, String, i64)> = conn
            .prepare("SELECT action, role, account_id FROM audit WHERE report_id = ?1 ORDER BY id")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        assert_eq!(
            audit,
            [
                ("verify".into(), "admin".into(), admin.account_id),
                ("forward".into(), "admin".into(), admin.account_id),
                ("hand_back".into(), "officer".into(), pupr.account_id),
                ("forward".into(), "admin".into(), admin.account_id),
            ]
        );
        Ok(())
    })
    .unwrap();
}

#[test]
fn a_step_not_legal_now_changes_nothing() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        let pupr = account(conn, "petugas-pupr", Role::Officer, &["dinas-pupr"]);
        let id = submit(conn, at("2026-03-02T02:00:00Z"), "Jalan berlubang", None);
        step(conn, id, Status::Verified, None, at("2026-03-02T03:00:00Z"));
        step(
            conn,
            id,
            Status::Dispositioned,
            Some("dinas-pupr"),
            at("2026-03-02T04:00:00Z"),
        );
        let before = events_of(conn, id).len();
        assert_eq!(
            take(conn, &pupr, id, StepAction::Complete, None),
            Err(StepError::NotNow {
                from: Status::Dispositioned
            })
        );
        take(conn, &pupr, id, StepAction::InitialResponse, None).unwrap();
        take(conn, &pupr, id, StepAction::FollowUp, None).unwrap();
        take(conn, &pupr, id, StepAction::Complete, None).unwrap();
        let events = events_of(conn, id);
        assert_eq!(events.len(), before + 3);
        assert_eq!(
            events[before + 1],
            ("in_progress".into(), "agency".into(), "follow_up".into())
        );
        let audits: i64 = conn.query_row("SELECT COUNT(*) FROM audit WHERE report_id = ?1", [id], |r| r.get(0))?;
        assert_eq!(audits, 3, "the refused step left no audit row");
        Ok(())
    })
    .unwrap();
}

#[test]
fn notes_and_corrections_write_audit_rows_and_no_public_event() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        let admin = account(conn, "admin", Role::Admin, &[]);
        let id = submit(conn, at("2026-03-02T02:00:00Z"), "Jalan berlubang", None);
        let events = events_of(conn, id);
        add_note(conn, &admin, id, "Sudah ditelepon", at("2026-03-02T05:00:00Z"))?;
        let correction = ReportCorrection {
            kind: Some(Kind::Aspiration),
            region_id: Some("cempaka".into()),
            reason: "Bukan pengaduan".into(),
            ..Default::default()
        };
        correct(conn, &admin, id, &correction, at("2026-03-02T06:00:00Z")).unwrap();
        assert_eq!(events_of(conn, id), events, "nothing public");
        let seen = view(conn, &admin, id)?;
        assert_eq!(seen.report.kind, Kind::Aspiration);
        assert_eq!(seen.notes.len(), 1);
        assert_eq!(
            (seen.notes[0].role, seen.notes[0].text.as_str()),
            (Role::Admin, "Sudah ditelepon")
        );
        let actions: Vec<(&str, &str)> = seen
            .audit
            .iter()
            .map(|a| (a.action.as_str(), a.username.as_str()))
            .collect();
        assert_eq!(actions, [("note", "admin"), ("correct", "admin")]);
        assert!(seen.audit[1].message.as_deref().unwrap().starts_with("Bukan pengaduan"));
        let changed: Vec<_> = seen.audit[1]
            .changes
            .iter()
            .map(|c| (c.field.as_str(), c.from.as_deref(), c.to.as_deref()))
            .collect();
        assert!(
            changed.contains(&("kind", Some("complaint"), Some("aspiration"))),
            "{changed:?}"
        );
        assert!(
            changed.iter().all(|(field, ..)| *field != "region_id"),
            "an unchanged field is not a change: {changed:?}"
        );
        let unknown = ReportCorrection {
            category_id: Some("tidak-ada".into()),
            reason: "x".into(),
            ..Default::default()
        };
        assert!(matches!(
            correct(conn, &admin, id, &unknown, at("2026-03-02T07:00:00Z")),
            Err(CorrectionError::UnknownCategory)
        ));
        Ok(())
    })
    .unwrap();
}

#[test]
fn a_report_made_confidential_leaves_the_public_search() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        let admin = account(conn, "admin", Role::Admin, &[]);
        let id = submit(conn, at("2026-03-02T02:00:00Z"), "Pungutan liar kelurahan", None);
        let found = |conn: &Connection| -> i64 {
            conn.query_row(
                "SELECT COUNT(*) FROM reports_fts WHERE reports_fts MATCH '\"pungutan\"*'",
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(found(conn), 1);
        let hide = ReportCorrection {
            confidential: Some(true),
            reason: "Menyangkut identitas pelapor".into(),
            ..Default::default()
        };
        correct(conn, &admin, id, &hide, at("2026-03-02T06:00:00Z")).unwrap();
        assert_eq!(found(conn), 0);
        let show = ReportCorrection {
            confidential: Some(false),
            ..hide
        };
        correct(conn, &admin, id, &show, at("2026-03-02T07:00:00Z")).unwrap();
        assert_eq!(found(conn), 1);
        Ok(())
    })
    .unwrap();
}
