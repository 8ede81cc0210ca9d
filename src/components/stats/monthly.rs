use aduan_core::MonthlyPoint;
use leptos::prelude::*;

use crate::i18n::names::format_month;
use crate::i18n::{format_count, use_i18n};

// Whole units only: formatting floats would cost the wasm about 11 KB.
const BAR: u64 = 8;
const GAP: u64 = 6;
const HEIGHT: u64 = 120;

/// Received and completed per month as paired bars, with a sentence and the numbers in a table.
#[component]
pub fn MonthlyChart(points: Vec<MonthlyPoint>) -> impl IntoView {
    let i18n = use_i18n();
    let received: u64 = points.iter().map(|p| p.received).sum();
    let completed: u64 = points.iter().map(|p| p.completed).sum();
    let busiest = points
        .iter()
        .max_by_key(|p| p.received)
        .map(|p| (p.month.clone(), p.received));
    let months = points.len();
    let heights = bar_heights(&points);
    let summary = move || {
        let lang = i18n.lang();
        if months == 0 {
            return i18n.t("stats.no_data").to_string();
        }
        let mut text = i18n
            .t("chart.monthly_summary")
            .replace("{months}", &format_count(months as u64, lang))
            .replace("{received}", &format_count(received, lang))
            .replace("{completed}", &format_count(completed, lang));
        if let Some((month, n)) = &busiest {
            text.push(' ');
            text.push_str(
                &i18n
                    .t("chart.busiest")
                    .replace("{month}", &format_month(month, lang))
                    .replace("{n}", &format_count(*n, lang)),
            );
        }
        text
    };
    let empty = months == 0;
    view! {
        <section class="chart" aria-labelledby="monthly-title">
            <h2 id="monthly-title">{move || i18n.t("stats.by_month")}</h2>
            <p class="chart-summary" id="monthly-summary">
                {summary}
            </p>
            <ul class="legend" aria-hidden="true" hidden=empty>
                <li>
                    <span class="swatch bar-received"></span>
                    {move || i18n.t("chart.received")}
                </li>
                <li>
                    <span class="swatch bar-completed"></span>
                    {move || i18n.t("chart.completed")}
                </li>
            </ul>
            <div
                class="chart-scroll"
                hidden=empty
                tabindex="0"
                role="region"
                aria-label=move || i18n.t("table.scroll").replace("{title}", i18n.t("stats.by_month"))
            >
                {paired_bars(heights)}
            </div>
            <details class="chart-data" hidden=empty>
                <summary>{move || i18n.t("chart.show_table")}</summary>
                {monthly_table(points)}
            </details>
        </section>
    }
}

/// The heights of each month's received and completed bars, scaled so that the busiest figure fills `HEIGHT`.
fn bar_heights(points: &[MonthlyPoint]) -> Vec<(u64, u64)> {
    let max = points
        .iter()
        .map(|p| p.received.max(p.completed))
        .max()
        .unwrap_or(0)
        .max(1);
    let height = |n: u64| n * HEIGHT / max;
    points
        .iter()
        .map(|p| (height(p.received), height(p.completed)))
        .collect()
}

/// The months side by side, a received and a completed bar each, drawn from the bottom of the chart.
/// (`style:` sets the width through the CSSOM, which the CSP allows; a style attribute it would block.)
fn paired_bars(heights: Vec<(u64, u64)>) -> impl IntoView {
    let width = (heights.len() as u64 * (2 * BAR + GAP)).max(1);
    let bars = heights
        .into_iter()
        .enumerate()
        .map(|(i, (r, c))| {
            let x = i as u64 * (2 * BAR + GAP);
            view! {
                <rect
                    class="bar-received"
                    x=x.to_string()
                    y=(HEIGHT - r).to_string()
                    width=BAR.to_string()
                    height=r.to_string()
                ></rect>
                <rect
                    class="bar-completed"
                    x=(x + BAR).to_string()
                    y=(HEIGHT - c).to_string()
                    width=BAR.to_string()
                    height=c.to_string()
                ></rect>
            }
        })
        .collect_view();
    view! {
        <svg
            class="monthly-chart"
            viewBox=format!("0 0 {width} {HEIGHT}")
            preserveAspectRatio="none"
            role="img"
            aria-labelledby="monthly-title monthly-summary"
            style:min-width=format!("{}px", width * 3 / 2)
        >
            {bars}
        </svg>
    }
}

/// The chart's figures as a table, for reading the exact numbers (and for screen readers).
fn monthly_table(points: Vec<MonthlyPoint>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data-table" id="monthly-table">
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("chart.month")}</th>
                    <th scope="col" class="num">
                        {move || i18n.t("chart.received")}
                    </th>
                    <th scope="col" class="num">
                        {move || i18n.t("chart.completed")}
                    </th>
                </tr>
            </thead>
            <tbody>
                {points
                    .into_iter()
                    .map(|p| {
                        view! {
                            <tr>
                                <th scope="row">{move || format_month(&p.month, i18n.lang())}</th>
                                <td class="num">{move || format_count(p.received, i18n.lang())}</td>
                                <td class="num">{move || format_count(p.completed, i18n.lang())}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(received: u64, completed: u64) -> MonthlyPoint {
        MonthlyPoint {
            month: "2026-01".into(),
            received,
            completed,
        }
    }

    #[test]
    fn the_busiest_figure_fills_the_height() {
        assert_eq!(bar_heights(&[point(60, 30), point(120, 0)]), vec![(60, 30), (120, 0)]);
        assert_eq!(bar_heights(&[point(10, 40)]), vec![(30, 120)]);
    }

    #[test]
    fn no_reports_draw_no_bars_and_empty_months_flat_ones() {
        assert_eq!(bar_heights(&[]), vec![]);
        assert_eq!(bar_heights(&[point(0, 0)]), vec![(0, 0)]);
    }
}
