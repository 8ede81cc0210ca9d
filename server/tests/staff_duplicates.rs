//! `POST /staff/reports/{ticket}/duplicate` ("Tandai duplikat"): the duplicate is closed for its citizen with a
//! link to its main report, its supports move there (a device that supported both counts once), and every count,
//! public list and Open311 list leaves it out while its own ticket still finds it.

mod common;
mod staff_support;

use serde_json::{json, Value};
use staff_support::Desk;

async fn mark(d: &Desk, token: &str, ticket: &str, main: &str) -> (u16, Value) {
    let path = format!("/reports/{ticket}/duplicate");
    d.call(token, "POST", &path, Some(json!({ "duplicate_of": main })))
        .await
}

async fn support(d: &Desk, ticket: &str, device: &str) -> u64 {
    let res =
        d.s.post(&format!("/api/v1/reports/{ticket}/supports"))
            .json(&json!({ "device_id": device }))
            .send()
            .await
            .unwrap();
    assert_eq!(res.status(), 200);
    res.json::<Value>().await.unwrap()["supports"].as_u64().unwrap()
}

/// A ticket as the citizen's pages write it, K7M-3Q9-XRT.
fn grouped(t: &str) -> String {
    format!("{}-{}-{}", &t[..3], &t[3..6], &t[6..])
}

fn tickets_of(list: &Value, key: &str) -> Vec<String> {
    list[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["ticket"]
                .as_str()
                .or(r["service_request_id"].as_str())
                .unwrap()
                .to_string()
        })
        .collect()
}

#[tokio::test]
async fn marking_moves_the_supports_and_leaves_the_duplicate_out_of_every_count_and_list() {
    let d = Desk::open().await;
    let (main, _) = d.s.submit(|_| {}).await;
    let (dup, code) = d.s.submit(|_| {}).await;
    support(&d, &main, "device-a").await;
    support(&d, &main, "device-b").await;
    support(&d, &dup, "device-b").await; // supported both: counts once
    support(&d, &dup, "device-c").await;
    assert_eq!(d.s.get_json("/api/v1/stats").await["total"], 2);

    let (status, view) = mark(&d, &d.admin, &dup, &main).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["report"]["status"], "closed");
    assert_eq!(view["report"]["duplicate_of"], main.as_str());
    assert_eq!(view["report"]["supports"], 0);
    assert_eq!(view["can_mark_duplicate"], false);
    let audit = view["audit"].as_array().unwrap();
    assert_eq!(audit.len(), 1, "{view}");
    assert_eq!(
        (&audit[0]["action"], &audit[0]["username"], &audit[0]["status"]),
        (&json!("mark_duplicate"), &json!("admin-uji"), &json!("closed"))
    );
    assert!(
        audit[0]["message"].as_str().unwrap().contains(&grouped(&main)),
        "{view}"
    );

    // The supports moved: a, b, c.
    let public_main = d.s.get_json(&format!("/api/v1/reports/{main}")).await;
    assert_eq!(public_main["supports"], 3);
    // A later support of the duplicate is the main report's, still once per device.
    assert_eq!(support(&d, &dup, "device-c").await, 3);
    assert_eq!(support(&d, &dup, "device-d").await, 4);
    let (_, staff_main) = d.get(&d.admin, &format!("/reports/{main}")).await;
    assert_eq!(staff_main["duplicates"], json!([dup]));
    assert_eq!(staff_main["report"]["supports"], 4);
    assert_eq!(
        staff_main["can_mark_duplicate"], false,
        "a main report is not marked a duplicate"
    );

    // Counted once: the statistics, the monitoring figures, the public list and search, Open311's list.
    let stats = d.s.get_json("/api/v1/stats").await;
    assert_eq!(
        (&stats["total"], &stats["by_status"]),
        (&json!(1), &json!({ "submitted": 1 })),
        "{stats}"
    );
    let (_, monitoring) = d.get(&d.supervisor, "/monitoring").await;
    assert_eq!(monitoring["total"]["received"], 1, "{monitoring}");
    let list = d.s.get_json("/api/v1/reports").await;
    assert_eq!(
        (tickets_of(&list, "items"), &list["total"]),
        (vec![main.clone()], &json!(1))
    );
    let closed = d.s.get_json("/api/v1/reports?status=closed").await;
    assert_eq!(closed["total"], 0, "{closed}");
    let requests = d.s.get_json("/open311/v2/requests.json").await;
    let ids: Vec<&str> = requests
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["service_request_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [main.as_str()]);

    // Still found by its own ticket: the tracking page, with and without the code, and Open311's request.
    for code in [None, Some(code.as_str())] {
        let mut req = d.s.get_request(&format!("/api/v1/reports/{dup}"));
        if let Some(code) = code {
            req = req.header("X-Access-Code", code);
        }
        let tracked: Value = req.send().await.unwrap().json().await.unwrap();
        assert_eq!(
            (&tracked["status"], &tracked["duplicate_of"]),
            (&json!("closed"), &json!(main))
        );
        let last = tracked["events"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["kind"], "duplicate", "{tracked}");
        assert!(last["message"].as_str().unwrap().contains(&grouped(&main)), "{tracked}");
    }
    // Closed by merging, not by handling: its citizen does not rate it.
    let rated =
        d.s.post(&format!("/api/v1/reports/{dup}/rating"))
            .header("X-Access-Code", &code)
            .json(&json!({ "rating": 1 }))
            .send()
            .await
            .unwrap();
    assert_eq!(rated.status(), 409);
    let one = d.s.get_json(&format!("/open311/v2/requests/{dup}.json")).await;
    assert_eq!(one[0]["status"], "closed");
    assert!(
        one[0]["status_notes"].as_str().unwrap().contains(&grouped(&main)),
        "{one}"
    );
}

#[tokio::test]
async fn itself_a_chain_a_main_report_and_a_finished_report_are_refused_with_the_reason() {
    let d = Desk::open().await;
    let (a, _) = d.s.submit(|_| {}).await;
    let (b, _) = d.s.submit(|_| {}).await;
    let (c, _) = d.s.submit(|_| {}).await;
    let (rejected, _) = d.s.submit(|_| {}).await;
    let reason = |p: &Value| p["errors"][0]["code"].as_str().unwrap_or_default().to_string();

    let (status, p) = mark(&d, &d.admin, &a, &a).await;
    assert_eq!((status, reason(&p)), (422, "of_itself".into()), "{p}");
    let (status, p) = mark(&d, &d.admin, &a, "K7M3Q9XR2").await;
    assert_eq!(
        (status, p["errors"][0]["field"].clone()),
        (422, json!("duplicate_of")),
        "{p}"
    );
    let (status, p) = mark(&d, &d.admin, &a, "not a ticket").await;
    assert_eq!(
        (status, p["errors"][0]["field"].clone()),
        (422, json!("duplicate_of")),
        "{p}"
    );

    assert_eq!(mark(&d, &d.admin, &b, &a).await.0, 200);
    // A chain: c of b, which is a duplicate of a; the refusal names a.
    let (status, p) = mark(&d, &d.admin, &c, &b).await;
    assert_eq!((status, reason(&p)), (422, "main_is_duplicate".into()), "{p}");
    assert!(p["detail"].as_str().unwrap().contains(&a), "{p}");
    // a has a duplicate: it is a main report.
    let (status, p) = mark(&d, &d.admin, &a, &c).await;
    assert_eq!((status, reason(&p)), (422, "has_duplicates".into()), "{p}");
    // b is already a duplicate.
    let (status, p) = mark(&d, &d.admin, &b, &c).await;
    assert_eq!((status, reason(&p)), (409, "already_duplicate".into()), "{p}");
    d.take(&d.admin, &rejected, "reject", None).await;
    let (status, p) = mark(&d, &d.admin, &rejected, &c).await;
    assert_eq!((status, reason(&p)), (409, "finished".into()), "{p}");
    // A refusal changed nothing: each report a refused mark was about keeps its status, has no duplicate mark and
    // no audit row beyond its own steps (a main report's supports and status are untouched too).
    for (ticket, status, audit_rows) in [(&a, "submitted", 0), (&c, "submitted", 0), (&rejected, "rejected", 1)] {
        let (_, view) = d.get(&d.admin, &format!("/reports/{ticket}")).await;
        assert_eq!(
            (
                &view["report"]["status"],
                &view["report"]["duplicate_of"],
                view["audit"].as_array().unwrap().len()
            ),
            (&json!(status), &Value::Null, audit_rows),
            "{ticket}: {view}"
        );
    }
}

#[tokio::test]
async fn only_an_administrator_marks_a_duplicate() {
    let d = Desk::open().await;
    let main = d.forwarded_to("dinas-pupr").await;
    let dup = d.forwarded_to("dinas-pupr").await;
    let (status, p) = mark(&d, &d.supervisor, &dup, &main).await;
    assert_eq!(status, 403, "{p}");
    let (status, p) = mark(&d, &d.pupr, &dup, &main).await;
    assert_eq!(status, 403, "{p}");
    // An officer of another agency does not learn that the report exists.
    let (status, _) = mark(&d, &d.dinkes, &dup, &main).await;
    assert_eq!(status, 404);
    let (status, p) = d
        .call(&d.admin, "POST", &format!("/reports/{dup}/duplicate"), Some(json!({})))
        .await;
    assert_eq!((status, &p["errors"][0]["code"]), (422, &json!("required")), "{p}");
    let (_, view) = d.get(&d.admin, &format!("/reports/{dup}")).await;
    assert_eq!(view["report"]["status"], "dispositioned");
    assert_eq!(view["can_mark_duplicate"], true);
}
