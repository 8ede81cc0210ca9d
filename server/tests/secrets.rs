//! Secrets at rest, over real HTTP: a copy of the database gives away no access code, the replay store forgets
//! after a day, a database from before the key file is upgraded in place, and every file holding a secret is
//! readable by the server's user only.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use aduan_core::ticket::normalize_access_code;
use common::{valid_report, TestServer};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// How access codes were stored before the key file: SHA-256 of the normalised code, no key, no salt.
fn plain_hash(code: &str) -> String {
    hex_sha256(normalize_access_code(code).as_bytes())
}

async fn send(s: &TestServer, key: &str, body: &[u8]) -> reqwest::Response {
    s.post("/api/v1/reports")
        .header("idempotency-key", key)
        .header("content-type", "application/json")
        .body(body.to_vec())
        .send()
        .await
        .unwrap()
}

/// Every text and blob value of every table (FTS shadow tables included), with its table and column.
fn every_value(db: &Path) -> Vec<(String, String, Vec<u8>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut values = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns: Vec<String> = stmt.column_names().iter().map(ToString::to_string).collect();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for (i, column) in columns.iter().enumerate() {
                match row.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Text(b) | rusqlite::types::ValueRef::Blob(b) => {
                        values.push((table.clone(), column.clone(), b.to_vec()));
                    }
                    _ => {}
                }
            }
        }
    }
    values
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Fails if `secret` is anywhere in the database: in a value, or in the bytes of the files (free pages, WAL).
fn assert_nowhere(db: &Path, secret: &str, what: &str) {
    for (table, column, value) in every_value(db) {
        assert!(!contains(&value, secret), "{table}.{column} holds {what} {secret}");
    }
    let wal = db.with_extension("sqlite3-wal");
    for file in [db, wal.as_path()] {
        if let Ok(bytes) = std::fs::read(file) {
            assert!(!contains(&bytes, secret), "{} holds {what} {secret}", file.display());
        }
    }
}

async fn open_with_code(s: &TestServer, ticket: &str, code: &str) -> Value {
    let res = s
        .get_request(&format!("/api/v1/reports/{ticket}"))
        .header("x-access-code", code)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "the access code opens {ticket}");
    res.json().await.unwrap()
}

fn stored_hash(db: &Path, ticket: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT access_code_hash FROM reports WHERE ticket = ?1",
        [ticket],
        |r| r.get(0),
    )
    .unwrap()
}

#[tokio::test]
async fn a_copy_of_the_database_gives_away_no_access_code() {
    let s = TestServer::start(&[]).await;
    let mut sent = Vec::new();
    for (i, confidential) in [false, true, true].into_iter().enumerate() {
        let mut report = valid_report();
        report["confidential"] = json!(confidential);
        let body = serde_json::to_vec(&report).unwrap();
        let key = format!("kunci-idempotensi-{i}-7f3a9c");
        let res = send(&s, &key, &body).await;
        assert_eq!(res.status(), 201);
        let created: Value = res.json().await.unwrap();
        sent.push((key, body, created));
    }
    for (key, body, created) in &sent {
        let again = send(&s, key, body).await;
        assert_eq!(again.status(), 201);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(
            &again.json::<Value>().await.unwrap(),
            created,
            "the same ticket and access code"
        );
    }
    let db = s.db_path();
    for (key, _, created) in &sent {
        let (ticket, code) = (
            created["ticket"].as_str().unwrap(),
            created["access_code"].as_str().unwrap(),
        );
        assert_nowhere(&db, code, "the access code");
        assert_nowhere(&db, &normalize_access_code(code), "the normalised access code");
        assert_nowhere(&db, &plain_hash(code), "the unkeyed hash of the access code");
        assert_nowhere(&db, key, "the idempotency key");
        assert_ne!(stored_hash(&db, ticket), plain_hash(code));
        let view = open_with_code(&s, ticket, code).await;
        assert_eq!(view["title"], valid_report()["title"]);
    }
}

#[tokio::test]
async fn idempotency_keys_are_forgotten_after_a_day() {
    let s = TestServer::start(&[]).await;
    let body = serde_json::to_vec(&valid_report()).unwrap();
    let count = || -> i64 {
        let conn = rusqlite::Connection::open(s.db_path()).unwrap();
        conn.query_row("SELECT COUNT(*) FROM idempotency", [], |r| r.get(0))
            .unwrap()
    };
    let first: Value = send(&s, "kunci-lama", &body).await.json().await.unwrap();
    // An entry past the window is ignored even before a sweep deletes it: the key is new again.
    let day_ago = (chrono::Utc::now() - chrono::Duration::hours(25)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    rusqlite::Connection::open(s.db_path())
        .unwrap()
        .execute("UPDATE idempotency SET created_at = ?1", [&day_ago])
        .unwrap();
    let again = send(&s, "kunci-lama", &body).await;
    assert_eq!(again.status(), 201);
    assert!(again.headers().get("idempotent-replayed").is_none());
    let second: Value = again.json().await.unwrap();
    assert_ne!(first["ticket"], second["ticket"], "an expired key makes a new report");
    assert_eq!(count(), 1, "the expired entry was replaced");

    send(&s, "kunci-baru", &body).await;
    let now = chrono::Utc::now();
    aduan_server::sweep(&s.state, now).await.unwrap();
    assert_eq!(count(), 2, "fresh entries survive a sweep");
    aduan_server::sweep(&s.state, now + chrono::Duration::hours(23))
        .await
        .unwrap();
    assert_eq!(count(), 2, "still within the day");
    aduan_server::sweep(&s.state, now + chrono::Duration::hours(25))
        .await
        .unwrap();
    assert_eq!(count(), 0, "a sweep deletes entries older than a day");
}

/// What a database written before the key file looked like: idempotency answers with the access code in clear.
// A database of schema version 3 has none of the tables, columns and indexes of the later migrations either.
const OLD_IDEMPOTENCY: &str = "DROP TABLE idempotency; DROP TABLE secret_key_use;
DROP TABLE response_templates; DROP TABLE notes; DROP TABLE audit; DROP TABLE sessions; DROP TABLE account_agencies; DROP TABLE accounts;
DROP INDEX reports_next_due; DROP INDEX reports_agency_queue; DROP INDEX reports_unfinished_queue;
ALTER TABLE reports DROP COLUMN next_due; ALTER TABLE reports DROP COLUMN forwarded;
ALTER TABLE reports DROP COLUMN handed_back;
DROP TRIGGER reports_confidential_fts_insert; DROP TABLE reports_confidential_fts;
DROP INDEX reports_stats; DROP INDEX reports_duplicate_of; ALTER TABLE reports DROP COLUMN duplicate_of;
ALTER TABLE reports DROP COLUMN channel;
CREATE INDEX reports_stats ON reports(created_day, agency_id, status, kind, category_id, region_id, response_days,
    completion_days, responded_day, respond_due, escalated_day, completed_day, rating);
CREATE TABLE idempotency (
    key TEXT PRIMARY KEY,
    body_sha256 TEXT NOT NULL,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    access_code TEXT NOT NULL,
    created_at TEXT NOT NULL
);
PRAGMA user_version = 3;";

#[tokio::test]
async fn a_database_from_before_the_key_file_is_upgraded_and_its_codes_still_work() {
    let before = TestServer::start(&[]).await;
    let mut report = valid_report();
    report["confidential"] = json!(true);
    let body = serde_json::to_vec(&report).unwrap();
    let (ticket, code) = before.submit(|b| b["confidential"] = json!(true)).await;
    let (replayed_ticket, replayed_code) = before
        .submit(|b| b["title"] = json!("Dikirim ulang setelah pembaruan"))
        .await;
    let db = before.db_path();
    let data = before.data;
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(OLD_IDEMPOTENCY).unwrap();
        for (t, c) in [(&ticket, &code), (&replayed_ticket, &replayed_code)] {
            conn.execute(
                "UPDATE reports SET access_code_hash = ?1 WHERE ticket = ?2",
                [plain_hash(c), t.clone()],
            )
            .unwrap();
        }
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        conn.execute(
            "INSERT INTO idempotency (key, body_sha256, report_id, access_code, created_at)
             VALUES ('kunci-sebelum-pembaruan', ?1, (SELECT id FROM reports WHERE ticket = ?2), ?3, ?4)",
            [hex_sha256(&body), replayed_ticket.clone(), replayed_code.clone(), now],
        )
        .unwrap();
    }
    std::fs::remove_file(data.path().join("secret-key")).unwrap();

    let after = TestServer::start_in(data, &[]).await;
    assert_ne!(stored_hash(&db, &ticket), plain_hash(&code));
    let view = open_with_code(&after, &ticket, &code).await;
    assert_eq!(
        view["title"], report["title"],
        "the confidential text opens with the old code"
    );
    assert_nowhere(&db, &replayed_code, "the access code");
    assert_nowhere(&db, &plain_hash(&code), "the unkeyed hash of the access code");
    assert_nowhere(&db, "kunci-sebelum-pembaruan", "the idempotency key");
    // The replay entry written before the upgrade still answers within its day, from its sealed copy.
    let replay = send(&after, "kunci-sebelum-pembaruan", &body).await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    let created: Value = replay.json().await.unwrap();
    assert_eq!(
        (created["ticket"].as_str(), created["access_code"].as_str()),
        (Some(&*replayed_ticket), Some(&*replayed_code))
    );

    // The upgrade runs once: a second start does not key the keyed hashes again.
    let data = after.data;
    let again = TestServer::start_in(data, &[]).await;
    open_with_code(&again, &ticket, &code).await;
}

fn config(dir: &Path, extra: &[&str]) -> aduan_server::Config {
    let mut args = vec!["aduan-server", "--data", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    <aduan_server::Config as clap::Parser>::parse_from(args)
}

#[tokio::test]
async fn the_database_key_and_token_files_are_private_to_the_server_user() {
    let data = tempfile::tempdir().unwrap();
    let (_, state) = aduan_server::build(&config(data.path(), &[])).unwrap();
    for name in [
        "aduan.sqlite3",
        "aduan.sqlite3-wal",
        "aduan.sqlite3-shm",
        "secret-key",
        "operator-token",
    ] {
        let mode = std::fs::metadata(data.path().join(name)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name} has mode {mode:o}");
    }
    assert_eq!(std::fs::read(data.path().join("secret-key")).unwrap().len(), 32);
    drop(state);
}

#[tokio::test]
async fn a_missing_damaged_or_foreign_key_file_stops_the_start() {
    let data = tempfile::tempdir().unwrap();
    let key = data.path().join("secret-key");
    let (_, state) = aduan_server::build(&config(data.path(), &[])).unwrap();
    drop(state);
    let original = std::fs::read(&key).unwrap();

    std::fs::write(&key, b"too short").unwrap();
    let err = aduan_server::build(&config(data.path(), &[])).err().unwrap();
    assert!(err.contains("secret-key") && err.contains("32 bytes"), "{err}");

    std::fs::write(&key, [7u8; 32]).unwrap();
    let err = aduan_server::build(&config(data.path(), &[])).err().unwrap();
    assert!(err.contains("secret-key") && err.contains("backup"), "{err}");

    std::fs::remove_file(&key).unwrap();
    let err = aduan_server::build(&config(data.path(), &[])).err().unwrap();
    assert!(err.contains("secret-key") && err.contains("backup"), "{err}");
    assert!(!key.exists(), "no new key is made for a database keyed with another");

    std::fs::write(&key, &original).unwrap();
    assert!(aduan_server::build(&config(data.path(), &[])).is_ok());
}
