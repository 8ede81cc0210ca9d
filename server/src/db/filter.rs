//! The `WHERE` clause of a [`ReportFilter`], shared by the statistics, the listings and Open311.

use aduan_core::ReportFilter;
use rusqlite::types::Value;

/// A `WHERE` clause over `reports` with numbered placeholders `?1`, `?2` … bound to `params`, which callers
/// extend with [`Where::and`] and [`Where::and_any_of`] so the numbering stays in one place.
pub struct Where {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Where {
    /// `AND cond`, whose `?` becomes the next placeholder, bound to `value`.
    pub fn and(&mut self, cond: &str, value: Value) {
        self.params.push(value);
        let cond = cond.replace('?', &format!("?{}", self.params.len()));
        self.sql.push_str(&format!(" AND {cond}"));
    }

    /// `AND column IN (…)` over `values`; nothing when there are none.
    pub fn and_any_of(&mut self, column: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        let marks: Vec<String> = values
            .iter()
            .map(|v| {
                self.params.push(Value::Text(v.clone()));
                format!("?{}", self.params.len())
            })
            .collect();
        self.sql.push_str(&format!(" AND {column} IN ({})", marks.join(", ")));
    }
}

pub fn where_clause(f: &ReportFilter) -> Where {
    filter_where(f, "")
}

/// Reports that count: none that is a duplicate of another (its main report counts for it). For the statistics,
/// the monitoring figures and the public lists; the term is written exactly as the statistics' partial index says
/// it (migration 0011), so that SQLite may answer from that index.
pub const NOT_DUPLICATE: &str = "duplicate_of IS NULL";

/// [`where_clause`] over the reports that count ([`NOT_DUPLICATE`]).
pub fn counted_where(f: &ReportFilter) -> Where {
    let mut w = filter_where(f, "");
    w.sql.push_str(&format!(" AND {NOT_DUPLICATE}"));
    w
}

/// [`where_clause`] over the reports a public list shows: the same reports as [`counted_where`], written as a
/// term on the row id over the few duplicates (their own index), so that each list keeps the index its filters
/// choose; `duplicate_of IS NULL` would make SQLite read every row of an unfiltered page (measured at 100 000
/// reports: twice as slow).
pub fn listed_where(f: &ReportFilter) -> Where {
    let mut w = filter_where(f, "");
    w.sql
        .push_str(" AND id NOT IN (SELECT id FROM reports WHERE duplicate_of IS NOT NULL)");
    w
}

/// The same clause with every column written `+column`, which keeps SQLite from answering through the filters' own
/// indexes: for a query that a narrower covering index answers better (the staff queue's unfinished reports).
pub fn where_clause_without_indexes(f: &ReportFilter) -> Where {
    filter_where(f, "+")
}

fn filter_where(f: &ReportFilter, p: &str) -> Where {
    let mut w = Where {
        sql: "1 = 1".into(),
        params: Vec::new(),
    };
    if let Some(d) = f.from {
        w.and(&format!("{p}created_day >= ?"), Value::Text(d.to_string()));
    }
    if let Some(d) = f.to {
        w.and(&format!("{p}created_day <= ?"), Value::Text(d.to_string()));
    }
    if let Some(a) = &f.agency {
        w.and(&format!("{p}agency_id = ?"), Value::Text(a.clone()));
    }
    if let Some(c) = &f.category {
        w.and(&format!("{p}category_id = ?"), Value::Text(c.clone()));
    }
    if let Some(r) = &f.region {
        w.and(&format!("{p}region_id = ?"), Value::Text(r.clone()));
    }
    if let Some(k) = f.kind {
        w.and(&format!("{p}kind = ?"), Value::Text(k.as_str().into()));
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_filter_matches_every_report() {
        let w = where_clause(&ReportFilter::default());
        assert_eq!(w.sql, "1 = 1");
        assert!(w.params.is_empty());
    }

    #[test]
    fn placeholders_are_numbered_in_the_order_values_are_bound() {
        let filter = ReportFilter {
            from: "2026-01-01".parse().ok(),
            agency: Some("dishub".into()),
            kind: Some(aduan_core::Kind::Aspiration),
            ..Default::default()
        };
        let mut w = where_clause(&filter);
        w.and_any_of("ticket", &["A".into(), "B".into()]);
        w.and_any_of("status", &[]);
        w.and("status = ?", Value::Text("closed".into()));
        assert_eq!(
            w.sql,
            "1 = 1 AND created_day >= ?1 AND agency_id = ?2 AND kind = ?3 AND ticket IN (?4, ?5) AND status = ?6"
        );
        let text = |v: &Value| match v {
            Value::Text(t) => t.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            w.params.iter().map(text).collect::<Vec<_>>(),
            ["2026-01-01", "dishub", "aspiration", "A", "B", "closed"]
        );
    }
}
