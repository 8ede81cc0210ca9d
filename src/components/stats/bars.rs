use leptos::prelude::*;

use crate::i18n::{format_count, format_percent, use_i18n};

/// A share drawn as a bar in a 1000-unit-wide SVG; the number beside it says the same in words.
#[component]
pub fn ShareBar(share: f64) -> impl IntoView {
    // Per mille, as a whole number: no float formatting in the wasm.
    let width = ((share.clamp(0.0, 1.0) * 1000.0).round() as u32).to_string();
    view! {
        <svg class="bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="bar-track" x="0" y="0" width="1000" height="10"></rect>
            <rect class="bar-fill" x="0" y="0" width=width height="10"></rect>
        </svg>
    }
}

/// Counts by label as a table whose rows carry their own bars: the chart and its data table are one.
#[component]
pub fn BarTable(
    id: &'static str,
    title: &'static str,
    #[prop(into)] label_heading: Signal<&'static str>,
    rows: Vec<(Signal<String>, u64)>,
    total: u64,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut rows = rows;
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    let top = rows.first().map(|(label, n)| (*label, *n));
    let share = move |n: u64| if total == 0 { 0.0 } else { n as f64 / total as f64 };
    let summary = move || match top {
        Some((label, n)) => i18n
            .t("chart.top")
            .replace("{label}", &label.get())
            .replace("{n}", &format_count(n, i18n.lang()))
            .replace("{share}", &format_percent(share(n), i18n.lang())),
        None => i18n.t("stats.no_data").to_string(),
    };
    view! {
        <section class="chart" aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{move || i18n.t(title)}</h2>
            <p class="chart-summary">{summary}</p>
            <div
                class="table-scroll"
                hidden=top.is_none()
                tabindex="0"
                role="region"
                aria-label=move || i18n.t("table.scroll").replace("{title}", i18n.t(title))
            >
                <table class="bar-table" id=id>
                    <thead>
                        <tr>
                            <th scope="col">{move || label_heading.get()}</th>
                            <th scope="col" class="num">
                                {move || i18n.t("chart.count")}
                            </th>
                            <th scope="col" class="num">
                                {move || i18n.t("chart.share")}
                            </th>
                            <th scope="col" class="bar-cell">
                                <span class="visually-hidden">{move || i18n.t("chart.bar")}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(label, n)| {
                                view! {
                                    <tr>
                                        <th scope="row">{move || label.get()}</th>
                                        <td class="num">{move || format_count(n, i18n.lang())}</td>
                                        <td class="num">{move || format_percent(share(n), i18n.lang())}</td>
                                        <td class="bar-cell">
                                            <ShareBar share=share(n) />
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
