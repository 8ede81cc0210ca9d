//! `/open311/v2/` against the GeoReport v2 specification's own rules: unknown paths, coordinates,
//! jurisdictions, absent optional fields, clients that send only the standard's fields, discovery and XML.

mod common;

use common::TestServer;
use serde_json::Value;

/// A server that also serves a built SPA, whose fallback to index.html must not swallow Open311 paths.
async fn with_spa(extra: &[&str]) -> (TestServer, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!DOCTYPE html><html><body>SPA</body></html>").unwrap();
    let mut args = vec!["--static", dist.path().to_str().unwrap()];
    args.extend_from_slice(extra);
    (TestServer::start(&args).await, dist)
}

async fn post_form(s: &TestServer, path: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
    s.post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(pairs).unwrap())
        .send()
        .await
        .unwrap()
}

const FULL: &[(&str, &str)] = &[
    ("service_code", "jalan"),
    (
        "description",
        "Lubang besar di tengah jalan membahayakan pengendara motor setiap malam.",
    ),
    ("address_string", "Jl. Merdeka depan pasar"),
    ("lat", "-6.2"),
    ("long", "106.8"),
    ("first_name", "Siti"),
    ("email", "siti@contoh.id"),
    ("attribute[judul]", "Jalan berlubang di Jl. Merdeka"),
    ("attribute[kecamatan]", "cempaka"),
    ("attribute[tanggal_kejadian]", "2026-01-15T08:00:00+07:00"),
];

fn content_type(res: &reqwest::Response) -> String {
    res.headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn paths_that_are_not_endpoints_are_404_in_the_error_format_never_the_app_page() {
    let (s, _dist) = with_spa(&[]).await;
    for path in [
        "/open311/v2/nothing.json",
        "/open311/v2/",
        "/open311/v2/services/jalan/extra.json",
        "/open311/v2/requests",
    ] {
        let res = s.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert!(content_type(&res).starts_with("application/json"), "{path}");
        let errors: Value = res.json().await.unwrap();
        assert_eq!(errors[0]["code"], "404", "{path}");
        assert!(errors[0]["description"].is_string(), "{path}");
    }
    for path in ["/open311/v2/nothing.xml", "/open311/v2/x/y.xml"] {
        let res = s.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert_eq!(content_type(&res), "text/xml; charset=utf-8", "{path}");
        let body = res.text().await.unwrap();
        assert!(body.contains("<errors><error><code>404</code><description>"), "{path}: {body}");
    }
    // The app's own paths still fall back to its page.
    let res = s.get("/lacak/ABC").await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("SPA"));
}

#[tokio::test]
async fn coordinates_posted_come_back_unless_the_report_is_confidential() {
    let s = TestServer::start(&["--demo", "--demo-reports", "10"]).await;
    let res = post_form(&s, "/open311/v2/requests.json", FULL).await;
    assert_eq!(res.status(), 200);
    let created: Value = res.json().await.unwrap();
    let id = created[0]["service_request_id"].as_str().unwrap().to_string();
    let one = s.get_json(&format!("/open311/v2/requests/{id}.json")).await;
    assert_eq!((one[0]["lat"].as_f64(), one[0]["long"].as_f64()), (Some(-6.2), Some(106.8)));
    let listed = s
        .get_json(&format!("/open311/v2/requests.json?service_request_id={id}"))
        .await;
    assert_eq!((listed[0]["lat"].as_f64(), listed[0]["long"].as_f64()), (Some(-6.2), Some(106.8)));
    // A confidential report's place is hidden like its address on /api/v1.
    let (ticket, _) = s
        .submit(|b| {
            b["confidential"] = serde_json::json!(true);
            b["location"] = serde_json::json!({"lat": -6.3, "lon": 106.9});
        })
        .await;
    let hidden = s.get_json(&format!("/open311/v2/requests/{ticket}.json")).await;
    assert!(hidden[0].get("lat").is_none_or(Value::is_null) && hidden[0].get("long").is_none_or(Value::is_null));
}

#[tokio::test]
async fn an_unknown_jurisdiction_is_a_400_in_the_error_format() {
    let s = TestServer::start(&["--open311-jurisdiction", "sukamaju.go.id"]).await;
    for path in [
        "/open311/v2/services.json?jurisdiction_id=elsewhere.gov",
        "/open311/v2/services/jalan.json?jurisdiction_id=elsewhere.gov",
        "/open311/v2/requests.json?jurisdiction_id=elsewhere.gov",
    ] {
        let res = s.get(path).await;
        assert_eq!(res.status(), 400, "{path}");
        let errors: Value = res.json().await.unwrap();
        assert_eq!(errors[0]["code"], "400", "{path}");
        assert!(errors[0]["description"].as_str().unwrap().contains("jurisdiction_id"), "{path}");
    }
    let mut posted = FULL.to_vec();
    posted.push(("jurisdiction_id", "elsewhere.gov"));
    let res = post_form(&s, "/open311/v2/requests.json", &posted).await;
    assert_eq!(res.status(), 400);
    // Ours, or none at all, is accepted.
    assert_eq!(s.get("/open311/v2/services.json?jurisdiction_id=sukamaju.go.id").await.status(), 200);
    assert_eq!(s.get("/open311/v2/services.json").await.status(), 200);
    posted.pop();
    posted.push(("jurisdiction_id", "sukamaju.go.id"));
    assert_eq!(post_form(&s, "/open311/v2/requests.json", &posted).await.status(), 200);
    // A server with no jurisdiction configured serves a single city and takes any.
    let any = TestServer::start(&[]).await;
    assert_eq!(any.get("/open311/v2/services.json?jurisdiction_id=x").await.status(), 200);
}
