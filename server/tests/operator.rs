//! The operator API and the workflow rules over real HTTP.

mod common;

use aduan_core::Status;
use common::TestServer;
use serde_json::{json, Value};

#[tokio::test]
async fn the_operator_api_requires_its_token() {
    let s = TestServer::start(&[]).await;
    let (ticket, _) = s.submit(|_| {}).await;
    assert_eq!(s.get("/api/v1/operator/reports").await.status(), 401);
    let wrong = s
        .get_request("/api/v1/operator/reports")
        .bearer_auth("not-the-token")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    assert_eq!(wrong.headers()["www-authenticate"], "Bearer");
    let anon = s
        .post(&format!("/api/v1/operator/reports/{ticket}/transitions"))
        .json(&json!({ "to": "verified" }))
        .send()
        .await
        .unwrap();
    assert_eq!(anon.status(), 401);
    assert_eq!(
        s.get_json(&format!("/api/v1/reports/{ticket}")).await["status"],
        "submitted",
        "nothing changed"
    );

    let queue: Value = s
        .get_request("/api/v1/operator/reports?status=submitted")
        .bearer_auth(&s.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(queue["total"], 1);
    assert_eq!(
        queue["items"][0]["reporter"]["name"], "Siti Aminah",
        "operators see the identity"
    );
}

#[tokio::test]
async fn the_whole_workflow_records_each_step_with_its_actor() {
    let s = TestServer::start(&[]).await;
    let (ticket, _) = s.submit(|_| {}).await;
    let steps = [
        ("verified", None, "admin"),
        ("dispositioned", Some("dinas-pupr"), "admin"),
        ("dispositioned", Some("dishub"), "admin"),
        ("in_progress", None, "agency"),
        ("completed", None, "agency"),
        ("closed", None, "admin"),
    ];
    for (to, agency, _) in steps {
        s.transition(
            &ticket,
            json!({ "to": to, "agency_id": agency, "message": format!("Menuju {to}") }),
            200,
        )
        .await;
    }
    let view = s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    assert_eq!(view["status"], "closed");
    assert_eq!(
        view["agency"]["id"], "dishub",
        "no wrong door: handed on to the right agency"
    );
    let events = view["events"].as_array().unwrap();
    assert_eq!(events.len(), steps.len() + 1);
    for (event, (to, _, actor)) in events[1..].iter().zip(steps) {
        assert_eq!(event["status"], to);
        assert_eq!(event["actor"], actor);
        assert_eq!(event["message"], format!("Menuju {to}"));
    }
    assert_eq!(view["deadlines"]["verify"]["met"], true);
    assert_eq!(view["deadlines"]["respond"]["met"], true);
    assert_eq!(view["deadlines"]["escalation"]["met"], true);
    let stats = s.get_json("/api/v1/stats").await;
    assert_eq!(stats["completed"], 1);
    assert_eq!(stats["median_response_days"], 0.0);
    assert_eq!(stats["agencies"][0]["id"], "dishub");
}

/// A way to reach each status through the API.
const PATHS: [&[(&str, Option<&str>)]; 8] = [
    &[],
    &[("verified", None)],
    &[("rejected", None)],
    &[("verified", None), ("dispositioned", Some("dinkes"))],
    &[
        ("verified", None),
        ("dispositioned", Some("dinkes")),
        ("in_progress", None),
    ],
    &[
        ("verified", None),
        ("dispositioned", Some("dinkes")),
        ("in_progress", None),
        ("completed", None),
    ],
    &[
        ("verified", None),
        ("dispositioned", Some("dinkes")),
        ("in_progress", None),
        ("completed", None),
        ("closed", None),
    ],
    &[("escalated", None)],
];

#[tokio::test]
async fn every_illegal_transition_is_a_409_and_changes_nothing() {
    let s = TestServer::start(&["--rate-limit", "0"]).await;
    for path in PATHS {
        let (ticket, _) = s.submit(|_| {}).await;
        for (to, agency) in path {
            s.transition(&ticket, json!({ "to": to, "agency_id": agency }), 200)
                .await;
        }
        let from = Status::parse(
            s.get_json(&format!("/api/v1/reports/{ticket}")).await["status"]
                .as_str()
                .unwrap(),
        )
        .unwrap();
        for to in Status::ALL {
            if from.can_move_to(to) {
                continue;
            }
            let body = json!({ "to": to.as_str(), "agency_id": "dlh" });
            let problem = s.transition(&ticket, body, 409).await;
            assert_eq!(problem["title"], "Illegal transition");
        }
        assert_eq!(
            s.get_json(&format!("/api/v1/reports/{ticket}")).await["status"],
            from.as_str()
        );
    }
}

#[tokio::test]
async fn every_legal_transition_succeeds_from_every_status() {
    let s = TestServer::start(&["--rate-limit", "0"]).await;
    let mut tried = 0;
    for path in PATHS {
        for to in Status::ALL {
            let (ticket, _) = s.submit(|_| {}).await;
            for (step, agency) in path {
                s.transition(&ticket, json!({ "to": step, "agency_id": agency }), 200)
                    .await;
            }
            let from = Status::parse(
                s.get_json(&format!("/api/v1/reports/{ticket}")).await["status"]
                    .as_str()
                    .unwrap(),
            )
            .unwrap();
            if !from.can_move_to(to) {
                continue;
            }
            // "dlh" differs from the agency the paths disposition to, so re-disposition is legal too.
            let view = s
                .transition(
                    &ticket,
                    json!({ "to": to.as_str(), "agency_id": "dlh", "message": "ok" }),
                    200,
                )
                .await;
            assert_eq!(view["status"], to.as_str(), "{from:?} -> {to:?}");
            tried += 1;
        }
    }
    let edges = Status::ALL
        .iter()
        .flat_map(|a| Status::ALL.iter().map(move |b| a.can_move_to(*b)))
        .filter(|legal| *legal)
        .count();
    assert_eq!(tried, edges, "every edge of the status machine was exercised");
}

#[tokio::test]
async fn disposition_needs_a_known_and_different_agency() {
    let s = TestServer::start(&[]).await;
    let (ticket, _) = s.submit(|_| {}).await;
    s.transition(&ticket, json!({ "to": "verified" }), 200).await;
    let missing = s.transition(&ticket, json!({ "to": "dispositioned" }), 422).await;
    assert_eq!(missing["errors"][0]["field"], "agency_id");
    s.transition(
        &ticket,
        json!({ "to": "dispositioned", "agency_id": "dinas-fiktif" }),
        422,
    )
    .await;
    s.transition(&ticket, json!({ "to": "dispositioned", "agency_id": "dinkes" }), 200)
        .await;
    s.transition(&ticket, json!({ "to": "dispositioned", "agency_id": "dinkes" }), 409)
        .await;
    s.transition(&ticket, json!({ "to": "no-such-status" }), 400).await;
    let unknown = s
        .post("/api/v1/operator/reports/23456789A/transitions")
        .bearer_auth(&s.token)
        .json(&json!({ "to": "verified" }))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn open_reports_escalate_after_sixty_working_days_and_completed_ones_close_after_ten() {
    let s = TestServer::start(&[]).await;
    let (open, _) = s.submit(|_| {}).await;
    let (done, _) = s.submit(|_| {}).await;
    let (answered, code) = s.submit(|_| {}).await;
    for t in [&done, &answered] {
        for (to, agency) in [
            ("verified", None),
            ("dispositioned", Some("dlh")),
            ("in_progress", None),
            ("completed", None),
        ] {
            s.transition(t, json!({ "to": to, "agency_id": agency }), 200).await;
        }
    }
    let reply = s
        .post(&format!("/api/v1/reports/{answered}/replies"))
        .header("x-access-code", &code)
        .json(&json!({ "message": "Belum beres, lampu masih mati." }))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 201);

    let now = chrono::Utc::now();
    assert_eq!(
        aduan_server::sweep(&s.state, now).await.unwrap(),
        (0, 0),
        "nothing is due yet"
    );
    let later = now + chrono::Duration::days(20);
    assert_eq!(aduan_server::sweep(&s.state, later).await.unwrap(), (0, 1));
    assert_eq!(s.get_json(&format!("/api/v1/reports/{done}")).await["status"], "closed");
    assert_eq!(
        s.get_json(&format!("/api/v1/reports/{answered}")).await["status"],
        "completed",
        "the reporter answered"
    );
    let much_later = now + chrono::Duration::days(100);
    assert_eq!(aduan_server::sweep(&s.state, much_later).await.unwrap(), (1, 0));
    let view = s.get_json(&format!("/api/v1/reports/{open}")).await;
    assert_eq!(view["status"], "escalated");
    assert_eq!(view["events"].as_array().unwrap().last().unwrap()["actor"], "system");
    assert_eq!(view["deadlines"]["escalation"]["met"], false);
    assert_eq!(s.get_json("/api/v1/stats").await["escalated"], 1);
}
