//! What survives a crash and what does not pile up: durable commits of every acknowledged write, attachment
//! files that are repaired when found damaged, orphan uploads that are swept, and a report insert that gives
//! up with a 500 problem instead of retrying forever.

mod common;

use std::time::Duration;

use common::{valid_report, TestServer, PNG};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A PNG whose bytes (and so whose stored file) differ by `n`.
fn png(n: u8) -> Vec<u8> {
    [PNG, &[n]].concat()
}

#[tokio::test]
async fn the_writer_commits_with_synchronous_full() {
    let s = TestServer::start(&[]).await;
    let synchronous: i64 = s
        .state
        .db
        .with_writer(|conn| conn.pragma_query_value(None, "synchronous", |r| r.get(0)))
        .unwrap();
    assert_eq!(
        synchronous, 2,
        "FULL: a commit is on disk before its caller hears of it"
    );
}

#[tokio::test]
async fn concurrent_submissions_all_get_distinct_tickets_and_are_all_stored() {
    // 120 connections from one address: more than the default per-client cap, which is not under test here.
    let s = TestServer::start(&["--rate-limit", "0", "--max-connections-per-client", "0"]).await;
    let sends = (0..120).map(|i| {
        let (http, url) = (s.http.clone(), s.url.clone());
        tokio::spawn(async move {
            let mut body = valid_report();
            body["title"] = json!(format!("Laporan serentak nomor {i}"));
            let res = http
                .post(format!("{url}/api/v1/reports"))
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            let created: Value = res.json().await.unwrap();
            (i, created["ticket"].as_str().unwrap().to_string())
        })
    });
    let mut tickets = Vec::new();
    for send in sends.collect::<Vec<_>>() {
        tickets.push(send.await.unwrap());
    }
    let distinct: std::collections::HashSet<_> = tickets.iter().map(|(_, t)| t.clone()).collect();
    assert_eq!(distinct.len(), 120);
    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    for (i, ticket) in &tickets {
        let title: String = conn
            .query_row("SELECT title FROM reports WHERE ticket = ?1", [ticket], |r| r.get(0))
            .unwrap();
        assert_eq!(title, format!("Laporan serentak nomor {i}"));
    }
}

#[tokio::test]
async fn a_damaged_file_at_the_hash_path_is_rewritten_by_the_next_upload_of_that_content() {
    let s = TestServer::start(&[]).await;
    let dir = s.data.path().join("attachments");
    std::fs::create_dir_all(&dir).unwrap();
    let (empty, corrupt) = (png(1), png(2));
    // What a crash between create and write leaves behind, and a file of the right size with other bytes.
    std::fs::write(dir.join(sha256_hex(&empty)), b"").unwrap();
    let mut garbage = corrupt.clone();
    garbage[9] ^= 0xFF;
    std::fs::write(dir.join(sha256_hex(&corrupt)), &garbage).unwrap();

    for bytes in [empty, corrupt] {
        let id = s.upload(bytes.clone()).await;
        let (ticket, code) = s.submit(|b| b["attachment_ids"] = json!([id])).await;
        let file = s
            .get_request(&format!("/api/v1/reports/{ticket}/attachments/{id}"))
            .header("x-access-code", &code)
            .send()
            .await
            .unwrap();
        assert_eq!(file.status(), 200);
        assert_eq!(file.bytes().await.unwrap().as_ref(), bytes.as_slice());
        assert_eq!(std::fs::read(dir.join(sha256_hex(&bytes))).unwrap(), bytes);
    }
}

#[tokio::test]
async fn a_sweep_removes_uploads_left_unattached_for_a_day_and_keeps_the_rest() {
    let s = TestServer::start(&[]).await;
    let dir = s.data.path().join("attachments");
    let attached = s.upload(png(1)).await;
    s.submit(|b| b["attachment_ids"] = json!([attached])).await;
    let fresh = s.upload(png(2)).await;
    let old = s.upload(png(3)).await;
    // An old orphan whose content an attached upload also has: its row goes, the shared file stays.
    let old_shared = s.upload(png(1)).await;
    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    let two_days_ago =
        (chrono::Utc::now() - chrono::Duration::hours(48)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    for id in [&old, &old_shared] {
        conn.execute(
            "UPDATE attachments SET created_at = ?1 WHERE id = ?2",
            [&two_days_ago, id],
        )
        .unwrap();
    }

    // What a crash in the middle of writing an upload leaves behind.
    let stray = dir.join(format!("{}.5eed.tmp", sha256_hex(&png(4))));
    std::fs::write(&stray, &png(4)[..5]).unwrap();

    aduan_server::sweep(&s.state, chrono::Utc::now()).await.unwrap();

    let ids: Vec<String> = conn
        .prepare("SELECT id FROM attachments ORDER BY created_at")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut expected = vec![attached.clone(), fresh.clone()];
    expected.sort();
    let mut kept = ids.clone();
    kept.sort();
    assert_eq!(kept, expected);
    assert!(
        dir.join(sha256_hex(&png(1))).exists(),
        "an attached upload keeps its file"
    );
    assert!(dir.join(sha256_hex(&png(2))).exists(), "a fresh upload keeps its file");
    assert!(
        !dir.join(sha256_hex(&png(3))).exists(),
        "an old orphan's file is deleted"
    );
}

#[test]
fn a_report_that_cannot_be_inserted_is_a_500_problem_not_an_endless_retry() {
    // A runtime of our own, shut down without waiting: before the fix the insert loops forever on a blocking
    // thread, and the test must fail rather than hang on that thread.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let outcome = runtime.block_on(async {
        let s = TestServer::start(&[]).await;
        rusqlite::Connection::open(s.db_path())
            .unwrap()
            .execute_batch(
                "CREATE TRIGGER refuse_reports BEFORE INSERT ON reports BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let send = s.post("/api/v1/reports").json(&valid_report()).send();
        let res = tokio::time::timeout(Duration::from_secs(60), send).await.ok()?.unwrap();
        let content_type = res.headers()["content-type"].to_str().unwrap().to_string();
        let problem: Value = res.json().await.unwrap();
        Some((content_type, problem))
    });
    runtime.shutdown_background();
    let (content_type, problem) = outcome.expect("an answer within a minute");
    assert_eq!(problem["status"], 500, "{problem}");
    assert_eq!(content_type, "application/problem+json");
}
