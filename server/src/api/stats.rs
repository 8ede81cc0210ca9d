//! `GET /stats`: every figure computed by SQL over indexed columns.

use std::collections::{BTreeMap, HashMap};

use aduan_core::stats::{percentile_rank, rate};
use aduan_core::{AgencyStats, MonthlyPoint, ReportFilter, Stats};
use axum::extract::{RawQuery, State};
use axum::Json;
use chrono::Utc;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::filter::{self, where_clause};
use crate::problem::ApiError;
use crate::AppState;

pub async fn get_stats(State(state): State<AppState>, query: RawQuery) -> Result<Json<Stats>, ApiError> {
    let (f, _) = filter::parse(&query)?;
    let today = state.calendar.local_date(Utc::now()).to_string();
    let stats = state.db.read(move |conn| compute(conn, &f, &today).map_err(ApiError::from)).await?;
    Ok(Json(stats))
}

/// SQL for "responded late, or not yet responded and already past due". `today` is a date the server
/// formatted itself (YYYY-MM-DD), never client input, so it is safe to place in the statement.
fn late(today: &str) -> String {
    format!("(status != 'rejected' AND ((responded_day IS NOT NULL AND responded_day > respond_due) OR (responded_day IS NULL AND respond_due < '{today}')))")
}

/// SQL for "a response deadline that has been settled one way or the other".
fn due_settled(today: &str) -> String {
    format!("(status != 'rejected' AND (responded_day IS NOT NULL OR respond_due < '{today}'))")
}

const COMPLETED: &str = "(status IN ('completed', 'closed'))";

pub fn compute(conn: &Connection, f: &ReportFilter, today: &str) -> rusqlite::Result<Stats> {
    debug_assert!(today.parse::<chrono::NaiveDate>().is_ok());
    let w = where_clause(f, 1);
    let params = &w.params;
    let p = || params_from_iter(params.iter());
    let (due_settled, late) = (due_settled(today), late(today));

    let (total, completed, escalated, rating_average, settled, late): (u64, u64, u64, Option<f64>, u64, u64) = conn
        .prepare_cached(&format!(
            "SELECT COUNT(*), COALESCE(SUM({COMPLETED}), 0), COALESCE(SUM(escalated_day IS NOT NULL), 0), AVG(rating),
                    COALESCE(SUM({due_settled}), 0), COALESCE(SUM({late}), 0)
             FROM reports WHERE {}",
            w.sql
        ))?
        .query_row(p(), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?;

    let group = |column: &str| -> rusqlite::Result<BTreeMap<String, u64>> {
        conn.prepare_cached(&format!("SELECT {column}, COUNT(*) FROM reports WHERE {} GROUP BY {column}", w.sql))?
            .query_map(p(), |r| Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?)))?
            .collect()
    };
    let by_status = group("status")?;
    let by_kind = group("kind")?;

    let percentile = |column: &str, q: f64| -> rusqlite::Result<Option<f64>> {
        let n: usize = conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM reports WHERE {} AND {column} IS NOT NULL", w.sql))?
            .query_row(p(), |r| r.get(0))?;
        if n == 0 {
            return Ok(None);
        }
        let offset = percentile_rank(n, q) - 1;
        conn.prepare_cached(&format!(
            "SELECT {column} FROM reports WHERE {} AND {column} IS NOT NULL ORDER BY {column} LIMIT 1 OFFSET {offset}",
            w.sql
        ))?
        .query_row(p(), |r| r.get::<_, f64>(0))
        .map(Some)
    };

    let monthly = monthly(conn, &w.sql, params)?;
    let agencies = agencies(conn, &w.sql, params, today)?;

    Ok(Stats {
        total,
        completed,
        completion_rate: rate(completed, total),
        by_status,
        by_kind,
        median_response_days: percentile("response_days", 0.5)?,
        p90_response_days: percentile("response_days", 0.9)?,
        median_completion_days: percentile("completion_days", 0.5)?,
        within_deadline_rate: (settled > 0).then(|| rate(settled - late, settled)),
        escalated,
        rating_average,
        monthly,
        agencies,
    })
}

/// Received by month of submission, completed by month of completion; gaps filled with zeros.
fn monthly(conn: &Connection, w: &str, params: &[Value]) -> rusqlite::Result<Vec<MonthlyPoint>> {
    let mut months: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let sql = format!(
        "SELECT substr(created_day, 1, 7) AS m, COUNT(*), 0 FROM reports WHERE {w} GROUP BY m
         UNION ALL
         SELECT substr(completed_day, 1, 7) AS m, 0, COUNT(*) FROM reports WHERE {w} AND completed_day IS NOT NULL GROUP BY m"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(params.iter()), |r| Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?, r.get::<_, u64>(2)?)))?;
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
    let (mut y, mut m) = (first[..4].parse::<i32>().unwrap_or(0), first[5..].parse::<u32>().unwrap_or(1));
    loop {
        let key = format!("{y:04}-{m:02}");
        let (received, completed) = months.get(&key).copied().unwrap_or_default();
        out.push(MonthlyPoint { month: key.clone(), received, completed });
        if key >= last || out.len() > 1200 {
            break;
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    Ok(out)
}

/// One row per agency plus one with `id: None` for reports not yet assigned, so rows sum to the total.
fn agencies(conn: &Connection, w: &str, params: &[Value], today: &str) -> rusqlite::Result<Vec<AgencyStats>> {
    let (due_settled, late) = (due_settled(today), late(today));
    let medians: HashMap<Option<String>, f64> = conn
        .prepare_cached(&format!(
            "SELECT agency_id, response_days FROM (
                SELECT agency_id, response_days,
                       ROW_NUMBER() OVER (PARTITION BY agency_id ORDER BY response_days) AS rn,
                       COUNT(*) OVER (PARTITION BY agency_id) AS cnt
                FROM reports WHERE {w} AND response_days IS NOT NULL)
             WHERE rn = (cnt + 1) / 2"
        ))?
        .query_map(params_from_iter(params.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT r.agency_id, a.name, COUNT(*), COALESCE(SUM({COMPLETED}), 0), COALESCE(SUM({due_settled}), 0), COALESCE(SUM({late}), 0)
         FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id
         WHERE {w} GROUP BY r.agency_id ORDER BY COUNT(*) DESC, a.name"
    ))?;
    let rows = stmt.query_map(params_from_iter(params.iter()), |r| {
        let id: Option<String> = r.get(0)?;
        let received: u64 = r.get(2)?;
        let completed: u64 = r.get(3)?;
        let settled: u64 = r.get(4)?;
        let late: u64 = r.get(5)?;
        Ok(AgencyStats {
            median_response_days: medians.get(&id).copied(),
            id,
            name: r.get(1)?,
            received,
            completed,
            completion_rate: rate(completed, received),
            late_rate: (settled > 0).then(|| rate(late, settled)),
        })
    })?;
    rows.collect()
}
