//! Answers that carry personal data or confidential text are never stored by a cache, and a confidential report
//! read by the public shows nothing of what its reporter did after sending it (reply, rating).

mod common;

use common::TestServer;
use serde_json::{json, Value};

fn no_store(res: &reqwest::Response) -> bool {
    res.headers().get_all("cache-control").iter().any(|v| {
        v.to_str()
            .unwrap_or_default()
            .split(',')
            .any(|d| d.trim() == "no-store")
    })
}

async fn with_code(s: &TestServer, path: &str, code: &str) -> reqwest::Response {
    let url = format!("{}{path}", s.url);
    s.http.get(url).header("x-access-code", code).send().await.unwrap()
}

/// Takes a report to `completed`, where the reporter can reply and rate.
async fn complete(s: &TestServer, ticket: &str) {
    for (to, agency) in [
        ("verified", None),
        ("dispositioned", Some("dinas-pupr")),
        ("in_progress", None),
        ("completed", None),
    ] {
        s.transition(
            ticket,
            json!({ "to": to, "agency_id": agency, "message": "Langkah berikutnya." }),
            200,
        )
        .await;
    }
}

#[tokio::test]
async fn answers_with_personal_data_or_confidential_text_are_not_cached() {
    let s = TestServer::start(&[]).await;
    let created = s
        .post("/api/v1/reports")
        .json(&common::valid_report())
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    assert!(no_store(&created), "the answer holds the access code");
    let created: Value = created.json().await.unwrap();
    let (ticket, code) = (
        created["ticket"].as_str().unwrap(),
        created["access_code"].as_str().unwrap(),
    );

    let path = format!("/api/v1/reports/{ticket}");
    let mine = with_code(&s, &path, code).await;
    assert_eq!(mine.status(), 200);
    assert!(no_store(&mine), "read with the access code");
    let wrong = with_code(&s, &path, "ZZZZ-ZZZZ").await;
    assert_eq!(wrong.status(), 403);
    assert!(no_store(&wrong), "any request carrying a code");

    let queue = s
        .get_request("/api/v1/operator/reports")
        .bearer_auth(&s.token)
        .send()
        .await
        .unwrap();
    assert_eq!(queue.status(), 200);
    assert!(no_store(&queue), "the operator queue");
    let refused = s.get("/api/v1/operator/reports").await;
    assert_eq!(refused.status(), 401);
    assert!(no_store(&refused), "every operator answer");
    let moved = s
        .post(&format!("/api/v1/operator/reports/{ticket}/transitions"))
        .bearer_auth(&s.token)
        .json(&json!({ "to": "verified" }))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 200);
    assert!(no_store(&moved), "a transition answers with the full report");

    let reply = s
        .post(&format!("/api/v1/reports/{ticket}/replies"))
        .header("x-access-code", code)
        .json(&json!({ "message": "Masih gelap setiap malam." }))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 201);
    assert!(no_store(&reply), "a reply answers with the reporter's view");
}

#[tokio::test]
async fn a_confidential_report_read_publicly_shows_no_rating_and_no_reply() {
    let s = TestServer::start(&[]).await;
    let (ticket, code) = s.submit(|b| b["confidential"] = json!(true)).await;
    complete(&s, &ticket).await;
    let reply = s
        .post(&format!("/api/v1/reports/{ticket}/replies"))
        .header("x-access-code", &code)
        .json(&json!({ "message": "Sudah diperbaiki, terima kasih." }))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 201);
    let rated = s
        .post(&format!("/api/v1/reports/{ticket}/rating"))
        .header("x-access-code", &code)
        .json(&json!({ "rating": 2, "comment": "Lambat." }))
        .send()
        .await
        .unwrap();
    assert_eq!(rated.status(), 201);
    // Stamped apart from the operator's steps, so a time that follows the reporter's actions would show.
    let later = "2030-01-01T00:00:00Z";
    rusqlite::Connection::open(s.db_path())
        .unwrap()
        .execute(
            "UPDATE events SET at = ?1 WHERE actor = 'citizen' AND kind IN ('reply', 'rating')",
            [later],
        )
        .unwrap();

    let citizen_events = |view: &Value| -> usize {
        view["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["actor"] == "citizen")
            .count()
    };
    let own: Value = with_code(&s, &format!("/api/v1/reports/{ticket}"), &code)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (own["rating"].as_u64(), citizen_events(&own)),
        (Some(2), 3),
        "the reporter sees it all"
    );

    let public = s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    assert!(public["rating"].is_null(), "rating shown: {public}");
    assert_eq!(citizen_events(&public), 1, "only the submission itself: {public}");

    let one = s.get_json(&format!("/open311/v2/requests/{ticket}.json")).await;
    let listed = s
        .get_json(&format!("/open311/v2/requests.json?service_request_id={ticket}"))
        .await;
    for request in [&one[0], &listed[0]] {
        assert_eq!(request["service_request_id"], ticket.as_str());
        assert_ne!(
            request["updated_datetime"], later,
            "Open311 shows when the reporter acted: {request}"
        );
        assert!(!request.to_string().contains("Lambat"), "{request}");
    }
}
