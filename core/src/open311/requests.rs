//! The public list from a whole `requests.json` answer, and the query that asks for it.

use chrono::{DateTime, Utc};

use super::read::{agency_of, category_of, created_at, in_order, non_empty};
use super::{offset_text, status_from_open311, ServiceRequest};
use crate::{Kind, Page, ReportFilter, ReportSummary, Status};

/// Longest list-row title cut from a description.
const SUMMARY_TITLE_MAX: usize = 120;

/// The first line of a description, cut to a list row's length at a character boundary.
fn summary_title(description: &str) -> Option<String> {
    let line = description.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.chars().count() <= SUMMARY_TITLE_MAX {
        return Some(line.to_string());
    }
    let cut: String = line.chars().take(SUMMARY_TITLE_MAX - 1).collect();
    Some(format!("{}…", cut.trim_end()))
}

/// One request as a row of the public list. `now` stands in for a missing request time.
pub fn summary_from_request(r: &ServiceRequest, now: DateTime<Utc>, utc_offset_seconds: i32) -> ReportSummary {
    ReportSummary {
        ticket: r.service_request_id.clone(),
        kind: Kind::Complaint,
        status: status_from_open311(&r.status),
        title: r
            .description
            .as_deref()
            .and_then(summary_title)
            .or_else(|| non_empty(&r.service_name)),
        agency: agency_of(r),
        category: category_of(r),
        region: None,
        created_at: created_at(r, now, utc_offset_seconds),
        confidential: false,
        supports: 0,
    }
}

/// One page of the public list from a whole `requests.json` answer: Open311 has neither search nor paging,
/// so the words of `q` (all of them, any case) are looked for in the description, service and id here.
pub fn list_page(
    requests: &[ServiceRequest],
    q: &str,
    page: u32,
    per_page: u32,
    now: DateTime<Utc>,
    utc_offset_seconds: i32,
) -> Page<ReportSummary> {
    let words: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
    let matching = requests.iter().filter(|r| {
        let text = format!(
            "{} {} {}",
            r.description.as_deref().unwrap_or(""),
            r.service_name.as_deref().unwrap_or(""),
            r.service_request_id
        )
        .to_lowercase();
        words.iter().all(|w| text.contains(w.as_str()))
    });
    let found = in_order(
        matching.map(|r| summary_from_request(r, now, utc_offset_seconds)),
        |a, b| a.created_at >= b.created_at,
    );
    let per_page = per_page.max(1);
    let page = page.max(1);
    let start = ((page - 1) as usize).saturating_mul(per_page as usize);
    let total = found.len() as u64;
    let items = found.into_iter().skip(start).take(per_page as usize).collect();
    Page {
        items,
        total,
        page,
        per_page,
    }
}

/// The query of `GET requests.json` for a filter and an optional status: inclusive local dates become the
/// first and last second of those days in the portal's time zone. Agency, region and kind have no Open311
/// parameter and are not offered as filters with this backend.
pub fn requests_query(
    filter: &ReportFilter,
    status: Option<Status>,
    utc_offset_seconds: i32,
) -> Vec<(&'static str, String)> {
    let zone = offset_text(utc_offset_seconds);
    let mut q = Vec::new();
    if let Some(from) = filter.from {
        q.push(("start_date", format!("{from}T00:00:00{zone}")));
    }
    if let Some(to) = filter.to {
        q.push(("end_date", format!("{to}T23:59:59{zone}")));
    }
    if let Some(code) = &filter.category {
        q.push(("service_code", code.clone()));
    }
    if let Some(s) = status {
        q.push(("status", crate::open311::status_of(s).to_string()));
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WIB_OFFSET_SECONDS;
    use crate::open311::examples::{now, spec_requests};
    use chrono::NaiveDate;

    #[test]
    fn the_list_searches_every_word_sorts_newest_first_and_pages() {
        let mut requests = spec_requests();
        let mut third = requests[1].clone();
        third.service_request_id = "700001".into();
        third.description = Some("Lampu jalan mati\nsudah seminggu".into());
        third.requested_datetime = Some("2026-11-26T08:00:00+07:00".into());
        requests.push(third);
        let all = list_page(&requests, "", 1, 2, now(), WIB_OFFSET_SECONDS);
        assert_eq!((all.total, all.items.len()), (3, 2));
        assert_eq!(all.items[0].ticket, "700001");
        assert_eq!(all.items[0].title.as_deref(), Some("Lampu jalan mati"));
        assert_eq!(list_page(&requests, "", 2, 2, now(), WIB_OFFSET_SECONDS).items.len(), 1);
        let found = list_page(&requests, "JALAN seminggu", 1, 20, now(), WIB_OFFSET_SECONDS);
        assert_eq!(
            found.items.iter().map(|i| i.ticket.as_str()).collect::<Vec<_>>(),
            vec!["700001"]
        );
        assert_eq!(
            list_page(&requests, "jalan banjir", 1, 20, now(), WIB_OFFSET_SECONDS).total,
            0
        );
    }

    #[test]
    fn long_descriptions_are_cut_for_the_list_and_missing_ones_use_the_service() {
        let mut r = spec_requests()[1].clone();
        r.description = Some("é".repeat(300));
        let title = summary_from_request(&r, now(), WIB_OFFSET_SECONDS).title.unwrap();
        assert_eq!(title.chars().count(), SUMMARY_TITLE_MAX);
        assert!(title.ends_with('…'));
        r.description = None;
        assert_eq!(
            summary_from_request(&r, now(), WIB_OFFSET_SECONDS).title,
            r.service_name
        );
    }

    #[test]
    fn filters_become_open311_parameters_in_the_portal_zone() {
        let filter = ReportFilter {
            from: NaiveDate::from_ymd_opt(2026, 11, 1),
            to: NaiveDate::from_ymd_opt(2026, 11, 27),
            category: Some("jalan".into()),
            ..Default::default()
        };
        assert_eq!(
            requests_query(&filter, Some(Status::InProgress), WIB_OFFSET_SECONDS),
            vec![
                ("start_date", "2026-11-01T00:00:00+07:00".to_string()),
                ("end_date", "2026-11-27T23:59:59+07:00".to_string()),
                ("service_code", "jalan".to_string()),
                ("status", "open".to_string()),
            ]
        );
        assert_eq!(offset_text(-5 * 3600 - 1800), "-05:30");
        assert!(requests_query(&ReportFilter::default(), None, 0).is_empty());
    }
}
