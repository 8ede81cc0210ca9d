//! Response templates over HTTP: administrators write them (audited), every staff role reads them.

mod common;

use aduan_core::Role;
use common::TestServer;
use serde_json::{json, Value};

const PASSWORD: &str = "kata-sandi-admin-panjang";

async fn call(s: &TestServer, method: &str, path: &str, token: &str, body: Option<Value>) -> (u16, Value) {
    let res = s.staff_call(method, path, token, body).await;
    (res.status().as_u16(), res.json().await.unwrap_or_default())
}

/// A server with an administrator, a supervisor and an officer of Dinas Kesehatan; their tokens in that order.
async fn server() -> (TestServer, [String; 3]) {
    let s = TestServer::start(&[]).await;
    s.create_account("kepala", Role::Admin, &[], PASSWORD).await;
    s.create_account("inspektur", Role::Supervisor, &[], PASSWORD).await;
    s.create_account("siti.r", Role::Officer, &["dinkes"], PASSWORD).await;
    let tokens = [
        s.sign_in("kepala", PASSWORD).await,
        s.sign_in("inspektur", PASSWORD).await,
        s.sign_in("siti.r", PASSWORD).await,
    ];
    (s, tokens)
}

fn template(action: &str, category: Option<&str>, title: &str) -> Value {
    json!({
        "action": action, "category_id": category, "title": title,
        "text_id": "Laporan {tiket} kami terima di {instansi}.", "text_en": "Report {ticket} received at {agency}.",
    })
}

fn titles(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect()
}

fn field_codes(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|e| (e["field"].as_str().unwrap().into(), e["code"].as_str().unwrap().into()))
                .collect()
        })
        .unwrap_or_default()
}

fn category(s: &TestServer) -> String {
    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    conn.query_row("SELECT id FROM categories ORDER BY id LIMIT 1", [], |r| r.get(0))
        .unwrap()
}

#[tokio::test]
async fn an_admin_creates_changes_and_deletes_templates_and_each_write_is_audited() {
    let (s, [admin, ..]) = server().await;
    let (status, created) = call(
        &s,
        "POST",
        "/templates",
        &admin,
        Some(template("complete", None, "Selesai")),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["updated_by"], "kepala");
    assert_eq!(created["text_en"], "Report {ticket} received at {agency}.");
    let id = created["id"].as_i64().unwrap();

    let cat = category(&s);
    let change = template("initial_response", Some(&cat), "Tanggapan awal");
    let (status, changed) = call(&s, "PUT", &format!("/templates/{id}"), &admin, Some(change)).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(
        (changed["action"].as_str(), changed["category_id"].as_str()),
        (Some("initial_response"), Some(cat.as_str()))
    );
    let (_, list) = call(&s, "GET", "/templates", &admin, None).await;
    assert_eq!(titles(&list), ["Tanggapan awal"]);

    let (status, _) = call(&s, "DELETE", &format!("/templates/{id}"), &admin, None).await;
    assert_eq!(status, 204);
    let (_, list) = call(&s, "GET", "/templates", &admin, None).await;
    assert_eq!(list, json!([]));

    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT a.username, audit.action, audit.report_id, audit.detail
             FROM audit JOIN accounts a ON a.id = audit.account_id ORDER BY audit.id",
        )
        .unwrap();
    type AuditRow = (String, String, Option<i64>, String);
    let audit: Vec<AuditRow> = stmt
        .query_map([], |r| Ok::<AuditRow, _>((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .filter(|row| row.1.starts_with("template_"))
        .collect();
    let actions: Vec<&str> = audit.iter().map(|a| a.1.as_str()).collect();
    assert_eq!(actions, ["template_created", "template_changed", "template_deleted"]);
    for (by, _, report, detail) in &audit {
        assert_eq!((by.as_str(), *report), ("kepala", None));
        let detail: Value = serde_json::from_str(detail).unwrap();
        assert_eq!(detail["template"], json!(id));
    }
}

#[tokio::test]
async fn officers_and_supervisors_read_templates_but_may_not_write_them() {
    let (s, [admin, supervisor, officer]) = server().await;
    let (_, created) = call(
        &s,
        "POST",
        "/templates",
        &admin,
        Some(template("complete", None, "Selesai")),
    )
    .await;
    let id = created["id"].as_i64().unwrap();
    for token in [&supervisor, &officer] {
        let (status, list) = call(&s, "GET", "/templates", token, None).await;
        assert_eq!((status, titles(&list)), (200, vec!["Selesai"]));
        let new = Some(template("complete", None, "Lain"));
        assert_eq!(call(&s, "POST", "/templates", token, new.clone()).await.0, 403);
        assert_eq!(call(&s, "PUT", &format!("/templates/{id}"), token, new).await.0, 403);
        assert_eq!(
            call(&s, "DELETE", &format!("/templates/{id}"), token, None).await.0,
            403
        );
    }
    let (_, list) = call(&s, "GET", "/templates", &admin, None).await;
    assert_eq!(titles(&list), ["Selesai"], "refused writes change nothing");
}

#[tokio::test]
async fn bad_fields_are_422_and_unknown_templates_404() {
    let (s, [admin, ..]) = server().await;
    let bad = json!({
        "action": "verify", "category_id": null, "title": "x".repeat(81), "text_id": "  ", "text_en": "ok",
    });
    let (status, body) = call(&s, "POST", "/templates", &admin, Some(bad)).await;
    assert_eq!(status, 422, "{body}");
    let expected = [("action", "unknown"), ("title", "too_long"), ("text_id", "required")];
    assert_eq!(
        field_codes(&body),
        expected.map(|(f, c)| (f.to_string(), c.to_string()))
    );
    let unknown_category = template("complete", Some("no-such-category"), "Selesai");
    let (status, body) = call(&s, "POST", "/templates", &admin, Some(unknown_category)).await;
    assert_eq!(
        (status, field_codes(&body)),
        (422, vec![("category_id".into(), "unknown".into())])
    );
    let (status, body) = call(&s, "GET", "/templates?action=fly", &admin, None).await;
    assert_eq!(status, 422, "{body}");

    let good = Some(template("complete", None, "Selesai"));
    assert_eq!(call(&s, "PUT", "/templates/999", &admin, good.clone()).await.0, 404);
    assert_eq!(call(&s, "PUT", "/templates/abc", &admin, good).await.0, 404);
    assert_eq!(call(&s, "DELETE", "/templates/999", &admin, None).await.0, 404);
    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    let audited: i64 = conn
        .query_row("SELECT count(*) FROM audit WHERE action LIKE 'template_%'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(audited, 0, "refused writes record nothing");
}

#[tokio::test]
async fn templates_are_filtered_by_step_and_category() {
    let (s, [admin, _, officer]) = server().await;
    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    let cats: Vec<String> = conn
        .prepare("SELECT id FROM categories ORDER BY id LIMIT 2")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for body in [
        template("initial_response", None, "Umum"),
        template("initial_response", Some(&cats[0]), "Kategori satu"),
        template("initial_response", Some(&cats[1]), "Kategori dua"),
        template("complete", None, "Selesai"),
    ] {
        assert_eq!(call(&s, "POST", "/templates", &admin, Some(body)).await.0, 201);
    }
    let path = format!("/templates?action=initial_response&category_id={}", cats[0]);
    let (status, list) = call(&s, "GET", &path, &officer, None).await;
    assert_eq!((status, titles(&list)), (200, vec!["Umum", "Kategori satu"]));
    let (_, list) = call(&s, "GET", "/templates?action=complete", &officer, None).await;
    assert_eq!(titles(&list), ["Selesai"]);
    let (_, list) = call(&s, "GET", "/templates", &officer, None).await;
    assert_eq!(list.as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn a_demo_portal_has_templates_in_both_languages() {
    let s = TestServer::start(&["--demo", "--demo-reports", "0"]).await;
    let officer = s.sign_in("petugas-pupr", "demo-petugas-2026").await;
    let (status, list) = call(
        &s,
        "GET",
        "/templates?action=initial_response&category_id=jalan",
        &officer,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(titles(&list), ["Tanggapan awal umum", "Jalan rusak: survei lapangan"]);
    for t in list.as_array().unwrap() {
        assert!(t["text_id"].as_str().unwrap().contains("{tiket}"), "{t}");
        assert!(t["text_en"].as_str().unwrap().contains("{ticket}"), "{t}");
        assert_eq!(t["updated_by"], "admin");
    }
}
