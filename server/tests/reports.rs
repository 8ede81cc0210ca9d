//! The citizen side of the contract over real HTTP: submitting, idempotency, confidentiality, anonymity and
//! attachments. What citizens do afterwards, and the listing, are in `citizen.rs`.

mod common;

use common::{valid_report, TestServer, PNG};
use serde_json::{json, Value};

#[tokio::test]
async fn a_submitted_report_gets_a_ticket_and_working_day_deadlines() {
    let s = TestServer::start(&[]).await;
    let res = s.post("/api/v1/reports").json(&valid_report()).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let ticket = created["ticket"].as_str().unwrap();
    assert!(aduan_core::ticket::Ticket::parse(ticket).is_ok());
    assert_eq!(created["status"], "submitted");
    assert_eq!(created["access_code"].as_str().unwrap().len(), 9);

    let view = s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    assert_eq!(view["title"], "Lampu jalan mati di Jl. Merdeka");
    assert_eq!(view["status"], "submitted");
    assert_eq!(view["kind"], "complaint");
    assert_eq!(view["category"]["id"], "jalan");
    assert_eq!(view["region"]["name"], "Cempaka");
    assert!(view["agency"].is_null(), "no wrong door: the administrator chooses");
    assert!(view["reporter"].is_null(), "identity never appears publicly");
    assert_eq!(view["events"].as_array().unwrap().len(), 1);
    assert_eq!(view["events"][0]["actor"], "citizen");
    let cal = aduan_core::WorkingCalendar::indonesia();
    let created_at: chrono::DateTime<chrono::Utc> = view["created_at"].as_str().unwrap().parse().unwrap();
    let day = cal.local_date(created_at);
    assert_eq!(
        view["deadlines"]["verify"]["due"],
        cal.add_working_days(day, 3).to_string()
    );
    assert_eq!(
        view["deadlines"]["escalation"]["due"],
        cal.add_working_days(day, 60).to_string()
    );
    assert!(view["deadlines"]["verify"]["met"].is_null());
    // Lower case and dashes are accepted in the path too.
    let grouped = format!("{}-{}-{}", &ticket[..3], &ticket[3..6], &ticket[6..]).to_lowercase();
    assert_eq!(s.get(&format!("/api/v1/reports/{grouped}")).await.status(), 200);
}

#[tokio::test]
async fn invalid_reports_get_field_errors_and_nothing_is_stored() {
    let s = TestServer::start(&[]).await;
    let mut body = valid_report();
    body["title"] = json!("  ");
    body["incident_date"] = json!("2999-01-01");
    body["category_id"] = json!("tidak-ada");
    body["reporter"] = json!({ "name": "", "email": "bukan-email", "phone": "" });
    let res = s
        .post("/api/v1/reports")
        .header("accept-language", "en")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let problem: Value = res.json().await.unwrap();
    let errors: Vec<(String, String)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for expected in [
        ("title", "required"),
        ("incident_date", "future_date"),
        ("category_id", "unknown"),
        ("reporter.name", "required"),
        ("reporter.email", "invalid_email"),
    ] {
        assert!(
            errors.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {errors:?}"
        );
    }
    assert_eq!(problem["errors"][0]["message"], "This is required.");
    assert_eq!(s.get_json("/api/v1/stats").await["total"], 0);
}

#[tokio::test]
async fn a_retry_with_the_same_idempotency_key_never_makes_a_second_report() {
    let s = TestServer::start(&[]).await;
    let body = serde_json::to_vec(&valid_report()).unwrap();
    let send = |key: &'static str, body: Vec<u8>| {
        s.post("/api/v1/reports")
            .header("idempotency-key", key)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let first: Value = send("draft-1", body.clone()).await.unwrap().json().await.unwrap();
    let again = send("draft-1", body.clone()).await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let second: Value = again.json().await.unwrap();
    assert_eq!(first, second, "same ticket, same access code");

    // A double tap: two requests at once with one key still make one report.
    let (a, b) = tokio::join!(send("draft-2", body.clone()), send("draft-2", body.clone()));
    let (a, b): (Value, Value) = (a.unwrap().json().await.unwrap(), b.unwrap().json().await.unwrap());
    assert_eq!(a["ticket"], b["ticket"]);
    assert_eq!(s.get_json("/api/v1/stats").await["total"], 2);

    let mut other = valid_report();
    other["title"] = json!("Judul lain yang cukup panjang");
    let reused = send("draft-1", serde_json::to_vec(&other).unwrap()).await.unwrap();
    assert_eq!(reused.status(), 422);
    assert_eq!(s.get_json("/api/v1/stats").await["total"], 2);
}

#[tokio::test]
async fn confidential_content_and_identity_appear_in_no_public_response() {
    let s = TestServer::start(&["--demo", "--demo-reports", "50"]).await;
    let secret = "Rahasiakorupsi";
    let (ticket, code) = s
        .submit(|b| {
            b["confidential"] = json!(true);
            b["title"] = json!(format!("Pungutan liar {secret} di kantor"));
            b["body"] = json!(format!(
                "Petugas meminta uang tambahan. Kata kunci {secret} hanya ada di laporan rahasia ini."
            ));
            b["reporter"] = json!({ "name": "Pelapor Rahasia", "email": "rahasia@contoh.id", "phone": "081234567890" });
        })
        .await;
    let (public_ticket, _) = s.submit(|_| {}).await;

    let public = s.get(&format!("/api/v1/reports/{ticket}")).await.text().await.unwrap();
    let listing = s.get("/api/v1/reports?per_page=100").await.text().await.unwrap();
    let search = s
        .get(&format!("/api/v1/reports?q={secret}"))
        .await
        .text()
        .await
        .unwrap();
    let stats = s.get("/api/v1/stats").await.text().await.unwrap();
    let other = s
        .get(&format!("/api/v1/reports/{public_ticket}"))
        .await
        .text()
        .await
        .unwrap();
    for (name, text) in [
        ("view", &public),
        ("list", &listing),
        ("search", &search),
        ("stats", &stats),
        ("other view", &other),
    ] {
        for leak in [
            secret,
            "Pelapor Rahasia",
            "rahasia@contoh.id",
            "081234567890",
            "Siti Aminah",
            "siti@contoh.id",
        ] {
            assert!(!text.contains(leak), "{name} leaks {leak}");
        }
    }
    let view: Value = serde_json::from_str(&public).unwrap();
    assert!(view["title"].is_null() && view["body"].is_null() && view["reporter"].is_null());
    assert_eq!(view["confidential"], true);
    let listed: Value = serde_json::from_str(&listing).unwrap();
    let row = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ticket"] == ticket.as_str())
        .expect("listed");
    assert!(row["title"].is_null());
    assert_eq!(serde_json::from_str::<Value>(&search).unwrap()["total"], 0);

    let wrong = s
        .get_request(&format!("/api/v1/reports/{ticket}"))
        .header("x-access-code", "AAAA-AAAA")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 403);
    assert!(!wrong.text().await.unwrap().contains(secret));
    let mine: Value = s
        .get_request(&format!("/api/v1/reports/{ticket}"))
        .header("x-access-code", code.to_lowercase())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(mine["title"].as_str().unwrap().contains(secret));
    assert_eq!(mine["reporter"]["email"], "rahasia@contoh.id");
}

#[tokio::test]
async fn anonymous_reports_keep_no_identity_even_for_the_reporter() {
    let s = TestServer::start(&[]).await;
    let (ticket, code) = s
        .submit(|b| {
            b["anonymous"] = json!(true);
            b["reporter"] = json!({ "name": "Nama Yang Dibuang", "email": "", "phone": "" });
        })
        .await;
    let mine: Value = s
        .get_request(&format!("/api/v1/reports/{ticket}"))
        .header("x-access-code", &code)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(mine["reporter"].is_null());
    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    let stored: Option<String> = conn
        .query_row("SELECT reporter_name FROM reports", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, None);
}
#[tokio::test]
async fn attachments_are_sniffed_limited_and_follow_the_report_access_rules() {
    let s = TestServer::start(&[]).await;
    let res = s
        .upload_as("../foto.png", PNG.to_vec(), "application/octet-stream")
        .await;
    assert_eq!(res.status(), 201);
    let att: Value = res.json().await.unwrap();
    assert_eq!(att["content_type"], "image/png");
    assert_eq!(att["name"], "foto.png");
    assert_eq!(
        s.upload_as("x.png", b"<svg onload=alert(1)>".to_vec(), "image/png")
            .await
            .status(),
        415
    );
    assert_eq!(
        s.upload_as("big.png", [PNG, &vec![0u8; 5 * 1024 * 1024]].concat(), "image/png")
            .await
            .status(),
        413
    );
    let id = att["id"].as_str().unwrap().to_string();

    let (ticket, code) = s
        .submit(|b| {
            b["confidential"] = json!(true);
            b["attachment_ids"] = json!([id]);
        })
        .await;
    let mut again = valid_report();
    again["attachment_ids"] = json!([id]);
    assert_eq!(
        s.post("/api/v1/reports").json(&again).send().await.unwrap().status(),
        422,
        "an attachment belongs to one report"
    );

    assert_eq!(
        s.get_json(&format!("/api/v1/reports/{ticket}")).await["attachments"],
        json!([])
    );
    assert_eq!(
        s.get(&format!("/api/v1/reports/{ticket}/attachments/{id}"))
            .await
            .status(),
        404
    );
    let mine: Value = s
        .get_request(&format!("/api/v1/reports/{ticket}"))
        .header("x-access-code", &code)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine["attachments"][0]["id"], id.as_str());
    let file = s
        .get_request(&format!("/api/v1/reports/{ticket}/attachments/{id}"))
        .header("x-access-code", &code)
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "image/png");
    assert_eq!(file.bytes().await.unwrap().as_ref(), PNG);
}
