//! The queue's filters: status, agency, category, district, period and words or ticket. Applying them
//! navigates to the URL of the view (the tab is kept, the page starts again), so the page reads its view back
//! from the URL. The selects and the dates are the public list's (`components::filters`).

use aduan_core::{Portal, QueueQuery, Role, Status};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::query::queue_query_from_pairs;
use super::queue_href;
use crate::components::filters::{filter_problems, period_in_order, Choice, CustomPeriod};
use crate::components::form::ErrorSummary;
use crate::console::i18n::use_words;
use crate::console::session::use_session;
use crate::i18n::names::{category_name, status_key};

/// What the form's fields hold, as text, by their query keys.
#[derive(Clone, Copy, Default)]
struct Fields {
    q: RwSignal<String>,
    status: RwSignal<String>,
    agency: RwSignal<String>,
    category: RwSignal<String>,
    region: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
}

impl Fields {
    fn pairs(&self) -> [(&'static str, RwSignal<String>); 7] {
        [
            ("q", self.q),
            ("status", self.status),
            ("agency", self.agency),
            ("category", self.category),
            ("region", self.region),
            ("from", self.from),
            ("to", self.to),
        ]
    }

    fn fill(&self, query: &QueueQuery) {
        let text = |v: Option<&str>| v.unwrap_or_default().to_string();
        self.q.set(text(query.q.as_deref()));
        self.status.set(text(query.status.map(Status::as_str)));
        self.agency.set(text(query.agency.as_deref()));
        self.category.set(text(query.category.as_deref()));
        self.region.set(text(query.region.as_deref()));
        self.from.set(query.from.map(|d| d.to_string()).unwrap_or_default());
        self.to.set(query.to.map(|d| d.to_string()).unwrap_or_default());
    }

    /// The view the fields describe, on `tab`, from its first page.
    fn chosen(&self, tab: Option<aduan_core::QueueTab>) -> QueueQuery {
        QueueQuery {
            tab,
            ..queue_query_from_pairs(self.pairs().map(|(k, s)| (k, s.get_untracked())))
        }
    }
}

#[component]
pub fn QueueFilters(query: Memo<QueueQuery>, portal: Portal) -> impl IntoView {
    let words = use_words();
    let i18n = words.i18n();
    let navigate = use_navigate();
    let fields = Fields::default();
    // The form stays in place when the URL changes (back, forward, a tab); only its values follow.
    fields.fill(&query.get_untracked());
    Effect::new(move |_| fields.fill(&query.get()));
    let (problems, shown) = filter_problems(i18n);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = fields.chosen(query.get_untracked().tab);
        if !period_in_order(problems, chosen.from, chosen.to) {
            return;
        }
        navigate(&queue_href(&chosen), Default::default());
    };
    let cleared = move || {
        queue_href(&QueueQuery {
            tab: query.get().tab,
            ..QueueQuery::default()
        })
    };
    // Open when something is filtered, so that the rows come first on a phone otherwise.
    let filtered = {
        let q = query.get_untracked();
        q != QueueQuery {
            tab: q.tab,
            ..QueueQuery::default()
        }
    };
    view! {
        <ErrorSummary problems=shown title=Signal::derive(move || i18n.t("errors.summary")) />
        <details class="filter-more queue-filters" open=filtered>
            <summary>{move || words.word("filter.title")}</summary>
            <form class="filters" role="search" on:submit=on_submit novalidate>
                <div class="field filter-search">
                    <label for="filter-q">{move || words.word("filter.q")}</label>
                    <input
                        type="search"
                        id="filter-q"
                        name="q"
                        prop:value=fields.q
                        on:input=move |ev| fields.q.set(event_target_value(&ev))
                    />
                </div>
                <Selects fields portal />
                <div class="filter-grid">
                    <CustomPeriod from=fields.from to=fields.to problems />
                </div>
                <div class="filter-actions">
                    <button type="submit" class="button primary">
                        {move || i18n.t("action.apply")}
                    </button>
                    <a href=cleared class="button secondary">
                        {move || i18n.t("action.clear_filters")}
                    </a>
                </div>
            </form>
        </details>
    }
}

/// Status, agency (an officer's own only), category and district.
#[component]
fn Selects(fields: Fields, portal: Portal) -> impl IntoView {
    let i18n = use_words().i18n();
    let session = use_session();
    let statuses = Signal::derive(move || {
        Status::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), i18n.t(status_key(*s)).to_string()))
            .collect()
    });
    let agencies: Vec<(String, String)> = match session.account() {
        Some(a) if a.role == Role::Officer => a.agencies.into_iter().map(|r| (r.id, r.name)).collect(),
        _ => portal.agencies.iter().map(|a| (a.id.clone(), a.name.clone())).collect(),
    };
    let regions = Signal::stored(portal.regions.iter().map(|r| (r.id.clone(), r.name.clone())).collect());
    let category_list = portal.categories;
    let categories = Signal::derive(move || {
        category_list
            .iter()
            .map(|c| (c.id.clone(), category_name(c, i18n.lang())))
            .collect()
    });
    view! {
        <div class="filter-grid">
            <Choice
                id="filter-status"
                label="filter.status"
                all="filter.all_statuses"
                value=fields.status
                options=statuses
            />
            <Choice
                id="filter-agency"
                label="agency"
                all="filter.all_agencies"
                value=fields.agency
                options=Signal::stored(agencies)
            />
            <Choice
                id="filter-category"
                label="category"
                all="filter.all_categories"
                value=fields.category
                options=categories
            />
            <Choice id="filter-region" label="region" all="filter.all_regions" value=fields.region options=regions />
        </div>
    }
}
