//! `/open311/v2/` against the GeoReport v2 specification's own rules: unknown paths, coordinates,
//! jurisdictions, absent optional fields, clients that send only the standard's fields, discovery and XML.

mod common;

use common::TestServer;
use serde_json::Value;

/// A server that also serves a built SPA, whose fallback to index.html must not swallow Open311 paths.
async fn with_spa(extra: &[&str]) -> (TestServer, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!DOCTYPE html><html><body>SPA</body></html>",
    )
    .unwrap();
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
        assert!(
            body.contains("<errors><error><code>404</code><description>"),
            "{path}: {body}"
        );
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
    assert_eq!(
        (one[0]["lat"].as_f64(), one[0]["long"].as_f64()),
        (Some(-6.2), Some(106.8))
    );
    let listed = s
        .get_json(&format!("/open311/v2/requests.json?service_request_id={id}"))
        .await;
    assert_eq!(
        (listed[0]["lat"].as_f64(), listed[0]["long"].as_f64()),
        (Some(-6.2), Some(106.8))
    );
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
        assert!(
            errors[0]["description"].as_str().unwrap().contains("jurisdiction_id"),
            "{path}"
        );
    }
    let mut posted = FULL.to_vec();
    posted.push(("jurisdiction_id", "elsewhere.gov"));
    let res = post_form(&s, "/open311/v2/requests.json", &posted).await;
    assert_eq!(res.status(), 400);
    // Ours, or none at all, is accepted.
    assert_eq!(
        s.get("/open311/v2/services.json?jurisdiction_id=sukamaju.go.id")
            .await
            .status(),
        200
    );
    assert_eq!(s.get("/open311/v2/services.json").await.status(), 200);
    posted.pop();
    posted.push(("jurisdiction_id", "sukamaju.go.id"));
    assert_eq!(post_form(&s, "/open311/v2/requests.json", &posted).await.status(), 200);
    // A server with no jurisdiction configured serves a single city and takes any.
    let any = TestServer::start(&[]).await;
    assert_eq!(
        any.get("/open311/v2/services.json?jurisdiction_id=x").await.status(),
        200
    );
}

/// The field names of GeoReport v2's documents, per endpoint.
const SERVICE_FIELDS: &[&str] = &[
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
];
const DEFINITION_FIELDS: &[&str] = &["service_code", "attributes"];
const ATTRIBUTE_FIELDS: &[&str] = &[
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
    "values",
];
const REQUEST_FIELDS: &[&str] = &[
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
];
const CREATED_FIELDS: &[&str] = &["service_request_id", "token", "service_notice", "account_id"];
const TOKEN_FIELDS: &[&str] = &["service_request_id", "token"];
const ERROR_FIELDS: &[&str] = &["code", "description"];

fn no_null(at: &str, v: &Value) {
    match v {
        Value::Null => panic!("null at {at}"),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, x)| no_null(&format!("{at}[{i}]"), x)),
        Value::Object(map) => map.iter().for_each(|(k, x)| no_null(&format!("{at}.{k}"), x)),
        _ => {}
    }
}

/// Each entry of `list` is an object with only the specification's `fields` and no null anywhere.
fn spec_entries(what: &str, list: &Value, fields: &[&str]) {
    no_null(what, list);
    let list = list
        .as_array()
        .unwrap_or_else(|| panic!("{what} is not an array: {list}"));
    assert!(!list.is_empty(), "{what} is empty");
    for entry in list {
        for key in entry.as_object().unwrap().keys() {
            assert!(
                fields.contains(&key.as_str()),
                "{what}: {key} is not a GeoReport v2 field"
            );
        }
    }
}

#[tokio::test]
async fn every_json_answer_has_the_specs_fields_and_no_null() {
    let s = TestServer::start(&["--demo", "--demo-reports", "30"]).await;
    let services = s.get_json("/open311/v2/services.json").await;
    spec_entries("services", &services, SERVICE_FIELDS);
    let def = s.get_json("/open311/v2/services/jalan.json").await;
    spec_entries("definition", &Value::Array(vec![def.clone()]), DEFINITION_FIELDS);
    spec_entries("attributes", &def["attributes"], ATTRIBUTE_FIELDS);
    // A report made without coordinates, address or contact: every empty optional field is left out.
    let res = post_form(
        &s,
        "/open311/v2/requests.json",
        &FULL
            .iter()
            .copied()
            .filter(|(k, _)| !["lat", "long", "address_string", "first_name", "email"].contains(k))
            .collect::<Vec<_>>(),
    )
    .await;
    let created: Value = res.json().await.unwrap();
    spec_entries("created", &created, CREATED_FIELDS);
    let id = created[0]["service_request_id"].as_str().unwrap();
    let one = s.get_json(&format!("/open311/v2/requests/{id}.json")).await;
    spec_entries("request", &one, REQUEST_FIELDS);
    assert!(one[0].get("lat").is_none() && one[0].get("address").is_none(), "{one}");
    let all = s.get_json("/open311/v2/requests.json").await;
    spec_entries("requests", &all, REQUEST_FIELDS);
    let token = s.get_json(&format!("/open311/v2/tokens/{id}.json")).await;
    spec_entries("token", &token, TOKEN_FIELDS);
    let res = s.get("/open311/v2/requests/K7M3Q9XR2.json").await;
    assert_eq!(res.status(), 404);
    let errors: Value = res.json().await.unwrap();
    spec_entries("errors", &errors, ERROR_FIELDS);
}

#[tokio::test]
async fn a_client_sending_only_the_specs_basic_fields_is_accepted() {
    let s = TestServer::start(&["--demo", "--demo-reports", "5"]).await;
    let description = "Lampu penerangan jalan di depan sekolah dasar mati sejak minggu lalu. Anak-anak pulang \
                       les dalam gelap dan beberapa pengendara hampir menabrak pejalan kaki.";
    let res = post_form(
        &s,
        "/open311/v2/requests.json",
        &[
            ("service_code", "jalan"),
            ("description", description),
            ("lat", "-6.21"),
            ("long", "106.81"),
            ("email", "warga@contoh.id"),
            ("first_name", "Budi"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let created: Value = res.json().await.unwrap();
    let id = created[0]["service_request_id"].as_str().unwrap();
    let ours = s.get_json(&format!("/api/v1/reports/{id}")).await;
    // The title is the description's first sentence; no district or incident date is made up.
    assert_eq!(
        ours["title"],
        "Lampu penerangan jalan di depan sekolah dasar mati sejak minggu lalu."
    );
    assert!(ours["region"].is_null() && ours["incident_date"].is_null(), "{ours}");
    // The portal's questions are still offered.
    let def = s.get_json("/open311/v2/services/jalan.json").await;
    let codes: Vec<&str> = def["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["judul", "kecamatan", "tanggal_kejadian"]);
    // An answer given is still checked.
    let res = post_form(
        &s,
        "/open311/v2/requests.json",
        &[
            ("service_code", "jalan"),
            ("description", description),
            ("attribute[kecamatan]", "tidak-ada"),
        ],
    )
    .await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn discovery_describes_the_endpoint_in_both_formats() {
    let s = TestServer::start(&["--open311-contact", "Dinas Kominfo, pengaduan@sukamaju.go.id"]).await;
    let d = s.get_json("/open311/v2/discovery.json").await;
    no_null("discovery", &d);
    assert_eq!(d["contact"], "Dinas Kominfo, pengaduan@sukamaju.go.id");
    assert!(d["changeset"]
        .as_str()
        .unwrap()
        .parse::<chrono::DateTime<chrono::Utc>>()
        .is_ok());
    let endpoint = &d["endpoints"][0];
    assert_eq!(endpoint["specification"], "http://wiki.open311.org/GeoReport_v2");
    assert!(endpoint["url"].as_str().unwrap().ends_with("/open311/v2"), "{endpoint}");
    assert_eq!(endpoint["type"], "production");
    let formats: Vec<&str> = endpoint["formats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(formats.contains(&"application/json"), "{formats:?}");
    let res = s.get("/open311/v2/discovery.xml").await;
    assert_eq!(res.status(), 200);
    assert_eq!(content_type(&res), "text/xml; charset=utf-8");
    let xml = res.text().await.unwrap();
    for part in [
        "<discovery>",
        "<contact>Dinas Kominfo, pengaduan@sukamaju.go.id</contact>",
        "<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>",
        "<formats><format>text/xml</format><format>application/json</format></formats>",
    ] {
        assert!(xml.contains(part), "{part} not in {xml}");
    }
    // Without a contact configured, the portal's name says who answers.
    let plain = TestServer::start(&[]).await;
    let d = plain.get_json("/open311/v2/discovery.json").await;
    assert_eq!(d["contact"], "Aduan Kota Sukamaju");
}

/// The fields of each `item` under `root` in a GeoReport v2 XML document, with their text (empty for an
/// element holding elements, such as `attributes`).
fn xml_entries(xml: &str, root: &str, item: &str) -> Vec<Vec<(String, String)>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut depth, mut entries, mut text) = (0, Vec::<Vec<(String, String)>>::new(), String::new());
    let mut field = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                depth += 1;
                let name = e.name().as_ref().to_string();
                match depth {
                    1 => assert_eq!(name, root, "{xml}"),
                    2 => {
                        assert_eq!(name, item, "{xml}");
                        entries.push(vec![]);
                    }
                    3 => (field, text) = (name, String::new()),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let name = e.name().as_ref().to_string();
                panic!("empty element {name} in {xml}");
            }
            Event::Text(t) if depth == 3 => text.push_str(&t.into_inner()),
            Event::GeneralRef(r) if depth == 3 => text.push_str(&format!("&{};", r.into_inner())),
            Event::End(_) => {
                if depth == 3 {
                    entries.last_mut().unwrap().push((field.clone(), text.clone()));
                }
                depth -= 1;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    entries
}

async fn xml_of(res: reqwest::Response, status: u16) -> String {
    assert_eq!(res.status(), status, "{}", res.url());
    assert_eq!(content_type(&res), "text/xml; charset=utf-8", "{}", res.url());
    let body = res.text().await.unwrap();
    assert!(body.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "{body}");
    body
}

fn only_spec_fields(what: &str, entries: &[Vec<(String, String)>], fields: &[&str]) {
    assert!(!entries.is_empty(), "{what} is empty");
    for entry in entries {
        for (name, _) in entry {
            assert!(
                fields.contains(&name.as_str()),
                "{what}: {name} is not a GeoReport v2 field"
            );
        }
    }
}

fn value<'a>(entry: &'a [(String, String)], field: &str) -> Option<&'a str> {
    entry.iter().find(|(n, _)| n == field).map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn every_endpoint_answers_in_xml_with_the_specs_elements() {
    let s = TestServer::start(&[
        "--demo",
        "--demo-reports",
        "20",
        "--open311-jurisdiction",
        "sukamaju.go.id",
    ])
    .await;
    let services = xml_of(s.get("/open311/v2/services.xml").await, 200).await;
    let entries = xml_entries(&services, "services", "service");
    only_spec_fields("services", &entries, SERVICE_FIELDS);
    let json = s.get_json("/open311/v2/services.json").await;
    assert_eq!(entries.len(), json.as_array().unwrap().len());
    assert_eq!(value(&entries[0], "metadata"), Some("true"));

    let def = xml_of(s.get("/open311/v2/services/jalan.xml").await, 200).await;
    assert!(def.contains("<service_definition><service_code>jalan</service_code><attributes><attribute><variable>true</variable><code>judul</code>"), "{def}");
    assert!(def.contains("<values><value><key>"), "{def}");
    xml_of(s.get("/open311/v2/services/tidak-ada.xml").await, 404).await;

    let form: Vec<(&str, &str)> = FULL.to_vec();
    let created = xml_of(post_form(&s, "/open311/v2/requests.xml", &form).await, 200).await;
    let entries = xml_entries(&created, "service_requests", "request");
    only_spec_fields("created", &entries, CREATED_FIELDS);
    let id = value(&entries[0], "service_request_id").unwrap().to_string();

    let one = xml_of(s.get(&format!("/open311/v2/requests/{id}.xml")).await, 200).await;
    let entries = xml_entries(&one, "service_requests", "request");
    only_spec_fields("request", &entries, REQUEST_FIELDS);
    assert_eq!(value(&entries[0], "lat"), Some("-6.2"));
    assert_eq!(value(&entries[0], "long"), Some("106.8"));
    assert_eq!(value(&entries[0], "status"), Some("open"));

    let list = xml_of(s.get("/open311/v2/requests.xml?status=open").await, 200).await;
    let entries = xml_entries(&list, "service_requests", "request");
    only_spec_fields("requests", &entries, REQUEST_FIELDS);
    assert!(entries
        .iter()
        .any(|e| value(e, "service_request_id") == Some(id.as_str())));

    let token = xml_of(s.get(&format!("/open311/v2/tokens/{id}.xml")).await, 200).await;
    let entries = xml_entries(&token, "service_requests", "request");
    only_spec_fields("token", &entries, TOKEN_FIELDS);
    assert_eq!(value(&entries[0], "token"), Some(id.as_str()));

    // Errors in XML: unknown request, invalid form, another jurisdiction.
    for res in [
        s.get("/open311/v2/requests/K7M3Q9XR2.xml").await,
        post_form(&s, "/open311/v2/requests.xml", &[("service_code", "jalan")]).await,
        s.get("/open311/v2/services.xml?jurisdiction_id=elsewhere.gov").await,
    ] {
        let status = res.status().as_u16();
        assert!(status == 404 || status == 400, "{status}");
        let errors = xml_of(res, status).await;
        let entries = xml_entries(&errors, "errors", "error");
        only_spec_fields("errors", &entries, ERROR_FIELDS);
        assert_eq!(value(&entries[0], "code"), Some(status.to_string().as_str()));
    }
    let d = s.get_json("/open311/v2/discovery.json").await;
    assert!(d["endpoints"][0]["formats"]
        .as_array()
        .unwrap()
        .contains(&Value::from("text/xml")));
}
