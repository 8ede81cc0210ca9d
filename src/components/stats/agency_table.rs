use aduan_core::agency_table::{self, Column};
use aduan_core::AgencyStats;
use leptos::prelude::*;

use super::bars::ShareBar;
use crate::api::{Backend, Client};
use crate::i18n::{format_count, format_decimal, format_percent, use_i18n};

pub fn heading_key(c: Column) -> &'static str {
    match c {
        Column::Name => "agency",
        Column::Received => "table.received",
        Column::Completed => "table.completed",
        Column::CompletionRate => "stats.completion_rate",
        Column::MedianResponse => "table.median_response",
        Column::LateRate => "table.late",
    }
}

/// The words for the row of reports without an agency. With the SP4N-LAPOR! workflow an administrator has not
/// chosen one yet; an Open311 server only records the agency it names (`agency_responsible`), so there the agency
/// is not recorded, and nothing is still to be decided.
pub fn unnamed_agency_key(lapor_workflow: bool) -> &'static str {
    if lapor_workflow {
        "reports.agency_pending"
    } else {
        "stats.not_recorded"
    }
}

/// Agencies in a table sortable by any column (a button in each heading, `aria-sort` on the sorted one),
/// with a bar of the completion rate in each row and a total row that adds up to the figures above.
/// `order` (column, descending) belongs to the page, so that a download can follow the order shown.
#[component]
pub fn AgencyTable(rows: Vec<AgencyStats>, order: RwSignal<(Column, bool)>) -> impl IntoView {
    let i18n = use_i18n();
    let total_received: u64 = rows.iter().map(|r| r.received).sum();
    // The sentence a screen-reader user hears instead of scanning the bars: best and worst completion,
    // among agencies with enough reports for a rate to mean something.
    let rated: Vec<&AgencyStats> = rows.iter().filter(|r| r.name.is_some() && r.received >= 10).collect();
    let best = rated
        .iter()
        .max_by(|a, b| a.completion_rate.total_cmp(&b.completion_rate))
        .map(|r| (r.name.clone().unwrap_or_default(), r.completion_rate));
    let worst = rated
        .iter()
        .min_by(|a, b| a.completion_rate.total_cmp(&b.completion_rate))
        .map(|r| (r.name.clone().unwrap_or_default(), r.completion_rate));
    let summary = move || match (&best, &worst) {
        (Some((b, br)), Some((w, wr))) => i18n
            .t("table.summary")
            .replace("{best}", b)
            .replace("{best_rate}", &format_percent(*br, i18n.lang()))
            .replace("{worst}", w)
            .replace("{worst_rate}", &format_percent(*wr, i18n.lang())),
        _ => String::new(),
    };
    let total_completed: u64 = rows.iter().map(|r| r.completed).sum();
    let unnamed = unnamed_agency_key(expect_context::<Client>().features().lapor_workflow);
    let rows = StoredValue::new(rows);
    let sorted = Memo::new(move |_| {
        let (column, descending) = order.get();
        let mut r = rows.get_value();
        agency_table::sort(&mut r, column, descending);
        r
    });
    view! {
        <section class="chart" aria-labelledby="agencies-title">
            <h2 id="agencies-title">{move || i18n.t("stats.by_agency")}</h2>
            <p class="chart-summary">{summary}</p>
            <p class="hint">{move || i18n.t("table.sort_hint")}</p>
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label=move || i18n.t("table.scroll").replace("{title}", i18n.t("stats.by_agency"))
            >
                <table class="data-table agency-table" id="agency-table">
                    <thead>
                        <tr>{Column::ALL.map(|column| sort_heading(column, order)).collect_view()}</tr>
                    </thead>
                    <tbody>
                        <For each=move || sorted.get() key=|r| r.id.clone() let:r>
                            {agency_row(r, unnamed)}
                        </For>
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{move || i18n.t("table.total")}</th>
                            <td class="num">{move || format_count(total_received, i18n.lang())}</td>
                            <td class="num">{move || format_count(total_completed, i18n.lang())}</td>
                            <td colspan="3"></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

/// A column's heading: a button that sorts by the column, or reverses the order when it is already sorted by it.
/// Text columns start ascending, figures descending (the largest first).
fn sort_heading(column: Column, order: RwSignal<(Column, bool)>) -> impl IntoView {
    let i18n = use_i18n();
    let numeric = column != Column::Name;
    let aria_sort = move || match order.get() {
        (c, true) if c == column => "descending",
        (c, false) if c == column => "ascending",
        _ => "none",
    };
    view! {
        <th scope="col" class:num=numeric aria-sort=aria_sort>
            <button
                type="button"
                class="link-button sort-button"
                on:click=move |_| {
                    order
                        .update(|(c, d)| {
                            if *c == column {
                                *d = !*d;
                            } else {
                                *c = column;
                                *d = numeric;
                            }
                        });
                }
            >
                {move || i18n.t(heading_key(column))}
                <span aria-hidden="true" class="sort-mark">
                    {move || match aria_sort() {
                        "descending" => " ▼",
                        "ascending" => " ▲",
                        _ => "",
                    }}
                </span>
            </button>
        </th>
    }
}

/// One agency's figures; the row without a name holds the reports no agency has been chosen for yet.
fn agency_row(row: AgencyStats, unnamed: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let no_data = move || i18n.t("stats.no_data").to_string();
    view! {
        <tr>
            <th scope="row">
                {match row.name.clone() {
                    Some(n) => n.into_any(),
                    None => (move || i18n.t(unnamed)).into_any(),
                }}
            </th>
            <td class="num">{move || format_count(row.received, i18n.lang())}</td>
            <td class="num">{move || format_count(row.completed, i18n.lang())}</td>
            <td class="num rate-cell">
                <span>{move || format_percent(row.completion_rate, i18n.lang())}</span>
                <ShareBar share=row.completion_rate />
            </td>
            <td class="num">
                {move || row.median_response_days.map(|d| format_decimal(d, 1, i18n.lang())).unwrap_or_else(no_data)}
            </td>
            <td class="num">{move || row.late_rate.map(|x| format_percent(x, i18n.lang())).unwrap_or_else(no_data)}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{lookup, Lang};

    #[test]
    fn the_row_without_an_agency_is_pending_only_where_an_administrator_chooses_one() {
        assert_eq!(lookup(Lang::En, unnamed_agency_key(true)), "Agency not yet decided");
        assert_eq!(lookup(Lang::En, unnamed_agency_key(false)), "Not recorded");
        assert_eq!(lookup(Lang::Id, unnamed_agency_key(false)), "Tidak dicatat");
    }
}
