//! The staff work queue: a role's tabs with their counts, one tab's page sorted by the nearest deadline, every
//! tab and count limited to what the account may see (an officer: reports forwarded to their agencies).

use aduan_core::{Kind, QueueItem, QueuePage, QueueTab, QueueTabCount, ReportFilter, Status};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::filter::{where_clause, where_clause_without_indexes, Where};
use super::listing::{fts_query, Paging};
use super::reports::named;
use crate::staff::Staff;

/// What a queue request asks for, validated by the handler.
pub struct QueueRequest {
    pub tab: QueueTab,
    pub filter: ReportFilter,
    pub status: Option<Status>,
    /// A ticket number, or words of the title or body.
    pub search: Option<String>,
    pub paging: Paging,
    /// The portal's today and the last day "due soon" reaches (both local dates of its calendar).
    pub today: NaiveDate,
    pub soon_until: NaiveDate,
}

/// The unfinished statuses, exactly as the partial index `reports_unfinished_queue` (migration 0006) names them:
/// SQLite uses that index only for a query whose `WHERE` says so in these words.
pub(super) const UNFINISHED: &str = "status IN ('submitted', 'verified', 'dispositioned', 'in_progress', 'escalated')";

/// The reports of `tab` that `staff` may see under the request's filters.
fn tab_where(staff: &Staff, req: &QueueRequest, tab: QueueTab) -> Where {
    // Every tab but "all" holds only unfinished reports, which their covering index answers best; the filters'
    // own indexes would make SQLite read a report row for each match (measured at 100 000 reports: about 50 ms
    // instead of 1 to 2 ms to count a tab in a category of 18 000 reports).
    let unindexed = if tab == QueueTab::All { "" } else { "+" };
    let mut w = if tab == QueueTab::All {
        where_clause(&req.filter)
    } else {
        let mut w = where_clause_without_indexes(&req.filter);
        w.sql.push_str(&format!(" AND {UNFINISHED}"));
        w
    };
    if !staff.role.sees_everything() {
        let marks: Vec<String> = staff
            .agencies
            .iter()
            .map(|a| {
                w.params.push(Value::Text(a.clone()));
                format!("?{}", w.params.len())
            })
            .collect();
        // An officer without agencies sees nothing: `IN ()` is valid SQLite and matches no row.
        w.sql
            .push_str(&format!(" AND forwarded = 1 AND agency_id IN ({})", marks.join(", ")));
    }
    if let Some(s) = req.status {
        w.and(&format!("{unindexed}status = ?"), Value::Text(s.as_str().into()));
    }
    if let Some(q) = req.search.as_deref() {
        match aduan_core::ticket::Ticket::parse(q) {
            Ok(ticket) => w.and("ticket = ?", Value::Text(ticket.to_string())),
            // Confidential reports have an index of their own (migrations 0002 and 0010), which only staff read.
            Err(_) => match fts_query(q) {
                // Both `?` are the one parameter.
                Some(words) => w.and(
                    "(id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)
                      OR id IN (SELECT rowid FROM reports_confidential_fts WHERE reports_confidential_fts MATCH ?))",
                    Value::Text(words),
                ),
                None => w.sql.push_str(" AND 0"),
            },
        }
    }
    match tab {
        QueueTab::ToVerify => w
            .sql
            .push_str(" AND (status = 'submitted' OR (status = 'verified' AND handed_back = 0))"),
        QueueTab::ForwardedToMe => w
            .sql
            .push_str(" AND forwarded = 1 AND status IN ('dispositioned', 'in_progress', 'escalated')"),
        QueueTab::HandedBack => w.sql.push_str(" AND status = 'verified' AND handed_back = 1"),
        QueueTab::Overdue => w.and("next_due < ?", Value::Text(req.today.to_string())),
        QueueTab::DueSoon => {
            w.and("next_due >= ?", Value::Text(req.today.to_string()));
            w.and("next_due <= ?", Value::Text(req.soon_until.to_string()));
        }
        QueueTab::All => {}
    }
    w
}

fn count(conn: &Connection, w: &Where) -> rusqlite::Result<u64> {
    conn.prepare_cached(&format!("SELECT COUNT(*) FROM reports WHERE {}", w.sql))?
        .query_row(params_from_iter(w.params.iter()), |r| r.get(0))
}

/// The page of `req.tab`, with the counts of every tab of the role under the same filters.
pub fn queue(conn: &Connection, staff: &Staff, req: &QueueRequest) -> rusqlite::Result<QueuePage> {
    let tabs = staff
        .role
        .queue_tabs()
        .iter()
        .map(|&tab| {
            Ok(QueueTabCount {
                tab,
                count: count(conn, &tab_where(staff, req, tab))?,
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let w = tab_where(staff, req, req.tab);
    let total = match tabs.iter().find(|t| t.tab == req.tab) {
        Some(t) => t.count,
        None => count(conn, &w)?,
    };
    let (per_page, offset) = (req.paging.per_page, req.paging.offset());
    // The page's ids first, from the indexes alone, then their rows: the joins run for one page, not the tab.
    let sql = format!(
        "SELECT r.ticket, r.kind, r.status, r.title, r.agency_id, a.name, r.category_id, c.name, r.region_id, g.name,
                r.created_at, r.confidential, r.handed_back, r.next_due
         FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN categories c ON c.id = r.category_id
         LEFT JOIN regions g ON g.id = r.region_id
         WHERE r.id IN (SELECT id FROM reports WHERE {} ORDER BY next_due NULLS LAST, created_at, id
                        LIMIT {per_page} OFFSET {offset})
         ORDER BY r.next_due NULLS LAST, r.created_at, r.id",
        w.sql
    );
    let items = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(w.params.iter()), |r| {
            Ok(QueueItem {
                ticket: r.get(0)?,
                kind: Kind::parse(&r.get::<_, String>(1)?).unwrap_or(Kind::Complaint),
                status: Status::parse(&r.get::<_, String>(2)?).unwrap_or(Status::Submitted),
                title: r.get(3)?,
                agency: named(r.get(4)?, r.get(5)?),
                category: named(r.get(6)?, r.get(7)?),
                region: named(r.get(8)?, r.get(9)?),
                created_at: r.get::<_, String>(10)?.parse().unwrap_or_default(),
                confidential: r.get(11)?,
                handed_back: r.get(12)?,
                due: r.get::<_, Option<String>>(13)?.and_then(|d| d.parse().ok()),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(QueuePage {
        tab: req.tab,
        tabs,
        items,
        total,
        page: req.paging.page,
        per_page: req.paging.per_page,
    })
}

#[cfg(test)]
#[path = "staff_queue_tests.rs"]
mod tests;
