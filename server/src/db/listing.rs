//! Lists of reports: the public listing with its search, the operators' work queue, and Open311's requests.

use aduan_core::{Kind, Page, ReportFilter, ReportSummary, ReportView, Status};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::filter::{listed_where, where_clause};
use super::reports::{self, named, Audience};

/// Words of a free-text search as an FTS5 query: every word must appear, as a prefix.
pub fn fts_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Which page of a list, counted from 1, and how long pages are.
#[derive(Clone, Copy)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

impl Paging {
    /// How many items the pages before this one hold.
    pub fn offset(self) -> u64 {
        (self.page as u64 - 1) * self.per_page as u64
    }

    fn of<T>(self, items: Vec<T>, total: u64) -> Page<T> {
        Page {
            items,
            total,
            page: self.page,
            per_page: self.per_page,
        }
    }
}

/// What the public listing is asked for.
pub struct PublicQuery {
    pub filter: ReportFilter,
    pub status: Option<Status>,
    /// Free text; see [`fts_query`].
    pub search: Option<String>,
    pub paging: Paging,
}

/// The public listing, newest first. Confidential reports appear without title; identity never.
/// A duplicate is left out (its main report is listed); its own ticket still finds it.
pub fn public_page(conn: &Connection, q: &PublicQuery) -> rusqlite::Result<Page<ReportSummary>> {
    let (per_page, offset) = (q.paging.per_page, q.paging.offset());
    let mut w = listed_where(&q.filter);
    if let Some(s) = q.status {
        w.and("status = ?", Value::Text(s.as_str().into()));
    }
    if let Some(search) = q.search.as_deref().and_then(fts_query) {
        w.and(
            "confidential = 0 AND id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)",
            Value::Text(search),
        );
    }
    let (sql, params) = (w.sql, w.params);
    let total: u64 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM reports WHERE {sql}"))?
        .query_row(params_from_iter(params.iter()), |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT r.ticket, r.kind, r.status, r.title, r.agency_id, a.name, r.category_id, c.name, r.region_id, g.name, r.created_at, r.confidential, r.supports
         FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN categories c ON c.id = r.category_id
         LEFT JOIN regions g ON g.id = r.region_id
         WHERE r.id IN (SELECT id FROM reports WHERE {sql} ORDER BY created_at DESC, id DESC LIMIT {per_page} OFFSET {offset})
         ORDER BY r.created_at DESC, r.id DESC"
    ))?;
    let items = stmt
        .query_map(params_from_iter(params.iter()), |r| {
            let confidential: bool = r.get(11)?;
            Ok(ReportSummary {
                ticket: r.get(0)?,
                kind: Kind::parse(&r.get::<_, String>(1)?).unwrap_or(Kind::Complaint),
                status: Status::parse(&r.get::<_, String>(2)?).unwrap_or(Status::Submitted),
                title: if confidential { None } else { r.get(3)? },
                agency: named(r.get(4)?, r.get(5)?),
                category: named(r.get(6)?, r.get(7)?),
                region: named(r.get(8)?, r.get(9)?),
                created_at: r.get::<_, String>(10)?.parse().unwrap_or_default(),
                confidential,
                supports: r.get(12)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(q.paging.of(items, total))
}

/// The operators' work queue: oldest first, with full content, optionally of one status.
pub fn operator_queue(conn: &Connection, status: Option<Status>, paging: Paging) -> rusqlite::Result<Page<ReportView>> {
    let status = status.map(Status::as_str);
    let total: u64 = conn
        .prepare_cached("SELECT COUNT(*) FROM reports WHERE ?1 IS NULL OR status = ?1")?
        .query_row([status], |r| r.get(0))?;
    let ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT id FROM reports WHERE ?1 IS NULL OR status = ?1 ORDER BY created_at, id LIMIT ?2 OFFSET ?3",
        )?
        .query_map(rusqlite::params![status, paging.per_page, paging.offset()], |r| {
            r.get(0)
        })?
        .collect::<rusqlite::Result<_>>()?;
    let items = ids
        .into_iter()
        .map(|id| reports::load(conn, id, Audience::Operator))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(paging.of(items, total))
}

/// Which reports Open311's `GET requests.json` asks for; an empty list does not narrow.
pub struct Open311Query {
    pub filter: ReportFilter,
    pub categories: Vec<String>,
    pub statuses: Vec<Status>,
    pub tickets: Vec<String>,
}

/// Newest first, at most `limit`, as the public sees them. Duplicates are left out unless asked for by ticket
/// (`service_request_id`), as the single request shows them.
pub fn open311_requests(conn: &Connection, q: &Open311Query, limit: u32) -> rusqlite::Result<Vec<ReportView>> {
    let mut w = if q.tickets.is_empty() {
        listed_where(&q.filter)
    } else {
        where_clause(&q.filter)
    };
    w.and_any_of("category_id", &q.categories);
    w.and_any_of(
        "status",
        &q.statuses.iter().map(|s| s.as_str().to_string()).collect::<Vec<_>>(),
    );
    w.and_any_of("ticket", &q.tickets);
    let (sql, params) = (w.sql, w.params);
    let ids: Vec<i64> = conn
        .prepare(&format!(
            "SELECT id FROM reports WHERE {sql} ORDER BY created_at DESC, id DESC LIMIT {limit}"
        ))?
        .query_map(params_from_iter(params.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| reports::load(conn, id, Audience::Public))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{fts_query, Paging};

    #[test]
    fn pages_count_from_one() {
        let paging = |page, per_page| Paging { page, per_page };
        assert_eq!(paging(1, 20).offset(), 0);
        assert_eq!(paging(3, 25).offset(), 50);
        let page = paging(2, 10).of(vec!["a"], 11);
        assert_eq!(
            (page.page, page.per_page, page.total, page.items),
            (2, 10, 11, vec!["a"])
        );
    }

    #[test]
    fn search_words_become_a_safe_prefix_query() {
        assert_eq!(fts_query("jalan rusak").as_deref(), Some("\"jalan\"* \"rusak\"*"));
        assert_eq!(fts_query("\" OR 1=1 --").as_deref(), Some("\"OR\"* \"1\"* \"1\"*"));
        assert_eq!(fts_query("  ;; "), None);
    }
}
