//! `/petugas/pemantauan`: per agency, open and overdue reports, the shares of initial responses and follow-ups
//! within their deadlines, the median response time and satisfaction, and the agencies' ranking, for the
//! supervisor and the administrator. The filters are the public statistics' (`FilterForm`), in the URL; every
//! figure is counted by the server (`GET /staff/monitoring`) by the definitions of `aduan_core::monitoring`.

mod table;
mod words;

use aduan_core::{ReportFilter, Role};
use leptos::prelude::*;

use super::api::StaffError;
use super::session::use_session;
use crate::clock::today;
use crate::components::download::save_bytes;
use crate::components::error_panel::ErrorPanel;
use crate::components::filters::FilterForm;
use crate::components::refreshable::Refreshable;
use crate::components::title::use_page_title_of;
use crate::components::with_portal::WithPortal;
use crate::i18n::Lang;
use crate::pages::reports::use_view_query;
use table::MonitoringTable;
use words::use_monitoring_words;

#[component]
pub fn MonitoringPage() -> impl IntoView {
    let words = use_monitoring_words();
    use_page_title_of(move || words.word("title").to_string());
    let session = use_session();
    let heading = view! {
        <h1>{move || words.word("title")}</h1>
        <p class="lead">{move || words.word("lead")}</p>
    };
    if session.role() == Some(Role::Officer) {
        return view! {
            {heading}
            <p class="notice">{move || words.word("officer")}</p>
        }
        .into_any();
    }
    let (query, embed) = use_view_query();
    // A named period ("this month") stands for its dates as of today, as on the statistics page.
    let filter = Memo::new(move |_| query.get().effective_filter(today()));
    let figures = LocalResource::new(move || {
        let (api, filter) = (session.api(), filter.get());
        async move { api.monitoring(&filter).await }
    });
    view! {
        {heading}
        <WithPortal fallback=move || view! { <p aria-busy="true">{move || words.i18n().t("loading")}</p> } let:p>
            <FilterForm base="/petugas/pemantauan" query portal=p embed />
        </WithPortal>
        <CsvDownload filter />
        <Refreshable fallback=move || {
            view! { <p aria-busy="true">{move || words.i18n().t("loading")}</p> }
        }>
            {move || {
                figures
                    .get()
                    .map(|loaded| match loaded {
                        Ok(m) => view! { <MonitoringTable monitoring=m /> }.into_any(),
                        Err(StaffError::SignedOut) => ().into_any(),
                        Err(error) => {
                            // A 401 has brought the sign-in form already.
                            view! { <ErrorPanel error=error.api_error() on_retry=move |_| figures.refetch() /> }
                                .into_any()
                        }
                    })
            }}
        </Refreshable>
    }
    .into_any()
}

/// "Unduh CSV": the server's CSV for the same filter, fetched with the session's token and saved from a blob.
#[component]
fn CsvDownload(filter: Memo<ReportFilter>) -> impl IntoView {
    let words = use_monitoring_words();
    let session = use_session();
    let download = Action::new_local(move |_: &()| {
        let (api, filter, lang) = (session.api(), filter.get_untracked(), words.lang());
        async move {
            let (code, name) = match lang {
                Lang::Id => ("id", "pemantauan"),
                Lang::En => ("en", "monitoring"),
            };
            let bytes = api.monitoring_csv(&filter, code).await?;
            save_bytes(&format!("{name}-{}.csv", today()), "text/csv", &bytes);
            Ok::<(), StaffError>(())
        }
    });
    let answer = download.value();
    let failed = move || answer.with(|a| matches!(a, Some(Err(e)) if *e != StaffError::SignedOut));
    view! {
        <p class="no-print">
            <button
                type="button"
                class="button secondary"
                disabled=download.pending()
                on:click=move |_| {
                    download.dispatch(());
                }
            >
                {move || words.i18n().t("action.export_csv")}
            </button>
        </p>
        <p role="status" class="error-message">
            {move || failed().then(|| words.word("csv_failed"))}
        </p>
    }
}
