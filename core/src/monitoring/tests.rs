use super::csv::field;
use super::*;
use crate::Monitoring;

fn agency(id: &str, received: u64, response: (u64, u64), completed: u64, overdue: u64) -> MonitoringRow {
    let counts = Counts {
        received,
        completed,
        overdue,
        response_settled: response.0,
        response_late: response.1,
        ..Counts::default()
    };
    counts.row(Some(id.into()), Some(format!("Dinas {id}")), None)
}

fn order(rows: &[MonitoringRow]) -> Vec<(Option<u32>, Option<String>)> {
    rows.iter().map(|r| (r.rank, r.agency_id.clone())).collect()
}

#[test]
fn the_ranking_breaks_ties_by_completion_then_fewer_overdue_then_name() {
    let mut rows = vec![
        agency("e", 12, (10, 1), 6, 0), // 90 % within, 50 % completed
        agency("d", 12, (10, 0), 3, 5), // 100 %, 25 % completed, 5 overdue
        agency("c", 12, (10, 0), 3, 2), // 100 %, 25 %, 2 overdue
        agency("b", 12, (10, 0), 6, 9), // 100 %, 50 %: completion beats overdue
        agency("a", 12, (10, 0), 3, 2), // same as c: the name decides
        agency("f", 12, (0, 0), 12, 0), // nothing settled: after every agency with a share
    ];
    rank(&mut rows, 10);
    let ids: Vec<_> = order(&rows)
        .into_iter()
        .map(|(r, id)| (r.unwrap(), id.unwrap()))
        .collect();
    let expected = [(1, "b"), (2, "a"), (3, "c"), (4, "d"), (5, "e"), (6, "f")];
    assert_eq!(ids, expected.map(|(r, id)| (r, id.to_string())));
}

#[test]
fn agencies_with_too_few_reports_and_unassigned_reports_are_listed_but_not_ranked() {
    let unassigned = Counts {
        received: 40,
        ..Counts::default()
    }
    .row(None, None, None);
    let mut rows = vec![
        unassigned,
        agency("small", 9, (9, 0), 9, 0),
        agency("big-small", 9, (9, 0), 9, 0),
        agency("tiny", 2, (2, 0), 2, 0),
        agency("ranked", 10, (10, 5), 0, 3),
    ];
    rank(&mut rows, 10);
    assert_eq!(
        order(&rows),
        [
            (Some(1), Some("ranked".to_string())),
            (None, Some("big-small".to_string())),
            (None, Some("small".to_string())),
            (None, Some("tiny".to_string())),
            (None, None),
        ]
    );
}

#[test]
fn the_ranking_does_not_depend_on_the_order_rows_arrive_in() {
    let rows = vec![
        agency("x", 20, (10, 2), 5, 1),
        agency("y", 20, (10, 2), 5, 1),
        agency("z", 30, (10, 1), 5, 1),
    ];
    let mut forward = rows.clone();
    let mut backward: Vec<_> = rows.into_iter().rev().collect();
    rank(&mut forward, 10);
    rank(&mut backward, 10);
    assert_eq!(forward, backward);
    assert_eq!(forward[0].agency_id.as_deref(), Some("z"));
}

#[test]
fn shares_are_on_time_over_settled_and_absent_when_nothing_is_settled() {
    let counts = Counts {
        received: 8,
        completed: 2,
        response_settled: 4,
        response_late: 1,
        follow_up_settled: 0,
        ratings: 2,
        rating_sum: 9,
        ..Counts::default()
    };
    let row = counts.row(Some("a".into()), None, Some(3.0));
    assert_eq!(row.response_on_time, 3);
    assert_eq!(row.response_within_rate, Some(0.75));
    assert_eq!(row.follow_up_within_rate, None);
    assert_eq!(row.completion_rate, 0.25);
    assert_eq!(row.rating_average, Some(4.5));
    let mut total = Counts::default();
    total.add(&counts);
    total.add(&counts);
    assert_eq!(total.received, 16);
    assert_eq!(total.rating_sum, 18);
}

#[test]
fn open_counts_every_unfinished_status_and_completed_the_completed_ones() {
    let mut counts = Counts::default();
    for status in Status::ALL {
        counts.add_status(status, 1);
    }
    assert_eq!(counts.received, 8);
    assert_eq!(
        counts.open, 5,
        "submitted, verified, dispositioned, in progress, escalated"
    );
    assert_eq!(counts.completed, 2, "completed and closed");
}

#[test]
fn csv_fields_are_quoted_by_rfc_4180_and_formulas_are_defused() {
    assert_eq!(field("Dinas PUPR"), "Dinas PUPR");
    assert_eq!(field("Jalan, Jembatan"), "\"Jalan, Jembatan\"");
    assert_eq!(field("Dinas \"Bersih\""), "\"Dinas \"\"Bersih\"\"\"");
    assert_eq!(field("dua\nbaris"), "\"dua\nbaris\"");
    assert_eq!(field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    for risky in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        assert!(field(risky).trim_start_matches('"').starts_with('\''), "{risky:?}");
    }
    assert_eq!(field(""), "");
}

#[test]
fn csv_has_a_header_in_the_readers_language_the_rows_in_order_and_the_total_last() {
    let mut agencies = vec![
        agency("pupr", 10, (4, 1), 5, 2),
        Counts {
            received: 1,
            ..Counts::default()
        }
        .row(None, None, None),
    ];
    agencies[0].agency_name = Some("Dinas PU, \"Bina Marga\"".into());
    agencies[0].rank = Some(1);
    agencies[0].median_response_days = Some(3.0);
    let m = Monitoring {
        today: "2026-11-30".into(),
        min_reports_ranked: 10,
        agencies,
        total: Counts {
            received: 11,
            completed: 5,
            ..Counts::default()
        }
        .row(None, None, None),
    };
    let id = csv(&m, CsvLang::Id);
    let lines: Vec<&str> = id.split("\r\n").collect();
    assert_eq!(lines.len(), 5, "header, two rows, total, and the final CRLF: {id:?}");
    assert!(lines[0].starts_with("Peringkat,Instansi,Diterima,Terbuka,Lewat batas waktu,"));
    assert_eq!(
        lines[1],
        "1,\"Dinas PU, \"\"Bina Marga\"\"\",10,0,2,75.0,,50.0,3.0,,0,pupr"
    );
    assert_eq!(lines[2], ",Belum ada instansi,1,0,0,,,0.0,,,0,");
    assert_eq!(lines[3], ",Semua instansi,11,0,0,,,45.5,,,0,");
    assert_eq!(lines[4], "");
    let en = csv(&m, CsvLang::En);
    assert!(en.starts_with("Rank,Agency,Received,Open,Overdue now,"));
    assert!(en.contains("\r\n,All agencies,11,"));
    assert_eq!(CsvLang::parse("en"), Some(CsvLang::En));
    assert_eq!(CsvLang::parse("fr"), None);
}
