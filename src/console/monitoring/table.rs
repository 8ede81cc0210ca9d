//! The monitoring table: a caption, one column header per figure (`scope="col"`), numbers right-aligned, the
//! total in the footer; at 360 px it scrolls sideways in its own labelled region.

use aduan_core::{Monitoring, MonitoringRow};
use leptos::prelude::*;

use super::words::{use_monitoring_words, MonitoringWords};
use crate::i18n::{format_count, format_decimal, format_percent};

/// The columns' headings, in order.
pub(super) const COLUMNS: [&str; 10] = [
    "col.rank",
    "col.agency",
    "col.received",
    "col.open",
    "col.overdue",
    "col.response",
    "col.follow_up",
    "col.completed",
    "col.median",
    "col.rating",
];

/// The figures of a row as the page shows them, after the rank and the name: "–" where there is nothing to count.
fn figures(words: MonitoringWords, r: &MonitoringRow) -> Vec<String> {
    let lang = words.lang();
    let share = |s: Option<f64>| s.map_or("–".to_string(), |s| format_percent(s, lang));
    vec![
        format_count(r.received, lang),
        format_count(r.open, lang),
        format_count(r.overdue, lang),
        share(r.response_within_rate),
        share(r.follow_up_within_rate),
        format_percent(r.completion_rate, lang),
        r.median_response_days
            .map_or("–".into(), |d| format_decimal(d, 0, lang)),
        r.rating_average.map_or("–".into(), |a| format_decimal(a, 1, lang)),
    ]
}

fn cells(words: MonitoringWords, r: MonitoringRow) -> impl IntoView {
    figures(words, &r)
        .into_iter()
        .map(|text| view! { <td class="num">{text}</td> })
        .collect_view()
}

fn agency_row(r: MonitoringRow) -> impl IntoView {
    let words = use_monitoring_words();
    let rank = r.rank;
    let name = r.agency_name.clone().or(r.agency_id.clone());
    view! {
        <tr>
            <td class="num">
                {move || rank.map(|n| n.to_string()).unwrap_or_else(|| words.word("not_ranked").to_string())}
            </td>
            <th scope="row">{move || name.clone().unwrap_or_else(|| words.word("unassigned").to_string())}</th>
            {move || cells(words, r.clone())}
        </tr>
    }
}

#[component]
pub fn MonitoringTable(monitoring: Monitoring) -> impl IntoView {
    let words = use_monitoring_words();
    let min = monitoring.min_reports_ranked;
    if monitoring.agencies.is_empty() {
        return view! { <p role="status">{move || words.word("empty")}</p> }.into_any();
    }
    let total = monitoring.total.clone();
    view! {
        <p class="hint">{move || words.word("rule").replace("{n}", &min.to_string())}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || words.word("scroll")>
            <table class="data-table monitoring-table" id="monitoring-table">
                <caption>{move || words.word("caption")}</caption>
                <thead>
                    <tr>
                        {COLUMNS
                            .map(|key| {
                                let numeric = key != "col.agency";
                                view! {
                                    <th scope="col" class:num=numeric>
                                        {move || words.word(key)}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{monitoring.agencies.into_iter().map(agency_row).collect_view()}</tbody>
                <tfoot>
                    <tr>
                        <td></td>
                        <th scope="row">{move || words.word("total")}</th>
                        {move || cells(words, total.clone())}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
    .into_any()
}
