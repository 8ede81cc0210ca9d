//! The search and filters of the transparency pages. Applying them navigates to a new URL, so every
//! filtered view can be shared and reloaded; the page reads its view back from the URL.

use aduan_core::listing::{ListQuery, Period};
use aduan_core::{Kind, Portal};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::{Backend, Client};

use crate::components::form::{focus_element, ErrorSummary, FieldProblem};
use crate::i18n::names::{category_name, kind_key, status_key};
use crate::i18n::use_i18n;

/// `base?pairs`, keeping embed mode.
pub fn view_href(base: &str, query: &ListQuery, embed: bool) -> String {
    let mut pairs = query.to_pairs();
    if embed {
        pairs.push(("embed", "1".into()));
    }
    crate::api::with_query(base, &pairs)
}

pub fn period_key(p: Period) -> &'static str {
    match p {
        Period::ThisMonth => "period.month",
        Period::Last3Months => "period.3m",
        Period::Last12Months => "period.12m",
        Period::ThisYear => "period.year",
        Period::Custom => "period.custom",
    }
}

#[component]
fn Choice(
    id: &'static str,
    label: &'static str,
    all: &'static str,
    value: RwSignal<String>,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field filter">
            <label for=id>{move || i18n.t(label)}</label>
            <select id=id name=id on:change=move |ev| value.set(event_target_value(&ev)) prop:value=value>
                <option value="">{move || i18n.t(all)}</option>
                {move || options.get().into_iter().map(|(v, name)| {
                    let selected = value.get_untracked() == v;
                    view! { <option value=v selected=selected>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn FilterForm(
    base: &'static str,
    query: Memo<ListQuery>,
    portal: Portal,
    embed: Memo<bool>,
    #[prop(default = false)] with_search: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let [q, status, kind, agency, category, region, period, from, to] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    // The form stays in place when the URL changes (back, forward, a link); only its values follow.
    let fill = move |view: &ListQuery| {
        let text = |v: Option<&str>| v.unwrap_or_default().to_string();
        q.set(view.q.clone());
        status.set(text(view.status.map(aduan_core::Status::as_str)));
        kind.set(text(view.filter.kind.map(Kind::as_str)));
        agency.set(text(view.filter.agency.as_deref()));
        category.set(text(view.filter.category.as_deref()));
        region.set(text(view.filter.region.as_deref()));
        period.set(text(view.period.map(Period::as_str)));
        from.set(view.filter.from.map(|d| d.to_string()).unwrap_or_default());
        to.set(view.filter.to.map(|d| d.to_string()).unwrap_or_default());
    };
    fill(&query.get_untracked());
    Effect::new(move |_| fill(&query.get()));
    let query_now = query.get_untracked();
    let problems = RwSignal::new(Vec::<(&'static str, &'static str)>::new());
    let shown = Signal::derive(move || {
        problems
            .get()
            .into_iter()
            .map(|(id, key)| FieldProblem {
                input_id: id.into(),
                message: i18n.t(key).into(),
            })
            .collect::<Vec<_>>()
    });
    let custom = move || period.get() == Period::Custom.as_str();
    // Collapsed on the list when nothing is filtered, so results come first on a phone.
    let open_filters = !with_search || query_now.period.is_some() || query_now.filter != Default::default();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = ListQuery::from_pairs([
            ("q", q.get_untracked().as_str()),
            ("status", status.get_untracked().as_str()),
            ("kind", kind.get_untracked().as_str()),
            ("agency", agency.get_untracked().as_str()),
            ("category", category.get_untracked().as_str()),
            ("region", region.get_untracked().as_str()),
            ("period", period.get_untracked().as_str()),
            ("from", from.get_untracked().as_str()),
            ("to", to.get_untracked().as_str()),
        ]);
        if let (Some(f), Some(t)) = (chosen.filter.from, chosen.filter.to) {
            if f > t {
                problems.set(vec![("filter-to", "err.period.order")]);
                request_animation_frame(|| focus_element("error-summary"));
                return;
            }
        }
        problems.set(vec![]);
        navigate(&view_href(base, &chosen, embed.get_untracked()), Default::default());
    };

    // Agency and region names are the same in both languages; categories may have an English name.
    let agencies = Signal::stored(
        portal
            .agencies
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect::<Vec<_>>(),
    );
    let regions = Signal::stored(
        portal
            .regions
            .iter()
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect::<Vec<_>>(),
    );
    let category_list = portal.categories;
    let categories = Signal::derive(move || {
        category_list
            .iter()
            .map(|c| (c.id.clone(), category_name(c, i18n.lang())))
            .collect()
    });
    // Only what the backend can filter by: Open311 knows open and closed, and no kind, agency or region.
    let features = expect_context::<Client>().features();
    let statuses = Signal::derive(move || {
        features
            .statuses
            .iter()
            .map(|s| (s.as_str().to_string(), i18n.t(status_key(*s)).to_string()))
            .collect()
    });
    let kinds = Signal::derive(move || {
        Kind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), i18n.t(kind_key(*k)).to_string()))
            .collect()
    });
    let periods = Signal::derive(move || {
        Period::ALL
            .iter()
            .map(|p| (p.as_str().to_string(), i18n.t(period_key(*p)).to_string()))
            .collect()
    });

    view! {
        <ErrorSummary problems=shown title=Signal::derive(move || i18n.t("errors.summary"))/>
        <form class="filters no-print" role="search" on:submit=on_submit novalidate>
            {with_search.then(|| view! {
                <div class="field filter-search">
                    <label for="filter-q">{move || i18n.t("filter.search")}</label>
                    <p class="hint" id="filter-q-hint">{move || i18n.t("filter.search_hint")}</p>
                    <input type="search" id="filter-q" name="q" aria-describedby="filter-q-hint" prop:value=q on:input=move |ev| q.set(event_target_value(&ev))/>
                </div>
                <Choice id="filter-status" label="filter.status" all="filter.all_statuses" value=status options=statuses/>
            })}
            <details class="filter-more" open=open_filters>
            <summary>{move || i18n.t(if features.asks("agency_id") { "filter.more" } else { "filter.more_short" })}</summary>
            <div class="filter-grid">
            <Choice id="filter-period" label="stats.period" all="period.all" value=period options=periods/>
            <Show when=custom>
                <div class="field filter">
                    <label for="filter-from">{move || i18n.t("filter.from")}</label>
                    <input type="date" id="filter-from" prop:value=from on:input=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="field filter" class:field-error=move || !problems.read().is_empty()>
                    <label for="filter-to">{move || i18n.t("filter.to")}</label>
                    <Show when=move || !problems.read().is_empty()>
                        <p class="error-message" id="filter-to-error">{move || i18n.t("err.period.order")}</p>
                    </Show>
                    <input type="date" id="filter-to" prop:value=to on:input=move |ev| to.set(event_target_value(&ev))
                        aria-invalid=move || (!problems.read().is_empty()).to_string()
                        aria-describedby=move || (!problems.read().is_empty()).then_some("filter-to-error")/>
                </div>
            </Show>
            {features.asks("kind").then(|| view! { <Choice id="filter-kind" label="kind" all="filter.all_kinds" value=kind options=kinds/> })}
            {features.asks("agency_id").then(|| view! { <Choice id="filter-agency" label="agency" all="filter.all_agencies" value=agency options=agencies/> })}
            <Choice id="filter-category" label="category" all="filter.all_categories" value=category options=categories/>
            {features.asks("region_id").then(|| view! { <Choice id="filter-region" label="region" all="filter.all_regions" value=region options=regions/> })}
            </div>
            </details>
            <div class="filter-actions">
                <button type="submit" class="button primary">{move || i18n.t("action.apply")}</button>
                <a href=move || view_href(base, &ListQuery::default(), embed.get()) class="button secondary">{move || i18n.t("action.clear_filters")}</a>
            </div>
        </form>
    }
}
