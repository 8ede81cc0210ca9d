//! The writes that matter most, under the rules of group commit and bounded retries, on a real schema.

use aduan_core::{NewReport, SlaRules, WorkingCalendar};
use axum::http::StatusCode;
use chrono::Utc;
use rusqlite::Connection;

use super::attachments;
use super::reports::{insert_report, submit, Retry, SubmitError};
use super::writer::{job, run_batch};
use super::Db;
use crate::crypto::Secrets;
use crate::problem::ApiError;

fn database() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("aduan.sqlite3")).unwrap();
    crate::seed::ensure_reference_data(&db).unwrap();
    (dir, db)
}

fn report(attachment_ids: &[&str]) -> NewReport {
    serde_json::from_value(serde_json::json!({
        "kind": "complaint", "title": "Lampu jalan mati", "body": "Sudah seminggu lampu jalan mati.",
        "incident_date": null, "category_id": "jalan", "region_id": "cempaka",
        "attachment_ids": attachment_ids,
    }))
    .unwrap()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A submission as `POST /reports` makes it, its refusals told apart by their titles.
fn submission(
    report: NewReport,
    key: Option<(&'static str, &'static str)>,
) -> impl FnOnce(&mut Connection) -> Result<String, ApiError> + Send + 'static {
    move |conn| {
        let retry = key.map(|(key, body_sha256)| Retry { key, body_sha256 });
        let cal = WorkingCalendar::indonesia();
        let secrets = Secrets::from_key(&[7; 32]);
        match submit(
            conn,
            &secrets,
            &report,
            None,
            retry,
            Utc::now(),
            &cal,
            &SlaRules::default(),
        ) {
            Ok((created, _)) => Ok(created.ticket),
            Err(SubmitError::KeyReused) => Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "key reused")),
            Err(SubmitError::AttachmentTaken) => {
                Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "attachment taken"))
            }
            Err(SubmitError::Db(e)) => Err(e.into()),
        }
    }
}

fn title<T>(answer: Result<T, ApiError>) -> String {
    answer.err().map_or_else(|| "ok".to_string(), |e| e.0.title)
}

#[test]
fn refused_submissions_in_a_batch_leave_the_others_of_that_batch_committed() {
    let (_dir, db) = database();
    let upload = aduan_core::Attachment {
        id: "a1".into(),
        name: "foto.png".into(),
        size: 3,
        content_type: "image/png".into(),
    };
    db.with_writer(|conn| attachments::insert(conn, &upload, "abc", Utc::now()))
        .unwrap();

    let (first, first_answer) = job(submission(report(&["a1"]), Some(("key-1", "body-1"))));
    let (reused, reused_answer) = job(submission(report(&[]), Some(("key-1", "body-2"))));
    let (taken, taken_answer) = job(submission(report(&["a1"]), None));
    let (last, last_answer) = job(submission(report(&[]), None));
    db.with_writer(|conn| {
        run_batch(conn, vec![first, reused, taken, last]);
        Ok(())
    })
    .unwrap();

    let first_ticket = first_answer.blocking_recv().unwrap().unwrap();
    assert_eq!(title(reused_answer.blocking_recv().unwrap()), "key reused");
    assert_eq!(title(taken_answer.blocking_recv().unwrap()), "attachment taken");
    let last_ticket = last_answer.blocking_recv().unwrap().unwrap();
    db.with_writer(|conn| {
        assert_eq!(count(conn, "SELECT COUNT(*) FROM reports"), 2);
        assert_eq!(count(conn, "SELECT COUNT(*) FROM idempotency"), 1);
        let owner: String = conn.query_row(
            "SELECT r.ticket FROM attachments a JOIN reports r ON r.id = a.report_id WHERE a.id = 'a1'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(owner, first_ticket);
        assert_ne!(first_ticket, last_ticket);
        Ok(())
    })
    .unwrap();
}

#[test]
fn a_taken_ticket_is_drawn_again_a_few_times_and_then_the_insert_fails() {
    let (_dir, db) = database();
    let (cal, sla) = (WorkingCalendar::indonesia(), SlaRules::default());
    let secrets = Secrets::from_key(&[7; 32]);
    db.with_writer(|conn| {
        let first = insert_report(conn, &secrets, &report(&[]), Utc::now(), &cal, &sla, &mut || 7)?;
        // The access code, then a ticket that is taken twice, then a free one.
        let mut draws = [7, 7, 7, 8].into_iter();
        let second = insert_report(conn, &secrets, &report(&[]), Utc::now(), &cal, &sla, &mut || {
            draws.next().unwrap()
        })?;
        assert_ne!(first.ticket, second.ticket);
        // A source that only ever gives a taken ticket (a stand-in for a constraint that never passes).
        let stuck = insert_report(conn, &secrets, &report(&[]), Utc::now(), &cal, &sla, &mut || 7);
        let code = stuck.err().and_then(|e| e.sqlite_error_code());
        assert_eq!(code, Some(rusqlite::ErrorCode::ConstraintViolation));
        assert_eq!(count(conn, "SELECT COUNT(*) FROM reports"), 2);
        Ok(())
    })
    .unwrap();
}
