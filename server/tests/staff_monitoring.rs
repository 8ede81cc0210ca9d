//! Monitoring over real HTTP on a crafted set: every figure per agency equals a count done by hand, the public
//! statistics agree with it for the same filter, the ranking, the CSV, and who may read it.

mod common;
mod staff_support;

use serde_json::Value;
use staff_support::Desk;

/// The desk of `staff_support`, on a server without the per-client POST limit: the set takes about a hundred.
async fn desk() -> Desk {
    Desk::open_with(&["--rate-limit", "0", "--operator-rate-limit", "0"]).await
}

/// Ten reports of Dinas PUPR in every situation the figures tell apart, ten of Dinkes all answered and completed
/// in time, and one not yet verified. Returns PUPR's tickets in order.
async fn crafted(d: &Desk) -> Vec<String> {
    let mut pupr = Vec::new();
    for i in 0..10 {
        let t = d.forwarded_to("dinas-pupr").await;
        if i < 6 {
            d.take(&d.pupr, &t, "initial_response", None).await;
        }
        if i < 4 {
            d.take(&d.pupr, &t, "complete", None).await;
        }
        pupr.push(t);
    }
    for _ in 0..10 {
        let t = d.forwarded_to("dinkes").await;
        d.take(&d.dinkes, &t, "initial_response", None).await;
        d.take(&d.dinkes, &t, "complete", None).await;
    }
    d.s.submit(|_| {}).await;
    let db = rusqlite::Connection::open(d.s.db_path()).unwrap();
    let set = |sql: &str, ticket: &str| {
        assert_eq!(db.execute(sql, [ticket]).unwrap(), 1, "{sql}");
    };
    // 1: answered late; 2: completed after the completion deadline; 4: answered, completion deadline passed (overdue
    // now); 6: unanswered past the response deadline (overdue now). Two ratings, 5 and 2.
    set(
        "UPDATE reports SET respond_due = '2026-01-05', responded_day = '2026-01-10' WHERE ticket = ?1",
        &pupr[1],
    );
    set(
        "UPDATE reports SET escalate_due = '2026-01-05' WHERE ticket = ?1",
        &pupr[2],
    );
    set(
        "UPDATE reports SET escalate_due = '2026-01-05' WHERE ticket = ?1",
        &pupr[4],
    );
    set(
        "UPDATE reports SET respond_due = '2026-01-05' WHERE ticket = ?1",
        &pupr[6],
    );
    set("UPDATE reports SET rating = 5 WHERE ticket = ?1", &pupr[0]);
    set("UPDATE reports SET rating = 2 WHERE ticket = ?1", &pupr[1]);
    pupr
}

fn row<'a>(m: &'a Value, agency: Option<&str>) -> &'a Value {
    m["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["agency_id"].as_str() == agency)
        .unwrap_or_else(|| panic!("no row for {agency:?}: {m}"))
}

fn figures(r: &Value) -> Vec<(&'static str, Value)> {
    [
        "rank",
        "received",
        "open",
        "overdue",
        "completed",
        "response_settled",
        "response_on_time",
        "follow_up_settled",
        "follow_up_on_time",
        "ratings",
        "rating_average",
    ]
    .into_iter()
    .map(|k| (k, r[k].clone()))
    .collect()
}

fn expected(list: &[(&'static str, Value)]) -> Vec<(&'static str, Value)> {
    list.to_vec()
}

#[tokio::test]
async fn each_figure_equals_a_count_by_hand_and_the_public_statistics_agree() {
    let d = desk().await;
    crafted(&d).await;
    let (status, m) = d.get(&d.supervisor, "/monitoring").await;
    assert_eq!(status, 200, "{m}");
    use serde_json::json;
    assert_eq!(
        figures(row(&m, Some("dinas-pupr"))),
        expected(&[
            ("rank", json!(2)),
            ("received", json!(10)),
            ("open", json!(6)),
            ("overdue", json!(2)),
            ("completed", json!(4)),
            // Answered (6) and past due unanswered (1); late: answered late, and the unanswered one.
            ("response_settled", json!(7)),
            ("response_on_time", json!(5)),
            // Completed (4) and answered past the completion deadline (1); late: completed late, and that one.
            ("follow_up_settled", json!(5)),
            ("follow_up_on_time", json!(3)),
            ("ratings", json!(2)),
            ("rating_average", json!(3.5)),
        ])
    );
    assert_eq!(
        figures(row(&m, Some("dinkes"))),
        expected(&[
            ("rank", json!(1)),
            ("received", json!(10)),
            ("open", json!(0)),
            ("overdue", json!(0)),
            ("completed", json!(10)),
            ("response_settled", json!(10)),
            ("response_on_time", json!(10)),
            ("follow_up_settled", json!(10)),
            ("follow_up_on_time", json!(10)),
            ("ratings", json!(0)),
            ("rating_average", Value::Null),
        ])
    );
    let unassigned = row(&m, None);
    assert_eq!(
        (&unassigned["received"], &unassigned["open"], &unassigned["rank"]),
        (&json!(1), &json!(1), &Value::Null)
    );
    let order: Vec<Value> = m["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["agency_id"].clone())
        .collect();
    assert_eq!(
        order,
        [json!("dinkes"), json!("dinas-pupr"), Value::Null],
        "ranked first, unassigned last"
    );
    assert_eq!(
        (
            &m["total"]["received"],
            &m["total"]["open"],
            &m["total"]["overdue"],
            &m["total"]["completed"]
        ),
        (&json!(21), &json!(7), &json!(2), &json!(14))
    );
    assert_eq!(m["min_reports_ranked"], 10);

    // "Overdue now" is the work queue's overdue tab.
    let (_, queue) = d.get(&d.admin, "/queue?tab=overdue").await;
    assert_eq!(queue["total"], m["total"]["overdue"]);

    // The public statistics give the same figures for the same filter.
    let today = m["today"].as_str().unwrap().to_string();
    for filter in [
        String::new(),
        format!("from={today}&to={today}&kind=complaint"),
        "category=jalan".into(),
    ] {
        let (_, m) = d.get(&d.supervisor, &format!("/monitoring?{filter}")).await;
        let stats = d.s.get_json(&format!("/api/v1/stats?{filter}")).await;
        let public = stats["agencies"].as_array().unwrap();
        assert_eq!(public.len(), m["agencies"].as_array().unwrap().len(), "{filter}");
        for p in public {
            let r = row(&m, p["id"].as_str());
            for key in ["received", "completed", "completion_rate", "median_response_days"] {
                assert_eq!(p[key], r[key], "{filter}: {key} of {}", p["id"]);
            }
            let late = p["late_rate"].as_f64().map(|l| 1.0 - l);
            let within = r["response_within_rate"].as_f64();
            assert!(
                match (late, within) {
                    (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                    (a, b) => a == b,
                },
                "{filter}: {late:?} {within:?}"
            );
        }
        assert_eq!(stats["total"], m["total"]["received"]);
        assert_eq!(
            stats["within_deadline_rate"], m["total"]["response_within_rate"],
            "{filter}"
        );
        assert_eq!(stats["median_response_days"], m["total"]["median_response_days"]);
    }
    let (_, none) = d.get(&d.admin, "/monitoring?category=tidak-ada").await;
    assert_eq!(
        (none["agencies"].as_array().unwrap().len(), &none["total"]["received"]),
        (0, &json!(0))
    );
}

#[tokio::test]
async fn the_csv_is_an_attachment_with_a_header_row_in_either_language() {
    let d = desk().await;
    crafted(&d).await;
    let csv = |query: &'static str, token: String| {
        let s = &d.s;
        async move {
            s.get_request(&format!("/api/v1/staff/monitoring.csv{query}"))
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
        }
    };
    let res = csv("", d.supervisor.clone()).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(
        disposition.starts_with("attachment; filename=\"pemantauan-"),
        "{disposition}"
    );
    let body = res.text().await.unwrap();
    let lines: Vec<&str> = body.split("\r\n").collect();
    assert!(
        lines[0].starts_with("Peringkat,Instansi,Diterima,Terbuka,Lewat batas waktu,"),
        "{body}"
    );
    assert!(
        lines[1].starts_with("1,Dinas Kesehatan,10,0,0,100.0,100.0,100.0,"),
        "{body}"
    );
    assert!(lines[2].starts_with("2,"), "{body}");
    assert!(lines[2].ends_with(",dinas-pupr"), "{body}");
    assert!(lines[3].starts_with(",Belum ada instansi,1,1,"), "{body}");
    assert!(lines[4].starts_with(",Semua instansi,21,7,2,"), "{body}");
    assert_eq!(lines.len(), 6);

    let en = csv("?lang=en&category=jalan", d.admin.clone()).await;
    assert!(en.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("monitoring-"));
    assert!(en
        .text()
        .await
        .unwrap()
        .starts_with("Rank,Agency,Received,Open,Overdue now,"));
    assert_eq!(csv("?lang=fr", d.admin.clone()).await.status(), 422);
}

#[tokio::test]
async fn officers_are_refused_and_a_request_without_a_session_is_401() {
    let d = desk().await;
    for path in ["/monitoring", "/monitoring.csv"] {
        for token in [&d.pupr, &d.dinkes] {
            let (status, problem) = d.get(token, path).await;
            assert_eq!(status, 403, "{path}: {problem}");
        }
        assert_eq!(d.get(&d.admin, path).await.0, 200);
        assert_eq!(d.s.get(&format!("/api/v1/staff{path}")).await.status(), 401);
        let (status, problem) = d.get(&d.supervisor, &format!("{path}?from=2026-13-01")).await;
        assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some("from")));
    }
    let (status, problem) = d.get(&d.supervisor, "/monitoring?tab=overdue").await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some("tab")));
}
