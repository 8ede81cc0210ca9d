//! The citizen side of the contract over real HTTP after a report is sent: replies, ratings and supports; the
//! public listing; and the limits every client meets (rate limit, CORS).

mod common;

use common::{valid_report, TestServer};
use serde_json::{json, Value};
#[tokio::test]
async fn replies_and_ratings_need_the_access_code() {
    let s = TestServer::start(&[]).await;
    let (ticket, code) = s.submit(|_| {}).await;
    let reply = |code: Option<&str>, message: &str| {
        let mut req = s
            .post(&format!("/api/v1/reports/{ticket}/replies"))
            .json(&json!({ "message": message }));
        if let Some(c) = code {
            req = req.header("x-access-code", c);
        }
        req.send()
    };
    assert_eq!(reply(None, "Tambahan informasi").await.unwrap().status(), 401);
    assert_eq!(
        reply(Some("ZZZZ-ZZZZ"), "Tambahan informasi").await.unwrap().status(),
        403
    );
    assert_eq!(reply(Some(&code), "   ").await.unwrap().status(), 422);
    let res = reply(Some(&code), "Lokasinya tepat di depan gerbang pasar.")
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let view: Value = res.json().await.unwrap();
    let last = view["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["actor"].as_str(), last["kind"].as_str()),
        (Some("citizen"), Some("reply"))
    );
    assert_eq!(last["message"], "Lokasinya tepat di depan gerbang pasar.");
    let public = s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    assert!(
        public["events"].as_array().unwrap().last().unwrap()["message"].is_null(),
        "citizens' words are not public"
    );

    let rate = |body: Value, code: &str| {
        s.post(&format!("/api/v1/reports/{ticket}/rating"))
            .header("x-access-code", code)
            .json(&body)
            .send()
    };
    assert_eq!(
        rate(json!({ "rating": 5 }), &code).await.unwrap().status(),
        409,
        "not completed yet"
    );
    for (to, agency) in [
        ("verified", None),
        ("dispositioned", Some("dinas-pupr")),
        ("in_progress", None),
        ("completed", None),
    ] {
        s.transition(
            &ticket,
            json!({ "to": to, "agency_id": agency, "message": "Langkah berikutnya." }),
            200,
        )
        .await;
    }
    assert_eq!(rate(json!({ "rating": 6 }), &code).await.unwrap().status(), 422);
    assert_eq!(rate(json!({ "rating": 4 }), "ZZZZ-ZZZZ").await.unwrap().status(), 403);
    let rated = rate(
        json!({ "rating": 4, "comment": "Cepat ditangani, terima kasih." }),
        &code,
    )
    .await
    .unwrap();
    assert_eq!(rated.status(), 201);
    assert_eq!(rated.json::<Value>().await.unwrap()["rating"], 4);
    assert_eq!(
        rate(json!({ "rating": 5 }), &code).await.unwrap().status(),
        409,
        "rated once"
    );
    assert_eq!(s.get_json("/api/v1/stats").await["rating_average"], 4.0);
}

#[tokio::test]
async fn supports_count_once_per_device_and_show_in_the_listing() {
    let s = TestServer::start(&[]).await;
    let (ticket, _) = s.submit(|_| {}).await;
    let (secret, _) = s.submit(|b| b["confidential"] = json!(true)).await;
    let support = |t: &str, device: &str| {
        s.post(&format!("/api/v1/reports/{t}/supports"))
            .json(&json!({ "device_id": device }))
            .send()
    };
    // The count the server answers after one device's support.
    let count_after = |device: &'static str| {
        let answer = support(&ticket, device);
        async move { answer.await.unwrap().json::<Value>().await.unwrap()["supports"].clone() }
    };
    assert_eq!(count_after("device-a").await, 1);
    assert_eq!(count_after("device-a").await, 1);
    assert_eq!(count_after("device-b").await, 2);
    assert_eq!(support(&ticket, "<script>").await.unwrap().status(), 422);
    assert_eq!(support(&secret, "device-a").await.unwrap().status(), 403);
    assert_eq!(s.get_json(&format!("/api/v1/reports/{ticket}")).await["supports"], 2);
    let list = s.get_json("/api/v1/reports").await;
    let row = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ticket"] == ticket.as_str())
        .unwrap()
        .clone();
    assert_eq!(row["supports"], 2);
}

#[tokio::test]
async fn the_listing_pages_searches_and_filters() {
    let s = TestServer::start(&["--demo", "--demo-reports", "400"]).await;
    let page1 = s.get_json("/api/v1/reports?per_page=25").await;
    let page2 = s.get_json("/api/v1/reports?per_page=25&page=2").await;
    assert_eq!(page1["total"], 400);
    assert_eq!(page1["items"].as_array().unwrap().len(), 25);
    assert_ne!(page1["items"][0]["ticket"], page2["items"][0]["ticket"]);
    let dates: Vec<&str> = page1["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["created_at"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");

    let (ticket, _) = s
        .submit(|b| b["title"] = json!("Genangan air setinggi lutut di Gang Anggrek"))
        .await;
    let found = s.get_json("/api/v1/reports?q=anggrek%20genang").await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["ticket"], ticket.as_str());

    let done = s.get_json("/api/v1/reports?status=closed&per_page=100").await;
    assert!(done["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == "closed"));
    let stats = s.get_json("/api/v1/stats").await;
    assert_eq!(done["total"], stats["by_status"]["closed"]);
    let aspirations = s.get_json("/api/v1/reports?kind=aspiration").await;
    assert_eq!(aspirations["total"], stats["by_kind"]["aspiration"]);
    for bad in ["page=0", "per_page=1000", "status=done", "page=x"] {
        assert_eq!(s.get(&format!("/api/v1/reports?{bad}")).await.status(), 422, "{bad}");
    }
}

#[tokio::test]
async fn posts_are_rate_limited_per_client() {
    let s = TestServer::start(&["--rate-limit", "3"]).await;
    for _ in 0..3 {
        s.submit(|_| {}).await;
    }
    let res = s.post("/api/v1/reports").json(&valid_report()).send().await.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap() >= 1);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(s.get("/api/v1/stats").await.status(), 200, "reading is not limited");
    // One budget across both protocols: Open311 is no way around the limit.
    let open311 = s
        .post("/open311/v2/requests.json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("service_code=jalan")
        .send()
        .await
        .unwrap();
    assert_eq!(open311.status(), 429);
}

#[tokio::test]
async fn cors_allows_only_configured_origins() {
    let s = TestServer::start(&["--cors-origins", "https://sukamaju.go.id"]).await;
    let preflight = |origin: &str| {
        s.http
            .request(reqwest::Method::OPTIONS, format!("{}/api/v1/reports", s.url))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type,idempotency-key")
            .send()
    };
    let ok = preflight("https://sukamaju.go.id").await.unwrap();
    assert_eq!(ok.headers()["access-control-allow-origin"], "https://sukamaju.go.id");
    let other = preflight("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
}
