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
