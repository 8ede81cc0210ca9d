//! `/petugas`: the work queue of the signed-in role. Its tab, filters and page are in the URL
//! (`?tab=&status=&agency=&category=&region=&from=&to=&q=&page=`), so a view survives a reload and can be
//! shared with a colleague; the rows stay on screen while another tab or filter loads.

mod bulk;
mod filters;
pub mod query;
mod rows;

use aduan_core::{QueuePage as Page, QueueQuery, QueueTab};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use bulk::BulkBar;

use super::api::StaffError;
use super::i18n::{tab_key, use_words};
use super::session::use_session;
use crate::components::title::use_page_title_of;
use crate::components::with_portal::WithPortal;
use crate::i18n::format_count;
use query::{queue_pairs, queue_query_from_pairs};

/// Rows on a page of the queue.
const PER_PAGE: u32 = 25;

type QueueResource = LocalResource<Result<Page, StaffError>>;

/// `/petugas?…` for a view of the queue.
pub fn queue_href(query: &QueueQuery) -> String {
    crate::url::with_query("/petugas", &queue_pairs(query))
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let words = use_words();
    use_page_title_of(move || words.word("console.queue").to_string());
    let session = use_session();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| queue_query_from_pairs(p)));
    // Asked for alongside the portal's lists (names, holidays), not after them.
    // The tab shown: the one in the URL if the role has it, else the role's first.
    let role = session.role();
    let tab = Signal::derive(move || {
        let first = role.and_then(|r| r.queue_tabs().first().copied());
        tab_of_role(role, query.get().tab).or(first).unwrap_or(QueueTab::All)
    });
    bulk::Selection::provide(role, query, tab);
    let page: QueueResource = LocalResource::new(move || {
        let (api, mut query) = (session.api(), query.get());
        query.tab = tab_of_role(session.role(), query.tab);
        async move {
            api.queue(&QueueQuery {
                per_page: Some(PER_PAGE),
                ..query
            })
            .await
        }
    });
    view! {
        <h1>{move || words.word("console.queue")}</h1>
        <WithPortal fallback=move || view! { <p aria-busy="true">{move || words.i18n().t("loading")}</p> } let:p>
            <QueueTabs page query />
            <filters::QueueFilters query portal=p.clone() />
            <rows::QueueResults page query portal=p.clone() />
            <BulkBar
                agencies=p.agencies.clone()
                message_max=p.limits.message_max
                on_sent=Callback::new(move |()| page.refetch())
            />
        </WithPortal>
    }
}

/// The tab asked for in the URL if the role has it: a tab of another role (a link from a colleague) shows the
/// role's first tab instead of an error.
fn tab_of_role(role: Option<aduan_core::Role>, asked: Option<QueueTab>) -> Option<QueueTab> {
    asked.filter(|t| role.is_some_and(|r| r.queue_tabs().contains(t)))
}

/// The role's tabs with their counts under the current filters; the tab shown is marked as the current page.
#[component]
fn QueueTabs(page: QueueResource, query: Memo<QueueQuery>) -> impl IntoView {
    let words = use_words();
    let tab_link = move |tab: QueueTab, count: u64, current: bool| {
        let href = queue_href(&QueueQuery {
            tab: Some(tab),
            page: None,
            ..query.get_untracked()
        });
        view! {
            <li>
                <a href=href aria-current=current.then_some("page")>
                    {move || words.word(tab_key(tab))}
                    " "
                    <span class="queue-count">{move || format_count(count, words.lang())}</span>
                </a>
            </li>
        }
    };
    view! {
        <Transition fallback=|| ()>
            {move || {
                page.get()
                    .and_then(Result::ok)
                    .map(|p| {
                        view! {
                            <nav class="queue-tabs" aria-label=move || words.word("queue.tabs")>
                                <ul>
                                    {p.tabs.iter().map(|t| tab_link(t.tab, t.count, t.tab == p.tab)).collect_view()}
                                </ul>
                            </nav>
                        }
                    })
            }}
        </Transition>
    }
}
