//! Where the server and `public/openapi.yaml` disagreed (found by the Schemathesis run of
//! `scripts/contract-test.sh`): each test pins the side the contract chose, over real HTTP.

mod common;

use common::TestServer;
use serde_json::{json, Value};

/// The contract itself is UTF-8 (it has arrows and Indonesian names): a client that defaults to another
/// charset for a type without one would garble it.
#[tokio::test]
async fn the_contract_is_served_as_utf8_yaml() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!DOCTYPE html><html></html>").unwrap();
    std::fs::write(
        dist.path().join("openapi.yaml"),
        "openapi: 3.1.0\n# submitted → verified\n",
    )
    .unwrap();
    let s = TestServer::start(&["--static", dist.path().to_str().unwrap()]).await;
    let res = s.get("/openapi.yaml").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/yaml; charset=utf-8");
    assert!(res.text().await.unwrap().contains('→'));
}

async fn assert_field_error(s: &TestServer, path: &str, field: &str) {
    let res = s.get_request(path).bearer_auth(&s.token).send().await.unwrap();
    assert_eq!(res.status(), 422, "{path}");
    assert_eq!(res.headers()["content-type"], "application/problem+json", "{path}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], field, "{path}: {body}");
}

/// A typed query parameter (a date, a kind, a status, a page number) is either absent or valid: an empty or
/// padded value is not silently read as "no filter", which would answer a different question than asked.
#[tokio::test]
async fn empty_or_padded_typed_filters_are_422() {
    let s = TestServer::start(&[]).await;
    for route in ["/api/v1/reports", "/api/v1/stats"] {
        for (query, field) in [
            ("from=", "from"),
            ("to=", "to"),
            ("to=%202026-01-01", "to"),
            ("from=2026-01-01%20", "from"),
            ("kind=", "kind"),
        ] {
            assert_field_error(&s, &format!("{route}?{query}"), field).await;
        }
    }
    for (query, field) in [("status=", "status"), ("page=", "page"), ("per_page=", "per_page")] {
        assert_field_error(&s, &format!("/api/v1/reports?{query}"), field).await;
    }
    // Free-text filters keep their meaning: empty is no filter.
    for query in ["q=", "agency=", "category=&region="] {
        let res = s.get(&format!("/api/v1/reports?{query}")).await;
        assert_eq!(res.status(), 200, "{query}");
    }
}

/// The operator queue refuses bad parameters the way the public listing does: 422 with the field named.
#[tokio::test]
async fn operator_queue_parameters_are_validated_like_the_public_list() {
    let s = TestServer::start(&[]).await;
    for (query, field) in [
        ("status=AAA", "status"),
        ("status=", "status"),
        ("page=0", "page"),
        ("page=4294967296", "page"),
        ("per_page=101", "per_page"),
    ] {
        assert_field_error(&s, &format!("/api/v1/operator/reports?{query}"), field).await;
        assert_field_error(&s, &format!("/api/v1/reports?{query}"), field).await;
    }
    // The largest documented page is past the end: an empty page, not an error.
    let res = s
        .http
        .get(format!(
            "{}/api/v1/operator/reports?page=4294967295&per_page=100",
            s.url
        ))
        .bearer_auth(&s.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["items"], json!([]));
}

/// JSON has one number type: `5.0` is the integer 5 (JavaScript sends it as `5`, other languages may not).
#[tokio::test]
async fn a_rating_written_as_a_whole_float_is_accepted() {
    let s = TestServer::start(&[]).await;
    let (ticket, code) = s.submit(|_| {}).await;
    for (to, agency) in [
        ("verified", None),
        ("dispositioned", Some("dinas-pupr")),
        ("in_progress", None),
        ("completed", None),
    ] {
        s.transition(&ticket, json!({ "to": to, "agency_id": agency }), 200)
            .await;
    }
    let rate = |body: Value| {
        s.post(&format!("/api/v1/reports/{ticket}/rating"))
            .header("x-access-code", &code)
            .json(&body)
            .send()
    };
    // Not whole, or out of range: refused as before.
    assert_eq!(rate(json!({ "rating": 4.5 })).await.unwrap().status(), 422);
    assert_eq!(rate(json!({ "rating": 300 })).await.unwrap().status(), 422);
    assert_eq!(rate(json!({ "rating": "5" })).await.unwrap().status(), 400);
    let rated = rate(json!({ "rating": 5.0 })).await.unwrap();
    assert_eq!(rated.status(), 201);
    assert_eq!(rated.json::<Value>().await.unwrap()["rating"], 5);
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// An upload is one part named `file` (`additionalProperties: false`): a part the server would not read is
/// refused rather than silently dropped, so a client sending two files learns that only one was taken.
#[tokio::test]
async fn an_upload_is_exactly_one_part_named_file() {
    let s = TestServer::start(&[]).await;
    let png = || reqwest::multipart::Part::bytes(PNG.to_vec()).file_name("foto.png");
    let send = |form: reqwest::multipart::Form| s.post("/api/v1/attachments").multipart(form).send();
    let extra_before = reqwest::multipart::Form::new().text("caption", "x").part("file", png());
    let extra_after = reqwest::multipart::Form::new().part("file", png()).text("caption", "x");
    let two_files = reqwest::multipart::Form::new().part("file", png()).part("file", png());
    let no_file = reqwest::multipart::Form::new().text("caption", "x");
    for (what, form) in [
        ("no file", no_file),
        ("before", extra_before),
        ("after", extra_after),
        ("two files", two_files),
    ] {
        let res = send(form).await.unwrap();
        assert_eq!(res.status(), 400, "{what}");
        assert_eq!(res.headers()["content-type"], "application/problem+json", "{what}");
    }
    let empty = reqwest::multipart::Part::bytes(Vec::new()).file_name("foto.png");
    let res = send(reqwest::multipart::Form::new().part("file", empty)).await.unwrap();
    assert_eq!(res.status(), 400, "an empty file");
    let one = send(reqwest::multipart::Form::new().part("file", png())).await.unwrap();
    assert_eq!(one.status(), 201);
}
