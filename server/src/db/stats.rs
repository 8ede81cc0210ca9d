//! The statistics: every figure computed by SQL over indexed columns, in a handful of grouped scans.

use std::collections::{BTreeMap, HashMap};

use aduan_core::stats::{nearest_rank_in_histogram, rate};
use aduan_core::{AgencyStats, MonthlyPoint, ReportFilter, Stats, Status};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::filter::{counted_where, Where};

/// SQL for "responded late, or not yet responded and already past due". `today` is a date the server
/// formatted itself (YYYY-MM-DD), never client input, so it is safe to place in the statement.
pub(super) fn late(today: &str) -> String {
    format!("(status != 'rejected' AND ((responded_day IS NOT NULL AND responded_day > respond_due) OR (responded_day IS NULL AND respond_due < '{today}')))")
}

/// SQL for "a response deadline that has been settled one way or the other".
pub(super) fn due_settled(today: &str) -> String {
    format!("(status != 'rejected' AND (responded_day IS NOT NULL OR respond_due < '{today}'))")
}

/// The statistics read only columns of the covering index `reports_stats`; SQLite's planner prefers a
/// narrower non-covering index and then visits every row, which is several times slower.
const REPORTS: &str = "reports INDEXED BY reports_stats";

#[derive(Default)]
struct Counts {
    received: u64,
    completed: u64,
    settled: u64,
    late: u64,
}

/// Per agency (`None`: not yet assigned), `(working days, reports)` sorted by days.
pub(super) type Histograms = BTreeMap<Option<String>, Vec<(f64, u64)>>;

/// Each agency's response times as a histogram of whole working days, for medians: a few dozen groups, no sort
/// of every row. Shared with the monitoring figures, so that both medians are the same.
pub(super) fn response_histograms(conn: &Connection, w: &Where) -> rusqlite::Result<Histograms> {
    let mut response = Histograms::new();
    let sql = format!(
        "SELECT agency_id, response_days, COUNT(*) FROM {REPORTS} WHERE {} AND response_days IS NOT NULL
         GROUP BY agency_id, response_days ORDER BY agency_id, response_days",
        w.sql
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(w.params.iter()))?;
    while let Some(r) = rows.next()? {
        response.entry(r.get(0)?).or_default().push((r.get(1)?, r.get(2)?));
    }
    Ok(response)
}

pub fn compute(conn: &Connection, f: &ReportFilter, today: &str) -> rusqlite::Result<Stats> {
    debug_assert!(today.parse::<chrono::NaiveDate>().is_ok());
    let w = counted_where(f);
    let params = &w.params;
    let (due_settled, late) = (due_settled(today), late(today));

    // One scan for every count: by agency × status × kind × category × channel.
    let mut by_status: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_category: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_channel: BTreeMap<String, u64> = BTreeMap::new();
    let mut agencies: BTreeMap<Option<String>, Counts> = BTreeMap::new();
    let (mut escalated, mut rating_sum, mut rating_count) = (0u64, 0u64, 0u64);
    let sql = format!(
        "SELECT agency_id, status, kind, COUNT(*), SUM({due_settled}), SUM({late}), SUM(escalated_day IS NOT NULL),
                COALESCE(SUM(rating), 0), COUNT(rating), category_id, channel
         FROM {REPORTS} WHERE {} GROUP BY agency_id, status, kind, category_id, channel",
        w.sql
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(params.iter()))?;
    while let Some(r) = rows.next()? {
        let agency: Option<String> = r.get(0)?;
        let status: String = r.get(1)?;
        let kind: String = r.get(2)?;
        let n: u64 = r.get(3)?;
        let counts = agencies.entry(agency).or_default();
        counts.received += n;
        if Status::parse(&status).is_some_and(Status::is_completed) {
            counts.completed += n;
        }
        counts.settled += r.get::<_, u64>(4)?;
        counts.late += r.get::<_, u64>(5)?;
        escalated += r.get::<_, u64>(6)?;
        rating_sum += r.get::<_, u64>(7)?;
        rating_count += r.get::<_, u64>(8)?;
        *by_status.entry(status).or_default() += n;
        *by_kind.entry(kind).or_default() += n;
        if let Some(category) = r.get::<_, Option<String>>(9)? {
            *by_category.entry(category).or_default() += n;
        }
        *by_channel.entry(r.get(10)?).or_default() += n;
    }
    drop(rows);

    let response = response_histograms(conn, &w)?;
    let mut overall: BTreeMap<i64, u64> = BTreeMap::new();
    for hist in response.values() {
        for (days, n) in hist {
            *overall.entry(*days as i64).or_default() += n;
        }
    }
    let overall: Vec<(f64, u64)> = overall.into_iter().map(|(d, n)| (d as f64, n)).collect();
    let completion: Vec<(f64, u64)> = conn
        .prepare_cached(&format!(
            "SELECT completion_days, COUNT(*) FROM {REPORTS} WHERE {} AND completion_days IS NOT NULL GROUP BY completion_days ORDER BY completion_days",
            w.sql
        ))?
        .query_map(params_from_iter(params.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;

    let names: HashMap<String, String> = conn
        .prepare_cached("SELECT id, name FROM agencies")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let total: u64 = agencies.values().map(|c| c.received).sum();
    let completed: u64 = agencies.values().map(|c| c.completed).sum();
    let settled: u64 = agencies.values().map(|c| c.settled).sum();
    let late_total: u64 = agencies.values().map(|c| c.late).sum();
    let mut agency_rows: Vec<AgencyStats> = agencies
        .into_iter()
        .map(|(id, c)| AgencyStats {
            median_response_days: response.get(&id).and_then(|h| nearest_rank_in_histogram(h, 0.5)),
            name: id.as_ref().and_then(|i| names.get(i).cloned()),
            id,
            received: c.received,
            completed: c.completed,
            completion_rate: rate(c.completed, c.received),
            late_rate: (c.settled > 0).then(|| rate(c.late, c.settled)),
        })
        .collect();
    agency_rows.sort_by(|a, b| b.received.cmp(&a.received).then_with(|| a.name.cmp(&b.name)));

    Ok(Stats {
        total,
        completed,
        completion_rate: rate(completed, total),
        by_status,
        by_kind,
        by_category,
        by_channel,
        median_response_days: nearest_rank_in_histogram(&overall, 0.5),
        p90_response_days: nearest_rank_in_histogram(&overall, 0.9),
        median_completion_days: nearest_rank_in_histogram(&completion, 0.5),
        within_deadline_rate: (settled > 0).then(|| rate(settled - late_total, settled)),
        escalated,
        rating_average: (rating_count > 0).then(|| rating_sum as f64 / rating_count as f64),
        monthly: monthly(conn, &w.sql, params)?,
        agencies: agency_rows,
    })
}

/// Received by month of submission, completed by month of completion; gaps filled with zeros.
fn monthly(conn: &Connection, w: &str, params: &[Value]) -> rusqlite::Result<Vec<MonthlyPoint>> {
    let mut months: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let sql = format!(
        "SELECT substr(created_day, 1, 7) AS m, COUNT(*), 0 FROM {REPORTS} WHERE {w} GROUP BY m
         UNION ALL
         SELECT substr(completed_day, 1, 7) AS m, 0, COUNT(*) FROM {REPORTS} WHERE {w} AND completed_day IS NOT NULL GROUP BY m"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(params.iter()), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?, r.get::<_, u64>(2)?))
    })?;
    for row in rows {
        let (m, received, completed) = row?;
        let e = months.entry(m).or_default();
        e.0 += received;
        e.1 += completed;
    }
    let (Some(first), Some(last)) = (months.keys().next().cloned(), months.keys().next_back().cloned()) else {
        return Ok(vec![]);
    };
    let mut out = Vec::new();
    let (mut y, mut m) = (
        first[..4].parse::<i32>().unwrap_or(0),
        first[5..].parse::<u32>().unwrap_or(1),
    );
    loop {
        let key = format!("{y:04}-{m:02}");
        let (received, completed) = months.get(&key).copied().unwrap_or_default();
        out.push(MonthlyPoint {
            month: key.clone(),
            received,
            completed,
        });
        if key >= last || out.len() > 1200 {
            break;
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every statistics query reads only the covering index, without visiting a report: the index holds the
    /// duplicate marker too (always NULL in it), or SQLite would read each row to check `duplicate_of IS NULL`.
    #[test]
    fn the_statistics_read_only_their_covering_index() {
        let (_dir, db) = super::super::staff_fixtures::database();
        let w = counted_where(&ReportFilter {
            agency: Some("dinas-pupr".into()),
            ..Default::default()
        });
        let plans: Vec<String> = db
            .with_writer(|conn| {
                let mut plans = Vec::new();
                for sql in [
                    format!("SELECT agency_id, status, COUNT(*), SUM(rating) FROM {REPORTS} WHERE 1 = 1 AND duplicate_of IS NULL GROUP BY agency_id, status"),
                    format!("SELECT agency_id, response_days, COUNT(*) FROM {REPORTS} WHERE {} GROUP BY agency_id", w.sql),
                ] {
                    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
                    let params = if sql.contains("?1") { w.params.clone() } else { vec![] };
                    let rows = stmt.query_map(params_from_iter(params.iter()), |r| r.get::<_, String>(3))?;
                    plans.push(rows.collect::<rusqlite::Result<Vec<_>>>()?.join("; "));
                }
                Ok(plans)
            })
            .unwrap();
        for plan in plans {
            assert!(plan.contains("COVERING INDEX reports_stats"), "{plan}");
        }
    }
}
