//! `/open311/v2/` over real HTTP: the same reports as `/api/v1`, in GeoReport v2's shapes and errors.

mod common;

use common::TestServer;
use serde_json::Value;

fn form(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap()
}

async fn post_request(s: &TestServer, pairs: &[(&str, &str)]) -> (u16, Value) {
    let res = s
        .post("/open311/v2/requests.json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(pairs))
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.json().await.unwrap())
}

const VALID: &[(&str, &str)] = &[
    ("service_code", "jalan"),
    (
        "description",
        "Lubang besar di tengah jalan membahayakan pengendara motor setiap malam.",
    ),
    ("address_string", "Jl. Merdeka depan pasar"),
    ("lat", "-6.2"),
    ("long", "106.8"),
    ("first_name", "Siti"),
    ("last_name", "Aminah"),
    ("email", "siti@contoh.id"),
    ("attribute[judul]", "Jalan berlubang di Jl. Merdeka"),
    ("attribute[kecamatan]", "cempaka"),
    ("attribute[tanggal_kejadian]", "2026-01-15T08:00:00+07:00"),
];

#[tokio::test]
async fn services_and_their_definitions_describe_the_portal() {
    let s = TestServer::start(&["--demo", "--demo-reports", "50"]).await;
    let portal = s.get_json("/api/v1/portal").await;
    let services = s.get_json("/open311/v2/services.json").await;
    let services = services.as_array().unwrap();
    assert_eq!(services.len(), portal["categories"].as_array().unwrap().len());
    assert_eq!(services[0]["service_code"], portal["categories"][0]["id"]);
    assert_eq!(services[0]["metadata"], true);
    let code = services[0]["service_code"].as_str().unwrap();
    let def = s.get_json(&format!("/open311/v2/services/{code}.json")).await;
    let attributes = def["attributes"].as_array().unwrap();
    let region = attributes.iter().find(|a| a["code"] == "kecamatan").unwrap();
    assert_eq!(region["datatype"], "singlevaluelist");
    assert_eq!(region["required"], true);
    assert_eq!(
        region["values"].as_array().unwrap().len(),
        portal["regions"].as_array().unwrap().len()
    );
    // The portal's own questions are declared required, so a client that reads the definition asks them up
    // front; one that sends only the standard's fields is still taken (open311_spec.rs).
    let required: Vec<&str> = attributes
        .iter()
        .filter(|a| a["required"] == true)
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(required, vec!["judul", "kecamatan", "tanggal_kejadian"]);
    let res = s.get("/open311/v2/services/tidak-ada.json").await;
    assert_eq!(res.status(), 404);
    let errors: Value = res.json().await.unwrap();
    assert_eq!(errors[0]["code"], "404");
}

#[tokio::test]
async fn a_request_posted_as_a_form_becomes_a_report_and_is_tracked_both_ways() {
    let s = TestServer::start(&["--demo", "--demo-reports", "50"]).await;
    let (status, created) = post_request(&s, VALID).await;
    assert_eq!(status, 200, "{created}");
    let id = created[0]["service_request_id"].as_str().unwrap().to_string();
    assert_eq!(created[0]["token"].as_str(), Some(id.as_str()));
    let token = s.get_json(&format!("/open311/v2/tokens/{id}.json")).await;
    assert_eq!(token[0]["service_request_id"].as_str(), Some(id.as_str()));

    let ours = s.get_json(&format!("/api/v1/reports/{id}")).await;
    assert_eq!(ours["title"], "Jalan berlubang di Jl. Merdeka");
    assert_eq!(ours["region"]["id"], "cempaka");
    assert_eq!(ours["incident_date"], "2026-01-15");
    assert!(ours["reporter"].is_null(), "identity never public");

    let theirs = s.get_json(&format!("/open311/v2/requests/{id}.json")).await;
    let r = &theirs[0];
    assert_eq!(r["service_request_id"].as_str(), Some(id.as_str()));
    assert_eq!(r["status"], "open");
    assert_eq!(r["service_code"], "jalan");
    assert_eq!(
        r["description"],
        "Lubang besar di tengah jalan membahayakan pengendara motor setiap malam."
    );
    assert!(r.get("email").is_none() && r.get("first_name").is_none());

    let agency = s.get_json("/api/v1/portal").await["agencies"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    s.transition(&id, serde_json::json!({"to": "verified", "message": "Lengkap."}), 200)
        .await;
    s.transition(
        &id,
        serde_json::json!({"to": "dispositioned", "agency_id": agency, "message": "Diteruskan."}),
        200,
    )
    .await;
    s.transition(
        &id,
        serde_json::json!({"to": "in_progress", "message": "Dikerjakan."}),
        200,
    )
    .await;
    s.transition(
        &id,
        serde_json::json!({"to": "completed", "message": "Sudah ditambal."}),
        200,
    )
    .await;
    let done = s.get_json(&format!("/open311/v2/requests/{id}.json")).await;
    assert_eq!(done[0]["status"], "closed");
    assert_eq!(done[0]["status_notes"], "Sudah ditambal.");
    assert!(done[0]["agency_responsible"].is_string());

    let closed = s
        .get_json("/open311/v2/requests.json?status=closed&service_code=jalan")
        .await;
    assert!(closed
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["service_request_id"].as_str() == Some(id.as_str())));
    assert!(closed
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == "closed" && r["service_code"] == "jalan"));
    let open = s.get_json("/open311/v2/requests.json?status=open").await;
    assert!(open.as_array().unwrap().iter().all(|r| r["status"] == "open"));
    let by_id = s
        .get_json(&format!("/open311/v2/requests.json?service_request_id={id}"))
        .await;
    assert_eq!(by_id.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn invalid_requests_get_open311_error_arrays_never_a_500() {
    let s = TestServer::start(&["--demo", "--demo-reports", "20"]).await;
    let without = |key: &str| VALID.iter().copied().filter(|(k, _)| *k != key).collect::<Vec<_>>();
    let with = |key: &str, value: &'static str| {
        VALID
            .iter()
            .map(|&(k, v)| if k == key { (k, value) } else { (k, v) })
            .collect::<Vec<_>>()
    };
    for (pairs, field) in [
        (with("attribute[judul]", "Lubang"), "attribute[judul]"),
        (with("attribute[kecamatan]", "tidak-ada"), "attribute[kecamatan]"),
        (
            with("attribute[tanggal_kejadian]", "2999-01-01"),
            "attribute[tanggal_kejadian]",
        ),
        (without("description"), "description"),
    ] {
        let (status, errors) = post_request(&s, &pairs).await;
        assert_eq!(status, 400, "{errors}");
        assert!(
            errors
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["code"] == "400" && e["description"].as_str().unwrap().starts_with(field)),
            "{field}: {errors}"
        );
    }
    // Validation messages follow Accept-Language, as on /api/v1: Indonesian unless English is asked for.
    let short: Vec<(&str, &str)> = VALID
        .iter()
        .map(|(k, v)| if *k == "description" { (*k, "Pendek.") } else { (*k, *v) })
        .collect();
    let (status, errors) = post_request(&s, &short).await;
    assert_eq!(
        (status, errors[0]["description"].as_str()),
        (400, Some("description: Terlalu pendek."))
    );
    let res = s
        .post("/open311/v2/requests.json")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept-language", "en")
        .body(form(&short))
        .send()
        .await
        .unwrap();
    let errors: Value = res.json().await.unwrap();
    assert_eq!(errors[0]["description"], "description: Too short.");
    let res = s
        .post("/open311/v2/requests.json")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept-language", "en-GB,en;q=0.8")
        .body(form(VALID))
        .send()
        .await
        .unwrap();
    let created: Value = res.json().await.unwrap();
    assert_eq!(
        created[0]["service_notice"],
        "Report received; it will be verified within 3 working days."
    );
    let (status, errors) = post_request(&s, &[("service_code", "tidak-ada")]).await;
    assert_eq!((status, errors[0]["code"].as_str()), (400, Some("400")));
    let (status, _) = post_request(&s, &[("service_code", "jalan"), ("lat", "utara")]).await;
    assert_eq!(status, 400);
    let res = s.get("/open311/v2/requests.json?start_date=kemarin").await;
    assert_eq!(res.status(), 400);
    let res = s.get("/open311/v2/requests/K7M3Q9XR2.json").await;
    assert!(res.status() == 404, "{}", res.status());
    let res = s.get("/open311/v2/services.yaml").await;
    assert_eq!(res.status(), 404);
    // A JSON body where a form is expected is refused in the standard's error format.
    let res = s
        .post("/open311/v2/requests.json")
        .json(&serde_json::json!({"service_code": "jalan"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    let errors: Value = res.json().await.unwrap();
    assert_eq!(errors[0]["code"], "415");
    assert!(errors[0]["description"]
        .as_str()
        .unwrap()
        .contains("x-www-form-urlencoded"));
}

#[tokio::test]
async fn confidential_reports_never_show_their_text() {
    let s = TestServer::start(&["--demo", "--demo-reports", "20"]).await;
    let (ticket, _) = s.submit(|b| b["confidential"] = serde_json::json!(true)).await;
    let one = s.get_json(&format!("/open311/v2/requests/{ticket}.json")).await;
    assert!(one[0]["description"].is_null());
    let list = s
        .get_json(&format!("/open311/v2/requests.json?service_request_id={ticket}"))
        .await;
    assert!(list[0]["description"].is_null());
}

#[tokio::test]
async fn a_portal_in_another_time_zone_writes_its_deadlines_in_that_zone() {
    let s = TestServer::start(&["--time-zone", "WIT"]).await;
    let (ticket, _) = s.submit(|_| {}).await;
    let report = s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    let due = report["deadlines"]["respond"]["due"].as_str().unwrap();
    let listed = s.get_json(&format!("/open311/v2/requests/{ticket}.json")).await;
    assert_eq!(listed[0]["expected_datetime"], format!("{due}T23:59:59+09:00"));
    assert!(<aduan_server::Config as clap::Parser>::try_parse_from(["aduan-server", "--time-zone", "UTC+9"]).is_err());
    assert_eq!(
        <aduan_server::Config as clap::Parser>::parse_from(["aduan-server", "--time-zone", "wita"])
            .time_zone
            .label(),
        "WITA"
    );
}
