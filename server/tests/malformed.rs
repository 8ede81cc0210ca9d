//! No malformed input makes the server answer 500 or panic: every decoder is fed hand-picked and
//! generated garbage (a deterministic fuzz loop over mutations of valid bodies).

mod common;

use common::{valid_report, TestServer};
use serde_json::json;

fn assert_client_error(status: u16, what: &str) {
    assert!((400..500).contains(&status), "{what}: {status}");
}

#[tokio::test]
async fn hand_picked_malformed_bodies_are_4xx_problems() {
    let s = TestServer::start(&["--rate-limit", "0"]).await;
    let (ticket, code) = s.submit(|_| {}).await;
    let endpoints = [
        "/api/v1/reports".to_string(),
        format!("/api/v1/reports/{ticket}/replies"),
        format!("/api/v1/reports/{ticket}/rating"),
        format!("/api/v1/reports/{ticket}/supports"),
        format!("/api/v1/operator/reports/{ticket}/transitions"),
    ];
    let bodies: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"null".to_vec(),
        b"[]".to_vec(),
        b"{".to_vec(),
        b"{\"kind\": 5}".to_vec(),
        b"\xff\xfe\x00garbage".to_vec(),
        "{\"rating\": 99999999999999999999}".into(),
        "{\"message\": {\"nested\": true}}".into(),
        "{\"device_id\": \"\"}".into(),
        "{\"to\": \"closed\", \"agency_id\": 7}".into(),
        format!("{{\"title\": \"{}\"}}", "a".repeat(70_000)).into_bytes(),
    ];
    for url in &endpoints {
        for body in &bodies {
            let res = s
                .post(url)
                .bearer_auth(&s.token)
                .header("x-access-code", &code)
                .header("content-type", "application/json")
                .body(body.clone())
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            assert_client_error(
                status,
                &format!("{url} <- {:?}", String::from_utf8_lossy(&body[..body.len().min(40)])),
            );
            assert_eq!(res.headers()["content-type"], "application/problem+json", "{url}");
        }
        let wrong_type = s
            .post(url)
            .bearer_auth(&s.token)
            .header("content-type", "text/plain")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_client_error(wrong_type.status().as_u16(), url);
    }
    for path in [
        "/api/v1/reports/%FF%FE",
        "/api/v1/reports/x/attachments/y",
        "/api/v1/reports?page=-1",
        "/api/v1/stats?from=2026-02-30",
    ] {
        assert_client_error(s.get(path).await.status().as_u16(), path);
    }
    let not_multipart = s
        .post("/api/v1/attachments")
        .header("content-type", "multipart/form-data; boundary=x")
        .body("garbage")
        .send()
        .await
        .unwrap();
    assert_client_error(not_multipart.status().as_u16(), "attachments");
}

/// Mutates valid JSON bodies byte by byte and type by type; the server must never answer 5xx.
#[tokio::test]
async fn generated_mutations_never_cause_a_server_error() {
    let s = TestServer::start(&["--rate-limit", "0"]).await;
    let (ticket, code) = s.submit(|_| {}).await;
    let seeds = [
        (
            "/api/v1/reports".to_string(),
            serde_json::to_vec(&valid_report()).unwrap(),
        ),
        (
            format!("/api/v1/reports/{ticket}/replies"),
            serde_json::to_vec(&json!({ "message": "Info tambahan" })).unwrap(),
        ),
        (
            format!("/api/v1/reports/{ticket}/rating"),
            serde_json::to_vec(&json!({ "rating": 3, "comment": "ok" })).unwrap(),
        ),
        (
            format!("/api/v1/reports/{ticket}/supports"),
            serde_json::to_vec(&json!({ "device_id": "abc" })).unwrap(),
        ),
        (
            format!("/api/v1/operator/reports/{ticket}/transitions"),
            serde_json::to_vec(&json!({ "to": "verified", "message": "ok" })).unwrap(),
        ),
    ];
    let mut rng = fastrand::Rng::with_seed(20261125);
    let replacements: [&[u8]; 10] = [
        b"null",
        b"-1",
        b"1e999",
        b"\"\"",
        b"[]",
        b"{}",
        b"true",
        b"\"\\u0000\"",
        b"\"\\ud800\"",
        b"\"2026-02-30\"",
    ];
    for round in 0..600 {
        let (url, seed) = &seeds[round % seeds.len()];
        let mut body = seed.clone();
        match rng.u8(0..4) {
            0 => {
                let i = rng.usize(..body.len());
                body[i] = rng.u8(..);
            }
            1 => {
                let i = rng.usize(..body.len());
                body.truncate(i);
            }
            2 => {
                // Replace a JSON value (after a colon) with a value of another type.
                let colons: Vec<usize> = body
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b':')
                    .map(|(i, _)| i)
                    .collect();
                let at = colons[rng.usize(..colons.len())] + 1;
                let end = body[at..]
                    .iter()
                    .position(|b| *b == b',' || *b == b'}')
                    .map_or(body.len(), |p| at + p);
                let value = replacements[rng.usize(..replacements.len())];
                body.splice(at..end, value.iter().copied());
            }
            _ => {
                let i = rng.usize(..body.len());
                let j = rng.usize(..body.len());
                body.swap(i, j);
            }
        }
        let res = s
            .post(url)
            .bearer_auth(&s.token)
            .header("x-access-code", &code)
            .header("idempotency-key", format!("fuzz-{round}"))
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert!(
            res.status().as_u16() < 500,
            "{url} <- {:?}: {}",
            String::from_utf8_lossy(&body),
            res.status()
        );
    }
    assert_eq!(s.get("/healthz").await.status(), 200);
}
