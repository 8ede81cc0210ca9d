//! The staff workflow over real HTTP: every step audited against the named account, the public timeline showing
//! roles only, and the permission rules (an officer's 404 outside their agencies, a supervisor's 403).

mod common;
mod staff_support;

use serde_json::{json, Value};
use staff_support::Desk;

fn audit_of(view: &Value) -> Vec<(String, String, String)> {
    view["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let text = |k: &str| a[k].as_str().unwrap_or_default().to_string();
            (text("action"), text("username"), text("role"))
        })
        .collect()
}

#[tokio::test]
async fn the_whole_path_is_audited_by_name_and_the_public_timeline_shows_only_roles() {
    let d = Desk::open().await;
    let (ticket, code) = d.s.submit(|_| {}).await;
    let view = d.take(&d.admin, &ticket, "verify", None).await;
    assert_eq!(view["steps"], json!(["forward"]));
    d.take(&d.admin, &ticket, "forward", Some("dinas-pupr")).await;
    let (_, seen) = d.get(&d.pupr, &format!("/reports/{ticket}")).await;
    assert_eq!(seen["steps"], json!(["initial_response", "hand_back"]));
    assert_eq!(
        seen["report"]["reporter"]["name"], "Siti Aminah",
        "staff see the identity"
    );
    d.take(&d.pupr, &ticket, "initial_response", None).await;
    d.take(&d.pupr, &ticket, "follow_up", None).await;
    let done = d.take(&d.pupr, &ticket, "complete", None).await;
    assert_eq!(done["report"]["status"], "completed");
    assert_eq!(done["responded"], true);
    assert_eq!(
        audit_of(&done),
        [
            ("verify", "admin-uji", "admin"),
            ("forward", "admin-uji", "admin"),
            ("initial_response", "petugas-pupr-uji", "officer"),
            ("follow_up", "petugas-pupr-uji", "officer"),
            ("complete", "petugas-pupr-uji", "officer"),
        ]
        .map(|(a, u, r)| (a.to_string(), u.to_string(), r.to_string()))
    );
    assert!(done["audit"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["display_name"].as_str().unwrap().starts_with("Name of")));

    for public in [
        d.s.get_json(&format!("/api/v1/reports/{ticket}")).await,
        d.s.get_request(&format!("/api/v1/reports/{ticket}"))
            .header("x-access-code", &code)
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap(),
    ] {
        let steps: Vec<(&str, &str, &str)> = public["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["status"].as_str().unwrap(),
                    e["actor"].as_str().unwrap(),
                    e["kind"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            steps,
            [
                ("submitted", "citizen", "status"),
                ("verified", "admin", "status"),
                ("dispositioned", "admin", "status"),
                ("in_progress", "agency", "status"),
                ("in_progress", "agency", "follow_up"),
                ("completed", "agency", "status"),
            ]
        );
        assert_eq!(public["events"][4]["message"], "Pesan langkah follow_up");
        let text = public.to_string();
        for name in ["admin-uji", "petugas-pupr-uji", "Name of"] {
            assert!(!text.contains(name), "{name} in the public answer: {text}");
        }
    }
    let open311 = d.s.get_json(&format!("/open311/v2/requests/{ticket}.json")).await;
    assert_eq!(open311[0]["status_notes"], "Pesan langkah complete", "{open311}");
}

#[tokio::test]
async fn an_officer_gets_the_unknown_ticket_answer_for_a_report_of_another_agency_on_every_route() {
    let d = Desk::open().await;
    let ticket = d.forwarded_to("dinas-pupr").await;
    let attachment = d.s.upload(common::PNG.to_vec()).await;
    let (with_photo, _) = d.s.submit(|b| b["attachment_ids"] = json!([attachment])).await;
    d.take(&d.admin, &with_photo, "verify", None).await;
    d.take(&d.admin, &with_photo, "forward", Some("dinas-pupr")).await;
    let (status, unknown) = d.get(&d.dinkes, "/reports/K7M3Q9XR2").await;
    assert_eq!(status, 404);
    let refusals = [
        d.get(&d.dinkes, &format!("/reports/{ticket}")).await,
        d.step(
            &d.dinkes,
            &ticket,
            json!({ "action": "initial_response", "message": "Kami tangani" }),
        )
        .await,
        d.note(&d.dinkes, &ticket, "catatan").await,
        d.correct(
            &d.dinkes,
            &ticket,
            json!({ "kind": "aspiration", "reason": "salah jenis" }),
        )
        .await,
        d.get(&d.dinkes, &format!("/reports/{with_photo}/attachments/{attachment}"))
            .await,
    ];
    for (status, body) in refusals {
        assert_eq!(
            (status, &body),
            (404, &unknown),
            "the same answer as a ticket that does not exist"
        );
    }
    let (status, photo) = (
        d.get(&d.pupr, &format!("/reports/{with_photo}/attachments/{attachment}"))
            .await
            .0,
        (),
    );
    assert_eq!((status, photo), (200, ()));
    // A report the citizen addressed to an agency is not forwarded to it until the administrator does so.
    let (suggested, _) = d.s.submit(|b| b["agency_id"] = json!("dinkes")).await;
    assert_eq!(d.get(&d.dinkes, &format!("/reports/{suggested}")).await.0, 404);
    let (_, view) = d.get(&d.pupr, &format!("/reports/{ticket}")).await;
    assert_eq!(view["report"]["ticket"], ticket);
}

#[tokio::test]
async fn a_supervisor_reads_everything_and_every_write_is_a_403() {
    let d = Desk::open().await;
    let ticket = d.forwarded_to("dinas-pupr").await;
    let (status, view) = d.get(&d.supervisor, &format!("/reports/{ticket}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        (view["steps"].clone(), view["can_correct"].clone()),
        (json!([]), json!(false))
    );
    for action in ["verify", "forward", "initial_response", "hand_back"] {
        let body = json!({ "action": action, "message": "x", "agency_id": "dinkes" });
        assert_eq!(d.step(&d.supervisor, &ticket, body).await.0, 403, "{action}");
    }
    assert_eq!(d.note(&d.supervisor, &ticket, "catatan").await.0, 403);
    assert_eq!(
        d.correct(&d.supervisor, &ticket, json!({ "reason": "x", "kind": "aspiration" }))
            .await
            .0,
        403
    );
    let (_, after) = d.get(&d.admin, &format!("/reports/{ticket}")).await;
    assert_eq!(after["audit"].as_array().unwrap().len(), 2, "nothing recorded: {after}");
    assert!(after["notes"].as_array().unwrap().is_empty());
    assert_eq!(after["report"]["kind"], "complaint");
}

#[tokio::test]
async fn steps_of_the_other_role_are_403_illegal_ones_409_and_bad_fields_422() {
    let d = Desk::open().await;
    let (ticket, _) = d.s.submit(|_| {}).await;
    let step = |token: &'static str, body: Value| {
        let d = &d;
        let token = match token {
            "admin" => d.admin.clone(),
            _ => d.pupr.clone(),
        };
        let ticket = ticket.clone();
        async move { d.step(&token, &ticket, body).await }
    };
    let (status, problem) = step("admin", json!({ "action": "reject", "message": "  " })).await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some("message")));
    assert_eq!(
        step("admin", json!({ "action": "initial_response", "message": "x" }))
            .await
            .0,
        403
    );
    assert_eq!(
        step("admin", json!({ "action": "forward", "agency_id": "dinkes" }))
            .await
            .0,
        409,
        "not verified yet"
    );
    d.take(&d.admin, &ticket, "verify", None).await;
    assert_eq!(step("admin", json!({ "action": "verify" })).await.0, 409);
    let (status, problem) = step("admin", json!({ "action": "forward" })).await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("agency_id"))
    );
    let (status, problem) = step("admin", json!({ "action": "forward", "agency_id": "tidak-ada" })).await;
    assert_eq!((status, problem["errors"][0]["code"].as_str()), (422, Some("unknown")));
    d.take(&d.admin, &ticket, "forward", Some("dinas-pupr")).await;
    let same = step("admin", json!({ "action": "forward", "agency_id": "dinas-pupr" })).await;
    assert_eq!(same.0, 409, "{}", same.1);
    assert_eq!(
        step("pupr", json!({ "action": "forward", "agency_id": "dinkes" }))
            .await
            .0,
        403
    );
    assert_eq!(
        step("pupr", json!({ "action": "complete", "message": "Selesai" }))
            .await
            .0,
        409
    );
    let (status, problem) = step("pupr", json!({ "action": "initial_response" })).await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some("message")));
    let long = "a".repeat(d.s.state.portal.limits.message_max + 1);
    assert_eq!(
        step("pupr", json!({ "action": "initial_response", "message": long }))
            .await
            .0,
        422
    );
    assert_eq!(step("pupr", json!({ "action": "fly" })).await.0, 400);
    let (_, view) = d.get(&d.admin, &format!("/reports/{ticket}")).await;
    assert_eq!(
        view["audit"].as_array().unwrap().len(),
        2,
        "refused steps leave no trace: {view}"
    );
}

#[tokio::test]
async fn a_handed_back_report_is_forwarded_to_another_agency_whose_officer_then_answers() {
    let d = Desk::open().await;
    let ticket = d.forwarded_to("dinas-pupr").await;
    let (status, _) = d
        .step(
            &d.pupr,
            &ticket,
            json!({ "action": "hand_back", "message": "Bukan kewenangan kami" }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        d.get(&d.pupr, &format!("/reports/{ticket}")).await.0,
        404,
        "no longer theirs"
    );
    // Not the agency's any more, in public either: the tracking page and the statistics no longer name it.
    let public = d.s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    assert!(public["agency"].is_null(), "{}", public["agency"]);
    let stats = d.s.get_json("/api/v1/stats").await;
    let pupr = stats["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "dinas-pupr");
    assert!(pupr.is_none_or(|a| a["received"] == 0), "{pupr:?}");
    let (_, queue) = d.get(&d.admin, "/queue?tab=handed_back").await;
    assert_eq!(queue["items"][0]["ticket"], ticket);
    assert_eq!(queue["items"][0]["handed_back"], true);
    let view = d.take(&d.admin, &ticket, "forward", Some("dinkes")).await;
    assert_eq!(view["handed_back"], false);
    d.take(&d.dinkes, &ticket, "initial_response", None).await;
    let public = d.s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    let back = &public["events"][3];
    assert_eq!(
        (&back["status"], &back["actor"], &back["kind"]),
        (&json!("verified"), &json!("agency"), &json!("hand_back"))
    );
    assert_eq!(back["message"], "Bukan kewenangan kami");
    assert_eq!(public["agency"]["id"], "dinkes");
    let open311 = d.s.get(&format!("/open311/v2/requests/{ticket}.json")).await;
    assert_eq!(open311.status(), 200);
}

#[tokio::test]
async fn the_operator_token_acts_as_the_service_account_and_its_old_route_is_audited_too() {
    let d = Desk::open().await;
    let (ticket, _) = d.s.submit(|_| {}).await;
    d.s.transition(&ticket, json!({ "to": "verified" }), 200).await;
    d.take(&d.s.token, &ticket, "forward", Some("dinkes")).await;
    d.s.transition(
        &ticket,
        json!({ "to": "verified", "message": "Bukan kewenangan kami" }),
        200,
    )
    .await;
    let (_, view) = d.get(&d.admin, &format!("/reports/{ticket}")).await;
    assert_eq!(
        audit_of(&view),
        [
            ("verify", "operator", "admin"),
            ("forward", "operator", "admin"),
            ("hand_back", "operator", "admin")
        ]
        .map(|(a, u, r)| (a.to_string(), u.to_string(), r.to_string()))
    );
    assert!(view["handed_back"].as_bool().unwrap());
    let public = d.s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    assert_eq!(public["events"][3]["actor"], "agency");
}
