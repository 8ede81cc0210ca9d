//! `POST /staff/reports`: an administrator types in a report that came by suggestion box, phone, SMS, letter or
//! walk-in, under the same rules as a citizen's submission; `/stats` counts reports by channel.

mod common;
mod staff_support;

use serde_json::{json, Value};
use staff_support::Desk;

use crate::common::valid_report;

fn typed_in(channel: &str) -> Value {
    let mut body = valid_report();
    body["channel"] = json!(channel);
    body
}

/// `POST /staff/reports` as `token` (with an optional Idempotency-Key): (status, body).
async fn record(desk: &Desk, token: &str, body: &Value, key: Option<&str>) -> (u16, Value) {
    let mut req = desk.s.post("/api/v1/staff/reports").bearer_auth(token).json(body);
    if let Some(key) = key {
        req = req.header("Idempotency-Key", key);
    }
    let res = req.send().await.unwrap();
    (res.status().as_u16(), res.json().await.unwrap_or_default())
}

#[tokio::test]
async fn an_admin_types_in_a_phone_report_and_gets_the_citizens_receipt() {
    let desk = Desk::open().await;
    let (status, created) = record(&desk, &desk.admin, &typed_in("phone"), None).await;
    assert_eq!(status, 201, "{created}");
    let ticket = created["ticket"].as_str().unwrap();
    let code = created["access_code"].as_str().unwrap();
    assert!(!code.is_empty());

    let (status, view) = desk.get(&desk.admin, &format!("/reports/{ticket}")).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["report"]["channel"], "phone");
    let audit = view["audit"].as_array().unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a["username"] == "admin-uji" && a["action"] == "record" && a["message"] == "typed in from phone"),
        "{audit:?}"
    );

    // The citizen finds it with the receipt.
    let res = desk
        .s
        .get_request(&format!("/api/v1/reports/{ticket}"))
        .header("X-Access-Code", code)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let public: Value = res.json().await.unwrap();
    assert_eq!(public["channel"], "phone");
}

#[tokio::test]
async fn only_an_admin_types_in_reports() {
    let desk = Desk::open().await;
    for token in [&desk.supervisor, &desk.pupr] {
        let (status, answer) = record(&desk, token, &typed_in("letter"), None).await;
        assert_eq!(status, 403, "{answer}");
    }
    let res = desk
        .s
        .post("/api/v1/staff/reports")
        .json(&typed_in("letter"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn a_typed_in_report_is_checked_like_a_citizens() {
    let desk = Desk::open().await;
    let mut body = typed_in("sms");
    body["title"] = json!("");
    body["body"] = json!("pendek");
    let (status, desk_answer) = record(&desk, &desk.admin, &body, None).await;
    assert_eq!(status, 422, "{desk_answer}");

    let mut citizen = valid_report();
    citizen["title"] = json!("");
    citizen["body"] = json!("pendek");
    let res = desk.s.post("/api/v1/reports").json(&citizen).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let citizen_answer: Value = res.json().await.unwrap();
    assert_eq!(desk_answer["errors"], citizen_answer["errors"]);
    assert!(!desk_answer["errors"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn the_channel_must_be_an_offline_one() {
    let desk = Desk::open().await;
    for channel in [json!("web"), json!("pigeon"), json!(""), json!(7)] {
        let mut body = valid_report();
        body["channel"] = channel.clone();
        let (status, answer) = record(&desk, &desk.admin, &body, None).await;
        assert_eq!(status, 422, "{channel}: {answer}");
        assert_eq!(answer["errors"][0]["field"], "channel", "{answer}");
    }
    let (status, answer) = record(&desk, &desk.admin, &valid_report(), None).await;
    assert_eq!(status, 422, "no channel: {answer}");
}

#[tokio::test]
async fn a_retry_with_the_same_key_returns_the_same_ticket() {
    let desk = Desk::open().await;
    let body = typed_in("walk_in");
    let (first_status, first) = record(&desk, &desk.admin, &body, Some("meja-1")).await;
    let (again_status, again) = record(&desk, &desk.admin, &body, Some("meja-1")).await;
    assert_eq!((first_status, again_status), (201, 201), "{first} {again}");
    assert_eq!(first["ticket"], again["ticket"]);
    assert_eq!(first["access_code"], again["access_code"]);
    let stats = desk.s.get_json("/api/v1/stats").await;
    assert_eq!(stats["by_channel"]["walk_in"], 1, "{stats}");
}

#[tokio::test]
async fn fifty_letters_in_a_row_are_not_stopped_by_the_citizens_limit() {
    let desk = Desk::open().await;
    for i in 0..50 {
        let (status, answer) = record(&desk, &desk.admin, &typed_in("letter"), None).await;
        assert_eq!(status, 201, "letter {i}: {answer}");
    }
}

#[tokio::test]
async fn stats_count_reports_by_channel_with_the_filters() {
    let desk = Desk::open().await;
    desk.s.submit(|_| {}).await;
    desk.s.submit(|b| b["category_id"] = json!("air-bersih")).await;
    for _ in 0..2 {
        let (status, answer) = record(&desk, &desk.admin, &typed_in("phone"), None).await;
        assert_eq!(status, 201, "{answer}");
    }
    let mut other = typed_in("phone");
    other["category_id"] = json!("air-bersih");
    assert_eq!(record(&desk, &desk.admin, &other, None).await.0, 201);

    let all = desk.s.get_json("/api/v1/stats").await;
    assert_eq!(all["by_channel"], json!({ "web": 2, "phone": 3 }), "{all}");
    let roads = desk.s.get_json("/api/v1/stats?category=jalan").await;
    assert_eq!(roads["by_channel"], json!({ "web": 1, "phone": 2 }), "{roads}");
}

/// The demo city is plausible as the server counts it: most reports came by the website, some by each offline
/// channel; and the same seed gives the same counts.
#[tokio::test]
async fn the_demo_city_has_mostly_web_reports_and_a_few_from_each_offline_channel() {
    let args = ["--demo", "--demo-reports", "200", "--demo-seed", "7"];
    let demo = common::TestServer::start(&args).await;
    let stats = demo.get_json("/api/v1/stats").await;
    let by_channel = stats["by_channel"].as_object().unwrap().clone();
    let count = |c: &str| by_channel.get(c).and_then(Value::as_u64).unwrap_or(0);
    let total: u64 = by_channel.values().filter_map(Value::as_u64).sum();
    assert!(
        count("web") * 4 >= total * 3,
        "at least three in four came by the website: {}",
        stats["by_channel"]
    );
    let offline: Vec<u64> = ["phone", "walk_in", "letter", "suggestion_box", "sms"]
        .map(count)
        .to_vec();
    // The proportions themselves are the seed's unit test (seed::demo); here, that the server counts them.
    assert!(
        offline.iter().all(|n| *n > 0),
        "every offline channel has some: {offline:?}"
    );
    let again = common::TestServer::start(&args).await;
    assert_eq!(again.get_json("/api/v1/stats").await["by_channel"], stats["by_channel"]);
}
