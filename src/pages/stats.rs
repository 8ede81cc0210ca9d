//! `/statistik`: how well reports are handled, for any period and filter in the URL.

use aduan_core::agency_table::{self, Column};
use aduan_core::listing::ListQuery;
use aduan_core::{Portal, ReportFilter, Stats, Status};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::reports::use_view_query;
use crate::api::{ApiError, Backend, Client};
use crate::clock::today;
use crate::components::download::save_file;
use crate::components::error_panel::ErrorPanel;
use crate::components::figures::{FigureList, FiguresSkeleton};
use crate::components::filters::FilterForm;
use crate::components::lazy::{LazyChunk, NextTask};
use crate::components::refreshable::Refreshable;
use crate::components::stats::agency_table::{heading_key, unnamed_agency_key, AgencyTable};
use crate::components::stats::bars::BarTable;
use crate::components::stats::basis::HowObtained;
use crate::components::stats::channels::{channel_heading, channel_rows};
use crate::components::stats::monthly::MonthlyChart;
use crate::components::title::use_page_title;
use crate::components::unread_note::UnreadNote;
use crate::components::with_portal::WithPortal;
use crate::i18n::names::{category_name, format_date, status_key};
use crate::i18n::use_i18n;

/// The heading and introduction come with the shell; the figures, filters and charts are the statistics
/// chunk, fetched once the heading is painted.
#[component]
pub fn StatsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title("nav.stats");
    view! {
        <h1>{move || i18n.t("nav.stats")}</h1>
        <p class="lead">{move || i18n.t("statistics.lead")}</p>
        <LazyChunk load=statistics after_first_paint=true />
    }
}

#[wasm_split(statistics, wasm_split_path = ::leptos::wasm_split, fallible)]
fn statistics() -> Result<AnyView, ApiError> {
    Ok(view! { <Statistics /> }.into_any())
}

#[component]
fn Statistics() -> impl IntoView {
    let client = expect_context::<Client>();
    let (query, embed) = use_view_query();
    // The dates a named period stands for today: asked for, shown above the figures, and put in file names.
    let filter = Memo::new(move |_| query.get().effective_filter(today()));
    // Asked for alongside the portal's lists, not after them.
    let stats = LocalResource::new(move || {
        let (client, filter) = (client.clone(), filter.get());
        async move { client.stats(&filter).await }
    });
    view! {
        <WithPortal fallback=FiguresSkeleton let:p>
            <FilterForm base="/statistik" query portal=p.clone() embed />
            <StatsForView query filter stats portal=p />
        </WithPortal>
    }
}

#[component]
fn StatsForView(
    query: Memo<ListQuery>,
    filter: Memo<ReportFilter>,
    stats: LocalResource<Result<Stats, ApiError>>,
    portal: Portal,
) -> impl IntoView {
    let i18n = use_i18n();
    let computed_here = !expect_context::<Client>().features().lapor_workflow;
    let scope = move || {
        let f = filter.get();
        let lang = i18n.lang();
        match (f.from, f.to) {
            (None, None) => i18n.t("period.all").to_string(),
            (from, to) => format!(
                "{} – {}",
                from.map(|d| format_date(d, lang)).unwrap_or_default(),
                to.map(|d| format_date(d, lang)).unwrap_or_default()
            ),
        }
    };
    let portal = StoredValue::new(portal);
    view! {
        <p class="scope">
            <strong>{move || i18n.t("stats.period")}": "</strong>
            {scope}
        </p>
        {computed_here
            .then(|| {
                view! {
                    <p class="notice" role="note">
                        {move || i18n.t("stats.open311_note")}
                    </p>
                }
            })}
        <Refreshable fallback=|| {
            view! { <FiguresSkeleton /> }
        }>
            {move || {
                stats
                    .get()
                    .map(|loaded| match loaded {
                        Ok(s) => {
                            let notes = expect_context::<Client>()
                                .open311()
                                .and_then(|o| o.listing_notes(&filter.get_untracked(), None));
                            if let Some(p) = window().performance() {
                                let _ = p.mark("aduan:stats-render-start");
                            }
                            // From here to StatsView's first effect (after it is in the DOM) is the script work of a
                            // render; `make bench` reads the measure.
                            view! {
                                {notes
                                    .map(|(skipped, basis)| {
                                        view! {
                                            <HowObtained basis total=s.total />
                                            <UnreadNote count=skipped />
                                        }
                                    })}
                                <StatsView stats=s query filter portal=portal.get_value() />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| stats.refetch() /> }.into_any(),
                    })
            }}
        </Refreshable>
    }
}

#[component]
fn StatsView(stats: Stats, query: Memo<ListQuery>, filter: Memo<ReportFilter>, portal: Portal) -> impl IntoView {
    let i18n = use_i18n();
    let total = stats.total;
    let statuses: Vec<(Signal<String>, u64)> = Status::ALL
        .iter()
        .filter_map(|s| {
            stats
                .by_status
                .get(s.as_str())
                .map(|n| (Signal::derive(move || i18n.t(status_key(*s)).to_string()), *n))
        })
        .collect();
    let categories: Vec<(Signal<String>, u64)> = stats
        .by_category
        .iter()
        .map(|(id, n)| {
            let category = portal.categories.iter().find(|c| &c.id == id).cloned();
            let fallback = id.clone();
            let name = Signal::derive(move || {
                category
                    .as_ref()
                    .map(|c| category_name(c, i18n.lang()))
                    .unwrap_or_else(|| fallback.clone())
            });
            (name, *n)
        })
        .collect();
    let channels = channel_rows(&stats.by_channel);
    let order = RwSignal::new((Column::Received, true));
    let unnamed_agency = unnamed_agency_key(expect_context::<Client>().features().lapor_workflow);
    let shown = StoredValue::new(stats.clone());
    let download_name = move |ext: &str| {
        let q = query.get_untracked();
        let mut pairs = ListQuery { page: 1, ..q.clone() }.to_pairs();
        if q.period.is_some_and(|p| p != aduan_core::listing::Period::Custom) {
            let f = filter.get_untracked();
            pairs.extend(f.from.map(|d| ("from", d.to_string())));
            pairs.extend(f.to.map(|d| ("to", d.to_string())));
        }
        agency_table::file_name(i18n.t("stats.file_stem"), &pairs, ext)
    };
    // Files are made when asked for, from the data and the order shown.
    let download_csv = move |_| {
        let header = Column::ALL.map(|c| i18n.t(heading_key(c)));
        let (column, descending) = order.get_untracked();
        let mut rows = shown.with_value(|s| s.agencies.clone());
        agency_table::sort(&mut rows, column, descending);
        let text = agency_table::csv(&rows, header, i18n.t(unnamed_agency));
        save_file(&download_name("csv"), "text/csv;charset=utf-8", &text);
    };
    let download_json = move |_| {
        let json = shown.with_value(|s| serde_json::to_string_pretty(s).unwrap_or_default());
        save_file(&download_name("json"), "application/json", &json);
    };
    // The figures first, then the chart and bar tables, then the agency table, each in a task of its own: in
    // one task, the first render (much of its wasm compiled on the spot) kept the page from answering input
    // for too long.
    view! {
        <FigureList stats=stats.clone() full=true />
        <NextTask>
            <MonthlyChart points=shown.with_value(|s| s.monthly.clone()) />
            <BarTable
                id="status-table"
                title="stats.by_status"
                label_heading=Signal::derive(move || i18n.t("filter.status"))
                rows=statuses.clone()
                total
            />
            <BarTable
                id="category-table"
                title="stats.by_category"
                label_heading=Signal::derive(move || i18n.t("category"))
                rows=categories.clone()
                total
            />
            <BarTable
                id="channel-table"
                title="stats.by_channel"
                label_heading=Signal::derive(move || channel_heading(i18n.lang()))
                rows=channels.clone()
                total
            />
            <NextTask>
                <AgencyTable rows=shown.with_value(|s| s.agencies.clone()) order />
                <div class="actions no-print">
                    <button type="button" class="button secondary" on:click=download_csv>
                        {move || i18n.t("action.export_csv")}
                    </button>
                    <button type="button" class="button secondary" on:click=download_json>
                        {move || i18n.t("action.export_json")}
                    </button>
                </div>
                <p class="hint">{move || i18n.t("stats.export_hint")}</p>
                <RenderMeasured />
            </NextTask>
        </NextTask>
    }
}

/// `make bench` reads how long the statistics took to draw, up to their last part.
#[component]
fn RenderMeasured() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(p) = window().performance() {
            let _ = p.measure_with_start_mark("aduan:stats-render", "aduan:stats-render-start");
        }
    });
}
