//! Guessing secrets over real HTTP: wrong access codes are counted per ticket and per client on every route
//! that takes one, wrong operator tokens per client; past the limit even the right secret is refused with
//! 429 until the window is over, so guessing cannot simply go on.

mod common;

use common::{TestServer, PNG};
use serde_json::json;

const WRONG: &str = "ZZZZ-ZZZZ";

#[derive(Clone, Copy, Debug)]
enum Route {
    Read,
    Reply,
    Rating,
    Attachment,
}

/// The status of one request to `route` of `ticket` with `code`.
async fn try_code(s: &TestServer, route: Route, ticket: &str, attachment: &str, code: &str) -> reqwest::Response {
    let url = |path: &str| format!("{}/api/v1/reports/{ticket}{path}", s.url);
    let req = match route {
        Route::Read => s.http.get(url("")),
        Route::Reply => s.http.post(url("/replies")).json(&json!({ "message": "Masih rusak." })),
        Route::Rating => s.http.post(url("/rating")).json(&json!({ "rating": 5, "comment": "" })),
        Route::Attachment => s.http.get(url(&format!("/attachments/{attachment}"))),
    };
    req.header("x-access-code", code).send().await.unwrap()
}

/// A report with one attachment: (ticket, access code, attachment id).
async fn report_with_attachment(s: &TestServer) -> (String, String, String) {
    let id = s.upload(PNG.to_vec()).await;
    let (ticket, code) = s.submit(|b| b["attachment_ids"] = json!([id])).await;
    (ticket, code, id)
}

#[tokio::test]
async fn every_route_that_takes_an_access_code_locks_a_ticket_after_wrong_ones() {
    let s = TestServer::start(&[
        "--rate-limit",
        "0",
        "--code-failures-per-ticket",
        "3",
        "--code-failures-per-client",
        "0",
    ])
    .await;
    for route in [Route::Read, Route::Reply, Route::Rating, Route::Attachment] {
        let (ticket, code, id) = report_with_attachment(&s).await;
        let (other, other_code, other_id) = report_with_attachment(&s).await;
        for _ in 0..3 {
            assert_eq!(
                try_code(&s, route, &ticket, &id, WRONG).await.status(),
                403,
                "{route:?}"
            );
        }
        let locked = try_code(&s, route, &ticket, &id, WRONG).await;
        let res = try_code(&s, route, &ticket, &id, &code).await;
        assert_eq!(locked.status(), 429, "{route:?}");
        assert_eq!(
            res.status(),
            429,
            "{route:?}: the right code is refused too while locked"
        );
        assert!(res.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap() >= 1);
        // The ticket's number in another spelling is the same ticket.
        let spelled = ticket.to_lowercase();
        assert_eq!(
            try_code(&s, route, &spelled, &id, &code).await.status(),
            429,
            "{route:?}"
        );
        // Only that ticket: another one, and the public view without a code, still answer.
        let fine = try_code(&s, route, &other, &other_id, &other_code).await.status();
        assert_ne!(fine.as_u16(), 429, "{route:?}");
        assert_ne!(fine.as_u16(), 403, "{route:?}");
        if let Route::Read = route {
            assert_eq!(s.get(&format!("/api/v1/reports/{ticket}")).await.status(), 200);
        }
    }
}

#[tokio::test]
async fn a_client_guessing_over_many_tickets_is_locked_out() {
    let s = TestServer::start(&[
        "--rate-limit",
        "0",
        "--code-failures-per-ticket",
        "0",
        "--code-failures-per-client",
        "3",
    ])
    .await;
    for _ in 0..3 {
        let (ticket, _) = s.submit(|_| {}).await;
        assert_eq!(try_code(&s, Route::Read, &ticket, "", WRONG).await.status(), 403);
    }
    let (ticket, code) = s.submit(|_| {}).await;
    assert_eq!(try_code(&s, Route::Read, &ticket, "", &code).await.status(), 429);
}

#[tokio::test]
async fn wrong_operator_tokens_lock_the_client_out() {
    let s = TestServer::start(&["--token-failures-per-client", "3"]).await;
    let queue = |token: &str| s.get_request("/api/v1/operator/reports").bearer_auth(token).send();
    for _ in 0..3 {
        assert_eq!(queue("wrong-token").await.unwrap().status(), 401);
    }
    let locked = queue(&s.token).await.unwrap();
    assert_eq!(locked.status(), 429, "the right token is refused too while locked");
    assert!(
        locked.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive() {
    let s = TestServer::start(&[]).await;
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
        let res = s
            .get_request("/api/v1/operator/reports")
            .header("authorization", format!("{scheme} {}", s.token))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{scheme}");
    }
    let basic = s
        .get_request("/api/v1/operator/reports")
        .header("authorization", format!("Basic {}", s.token))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 401);
}
