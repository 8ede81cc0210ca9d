use leptos::prelude::*;

use crate::i18n::{format_count, use_i18n};

/// The page numbers to offer around `current`: the first, the last, and two either side.
pub fn page_window(current: u32, last: u32) -> Vec<u32> {
    let mut pages: Vec<u32> = (current.saturating_sub(2).max(1)..=(current + 2).min(last)).collect();
    if pages.first() != Some(&1) {
        pages.insert(0, 1);
    }
    if last > 0 && pages.last() != Some(&last) {
        pages.push(last);
    }
    pages
}

/// Previous / numbered / next links; `href` makes the URL of a page. Plain anchors (the router still handles
/// them): its `A` would mark every page as current, since they share one path.
#[component]
pub fn Pagination(current: u32, last: u32, href: impl Fn(u32) -> String + 'static) -> impl IntoView {
    let i18n = use_i18n();
    if last <= 1 {
        return None;
    }
    let pages = page_window(current, last);
    Some(view! {
        <nav class="pagination no-print" aria-label=move || i18n.t("pagination")>
            <ul>
                {(current > 1)
                    .then(|| {
                        view! {
                            <li>
                                <a href=href(current - 1) rel="prev">
                                    {move || i18n.t("pagination.previous")}
                                </a>
                            </li>
                        }
                    })}
                {pages
                    .into_iter()
                    .map(|p| {
                        if p == current {
                            view! {
                                <li>
                                    <span aria-current="page" class="current">
                                        {move || format_count(p as u64, i18n.lang())}
                                    </span>
                                </li>
                            }
                                .into_any()
                        } else {
                            let label = move || {
                                i18n.t("pagination.page").replace("{n}", &format_count(p as u64, i18n.lang()))
                            };
                            view! {
                                <li>
                                    <a href=href(p) aria-label=label>
                                        {move || format_count(p as u64, i18n.lang())}
                                    </a>
                                </li>
                            }
                                .into_any()
                        }
                    })
                    .collect_view()}
                {(current < last)
                    .then(|| {
                        view! {
                            <li>
                                <a href=href(current + 1) rel="next">
                                    {move || i18n.t("pagination.next")}
                                </a>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    })
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn the_window_keeps_the_ends_and_the_neighbours() {
        assert_eq!(page_window(1, 1), vec![1]);
        assert_eq!(page_window(1, 10), vec![1, 2, 3, 10]);
        assert_eq!(page_window(6, 10), vec![1, 4, 5, 6, 7, 8, 10]);
        assert_eq!(page_window(10, 10), vec![1, 8, 9, 10]);
    }
}
