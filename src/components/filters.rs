//! The search and filters of the transparency pages. Applying them navigates to a new URL, so every
//! filtered view can be shared and reloaded; the page reads its view back from the URL.

use aduan_core::listing::{ListQuery, Period};
use aduan_core::{Kind, Portal};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::{Backend, Client};

use crate::components::form::{focus_element, ErrorSummary, FieldProblem};
use crate::field::Field;
use crate::i18n::names::{category_name, kind_key, status_key};
use crate::i18n::{use_i18n, I18n};

/// `base?pairs`, keeping embed mode.
pub fn view_href(base: &str, query: &ListQuery, embed: bool) -> String {
    let mut pairs = query.to_pairs();
    if embed {
        pairs.push(("embed", "1".into()));
    }
    crate::url::with_query(base, &pairs)
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

/// One filter as a select with an "all" choice first (also the staff console's queue filters).
#[component]
pub fn Choice(
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
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, name)| {
                            let selected = value.get_untracked() == v;
                            view! {
                                <option value=v selected=selected>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// The form's fields, by their query keys.
const FIELD_KEYS: [&str; 9] = [
    "q", "status", "kind", "agency", "category", "region", "period", "from", "to",
];

/// The text each of [`FIELD_KEYS`] shows for `view`.
fn field_texts(view: &ListQuery) -> [String; 9] {
    let text = |v: Option<&str>| v.unwrap_or_default().to_string();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    [
        view.q.clone(),
        text(view.status.map(aduan_core::Status::as_str)),
        text(view.filter.kind.map(Kind::as_str)),
        text(view.filter.agency.as_deref()),
        text(view.filter.category.as_deref()),
        text(view.filter.region.as_deref()),
        text(view.period.map(Period::as_str)),
        date(view.filter.from),
        date(view.filter.to),
    ]
}

/// The view that texts of [`FIELD_KEYS`] describe.
fn view_of(texts: &[String; 9]) -> ListQuery {
    ListQuery::from_pairs(FIELD_KEYS.into_iter().zip(texts.iter().map(String::as_str)))
}

/// What the form's fields hold, as text, one signal each.
#[derive(Clone, Copy, Default)]
struct FilterFields {
    q: RwSignal<String>,
    status: RwSignal<String>,
    kind: RwSignal<String>,
    agency: RwSignal<String>,
    category: RwSignal<String>,
    region: RwSignal<String>,
    period: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
}

impl FilterFields {
    /// In the order of [`FIELD_KEYS`].
    fn signals(&self) -> [RwSignal<String>; 9] {
        [
            self.q,
            self.status,
            self.kind,
            self.agency,
            self.category,
            self.region,
            self.period,
            self.from,
            self.to,
        ]
    }

    fn fill(&self, view: &ListQuery) {
        for (signal, text) in self.signals().into_iter().zip(field_texts(view)) {
            signal.set(text);
        }
    }

    /// The view the fields describe.
    fn chosen(&self) -> ListQuery {
        view_of(&self.signals().map(|s| s.get_untracked()))
    }
}

/// A filter form's problems: (input id, message key) pairs.
pub type FilterProblems = RwSignal<Vec<(&'static str, &'static str)>>;

/// A filter form's problems, and the same in the page's language for its summary.
pub fn filter_problems(i18n: I18n) -> (FilterProblems, Signal<Vec<FieldProblem>>) {
    let problems: FilterProblems = RwSignal::new(Vec::new());
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
    (problems, shown)
}

/// Whether a chosen period is in order; one that ends before it starts is named on its "to" field and the
/// summary takes the focus. Clears the problems otherwise.
pub fn period_in_order<D: PartialOrd>(problems: FilterProblems, from: Option<D>, to: Option<D>) -> bool {
    if matches!((from, to), (Some(from), Some(to)) if from > to) {
        problems.set(vec![("filter-to", "err.period.order")]);
        request_animation_frame(|| focus_element("error-summary"));
        return false;
    }
    problems.set(vec![]);
    true
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
    let fields = FilterFields::default();
    // The form stays in place when the URL changes (back, forward, a link); only its values follow.
    fields.fill(&query.get_untracked());
    Effect::new(move |_| fields.fill(&query.get()));
    let query_now = query.get_untracked();
    let (problems, shown) = filter_problems(i18n);
    // Collapsed on the list when nothing is filtered, so results come first on a phone.
    let open_filters = !with_search || query_now.period.is_some() || query_now.filter != Default::default();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = fields.chosen();
        if !period_in_order(problems, chosen.filter.from, chosen.filter.to) {
            return;
        }
        navigate(&view_href(base, &chosen, embed.get_untracked()), Default::default());
    };
    let features = expect_context::<Client>().features();

    view! {
        <ErrorSummary problems=shown title=Signal::derive(move || i18n.t("errors.summary")) />
        <form class="filters no-print" role="search" on:submit=on_submit novalidate>
            {with_search.then(|| view! { <SearchAndStatus fields /> })}
            <details class="filter-more" open=open_filters>
                <summary>
                    {move || i18n.t(if features.asks(Field::AgencyId) { "filter.more" } else { "filter.more_short" })}
                </summary>
                <MoreFilters fields portal problems />
            </details>
            <div class="filter-actions">
                <button type="submit" class="button primary">
                    {move || i18n.t("action.apply")}
                </button>
                <a href=move || view_href(base, &ListQuery::default(), embed.get()) class="button secondary">
                    {move || i18n.t("action.clear_filters")}
                </a>
            </div>
        </form>
    }
}

/// The public list's search box and its status filter, which stay in sight when the others fold away.
#[component]
fn SearchAndStatus(fields: FilterFields) -> impl IntoView {
    let i18n = use_i18n();
    let q = fields.q;
    // Only the statuses the backend tells apart: Open311 knows open and closed.
    let features = expect_context::<Client>().features();
    let statuses = Signal::derive(move || {
        features
            .statuses
            .iter()
            .map(|s| (s.as_str().to_string(), i18n.t(status_key(*s)).to_string()))
            .collect()
    });
    view! {
        <div class="field filter-search">
            <label for="filter-q">{move || i18n.t("filter.search")}</label>
            <p class="hint" id="filter-q-hint">
                {move || i18n.t("filter.search_hint")}
            </p>
            <input
                type="search"
                id="filter-q"
                name="q"
                aria-describedby="filter-q-hint"
                prop:value=q
                on:input=move |ev| q.set(event_target_value(&ev))
            />
        </div>
        <Choice
            id="filter-status"
            label="filter.status"
            all="filter.all_statuses"
            value=fields.status
            options=statuses
        />
    }
}

/// The period and what the reports are about; only what the backend can filter by (Open311 has no kind,
/// agency or region).
#[component]
fn MoreFilters(fields: FilterFields, portal: Portal, problems: FilterProblems) -> impl IntoView {
    let i18n = use_i18n();
    let features = expect_context::<Client>().features();
    // Agency and region names are the same in both languages; categories may have an English name.
    let agencies = Signal::stored(portal.agencies.iter().map(|a| (a.id.clone(), a.name.clone())).collect());
    let regions = Signal::stored(portal.regions.iter().map(|r| (r.id.clone(), r.name.clone())).collect());
    let category_list = portal.categories;
    let categories = Signal::derive(move || {
        category_list
            .iter()
            .map(|c| (c.id.clone(), category_name(c, i18n.lang())))
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
    let custom = move || fields.period.get() == Period::Custom.as_str();
    view! {
        <div class="filter-grid">
            <Choice id="filter-period" label="stats.period" all="period.all" value=fields.period options=periods />
            <Show when=custom>
                <CustomPeriod from=fields.from to=fields.to problems />
            </Show>
            {features
                .asks(Field::Kind)
                .then(|| {
                    view! {
                        <Choice id="filter-kind" label="kind" all="filter.all_kinds" value=fields.kind options=kinds />
                    }
                })}
            {features
                .asks(Field::AgencyId)
                .then(|| {
                    view! {
                        <Choice
                            id="filter-agency"
                            label="agency"
                            all="filter.all_agencies"
                            value=fields.agency
                            options=agencies
                        />
                    }
                })}
            <Choice
                id="filter-category"
                label="category"
                all="filter.all_categories"
                value=fields.category
                options=categories
            />
            {features
                .asks(Field::RegionId)
                .then(|| {
                    view! {
                        <Choice
                            id="filter-region"
                            label="region"
                            all="filter.all_regions"
                            value=fields.region
                            options=regions
                        />
                    }
                })}
        </div>
    }
}

/// The dates of a custom period; an end before the start is the form's one problem. The staff console's
/// queue filters use it too.
#[component]
pub fn CustomPeriod(from: RwSignal<String>, to: RwSignal<String>, problems: FilterProblems) -> impl IntoView {
    let i18n = use_i18n();
    let wrong = move || !problems.read().is_empty();
    view! {
        <div class="field filter">
            <label for="filter-from">{move || i18n.t("filter.from")}</label>
            <input type="date" id="filter-from" prop:value=from on:input=move |ev| from.set(event_target_value(&ev)) />
        </div>
        <div class="field filter" class:field-error=wrong>
            <label for="filter-to">{move || i18n.t("filter.to")}</label>
            <Show when=wrong>
                <p class="error-message" id="filter-to-error">
                    {move || i18n.t("err.period.order")}
                </p>
            </Show>
            <input
                type="date"
                id="filter-to"
                prop:value=to
                on:input=move |ev| to.set(event_target_value(&ev))
                aria-invalid=move || wrong().to_string()
                aria-describedby=move || wrong().then_some("filter-to-error")
            />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_show_a_view_that_reads_back_the_same() {
        let view = ListQuery::from_pairs([
            ("q", "jalan rusak"),
            ("status", "completed"),
            ("kind", "complaint"),
            ("agency", "dinkes"),
            ("category", "jalan"),
            ("region", "cempaka"),
            ("period", "custom"),
            ("from", "2026-01-01"),
            ("to", "2026-06-30"),
        ]);
        assert_eq!(view.filter.to, chrono::NaiveDate::from_ymd_opt(2026, 6, 30));
        assert_eq!(view_of(&field_texts(&view)), view);
        assert_eq!(
            field_texts(&ListQuery::default()),
            std::array::from_fn(|_| String::new())
        );
    }
}
