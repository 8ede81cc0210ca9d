use aduan_core::{ReportFilter, Stats};
use leptos::prelude::*;

use crate::api::{use_portal, Backend, Client};
use crate::components::error_panel::ErrorPanel;
use crate::i18n::{format_count, format_decimal, format_percent, use_i18n};

/// The headline figures that tell a citizen how well reports are handled, each with how it is counted.
#[component]
pub fn HeadlineFigures() -> impl IntoView {
    let client = expect_context::<Client>();
    let stats = LocalResource::new(move || {
        let client = client.clone();
        async move { client.stats(&ReportFilter::default()).await }
    });
    view! {
        <Suspense fallback=|| {
            view! { <FiguresSkeleton /> }
        }>
            {move || {
                stats
                    .get()
                    .map(|loaded| match loaded {
                        Ok(s) => view! { <FigureList stats=s full=false /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| stats.refetch() /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

#[component]
pub fn FiguresSkeleton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="figures skeleton" aria-busy="true">
            <span class="visually-hidden">{move || i18n.t("loading")}</span>
            {(0..4).map(|_| view! { <div class="figure"></div> }).collect_view()}
        </div>
    }
}

/// The four headline figures; with `full`, also completion time, escalations and satisfaction.
#[component]
pub fn FigureList(stats: Stats, full: bool) -> impl IntoView {
    let i18n = use_i18n();
    let s = stats;
    let portal = use_portal();
    // SP4N-LAPOR!'s national target until the portal says otherwise.
    let target = move || portal.get().and_then(Result::ok).map_or(0.9, |p| p.completion_target);
    let no_data = move || i18n.t("stats.no_data").to_string();
    // A backend that does not record a figure says so, rather than showing an empty or zero value.
    let recorded = expect_context::<Client>().features().lapor_workflow;
    let unrecorded = move || i18n.t("stats.not_recorded").to_string();
    let median = s.median_response_days;
    let sla = s.within_deadline_rate;
    let completion = s.median_completion_days;
    let (escalated, rating) = (s.escalated, s.rating_average);
    let days = move |d: Option<f64>| {
        d.map(|d| format!("{} {}", format_decimal(d, 1, i18n.lang()), i18n.t("working_days")))
            .unwrap_or_else(no_data)
    };
    view! {
        <dl class="figures">
            <Figure
                id="total"
                label="stats.total"
                hint="stats.total_hint"
                value=Signal::derive(move || format_count(s.total, i18n.lang()))
            />
            <Figure
                id="completion_rate"
                label="stats.completion_rate"
                hint="stats.completion_hint"
                value=Signal::derive(move || format_percent(s.completion_rate, i18n.lang()))
            >
                <p class="target">
                    {move || i18n.t("stats.target")}": "{move || format_percent(target(), i18n.lang())}
                </p>
            </Figure>
            <Figure
                id="median_response"
                label="stats.median_response"
                hint="stats.median_hint"
                value=Signal::derive(move || if recorded { days(median) } else { unrecorded() })
            />
            <Figure
                id="within_deadline"
                label="stats.sla"
                hint="stats.sla_hint"
                value=Signal::derive(move || sla.map(|r| format_percent(r, i18n.lang())).unwrap_or_else(no_data))
            />
            {full
                .then(|| {
                    view! {
                        <Figure
                            id="median_completion"
                            label="stats.median_completion"
                            hint="stats.median_completion_hint"
                            value=Signal::derive(move || days(completion))
                        />
                        <Figure
                            id="escalated"
                            label="stats.escalated"
                            hint="stats.escalated_hint"
                            value=Signal::derive(move || {
                                if recorded { format_count(escalated, i18n.lang()) } else { unrecorded() }
                            })
                        />
                        <Figure
                            id="rating"
                            label="stats.rating"
                            hint="stats.rating_hint"
                            value=Signal::derive(move || {
                                if recorded {
                                    rating
                                        .map(|r| {
                                            i18n.t("rating.value").replace("{n}", &format_decimal(r, 1, i18n.lang()))
                                        })
                                        .unwrap_or_else(no_data)
                                } else {
                                    unrecorded()
                                }
                            })
                        />
                    }
                })}
        </dl>
    }
}

#[component]
fn Figure(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: Signal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="figure" data-figure=id>
            <dt>{move || i18n.t(label)}</dt>
            <dd class="figure-value">{value}</dd>
            <dd class="figure-hint">{move || i18n.t(hint)}</dd>
            {children.map(|c| view! { <dd>{c()}</dd> })}
        </div>
    }
}
