//! The monitoring figures (`aduan_core::monitoring` defines each one) counted in a few grouped scans. The
//! response-deadline figures use the statistics' own `late`/`due_settled` SQL, and "overdue now" the work queue's
//! `next_due < today` over its unfinished reports, so the staff figures cannot disagree with the public ones or with
//! the queue.

use std::collections::{BTreeMap, HashMap};

use aduan_core::monitoring::{rank, Counts, MIN_REPORTS_RANKED};
use aduan_core::stats::nearest_rank_in_histogram;
use aduan_core::{Monitoring, ReportFilter, Status};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::filter::{counted_where, where_clause_without_indexes};
use super::staff_queue::UNFINISHED;
use super::stats::{due_settled, late, response_histograms};

/// As in `db::stats`: the covering index of the statistics, which the planner would otherwise pass over.
const REPORTS: &str = "reports INDEXED BY reports_stats";

/// SQL for "an answered report whose completion deadline (`escalate_due`) is settled": completed, or past due.
/// `today` is a date the server formatted itself, never client input.
fn follow_up_settled(today: &str) -> String {
    format!("(status != 'rejected' AND responded_day IS NOT NULL AND (completed_day IS NOT NULL OR escalate_due < '{today}'))")
}

/// SQL for "settled, and not completed by the completion deadline".
fn follow_up_late(today: &str) -> String {
    format!(
        "({} AND (completed_day IS NULL OR completed_day > escalate_due))",
        follow_up_settled(today)
    )
}

type Agency = Option<String>;

pub fn compute(conn: &Connection, f: &ReportFilter, today: &str) -> rusqlite::Result<Monitoring> {
    debug_assert!(today.parse::<chrono::NaiveDate>().is_ok());
    let w = counted_where(f);
    let params = &w.params;
    let mut counts: BTreeMap<Agency, Counts> = BTreeMap::new();

    // Received, open, completed, the response deadline and the ratings: the statistics' scan.
    let sql = format!(
        "SELECT agency_id, status, COUNT(*), SUM({}), SUM({}), COALESCE(SUM(rating), 0), COUNT(rating)
         FROM {REPORTS} WHERE {} GROUP BY agency_id, status",
        due_settled(today),
        late(today),
        w.sql
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(params.iter()))?;
    while let Some(r) = rows.next()? {
        let c = counts.entry(r.get(0)?).or_default();
        let n: u64 = r.get(2)?;
        match Status::parse(&r.get::<_, String>(1)?) {
            Some(status) => c.add_status(status, n),
            None => c.received += n,
        }
        c.response_settled += r.get::<_, u64>(3)?;
        c.response_late += r.get::<_, u64>(4)?;
        c.rating_sum += r.get::<_, u64>(5)?;
        c.ratings += r.get::<_, u64>(6)?;
    }
    drop(rows);

    // The follow-up deadline reads `escalate_due`, which the statistics' index does not hold: only answered reports.
    let sql = format!(
        "SELECT agency_id, SUM({}), SUM({}) FROM reports WHERE {} AND responded_day IS NOT NULL GROUP BY agency_id",
        follow_up_settled(today),
        follow_up_late(today),
        w.sql
    );
    for row in conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(params.iter()), |r| {
            Ok((r.get::<_, Agency>(0)?, r.get::<_, u64>(1)?, r.get::<_, u64>(2)?))
        })?
    {
        let (agency, settled, late) = row?;
        let c = counts.entry(agency).or_default();
        c.follow_up_settled += settled;
        c.follow_up_late += late;
    }

    // Overdue now: the queue's "overdue" tab, answered by its index of unfinished reports.
    let mut overdue = where_clause_without_indexes(f);
    // A duplicate is closed, never unfinished: this index of unfinished reports holds none.
    overdue.sql.push_str(&format!(" AND {UNFINISHED}"));
    overdue.and("next_due < ?", Value::Text(today.to_string()));
    let sql = format!(
        "SELECT agency_id, COUNT(*) FROM reports WHERE {} GROUP BY agency_id",
        overdue.sql
    );
    for row in conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(overdue.params.iter()), |r| {
            Ok((r.get::<_, Agency>(0)?, r.get::<_, u64>(1)?))
        })?
    {
        let (agency, n) = row?;
        counts.entry(agency).or_default().overdue += n;
    }

    // Medians from histograms of whole working days, exactly as the statistics compute them.
    let response = response_histograms(conn, &w)?;
    let mut overall: BTreeMap<i64, u64> = BTreeMap::new();
    for (days, n) in response.values().flatten() {
        *overall.entry(*days as i64).or_default() += n;
    }
    let overall: Vec<(f64, u64)> = overall.into_iter().map(|(d, n)| (d as f64, n)).collect();

    let names: HashMap<String, String> = conn
        .prepare_cached("SELECT id, name FROM agencies")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut total = Counts::default();
    let mut agencies: Vec<_> = counts
        .into_iter()
        .map(|(id, c)| {
            total.add(&c);
            let median = response.get(&id).and_then(|h| nearest_rank_in_histogram(h, 0.5));
            let name = id.as_ref().and_then(|i| names.get(i).cloned());
            c.row(id, name, median)
        })
        .collect();
    rank(&mut agencies, MIN_REPORTS_RANKED);
    Ok(Monitoring {
        today: today.to_string(),
        min_reports_ranked: MIN_REPORTS_RANKED,
        agencies,
        total: total.row(None, None, nearest_rank_in_histogram(&overall, 0.5)),
    })
}
