//! Staff accounts, sign-in and sessions over real HTTP.

mod common;

use aduan_core::Role;
use common::TestServer;
use serde_json::{json, Value};

const PASSWORD: &str = "kata-sandi-yang-panjang";

async fn sign_in_status(s: &TestServer, username: &str, password: &str) -> (u16, Value, reqwest::header::HeaderMap) {
    let res = s
        .post("/api/v1/staff/session")
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap();
    let (status, headers) = (res.status().as_u16(), res.headers().clone());
    (status, res.json().await.unwrap_or_default(), headers)
}

async fn session(s: &TestServer, token: &str) -> reqwest::Response {
    s.get_request("/api/v1/staff/session")
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

fn db(s: &TestServer) -> rusqlite::Connection {
    rusqlite::Connection::open(s.db_path()).unwrap()
}

#[tokio::test]
async fn a_signed_in_officer_gets_a_session_that_names_them_and_their_agencies() {
    let s = TestServer::start(&[]).await;
    s.create_account("petugas-a", Role::Officer, &["dinkes"], PASSWORD)
        .await;
    let (status, body, headers) = sign_in_status(&s, "Petugas-A", PASSWORD).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(headers["cache-control"], "no-store");
    let token = body["token"].as_str().unwrap();
    assert_eq!(token.len(), 43, "32 random bytes as base64url");
    assert_eq!(body["account"]["username"], "petugas-a");
    assert_eq!(body["account"]["role"], "officer");
    assert_eq!(
        body["account"]["agencies"],
        json!([{ "id": "dinkes", "name": "Dinas Kesehatan" }])
    );
    assert_eq!(body["account"]["disabled"], false);

    let res = session(&s, token).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let current: Value = res.json().await.unwrap();
    assert_eq!(current["account"], body["account"]);
    assert_eq!(current["expires_at"], body["expires_at"]);
    assert!(current.get("token").is_none(), "the token is given once: {current}");
    let expires: chrono::DateTime<chrono::Utc> = current["expires_at"].as_str().unwrap().parse().unwrap();
    let hours = (expires - chrono::Utc::now()).num_minutes() as f64 / 60.0;
    assert!((7.9..=8.0).contains(&hours), "{hours}");

    // Only a keyed hash of the token is stored.
    let stored: String = db(&s)
        .query_row("SELECT token_hash FROM sessions", [], |r| r.get(0))
        .unwrap();
    assert!(!stored.contains(token) && stored.len() == 64, "{stored}");
}

#[tokio::test]
async fn a_wrong_password_an_unknown_user_and_a_disabled_account_get_the_same_answer() {
    let s = TestServer::start(&[]).await;
    s.create_account("admin-a", Role::Admin, &[], PASSWORD).await;
    s.create_account("mantan", Role::Supervisor, &[], PASSWORD).await;
    db(&s)
        .execute("UPDATE accounts SET disabled = 1 WHERE username = 'mantan'", [])
        .unwrap();
    let wrong = sign_in_status(&s, "admin-a", "kata-sandi-yang-salah").await;
    let unknown = sign_in_status(&s, "tidak-ada", PASSWORD).await;
    let disabled = sign_in_status(&s, "mantan", PASSWORD).await;
    let service = sign_in_status(&s, "operator", "").await;
    for (status, body, headers) in [&wrong, &unknown, &disabled, &service] {
        assert_eq!(*status, 401, "{body}");
        assert_eq!(body, &wrong.1);
        assert_eq!(body["title"], "Wrong username or password");
        assert_eq!(headers["www-authenticate"], "Bearer");
    }
}

#[tokio::test]
async fn a_signed_out_or_expired_session_or_a_disabled_account_is_refused() {
    let s = TestServer::start(&[]).await;
    s.create_account("admin-a", Role::Admin, &[], PASSWORD).await;
    let first = s.sign_in("admin-a", PASSWORD).await;
    let second = s.sign_in("admin-a", PASSWORD).await;
    let third = s.sign_in("admin-a", PASSWORD).await;

    let out = s
        .http
        .delete(format!("{}/api/v1/staff/session", s.url))
        .bearer_auth(&first)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    let refused = session(&s, &first).await;
    assert_eq!(refused.status(), 401);
    assert_eq!(refused.headers()["www-authenticate"], "Bearer");
    assert_eq!(session(&s, &second).await.status(), 200, "other sessions go on");

    db(&s)
        .execute(
            "UPDATE sessions SET expires_at = '2020-01-01T00:00:00Z' WHERE token_hash <> (
                 SELECT token_hash FROM sessions ORDER BY created_at DESC, rowid DESC LIMIT 1)",
            [],
        )
        .unwrap();
    assert_eq!(session(&s, &second).await.status(), 401, "expired");
    assert_eq!(session(&s, &third).await.status(), 200);

    db(&s)
        .execute("UPDATE accounts SET disabled = 1 WHERE username = 'admin-a'", [])
        .unwrap();
    assert_eq!(session(&s, &third).await.status(), 401, "disabled");

    for token in ["", "not-a-session-token"] {
        assert_eq!(session(&s, token).await.status(), 401);
    }
    assert_eq!(s.get("/api/v1/staff/session").await.status(), 401, "no token");
}

#[tokio::test]
async fn the_operator_token_acts_as_the_service_account() {
    let s = TestServer::start(&[]).await;
    let res = session(&s, &s.token).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["account"]["username"], "operator");
    assert_eq!(body["account"]["role"], "admin");
    let hash: Option<String> = db(&s)
        .query_row(
            "SELECT password_hash FROM accounts WHERE username = 'operator'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hash, None, "the service account has no password");
}

#[tokio::test]
async fn demo_mode_creates_the_four_demo_accounts() {
    let s = TestServer::start(&["--demo", "--demo-reports", "0"]).await;
    for (username, password, role) in [
        ("admin", "demo-admin-2026", "admin"),
        ("pengawas", "demo-pengawas-2026", "supervisor"),
        ("petugas-pupr", "demo-petugas-2026", "officer"),
        ("petugas-dinkes", "demo-petugas-2026", "officer"),
    ] {
        let token = s.sign_in(username, password).await;
        let body: Value = session(&s, &token).await.json().await.unwrap();
        assert_eq!(body["account"]["role"], role);
    }
    let body: Value = session(&s, &s.sign_in("petugas-pupr", "demo-petugas-2026").await)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["account"]["display_name"], "Petugas PUPR Demo");
    assert_eq!(body["account"]["agencies"][0]["id"], "dinas-pupr");
}

async fn change_password(s: &TestServer, token: &str, current: &str, new: &str) -> (u16, Value) {
    let res = s
        .post("/api/v1/staff/session/password")
        .bearer_auth(token)
        .header("accept-language", "en")
        .json(&json!({ "current_password": current, "new_password": new }))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or_default())
}

#[tokio::test]
async fn a_password_change_refuses_the_old_password_and_ends_the_other_sessions() {
    let s = TestServer::start(&[]).await;
    s.create_account("budi", Role::Officer, &["dinkes"], PASSWORD).await;
    let here = s.sign_in("budi", PASSWORD).await;
    let elsewhere = s.sign_in("budi", PASSWORD).await;
    let new = "kata-sandi-baru-yang-panjang";

    let (status, body) = change_password(&s, &here, "bukan-kata-sandinya", new).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("current_password")),
        "{body}"
    );
    assert_eq!(body["errors"][0]["code"], "wrong");
    let (status, body) = change_password(&s, &here, PASSWORD, "pendek").await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (422, Some("too_short")),
        "{body}"
    );
    let (status, body) = change_password(&s, &here, PASSWORD, "BUDI").await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = change_password(&s, &here, PASSWORD, "budi        ").await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (422, Some("same_as_username")),
        "{body}"
    );
    assert_eq!(
        session(&s, &elsewhere).await.status(),
        200,
        "refused changes end nothing"
    );

    let (status, body) = change_password(&s, &here, PASSWORD, new).await;
    assert_eq!(status, 204, "{body}");
    assert_eq!(
        session(&s, &here).await.status(),
        200,
        "the session that changed it goes on"
    );
    assert_eq!(session(&s, &elsewhere).await.status(), 401, "every other session ends");
    assert_eq!(
        sign_in_status(&s, "budi", PASSWORD).await.0,
        401,
        "the old password is refused"
    );
    s.sign_in("budi", new).await;
    let audit: (String, String, String) = db(&s)
        .query_row(
            "SELECT a.username, audit.role, audit.detail FROM audit JOIN accounts a ON a.id = audit.account_id
             WHERE action = 'password_changed'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((audit.0.as_str(), audit.1.as_str()), ("budi", "officer"));
    assert!(audit.2.contains("budi") && !audit.2.contains(new), "{}", audit.2);

    let (status, _) = change_password(&s, &s.token, "", new).await;
    assert_eq!(status, 422, "the service account has no password to change");
}

#[tokio::test]
async fn failed_sign_ins_lock_the_account_with_retry_after_and_a_success_clears_them() {
    let s = TestServer::start(&[]).await;
    s.create_account("admin-a", Role::Admin, &[], PASSWORD).await;
    for _ in 0..4 {
        assert_eq!(sign_in_status(&s, "admin-a", "salah-salah-salah").await.0, 401);
    }
    s.sign_in("admin-a", PASSWORD).await;
    for _ in 0..5 {
        assert_eq!(
            sign_in_status(&s, "admin-a", "salah-salah-salah").await.0,
            401,
            "the success cleared the earlier failures"
        );
    }
    let (status, body, headers) = sign_in_status(&s, "ADMIN-A", PASSWORD).await;
    assert_eq!(status, 429, "locked, even with the right password: {body}");
    let wait: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=30).contains(&wait), "{wait}");
    assert!(body["detail"].as_str().unwrap().contains("sign-ins"), "{body}");
    // Other accounts are not locked by this one's failures.
    s.create_account("admin-b", Role::Admin, &[], PASSWORD).await;
    s.sign_in("admin-b", PASSWORD).await;
}

#[tokio::test]
async fn failed_sign_ins_over_many_usernames_lock_the_client() {
    let s = TestServer::start(&["--sign-in-failures-per-client", "6"]).await;
    s.create_account("admin-a", Role::Admin, &[], PASSWORD).await;
    for i in 0..6 {
        let (status, body, _) = sign_in_status(&s, &format!("tebakan-{i}"), PASSWORD).await;
        assert_eq!(status, 401, "{body}");
    }
    let (status, _, headers) = sign_in_status(&s, "admin-a", PASSWORD).await;
    assert_eq!(status, 429, "the client is locked whichever account it names");
    assert!(headers.contains_key("retry-after"));
}

#[tokio::test]
async fn the_sweep_deletes_sessions_a_day_after_they_ended() {
    let s = TestServer::start(&[]).await;
    s.create_account("admin-a", Role::Admin, &[], PASSWORD).await;
    let token = s.sign_in("admin-a", PASSWORD).await;
    let count = |s: &TestServer| -> i64 {
        db(s)
            .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
            .unwrap()
    };
    aduan_server::sweep(&s.state, chrono::Utc::now()).await.unwrap();
    assert_eq!(count(&s), 1, "a live session is kept");
    assert_eq!(session(&s, &token).await.status(), 200);
    aduan_server::sweep(&s.state, chrono::Utc::now() + chrono::Duration::hours(8 + 25))
        .await
        .unwrap();
    assert_eq!(count(&s), 0);
}

/// Runs `aduan-server create-admin` on `data`, the password from `env_password` or else standard input.
fn create_admin(data: &std::path::Path, extra: &[&str], env_password: Option<&str>, stdin: &str) -> (bool, String) {
    use std::io::Write;
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_aduan-server"));
    command
        .args([
            "create-admin",
            "--data",
            data.to_str().unwrap(),
            "--username",
            "kepala-dinas",
        ])
        .args(["--display-name", "Kepala Diskominfo"])
        .args(extra)
        .env_remove("ADUAN_ADMIN_PASSWORD")
        .env_remove("ADUAN_DATA")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if let Some(p) = env_password {
        command.env("ADUAN_ADMIN_PASSWORD", p);
    }
    let mut child = command.spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[tokio::test]
async fn create_admin_makes_the_first_administrator_and_resets_only_when_asked() {
    let data = tempfile::tempdir().unwrap();
    let (ok, out) = create_admin(data.path(), &[], Some(PASSWORD), "");
    assert!(ok, "{out}");
    let (ok, out) = create_admin(data.path(), &[], None, "kata-sandi-kedua-panjang\n");
    assert!(!ok, "an existing username is refused: {out}");
    assert!(out.contains("--reset-password"), "{out}");
    let (ok, out) = create_admin(data.path(), &[], None, "pendek\n");
    assert!(!ok && out.contains("at least 12"), "{out}");
    let (ok, reset) = create_admin(data.path(), &["--reset-password"], None, "kata-sandi-kedua-panjang\n");
    assert!(ok, "{reset}");
    for text in [&out, &reset] {
        assert!(!text.contains(PASSWORD) && !text.contains("kata-sandi-kedua") && !text.contains("$argon2"));
    }

    let s = TestServer::start_in(data, &[]).await;
    assert_eq!(
        sign_in_status(&s, "kepala-dinas", PASSWORD).await.0,
        401,
        "the old password was replaced"
    );
    let token = s.sign_in("kepala-dinas", "kata-sandi-kedua-panjang").await;
    let body: Value = session(&s, &token).await.json().await.unwrap();
    assert_eq!(body["account"]["role"], "admin");
    assert_eq!(body["account"]["display_name"], "Kepala Diskominfo");
    let actions: Vec<String> = db(&s)
        .prepare("SELECT action FROM audit ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(actions, ["account_created", "account_password_reset"]);
}

#[test]
fn the_server_started_as_before_with_demo_prints_the_demo_accounts() {
    use std::io::BufRead;
    let data = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_aduan-server"))
        .args(["--addr", "127.0.0.1:0", "--data", data.path().to_str().unwrap()])
        .args(["--demo", "--demo-reports", "0"])
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = String::new();
    // Ends when the last demo account is printed (or the server exits); no time bound is asserted.
    while !seen.contains("petugas-dinkes / demo-petugas-2026") {
        match lines.next() {
            Some(Ok(line)) => seen.push_str(&(line + "\n")),
            _ => break,
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    for line in [
        "admin / demo-admin-2026 (admin)",
        "pengawas / demo-pengawas-2026 (supervisor)",
        "petugas-pupr / demo-petugas-2026 (officer, dinas-pupr)",
        "petugas-dinkes / demo-petugas-2026 (officer, dinkes)",
    ] {
        assert!(seen.contains(line), "{line} in {seen}");
    }
    assert!(seen.contains("/petugas"), "{seen}");
}
