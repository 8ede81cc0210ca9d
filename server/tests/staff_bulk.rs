//! `POST /staff/bulk-steps`: each report's step taken as the single step takes it, in its own transaction with
//! its own audit row; a refused step is listed and never stops or undoes the others; every ticket sent is
//! answered.

mod common;
mod staff_support;

use serde_json::{json, Value};
use staff_support::Desk;

async fn bulk(d: &Desk, token: &str, body: Value) -> (u16, Value) {
    d.call(token, "POST", "/bulk-steps", Some(body)).await
}

fn actions_in_audit(view: &Value) -> Vec<String> {
    view["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn one_illegal_step_and_one_unknown_ticket_are_listed_and_the_others_are_taken() {
    let d = Desk::open().await;
    let mut tickets = Vec::new();
    for _ in 0..3 {
        tickets.push(d.s.submit(|_| {}).await.0);
    }
    // Someone else verified the second one meanwhile: verifying it again is a 409.
    d.take(&d.admin, &tickets[1], "verify", None).await;
    let unknown = "ADU-2026-9999999";
    let mut sent = tickets.clone();
    sent.push(unknown.to_string());
    sent.push(tickets[0].clone()); // sent twice, taken once
    let (status, answer) = bulk(
        &d,
        &d.admin,
        json!({ "action": "verify", "tickets": sent, "message": "Laporan Anda sudah diverifikasi." }),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["done"], json!([tickets[0], tickets[2]]));
    let failed = answer["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 2, "{answer}");
    assert_eq!(failed[0]["ticket"], tickets[1]);
    assert_eq!(failed[0]["status"], 409);
    assert!(failed[0]["detail"].as_str().unwrap().contains("verified"), "{answer}");
    assert_eq!(failed[1]["ticket"], unknown);
    assert_eq!(failed[1]["status"], 404);

    for ticket in [&tickets[0], &tickets[2]] {
        let (_, view) = d.get(&d.admin, &format!("/reports/{ticket}")).await;
        assert_eq!(view["report"]["status"], "verified");
        assert_eq!(actions_in_audit(&view), ["verify"], "one audit row of its own");
    }
    let (_, view) = d.get(&d.admin, &format!("/reports/{}", tickets[1])).await;
    assert_eq!(actions_in_audit(&view), ["verify"], "the refused step left no row");
}

#[tokio::test]
async fn bulk_forward_needs_an_agency_and_takes_each_report_there() {
    let d = Desk::open().await;
    let (ticket, _) = d.s.submit(|_| {}).await;
    d.take(&d.admin, &ticket, "verify", None).await;
    let (status, _) = bulk(
        &d,
        &d.admin,
        json!({ "action": "forward", "tickets": [ticket], "message": "" }),
    )
    .await;
    assert_eq!(status, 422);
    let (status, answer) = bulk(
        &d,
        &d.admin,
        json!({ "action": "forward", "tickets": [ticket], "message": "", "agency_id": "dinas-pupr" }),
    )
    .await;
    assert_eq!((status, answer["done"].clone()), (200, json!([ticket])), "{answer}");
    let (status, _) = d.get(&d.pupr, &format!("/reports/{ticket}")).await;
    assert_eq!(status, 200, "the agency's officer now sees it");
}

#[tokio::test]
async fn only_an_administrator_and_only_verify_or_forward_and_at_most_a_hundred() {
    let d = Desk::open().await;
    let (ticket, _) = d.s.submit(|_| {}).await;
    let body = json!({ "action": "verify", "tickets": [ticket], "message": "" });
    for token in [&d.supervisor, &d.pupr] {
        let (status, _) = bulk(&d, token, body.clone()).await;
        assert_eq!(status, 403);
    }
    let (status, _) = bulk(
        &d,
        &d.admin,
        json!({ "action": "reject", "tickets": [ticket], "message": "Tidak" }),
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = bulk(
        &d,
        &d.admin,
        json!({ "action": "verify", "tickets": [], "message": "" }),
    )
    .await;
    assert_eq!(status, 422);

    let many: Vec<String> = (0..101).map(|i| format!("ADU-2026-{i:07}")).collect();
    let (status, answer) = bulk(
        &d,
        &d.admin,
        json!({ "action": "verify", "tickets": many, "message": "" }),
    )
    .await;
    assert_eq!(status, 422, "{answer}");
    // A hundred distinct tickets, one of them sent twice: counted once, so allowed.
    let mut hundred: Vec<String> = (0..100).map(|i| format!("ADU-2026-{i:07}")).collect();
    hundred.push(hundred[0].clone());
    let (status, answer) = bulk(
        &d,
        &d.admin,
        json!({ "action": "verify", "tickets": hundred, "message": "" }),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["failed"].as_array().unwrap().len(), 100);
    let (_, view) = d.get(&d.admin, &format!("/reports/{ticket}")).await;
    assert_eq!(
        view["report"]["status"], "submitted",
        "refused requests changed nothing"
    );
}
