//! The work queue's query in the URL and in the `/staff/queue` request: the contract's names, both ways.

use aduan_core::QueueQuery;

/// The queue's query string, in the contract's names.
pub fn queue_pairs(query: &QueueQuery) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    let mut put = |key: &'static str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            pairs.push((key, v));
        }
    };
    put("tab", query.tab.map(|t| t.as_str().to_string()));
    put("status", query.status.map(|s| s.as_str().to_string()));
    put("agency", query.agency.clone());
    put("category", query.category.clone());
    put("region", query.region.clone());
    put("from", query.from.map(|d| d.to_string()));
    put("to", query.to.map(|d| d.to_string()));
    put("q", query.q.clone());
    put("page", query.page.filter(|p| *p > 1).map(|p| p.to_string()));
    put("per_page", query.per_page.map(|p| p.to_string()));
    pairs
}

/// A queue query read back from URL pairs; what cannot be read is left out.
pub fn queue_query_from_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> QueueQuery {
    let mut query = QueueQuery::default();
    for (key, value) in pairs {
        let value = value.as_ref().trim().to_string();
        if value.is_empty() {
            continue;
        }
        match key.as_ref() {
            "tab" => query.tab = aduan_core::QueueTab::parse(&value),
            "status" => query.status = aduan_core::Status::parse(&value),
            "agency" => query.agency = Some(value),
            "category" => query.category = Some(value),
            "region" => query.region = Some(value),
            "from" => query.from = value.parse().ok(),
            "to" => query.to = value.parse().ok(),
            "q" => query.q = Some(value),
            "page" => query.page = value.parse().ok().filter(|p| *p > 1),
            _ => {}
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::with_query;
    use aduan_core::{QueueTab, Status};

    #[test]
    fn a_queue_query_survives_the_url() {
        let query = QueueQuery {
            tab: Some(QueueTab::Overdue),
            status: Some(Status::InProgress),
            agency: Some("dinkes".into()),
            from: "2026-01-02".parse().ok(),
            q: Some("jalan rusak".into()),
            page: Some(3),
            ..QueueQuery::default()
        };
        let pairs = queue_pairs(&query);
        assert_eq!(
            queue_query_from_pairs(pairs.iter().map(|(k, v)| (*k, v.clone()))),
            query
        );
        assert_eq!(
            with_query("/petugas", &pairs),
            "/petugas?tab=overdue&status=in_progress&agency=dinkes&from=2026-01-02&q=jalan%20rusak&page=3"
        );
    }

    #[test]
    fn what_cannot_be_read_from_the_url_is_left_out() {
        let query = queue_query_from_pairs([
            ("tab", "nonsense".to_string()),
            ("page", "1".into()),
            ("from", "yesterday".into()),
            ("q", "  ".into()),
        ]);
        assert_eq!(query, QueueQuery::default());
    }
}
