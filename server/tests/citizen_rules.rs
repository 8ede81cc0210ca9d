//! The citizen's side of the hardening rules over real HTTP: the input rules of aduan-core as the server
//! applies them (dates, invisible text, direction controls in titles, names and file names), and framing
//! allowed only for pages opened in embed mode.

mod common;

use common::{valid_report, TestServer};
use serde_json::{json, Value};

/// The `(field, code)` pairs of a refused submission; panics unless the server answered 422.
async fn refused(s: &TestServer, body: &Value) -> Vec<(String, String)> {
    let res = s.post("/api/v1/reports").json(body).send().await.unwrap();
    let status = res.status().as_u16();
    let problem: Value = res.json().await.unwrap();
    assert_eq!(status, 422, "{problem}");
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap().into(), e["code"].as_str().unwrap().into()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(f, c)| (f.to_string(), c.to_string())).collect()
}

#[tokio::test]
async fn reports_with_early_dates_invisible_text_or_direction_controls_are_refused_with_the_field_named() {
    let s = TestServer::start(&[]).await;
    let mut early = valid_report();
    early["incident_date"] = json!("1944-12-31");
    assert_eq!(refused(&s, &early).await, pairs(&[("incident_date", "too_early_date")]));

    let mut invisible = valid_report();
    invisible["title"] = json!("\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF} \u{200B}");
    invisible["body"] = json!("\u{200B}".repeat(60));
    assert_eq!(
        refused(&s, &invisible).await,
        pairs(&[("title", "required"), ("body", "required")])
    );

    let mut disguised = valid_report();
    disguised["title"] = json!("Lampu jalan mati \u{202E}takaredem lJ");
    disguised["reporter"]["name"] = json!("Siti \u{2067}Aminah\u{2069}");
    let found = refused(&s, &disguised).await;
    assert_eq!(
        found,
        pairs(&[
            ("title", "direction_characters"),
            ("reporter.name", "direction_characters")
        ])
    );

    // The edges of the rules are accepted.
    let mut fine = valid_report();
    fine["incident_date"] = json!("1945-01-01");
    fine["title"] = json!("\u{FEFF}Lampu jalan mati di Jl. Merdeka\u{200B}");
    let res = s.post("/api/v1/reports").json(&fine).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let ticket = res.json::<Value>().await.unwrap()["ticket"]
        .as_str()
        .unwrap()
        .to_string();
    let stored = s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    assert_eq!(
        stored["title"], "Lampu jalan mati di Jl. Merdeka",
        "invisible ends are trimmed"
    );
}

#[tokio::test]
async fn an_attachment_whose_name_has_direction_controls_is_refused_in_the_requested_language() {
    let s = TestServer::start(&[]).await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    let send = |name: &str| {
        let part = reqwest::multipart::Part::bytes(png.clone())
            .file_name(name.to_string())
            .mime_str("image/png")
            .unwrap();
        s.post("/api/v1/attachments")
            .header("accept-language", "en")
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
    };
    let res = send("foto\u{202E}gnp.exe").await.unwrap();
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "file", "{problem}");
    assert_eq!(problem["errors"][0]["code"], "direction_characters", "{problem}");
    assert_eq!(
        problem["errors"][0]["message"], "Contains text-direction characters that are not allowed.",
        "{problem}"
    );
    let ok = send("foto jalan.png").await.unwrap();
    assert_eq!(ok.status(), 201);
}

/// A built SPA in a temporary directory, as `--static` serves it.
fn spa() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!DOCTYPE html><html><head><script type=\"module\">init();</script></head><body></body></html>",
    )
    .unwrap();
    dist
}

async fn framing(s: &TestServer, path: &str) -> (String, Option<String>) {
    let res = s.get(path).await;
    assert_eq!(res.status(), 200);
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
    let ancestors = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("frame-ancestors"))
        .unwrap_or_else(|| panic!("no frame-ancestors in {csp}"))
        .to_string();
    let xfo = res
        .headers()
        .get("x-frame-options")
        .map(|v| v.to_str().unwrap().to_string());
    (ancestors, xfo)
}

#[tokio::test]
async fn only_pages_opened_in_embed_mode_may_be_framed() {
    let dist = spa();
    let s = TestServer::start(&["--static", dist.path().to_str().unwrap()]).await;
    for path in [
        "/",
        "/lacak/ABCDEFGHJ",
        "/lapor?lang=en",
        "/lapor?embed=0",
        "/lapor?xembed=1",
    ] {
        assert_eq!(
            framing(&s, path).await,
            ("frame-ancestors 'none'".to_string(), Some("DENY".to_string())),
            "{path}"
        );
    }
    for path in ["/lapor?embed=1", "/lacak/ABCDEFGHJ?lang=id&embed=1"] {
        assert_eq!(
            framing(&s, path).await,
            ("frame-ancestors *".to_string(), None),
            "{path}"
        );
    }
}

#[tokio::test]
async fn with_embed_origins_only_those_sites_may_frame_embed_pages() {
    let dist = spa();
    let s = TestServer::start(&[
        "--static",
        dist.path().to_str().unwrap(),
        "--embed-origins",
        "https://kota.example.go.id,http://127.0.0.1:8000/",
    ])
    .await;
    assert_eq!(
        framing(&s, "/lapor?embed=1").await.0,
        "frame-ancestors https://kota.example.go.id http://127.0.0.1:8000"
    );
    assert_eq!(framing(&s, "/lapor").await.0, "frame-ancestors 'none'");
}

#[test]
fn an_embed_origin_that_is_not_an_origin_stops_the_server_from_starting() {
    use clap::Parser;
    let dist = spa();
    let data = tempfile::tempdir().unwrap();
    let config = aduan_server::Config::parse_from([
        "aduan-server",
        "--data",
        data.path().to_str().unwrap(),
        "--operator-token",
        "test-operator-token-long-enough-for-any-rule",
        "--static",
        dist.path().to_str().unwrap(),
        "--embed-origins",
        "https://a.example; script-src *",
    ]);
    let error = aduan_server::build(&config).err().expect("refused");
    assert!(error.to_string().contains("embed-origins"), "{error}");
}
