//! The staff work queue over real HTTP (tabs, counts, scope, deadline order), and what staff write that never
//! reaches a public answer: internal notes and corrections.

mod common;
mod staff_support;

use serde_json::{json, Value};
use staff_support::Desk;

fn tickets(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["ticket"].as_str().unwrap().to_string())
        .collect()
}

fn counts(page: &Value) -> Vec<(String, u64)> {
    page["tabs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["tab"].as_str().unwrap().to_string(), t["count"].as_u64().unwrap()))
        .collect()
}

fn named(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(t, n)| (t.to_string(), *n)).collect()
}

/// Seven reports, one in each situation the tabs tell apart; returns their tickets by name.
async fn crafted(d: &Desk) -> std::collections::HashMap<&'static str, String> {
    let mut t = std::collections::HashMap::new();
    t.insert("suggested", d.s.submit(|b| b["agency_id"] = json!("dinkes")).await.0);
    let (verified, _) = d.s.submit(|_| {}).await;
    d.take(&d.admin, &verified, "verify", None).await;
    t.insert("verified", verified);
    t.insert("pupr", d.forwarded_to("dinas-pupr").await);
    t.insert("dinkes", d.forwarded_to("dinkes").await);
    let working = d.forwarded_to("dinas-pupr").await;
    d.take(&d.pupr, &working, "initial_response", None).await;
    t.insert("working", working);
    let back = d.forwarded_to("dinas-pupr").await;
    d.take(&d.pupr, &back, "hand_back", None).await;
    t.insert("back", back);
    let done = d.forwarded_to("dinas-pupr").await;
    d.take(&d.pupr, &done, "initial_response", None).await;
    d.take(&d.pupr, &done, "complete", None).await;
    t.insert("done", done);
    t
}

#[tokio::test]
async fn each_role_has_its_tabs_with_counts_and_an_officer_never_sees_another_agencys_report() {
    let d = Desk::open().await;
    let t = crafted(&d).await;
    let (status, admin) = d.get(&d.admin, "/queue").await;
    assert_eq!(status, 200);
    assert_eq!(admin["tab"], "to_verify", "the role's first tab by default");
    let mut first = tickets(&admin);
    first.sort();
    let mut expected = vec![t["suggested"].clone(), t["verified"].clone()];
    expected.sort();
    assert_eq!(first, expected);
    assert_eq!(
        counts(&admin),
        named(&[
            ("to_verify", 2),
            ("handed_back", 1),
            ("overdue", 0),
            ("due_soon", 0),
            ("all", 7)
        ])
    );
    let (_, supervisor) = d.get(&d.supervisor, "/queue?tab=handed_back").await;
    assert_eq!(tickets(&supervisor), [t["back"].clone()]);

    let (_, pupr) = d.get(&d.pupr, "/queue").await;
    assert_eq!(pupr["tab"], "forwarded_to_me");
    let mut mine = tickets(&pupr);
    mine.sort();
    let mut expected = vec![t["pupr"].clone(), t["working"].clone()];
    expected.sort();
    assert_eq!(mine, expected);
    assert_eq!(
        counts(&pupr),
        named(&[("forwarded_to_me", 2), ("overdue", 0), ("due_soon", 0), ("all", 3)])
    );
    let (_, dinkes) = d.get(&d.dinkes, "/queue?tab=all").await;
    assert_eq!(
        tickets(&dinkes),
        [t["dinkes"].clone()],
        "not the report the citizen addressed to dinkes"
    );
    assert_eq!(
        counts(&dinkes),
        named(&[("forwarded_to_me", 1), ("overdue", 0), ("due_soon", 0), ("all", 1)])
    );
    // Filters never widen an officer's view: another agency's reports stay out of every tab and count.
    let (_, filtered) = d.get(&d.dinkes, "/queue?tab=all&agency=dinas-pupr").await;
    assert!(counts(&filtered).iter().all(|(_, n)| *n == 0), "{filtered}");
    let (_, searched) = d.get(&d.dinkes, &format!("/queue?tab=all&q={}", t["pupr"])).await;
    assert_eq!(searched["total"], 0);

    for (token, query) in [
        (&d.pupr, "tab=to_verify"),
        (&d.admin, "tab=forwarded_to_me"),
        (&d.admin, "tab=later"),
    ] {
        let (status, problem) = d.get(token, &format!("/queue?{query}")).await;
        assert_eq!(
            (status, problem["errors"][0]["field"].as_str()),
            (422, Some("tab")),
            "{query}"
        );
    }
    assert_eq!(d.s.get("/api/v1/staff/queue").await.status(), 401);
}

#[tokio::test]
async fn the_queue_sorts_by_the_nearest_deadline_and_filters_and_pages_under_the_counts() {
    let d = Desk::open().await;
    let t = crafted(&d).await;
    // The verification of one report was due long ago.
    let db = rusqlite::Connection::open(d.s.db_path()).unwrap();
    db.execute(
        "UPDATE reports SET verify_due = '2026-01-05' WHERE ticket = ?1",
        [&t["verified"]],
    )
    .unwrap();
    let (_, all) = d.get(&d.admin, "/queue?tab=all").await;
    assert_eq!(tickets(&all)[0], t["verified"], "the nearest deadline first");
    assert_eq!(all["items"][0]["due"], "2026-01-05");
    let dues: Vec<&Value> = all["items"].as_array().unwrap().iter().map(|i| &i["due"]).collect();
    assert_eq!(
        tickets(&all).last(),
        Some(&t["done"]),
        "nothing due comes last: {dues:?}"
    );
    assert!(dues[..6].iter().all(|d| d.is_string()));
    assert!(dues[..6].windows(2).all(|w| w[0].as_str() <= w[1].as_str()), "{dues:?}");
    let (_, overdue) = d.get(&d.admin, "/queue?tab=overdue").await;
    assert_eq!(tickets(&overdue), [t["verified"].clone()]);

    let (_, dispositioned) = d.get(&d.admin, "/queue?tab=all&status=dispositioned").await;
    assert_eq!(dispositioned["total"], 2);
    assert_eq!(
        counts(&dispositioned),
        named(&[
            ("to_verify", 0),
            ("handed_back", 0),
            ("overdue", 0),
            ("due_soon", 0),
            ("all", 2)
        ])
    );
    let lower = t["working"].to_lowercase();
    let (_, by_ticket) = d.get(&d.admin, &format!("/queue?tab=all&q={lower}")).await;
    assert_eq!(tickets(&by_ticket), [t["working"].clone()]);
    let (_, second) = d.get(&d.admin, "/queue?tab=all&per_page=3&page=2").await;
    assert_eq!(tickets(&second), tickets(&all)[3..6]);
    assert_eq!((second["total"].as_u64(), second["page"].as_u64()), (Some(7), Some(2)));
    let (status, _) = d.get(&d.admin, "/queue?per_page=0").await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn notes_and_corrections_never_reach_a_public_answer() {
    let d = Desk::open().await;
    let ticket = d.forwarded_to("dinas-pupr").await;
    let (status, note) = d
        .note(&d.pupr, &ticket, "RAHASIA-INTERNAL: pelapor sudah ditelepon")
        .await;
    assert_eq!(status, 201);
    assert_eq!(
        (note["username"].as_str(), note["role"].as_str()),
        (Some("petugas-pupr-uji"), Some("officer"))
    );
    assert_eq!(d.note(&d.pupr, &ticket, " \n ").await.0, 422);
    let correction = json!({ "category_id": "kesehatan", "reason": "ALASAN-INTERNAL kategori keliru" });
    let (status, view) = d.correct(&d.admin, &ticket, correction).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["report"]["category"]["id"], "kesehatan");
    let last = view["audit"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["action"].as_str(), last["username"].as_str()),
        (Some("correct"), Some("admin-uji"))
    );
    // The reason is the message; what changed comes field by field, for the console to name in words.
    assert_eq!(last["message"], "ALASAN-INTERNAL kategori keliru");
    assert_eq!(
        last["changes"],
        json!([{ "field": "category_id", "from": "jalan", "to": "kesehatan" }])
    );
    assert_eq!(view["notes"][0]["text"], "RAHASIA-INTERNAL: pelapor sudah ditelepon");

    let public = d.s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    assert_eq!(
        public["events"].as_array().unwrap().len(),
        3,
        "no event for a note or a correction"
    );
    assert_eq!(public["category"]["id"], "kesehatan");
    let answers = [
        public.to_string(),
        d.s.get_json("/api/v1/reports").await.to_string(),
        d.s.get_json("/api/v1/reports?q=RAHASIA").await.to_string(),
        d.s.get_json(&format!("/open311/v2/requests/{ticket}.json"))
            .await
            .to_string(),
        d.s.get_json("/open311/v2/requests.json").await.to_string(),
    ];
    for text in answers {
        assert!(!text.contains("INTERNAL") && !text.contains("admin-uji"), "{text}");
    }
}

#[tokio::test]
async fn corrections_are_the_administrators_checked_and_only_while_the_report_is_unfinished() {
    let d = Desk::open().await;
    let (ticket, _) =
        d.s.submit(|b| b["title"] = json!("Pungutan liar di kantor kelurahan"))
            .await;
    let search = "/api/v1/reports?q=pungutan";
    assert_eq!(d.s.get_json(search).await["total"], 1);
    let (status, view) = d
        .correct(
            &d.admin,
            &ticket,
            json!({ "confidential": true, "reason": "Menyangkut nama pegawai" }),
        )
        .await;
    assert_eq!((status, view["report"]["confidential"].as_bool()), (200, Some(true)));
    assert_eq!(
        d.s.get_json(search).await["total"],
        0,
        "a confidential report's words find nothing"
    );
    let public = d.s.get_json(&format!("/api/v1/reports/{ticket}")).await;
    assert!(public["title"].is_null());

    for (body, field) in [
        (json!({ "kind": "aspiration", "reason": "   " }), "reason"),
        (
            json!({ "region_id": "atlantis", "reason": "Salah wilayah" }),
            "region_id",
        ),
        (
            json!({ "category_id": "sihir", "reason": "Salah kategori" }),
            "category_id",
        ),
    ] {
        let (status, problem) = d.correct(&d.admin, &ticket, body).await;
        assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some(field)));
    }
    d.take(&d.admin, &ticket, "verify", None).await;
    d.take(&d.admin, &ticket, "forward", Some("dinas-pupr")).await;
    let (status, _) = d
        .correct(&d.pupr, &ticket, json!({ "kind": "aspiration", "reason": "x" }))
        .await;
    assert_eq!(
        status, 403,
        "an officer who may see the report still may not correct it"
    );
    d.take(&d.pupr, &ticket, "initial_response", None).await;
    d.take(&d.pupr, &ticket, "complete", None).await;
    let (status, _) = d
        .correct(
            &d.admin,
            &ticket,
            json!({ "kind": "aspiration", "reason": "Terlambat" }),
        )
        .await;
    assert_eq!(status, 409);
    let (_, view) = d.get(&d.admin, &format!("/reports/{ticket}")).await;
    assert_eq!(view["can_correct"], false);
    assert_eq!(view["report"]["kind"], "complaint");
}
