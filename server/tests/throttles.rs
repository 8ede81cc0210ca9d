//! Limits per client over real HTTP: who the client is behind a reverse proxy, the budgets of expensive
//! reads and of the operator API, and the lockouts that stop guessing access codes and operator tokens.

mod common;

use common::TestServer;
use serde_json::json;

/// Any POST counts against the POST budget; this one is refused (422) without writing anything.
async fn post_from(s: &TestServer, forwarded_for: &str) -> u16 {
    s.post("/api/v1/reports/XXXXXXXXXX/supports")
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({ "device_id": "" }))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

fn assert_too_many(res: &reqwest::Response, what: &str) {
    assert_eq!(res.status(), 429, "{what}");
    let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(wait >= 1, "{what}: Retry-After {wait}");
    assert_eq!(res.headers()["content-type"], "application/problem+json", "{what}");
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket() {
    let s = TestServer::start(&["--rate-limit", "2", "--trusted-proxies", "127.0.0.1/32,10.0.0.0/8"]).await;
    // The client forges a first entry; the proxy (and a second, inner one) append what they saw.
    let alice = "6.6.6.6, 203.0.113.1, 10.0.0.5";
    for _ in 0..2 {
        assert_ne!(post_from(&s, alice).await, 429);
    }
    assert_eq!(post_from(&s, alice).await, 429);
    assert_eq!(
        post_from(&s, "6.6.6.7, 203.0.113.1").await,
        429,
        "a forged entry does not help"
    );
    assert_ne!(
        post_from(&s, "203.0.113.2").await,
        429,
        "another client behind the proxy"
    );
}

#[tokio::test]
async fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
    let s = TestServer::start(&["--rate-limit", "2", "--trusted-proxies", "10.0.0.0/8"]).await;
    assert_ne!(post_from(&s, "203.0.113.1").await, 429);
    assert_ne!(post_from(&s, "203.0.113.2").await, 429);
    assert_eq!(
        post_from(&s, "203.0.113.3").await,
        429,
        "the peer 127.0.0.1 is the client"
    );
}

#[tokio::test]
async fn stats_searches_and_the_operator_api_have_their_own_budgets() {
    let s = TestServer::start(&[
        "--stats-rate-limit",
        "2",
        "--search-rate-limit",
        "2",
        "--operator-rate-limit",
        "2",
    ])
    .await;
    for _ in 0..2 {
        assert_eq!(s.get("/api/v1/stats").await.status(), 200);
    }
    assert_too_many(&s.get("/api/v1/stats").await, "stats");

    for _ in 0..2 {
        assert_eq!(s.get("/api/v1/reports?q=lampu").await.status(), 200);
    }
    assert_too_many(&s.get("/api/v1/reports?q=jalan").await, "search");
    assert_eq!(
        s.get("/api/v1/reports").await.status(),
        200,
        "a plain listing is not a search"
    );
    assert_too_many(
        &s.get("/open311/v2/requests.json").await,
        "Open311 listing, the search budget",
    );

    let queue = || s.get_request("/api/v1/operator/reports").bearer_auth(&s.token).send();
    for _ in 0..2 {
        assert_eq!(queue().await.unwrap().status(), 200);
    }
    assert_too_many(&queue().await.unwrap(), "operator");
}

#[tokio::test]
async fn zero_disables_the_read_limits() {
    let s = TestServer::start(&["--stats-rate-limit", "0", "--search-rate-limit", "0"]).await;
    for _ in 0..70 {
        assert_eq!(s.get("/api/v1/stats").await.status(), 200);
    }
    assert_eq!(s.get("/api/v1/reports?q=lampu").await.status(), 200);
}
