//! Staff accounts managed over HTTP by administrators, and what no answer or log line may ever carry.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use aduan_core::Role;
use common::TestServer;
use serde_json::{json, Value};

const PASSWORD: &str = "kata-sandi-admin-panjang";
const NEW_PASSWORD: &str = "kata-sandi-petugas-baru";

/// Everything the server logs in this test binary, at every level (tests run in parallel and share it).
fn captured_log() -> Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = log.clone();
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
            .with_ansi(false)
            .with_writer(move || Sink(sink.clone()))
            .init();
        log
    })
    .clone()
}

struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Sends `method path` with `token` and `body`; returns the status and the JSON answer.
async fn call(s: &TestServer, method: &str, path: &str, token: &str, body: Option<Value>) -> (u16, Value) {
    let res = s.staff_call(method, path, token, body).await;
    assert_eq!(res.headers()["cache-control"], "no-store");
    (res.status().as_u16(), res.json().await.unwrap_or_default())
}

fn new_officer(username: &str) -> Value {
    json!({
        "username": username, "display_name": "Petugas Baru", "role": "officer",
        "agency_ids": ["dinkes"], "password": NEW_PASSWORD,
    })
}

/// The field and code of each error of a 422.
fn errors(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|e| (e["field"].as_str().unwrap().into(), e["code"].as_str().unwrap().into()))
                .collect()
        })
        .unwrap_or_default()
}

async fn admin_server() -> (TestServer, String) {
    let s = TestServer::start(&[]).await;
    s.create_account("kepala", Role::Admin, &[], PASSWORD).await;
    let token = s.sign_in("kepala", PASSWORD).await;
    (s, token)
}

#[tokio::test]
async fn an_admin_creates_changes_and_disables_accounts_and_each_action_is_audited() {
    let log = captured_log();
    let (s, admin) = admin_server().await;
    let (status, created) = call(&s, "POST", "/accounts", &admin, Some(new_officer("siti.r"))).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(
        created["agencies"],
        json!([{ "id": "dinkes", "name": "Dinas Kesehatan" }])
    );
    let siti = s.sign_in("siti.r", NEW_PASSWORD).await;

    let change = json!({ "display_name": "Siti Rahma", "agency_ids": ["dinkes", "dinas-pupr"] });
    let (status, changed) = call(&s, "PATCH", "/accounts/siti.r", &admin, Some(change)).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["display_name"], "Siti Rahma");
    assert_eq!(changed["agencies"].as_array().unwrap().len(), 2);
    let (status, _) = call(&s, "GET", "/session", &siti, None).await;
    assert_eq!(status, 200, "a change of name or agencies keeps the sessions");

    let reset = json!({ "password": "kata-sandi-dari-admin" });
    assert_eq!(call(&s, "PATCH", "/accounts/siti.r", &admin, Some(reset)).await.0, 200);
    assert_eq!(
        call(&s, "GET", "/session", &siti, None).await.0,
        401,
        "a new password ends the sessions"
    );
    let siti = s.sign_in("siti.r", "kata-sandi-dari-admin").await;

    let (status, disabled) = call(
        &s,
        "PATCH",
        "/accounts/siti.r",
        &admin,
        Some(json!({ "disabled": true })),
    )
    .await;
    assert_eq!((status, &disabled["disabled"]), (200, &json!(true)));
    assert_eq!(
        call(&s, "GET", "/session", &siti, None).await.0,
        401,
        "disabling ends the sessions"
    );

    let (status, list) = call(&s, "GET", "/accounts", &admin, None).await;
    assert_eq!(status, 200);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["kepala", "operator", "siti.r"]);

    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    let audit: Vec<(String, String, String, Option<i64>, String)> = conn
        .prepare(
            "SELECT a.username, audit.role, audit.action, audit.report_id, audit.detail
             FROM audit JOIN accounts a ON a.id = audit.account_id ORDER BY audit.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|a| a.2.as_str()).collect();
    assert_eq!(
        actions,
        [
            "account_created",
            "account_changed",
            "account_changed",
            "account_disabled"
        ]
    );
    for (by, role, _, report, detail) in &audit {
        assert_eq!((by.as_str(), role.as_str(), *report), ("kepala", "admin", None));
        let detail: Value = serde_json::from_str(detail).unwrap();
        assert_eq!(detail["account"], "siti.r", "{detail}");
    }
    assert!(audit[2].4.contains("password") && !audit[2].4.contains("kata-sandi-dari-admin"));

    // A password typed into the username field, and a wrong password for a real account, are not logged either.
    for (username, password) in [(NEW_PASSWORD, NEW_PASSWORD), ("siti.r", "kata-sandi-yang-keliru")] {
        let res = s
            .post("/api/v1/staff/session")
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
    }
    // Nothing any of these answers or log lines carries is a password or its hash.
    let answers = [&created, &changed, &disabled, &list].map(Value::to_string).join("\n");
    let log = String::from_utf8_lossy(&log.lock().unwrap()).to_string();
    assert!(log.contains("staff account created"), "the log is captured");
    assert!(log.contains("failed staff sign-in account=siti.r"), "{log}");
    for text in [&answers, &log] {
        for secret in [
            PASSWORD,
            NEW_PASSWORD,
            "kata-sandi-dari-admin",
            "kata-sandi-yang-keliru",
            "$argon2",
            "password_hash",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
}

#[tokio::test]
async fn account_rules_are_field_errors() {
    let (s, admin) = admin_server().await;
    let post = |body: Value| {
        let (s, admin) = (&s, &admin);
        async move { call(s, "POST", "/accounts", admin, Some(body)).await }
    };
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut body = new_officer("petugas-x");
        edit(&mut body);
        body
    };
    let cases: Vec<(Value, (&str, &str))> = vec![
        (with(&|b| b["username"] = json!("kepala")), ("username", "taken")),
        (with(&|b| b["username"] = json!("KEPALA")), ("username", "taken")),
        (with(&|b| b["username"] = json!("ab")), ("username", "too_short")),
        (
            with(&|b| b["username"] = json!("budi santoso")),
            ("username", "invalid"),
        ),
        (
            with(&|b| b["username"] = json!("x".repeat(33))),
            ("username", "too_long"),
        ),
        (with(&|b| b["display_name"] = json!("  ")), ("display_name", "required")),
        (with(&|b| b["agency_ids"] = json!([])), ("agency_ids", "required")),
        (
            with(&|b| b["agency_ids"] = json!(["dinas-rahasia"])),
            ("agency_ids", "unknown"),
        ),
        (
            with(&|b| b["role"] = json!("supervisor")),
            ("agency_ids", "not_allowed"),
        ),
        (with(&|b| b["password"] = json!("pendek")), ("password", "too_short")),
        (with(&|b| b["password"] = json!("petugas-x")), ("password", "too_short")),
        (
            with(&|b| b["password"] = json!("petugas-x   ")),
            ("password", "same_as_username"),
        ),
    ];
    for (body, expected) in cases {
        let (status, answer) = post(body.clone()).await;
        assert_eq!(status, 422, "{body} -> {answer}");
        assert!(
            errors(&answer).contains(&(expected.0.into(), expected.1.into())),
            "{body} -> {answer}"
        );
        assert!(!answer.to_string().contains(NEW_PASSWORD));
    }
    let (status, body) = post(json!({ "username": "x" })).await;
    assert_eq!(status, 400, "a malformed body: {body}");

    // An administrator keeps their own account usable.
    for change in [json!({ "disabled": true }), json!({ "role": "supervisor" })] {
        let (status, body) = call(&s, "PATCH", "/accounts/kepala", &admin, Some(change)).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(errors(&body)[0].1, "self");
    }
    let (status, _) = call(
        &s,
        "PATCH",
        "/accounts/operator",
        &admin,
        Some(json!({ "password": NEW_PASSWORD })),
    )
    .await;
    assert_eq!(status, 422, "the service account never gets a password");
    let (status, _) = call(
        &s,
        "PATCH",
        "/accounts/tidak-ada",
        &admin,
        Some(json!({ "disabled": true })),
    )
    .await;
    assert_eq!(status, 404);
    let to_officer = json!({ "role": "officer" });
    s.create_account("pengawas-a", Role::Supervisor, &[], PASSWORD).await;
    let (status, body) = call(&s, "PATCH", "/accounts/pengawas-a", &admin, Some(to_officer)).await;
    assert_eq!(
        (status, errors(&body)),
        (422, vec![("agency_ids".into(), "required".into())])
    );
    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    let audited: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).unwrap();
    assert_eq!(audited, 0, "refused actions change nothing and record nothing");
}

#[tokio::test]
async fn officers_and_supervisors_cannot_manage_accounts() {
    let (s, admin) = admin_server().await;
    s.create_account("pengawas-a", Role::Supervisor, &[], PASSWORD).await;
    s.create_account("petugas-a", Role::Officer, &["dinkes"], PASSWORD)
        .await;
    let supervisor = s.sign_in("pengawas-a", PASSWORD).await;
    let officer = s.sign_in("petugas-a", PASSWORD).await;
    for token in [&supervisor, &officer] {
        let (status, body) = call(&s, "POST", "/accounts", token, Some(new_officer("petugas-b"))).await;
        assert_eq!(status, 403, "{body}");
        let (status, _) = call(
            &s,
            "PATCH",
            "/accounts/kepala",
            token,
            Some(json!({ "disabled": true })),
        )
        .await;
        assert_eq!(status, 403);
    }
    assert_eq!(
        call(&s, "GET", "/accounts", &supervisor, None).await.0,
        200,
        "a supervisor reads"
    );
    assert_eq!(call(&s, "GET", "/accounts", &officer, None).await.0, 403);
    assert_eq!(call(&s, "GET", "/accounts", "bukan-token", None).await.0, 401);
    assert_eq!(
        call(&s, "GET", "/session", &admin, None).await.0,
        200,
        "nothing was disabled"
    );
    // The operator token is an administrator; disabling its service account shuts it out of /staff.
    assert_eq!(call(&s, "GET", "/accounts", &s.token, None).await.0, 200);
    let disable = json!({ "disabled": true });
    assert_eq!(
        call(&s, "PATCH", "/accounts/operator", &admin, Some(disable)).await.0,
        200
    );
    assert_eq!(call(&s, "GET", "/accounts", &s.token, None).await.0, 401);
}

/// Found by the contract run: an account change naming agencies that do not exist was a 500, and a JSON array
/// was read as an account change (serde reads a struct from a sequence too).
#[tokio::test]
async fn unknown_agencies_and_bodies_that_are_not_objects_are_refused() {
    let (s, admin) = admin_server().await;
    s.create_account("petugas-a", Role::Officer, &["dinkes"], PASSWORD)
        .await;
    let change = json!({ "agency_ids": ["dinkes", "dinas-rahasia"] });
    let (status, body) = call(&s, "PATCH", "/accounts/petugas-a", &admin, Some(change)).await;
    assert_eq!(
        (status, errors(&body)),
        (422, vec![("agency_ids".into(), "unknown".into())]),
        "{body}"
    );
    for (method, path, body) in [
        ("PATCH", "/accounts/petugas-a", json!([null, null])),
        ("PATCH", "/accounts/petugas-a", json!("teks")),
        (
            "POST",
            "/accounts",
            json!(["petugas-b", "Petugas B", "officer", ["dinkes"], NEW_PASSWORD]),
        ),
        ("POST", "/session", json!(["petugas-a", PASSWORD])),
        ("POST", "/session/password", json!([PASSWORD, NEW_PASSWORD])),
    ] {
        let (status, answer) = call(&s, method, path, &admin, Some(body.clone())).await;
        assert_eq!(status, 400, "{method} {path} {body} -> {answer}");
    }
}
