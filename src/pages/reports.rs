//! `/laporan`: the public list of reports, newest first, searchable and filtered by URL.

use aduan_core::listing::ListQuery;
use aduan_core::open311::known_category;
use aduan_core::{Category, Page, Portal, ReportSummary, WorkingCalendar};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::{ApiError, Backend, Client};
use crate::clock::today;
use crate::components::error_panel::ErrorPanel;
use crate::components::filters::{view_href, FilterForm};
use crate::components::pagination::Pagination;
use crate::components::refreshable::Refreshable;
use crate::components::support_button::SupportButton;
use crate::components::title::use_page_title;
use crate::components::unread_note::UnreadNote;
use crate::components::with_portal::WithPortal;
use crate::i18n::names::{category_name, format_date, format_working_days, status_key};
use crate::i18n::{format_count, use_i18n};
use crate::pages::track::parse_reference;

const PER_PAGE: u32 = 20;

/// The view in the URL, and whether the page is embedded in another site.
pub fn use_view_query() -> (Memo<ListQuery>, Memo<bool>) {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|p| ListQuery::from_pairs(p.into_iter().map(|(k, v)| (k.as_ref(), v)).collect::<Vec<_>>()))
    });
    (query, crate::components::layout::use_embed())
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title("nav.reports");
    let client = expect_context::<Client>();
    let (query, embed) = use_view_query();
    // Asked for alongside the portal's lists, not after them.
    let results = LocalResource::new(move || {
        let (client, query) = (client.clone(), query.get());
        async move { client.reports(&query, today(), PER_PAGE).await }
    });
    view! {
        <h1>{move || i18n.t("nav.reports")}</h1>
        <p class="lead">{move || i18n.t("reports.lead")}</p>
        <p>{move || i18n.t("reports.privacy")}</p>
        <WithPortal fallback=move || view! { <p aria-busy="true">{move || i18n.t("loading")}</p> } let:p>
            <FilterForm base="/laporan" query portal=p.clone() embed with_search=true />
            <ReportList results query embed portal=p />
        </WithPortal>
    }
}

#[component]
fn ReportList(
    results: LocalResource<Result<Page<ReportSummary>, ApiError>>,
    query: Memo<ListQuery>,
    embed: Memo<bool>,
    portal: Portal,
) -> impl IntoView {
    let calendar = StoredValue::new(crate::clock::calendar(portal.holidays));
    let categories = StoredValue::new(portal.categories);
    view! {
        <Refreshable fallback=|| {
            view! {
                <ul class="report-list skeleton" aria-busy="true">
                    {(0..5).map(|_| view! { <li class="skeleton-row"></li> }).collect_view()}
                </ul>
            }
        }>
            {move || {
                results
                    .get()
                    .map(|loaded| match loaded {
                        Ok(page) => view! { <ResultPage page query embed calendar categories /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| results.refetch() /> }.into_any(),
                    })
            }}
        </Refreshable>
    }
}

#[component]
fn ResultPage(
    page: Page<ReportSummary>,
    query: Memo<ListQuery>,
    embed: Memo<bool>,
    calendar: StoredValue<WorkingCalendar>,
    categories: StoredValue<Vec<Category>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total;
    let last = total.div_ceil(PER_PAGE as u64).max(1) as u32;
    let today = today();
    let client = expect_context::<Client>();
    let features = client.features();
    let skipped = client
        .open311()
        .and_then(|o| {
            let q = query.get_untracked();
            o.listing_notes(&q.effective_filter(today), q.status)
        })
        .map_or(0, |(skipped, _)| skipped);
    view! {
        <p role="status" class="result-count">
            {move || i18n.t("reports.count").replace("{n}", &format_count(total, i18n.lang()))}
        </p>
        <UnreadNote count=skipped />
        {(total == 0).then(|| view! { <p class="notice">{move || i18n.t("reports.none")}</p> })}
        <ol class="report-list">
            {page
                .items
                .into_iter()
                .map(|r| {
                    let (created, age) = calendar
                        .with_value(|cal| {
                            let created = cal.local_date(r.created_at);
                            (created, cal.working_days_between(created, today).max(0))
                        });
                    let grouped = parse_reference(&r.ticket, features)
                        .map(|t| t.shown)
                        .unwrap_or_else(|_| r.ticket.clone());
                    let status = r.status;
                    let title = r.title.clone();
                    let agency = r.agency.as_ref().map(|a| a.name.clone());
                    let missing = (!features.lapor_workflow)
                        .then(|| categories.with_value(|all| known_category(r.category.as_ref(), all, None)));
                    let confidential = r.confidential;
                    // Without the SP4N-LAPOR! workflow no administrator forwards reports: a row without an
                    // agency names its category instead, or says it is not recorded.
                    view! {
                        <li class="report-row">
                            <A href=format!("/lacak/{}", r.ticket) attr:class="report-link">
                                <span class="report-row-title">
                                    {match title {
                                        Some(t) => t.into_any(),
                                        None => (move || i18n.t("reports.confidential")).into_any(),
                                    }}
                                </span>
                                <span class="report-row-ticket">{grouped}</span>
                            </A>
                            <p class="report-meta">
                                <span class="status-badge small" data-status=status.as_str()>
                                    {move || i18n.t(status_key(status))}
                                </span>
                                " "
                                {match (agency, missing) {
                                    (Some(a), _) => a.into_any(),
                                    (None, None) => (move || i18n.t("reports.agency_pending")).into_any(),
                                    (None, Some(Some(c))) => (move || category_name(&c, i18n.lang())).into_any(),
                                    (None, Some(None)) => {
                                        (move || format!("{}: {}", i18n.t("category"), i18n.t("not_recorded")))
                                            .into_any()
                                    }
                                }}
                            </p>
                            <p class="report-meta hint">
                                {move || format_date(created, i18n.lang())}" · "
                                {move || {
                                    i18n.t("reports.age").replace("{days}", &format_working_days(age, i18n.lang()))
                                }}
                            </p>
                            {(features.support && !confidential)
                                .then(|| view! { <SupportButton ticket=r.ticket.clone() count=r.supports /> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <Pagination
            current=query.get_untracked().page
            last
            href=move |p| view_href(
                "/laporan",
                &ListQuery {
                    page: p,
                    ..query.get_untracked()
                },
                embed.get_untracked(),
            )
        />
    }
}
