//! The foundation over real HTTP: health, portal, statistics, error format, static files and CSP.

mod common;

use aduan_core::stats::nearest_rank;
use common::TestServer;
use serde_json::Value;

#[tokio::test]
async fn health_and_portal_describe_the_demo_city() {
    let s = TestServer::start(&["--demo", "--demo-reports", "300"]).await;
    assert_eq!(s.get("/healthz").await.status(), 200);
    let portal = s.get_json("/api/v1/portal").await;
    assert_eq!(
        portal["kinds"],
        serde_json::json!(["complaint", "aspiration", "information"])
    );
    assert!(portal["agencies"].as_array().unwrap().len() >= 35);
    assert!((10..=15).contains(&portal["categories"].as_array().unwrap().len()));
    assert_eq!(portal["sla"]["verify_days"], 3);
    assert_eq!(portal["sla"]["respond_days"], 10);
    assert_eq!(portal["sla"]["escalate_days"], 60);
    assert!(portal["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["date"] == "2026-08-17"));
    assert_eq!(portal["completion_target"], 0.9);
}

fn sum(v: &Value) -> u64 {
    v.as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum()
}

#[tokio::test]
async fn stats_add_up_and_match_the_stored_reports() {
    let s = TestServer::start(&["--demo", "--demo-reports", "1500"]).await;
    let stats = s.get_json("/api/v1/stats").await;
    let total = stats["total"].as_u64().unwrap();
    assert_eq!(total, 1500);
    assert_eq!(sum(&stats["by_status"]), total);
    assert_eq!(sum(&stats["by_kind"]), total);
    let categorised: u64 = rusqlite::Connection::open(s.db_path())
        .unwrap()
        .query_row("SELECT COUNT(*) FROM reports WHERE category_id IS NOT NULL", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(sum(&stats["by_category"]), categorised);
    let jalan = s.get_json("/api/v1/stats?category=jalan").await;
    assert_eq!(jalan["total"], stats["by_category"]["jalan"]);
    let agencies = stats["agencies"].as_array().unwrap();
    assert_eq!(
        agencies.iter().map(|a| a["received"].as_u64().unwrap()).sum::<u64>(),
        total,
        "agency rows sum to the total"
    );
    assert!(
        agencies.iter().any(|a| a["id"].is_null()),
        "unassigned reports form their own row"
    );
    let monthly = stats["monthly"].as_array().unwrap();
    assert!(monthly.len() >= 24);
    assert_eq!(
        monthly.iter().map(|m| m["received"].as_u64().unwrap()).sum::<u64>(),
        total
    );
    let completed = stats["completed"].as_u64().unwrap();
    assert_eq!(
        completed,
        stats["by_status"]["completed"].as_u64().unwrap_or(0) + stats["by_status"]["closed"].as_u64().unwrap_or(0)
    );
    assert!((stats["completion_rate"].as_f64().unwrap() - completed as f64 / total as f64).abs() < 1e-9);

    // The medians equal what the stored rows give by the same nearest-rank definition.
    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    let mut days: Vec<f64> = conn
        .prepare("SELECT response_days FROM reports WHERE response_days IS NOT NULL")
        .unwrap()
        .query_map([], |r| r.get::<_, f64>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    days.sort_by(f64::total_cmp);
    assert_eq!(stats["median_response_days"].as_f64(), nearest_rank(&days, 0.5));
    assert_eq!(stats["p90_response_days"].as_f64(), nearest_rank(&days, 0.9));
    let escalated: u64 = conn
        .query_row(
            "SELECT COUNT(*) FROM reports WHERE escalated_day IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stats["escalated"].as_u64(), Some(escalated));
}

#[tokio::test]
async fn stats_filters_narrow_the_figures() {
    let s = TestServer::start(&["--demo", "--demo-reports", "800"]).await;
    let all = s.get_json("/api/v1/stats").await;
    let complaints = s.get_json("/api/v1/stats?kind=complaint").await;
    assert_eq!(complaints["total"], all["by_kind"]["complaint"]);
    assert_eq!(complaints["by_kind"].as_object().unwrap().len(), 1);

    let top = &all["agencies"][0];
    let id = top["id"].as_str().unwrap();
    let one = s.get_json(&format!("/api/v1/stats?agency={id}")).await;
    assert_eq!(one["total"], top["received"]);
    assert_eq!(one["agencies"].as_array().unwrap().len(), 1);

    let month = all["monthly"].as_array().unwrap().iter().rev().nth(2).unwrap().clone();
    let first: chrono::NaiveDate = format!("{}-01", month["month"].as_str().unwrap()).parse().unwrap();
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap()
        .pred_opt()
        .unwrap();
    let period = s.get_json(&format!("/api/v1/stats?from={first}&to={last}")).await;
    assert_eq!(period["total"], month["received"]);

    let none = s.get_json("/api/v1/stats?from=2000-01-01&to=2000-12-31").await;
    assert_eq!(none["total"], 0);
    assert_eq!(none["completion_rate"], 0.0);
    assert!(none["median_response_days"].is_null());
    assert_eq!(none["agencies"], serde_json::json!([]));
}

#[tokio::test]
async fn bad_filters_are_structured_422_never_500() {
    let s = TestServer::start(&[]).await;
    for q in [
        "from=kemarin",
        "kind=other",
        "from=2026-02-01&to=2026-01-01",
        "to=2026-13-40",
        "from=%ZZ",
    ] {
        let res = s.get(&format!("/api/v1/stats?{q}")).await;
        assert!(res.status().is_client_error(), "{q}: {}", res.status());
        assert_eq!(res.headers()["content-type"], "application/problem+json", "{q}");
        let body: Value = res.json().await.unwrap();
        assert!(body["title"].is_string(), "{q}");
    }
    let body: Value = s.get("/api/v1/stats?kind=other").await.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "kind");
    assert_eq!(body["errors"][0]["code"], "unknown");
    let res = s.get("/api/v1/no-such-thing").await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
}

#[tokio::test]
async fn the_spa_is_served_with_fallback_csp_and_cache_headers() {
    let dist = tempfile::tempdir().unwrap();
    let html = "<!DOCTYPE html><html><head><script type=\"module\">import init from '/app-0123456789abcdef.js';init();</script></head><body></body></html>";
    std::fs::write(dist.path().join("index.html"), html).unwrap();
    std::fs::write(
        dist.path().join("app-0123456789abcdef.js"),
        "export default function init() {}",
    )
    .unwrap();
    std::fs::write(
        dist.path().join("config.json"),
        r#"{"backend":{"base_url":"https://lapor.example.go.id/api/v1"}}"#,
    )
    .unwrap();
    let s = TestServer::start(&["--static", dist.path().to_str().unwrap()]).await;

    let page = s.get("/lacak/ABCDEFGHJ").await;
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert_eq!(page.headers()["cache-control"], "no-cache");
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    assert!(
        page.text().await.unwrap().contains("import init"),
        "unknown paths fall back to index.html"
    );
    assert!(csp.contains("'sha256-"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("connect-src 'self' https://lapor.example.go.id"), "{csp}");

    let asset = s.get("/app-0123456789abcdef.js").await;
    assert_eq!(asset.headers()["cache-control"], "public, max-age=31536000, immutable");
    // Trunk writes the hash without leading zeros, so one build in 16 has 15 digits.
    std::fs::write(dist.path().join("app-123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    assert_eq!(
        s.get("/app-123456789abcdef_bg.wasm").await.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(s.get("/icon-192.png").await.headers()["cache-control"], "no-cache");

    // A precompressed copy written by the build is sent as it is to a browser that takes brotli.
    std::fs::write(
        dist.path().join("app-0123456789abcdef.js.br"),
        b"precompressed brotli bytes",
    )
    .unwrap();
    let br = s
        .get_request("/app-0123456789abcdef.js")
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    assert!(br.headers()["vary"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase()
        .contains("accept-encoding"));
    assert!(br.headers()["content-type"].to_str().unwrap().contains("javascript"));
    assert_eq!(br.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(br.bytes().await.unwrap().as_ref(), b"precompressed brotli bytes");
    let plain = s
        .get_request("/app-0123456789abcdef.js")
        .header("accept-encoding", "identity")
        .send()
        .await
        .unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.unwrap(), "export default function init() {}");

    // The manifest takes the city's name, colour and language from config.json, and follows its edits.
    std::fs::write(
        dist.path().join("manifest.webmanifest"),
        r##"{"name":"Aduan","short_name":"Aduan","lang":"id","theme_color":"#0b5394","start_url":"/"}"##,
    )
    .unwrap();
    std::fs::write(
        dist.path().join("config.json"),
        r##"{"portal_name":"Lapor Kabupaten Lestari","primary_color":"#6a1b9a","default_language":"en","backend":{"base_url":"https://lapor.example.go.id/api/v1"}}"##,
    )
    .unwrap();
    let res = s.get("/manifest.webmanifest").await;
    assert_eq!(res.headers()["content-type"], "application/manifest+json");
    let manifest: Value = res.json().await.unwrap();
    assert_eq!(
        (manifest["name"].as_str(), manifest["short_name"].as_str()),
        (Some("Lapor Kabupaten Lestari"), Some("Lapor Kabupaten Lestari"))
    );
    assert_eq!(
        (
            manifest["theme_color"].as_str(),
            manifest["lang"].as_str(),
            manifest["start_url"].as_str()
        ),
        (Some("#6a1b9a"), Some("en"), Some("/"))
    );
    std::fs::write(
        dist.path().join("config.json"),
        r##"{"portal_name":" ","primary_color":"red; x","backend":{"base_url":"/api/v1"}}"##,
    )
    .unwrap();
    let kept: Value = s.get("/manifest.webmanifest").await.json().await.unwrap();
    assert_eq!(
        (kept["name"].as_str(), kept["theme_color"].as_str()),
        (Some("Aduan"), Some("#0b5394")),
        "invalid values leave the built manifest as it is"
    );
    std::fs::write(
        dist.path().join("config.json"),
        r#"{"backend":{"base_url":"https://lapor.example.go.id/api/v1"}}"#,
    )
    .unwrap();
    assert_eq!(
        s.get("/").await.headers()["content-security-policy"].to_str().unwrap(),
        csp
    );

    // A new build deployed under the running server: its loader's hash is allowed at once.
    let rebuilt = html.replace("0123456789abcdef", "fedcba9876543210");
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dist.path().join("index.html"), &rebuilt).unwrap();
    let filetime = std::fs::File::options()
        .write(true)
        .open(dist.path().join("index.html"))
        .unwrap();
    filetime
        .set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(2))
        .unwrap();
    let again = s.get("/").await.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert_ne!(again, csp);
    use base64::Engine;
    use sha2::Digest;
    let loader = &rebuilt[rebuilt.find("import init").unwrap()..rebuilt.find("</script>").unwrap()];
    let digest = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(loader.as_bytes()));
    assert!(again.contains(&format!("'sha256-{digest}'")), "{again}");
}

#[tokio::test]
async fn the_operator_token_is_generated_once_and_kept() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let config = |args: &[&str]| {
        let mut all = vec!["aduan-server", "--data", dir];
        all.extend_from_slice(args);
        <aduan_server::Config as clap::Parser>::parse_from(all)
    };
    let (_, first) = aduan_server::build(&config(&[])).unwrap();
    let (_, second) = aduan_server::build(&config(&[])).unwrap();
    // 32 bytes from the operating system, URL-safe base64 without padding.
    assert_eq!(first.operator_token.len(), 43, "{}", first.operator_token);
    assert!(first
        .operator_token
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(first.operator_token, second.operator_token);
    let kept = std::fs::read_to_string(data.path().join("operator-token")).unwrap();
    assert_eq!(kept.trim(), &*first.operator_token);

    let long = "a-configured-token-of-32-characters";
    let (_, configured) = aduan_server::build(&config(&["--operator-token", long])).unwrap();
    assert_eq!(&*configured.operator_token, long);
    let err = aduan_server::build(&config(&["--operator-token", "from-config"]))
        .err()
        .unwrap();
    assert!(err.contains("32 characters"), "{err}");
    std::fs::write(data.path().join("operator-token"), "short\n").unwrap();
    let err = aduan_server::build(&config(&[])).err().unwrap();
    assert!(err.contains("32 characters") && err.contains("operator-token"), "{err}");
}

#[tokio::test]
async fn demo_data_is_deterministic_for_a_seed() {
    let tickets = |dir: &std::path::Path| -> Vec<(String, String)> {
        let conn = rusqlite::Connection::open(dir.join("aduan.sqlite3")).unwrap();
        let mut stmt = conn.prepare("SELECT ticket, title FROM reports ORDER BY id").unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows
    };
    let a = TestServer::start(&["--demo", "--demo-reports", "200", "--demo-seed", "7"]).await;
    let b = TestServer::start(&["--demo", "--demo-reports", "200", "--demo-seed", "7"]).await;
    let c = TestServer::start(&["--demo", "--demo-reports", "200", "--demo-seed", "8"]).await;
    assert_eq!(tickets(a.data.path()), tickets(b.data.path()));
    assert_ne!(tickets(a.data.path()), tickets(c.data.path()));
    for (ticket, _) in tickets(a.data.path()) {
        assert!(aduan_core::ticket::Ticket::parse(&ticket).is_ok(), "{ticket}");
    }
}

/// Every path in public/openapi.yaml reaches a handler rather than the API's not-found fallback.
#[tokio::test]
async fn every_documented_path_is_routed() {
    let s = TestServer::start(&[]).await;
    let spec = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/openapi.yaml")).unwrap();
    let paths: Vec<&str> = spec
        .lines()
        .skip_while(|l| *l != "paths:")
        .take_while(|l| *l != "components:")
        .filter_map(|l| l.strip_prefix("  /").and_then(|p| p.strip_suffix(':')))
        .collect();
    assert!(paths.len() >= 11, "{paths:?}");
    let fallback = s
        .get("/api/v1/definitely-not-a-route")
        .await
        .json::<Value>()
        .await
        .unwrap();
    for path in paths {
        let url = format!("/api/v1/{}", path.replace("{ticket}", "23456789A").replace("{id}", "0"));
        for method in [reqwest::Method::GET, reqwest::Method::POST] {
            let res = s
                .http
                .request(method.clone(), format!("{}{url}", s.url))
                .send()
                .await
                .unwrap();
            let status = res.status();
            let body: Value = res.json().await.unwrap_or_default();
            assert!(
                !(status == 404 && body == fallback),
                "{method} {url} is documented but not routed"
            );
        }
    }
}

#[tokio::test]
async fn a_holiday_file_replaces_the_built_in_calendar_for_portal_and_deadlines() {
    use aduan_core::calendar::WIB_OFFSET_SECONDS;
    use aduan_core::{Holiday, WorkingCalendar};
    // The next ten days are declared holidays: deadlines must skip them all.
    let cal = WorkingCalendar::new([], WIB_OFFSET_SECONDS);
    let today = cal.local_date(chrono::Utc::now());
    let holidays: Vec<Holiday> = (1..=10)
        .map(|i| Holiday {
            date: today + chrono::Duration::days(i),
            name: format!("Libur uji {i}"),
            collective_leave: i > 5,
        })
        .collect();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), serde_json::to_string(&holidays).unwrap()).unwrap();
    let s = TestServer::start(&["--holidays", file.path().to_str().unwrap()]).await;
    let portal = s.get_json("/api/v1/portal").await;
    let served: Vec<Holiday> = serde_json::from_value(portal["holidays"].clone()).unwrap();
    assert_eq!(served, holidays);
    let (ticket, _) = s.submit(|_| {}).await;
    let report = s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    let custom = WorkingCalendar::new(holidays, WIB_OFFSET_SECONDS);
    let expected = custom.add_working_days(today, 3);
    assert_eq!(report["deadlines"]["verify"]["due"], expected.to_string());
    assert!(
        expected > today + chrono::Duration::days(10),
        "the custom holidays must move the deadline, or this test could not tell the two calendars apart"
    );
}
