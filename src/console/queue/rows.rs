//! The queue's rows: ticket, title, status, agency and the deadline in working days, then the pages.

use aduan_core::{assess, Deadline, DeadlineState, Portal, QueueItem, QueueQuery, WorkingCalendar};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use super::bulk::{PickAll, PickBox, Selection};
use super::{queue_href, QueueResource};
use crate::clock::today;
use crate::components::error_panel::ErrorPanel;
use crate::components::pagination::Pagination;
use crate::components::refreshable::Refreshable;
use crate::console::api::StaffError;
use crate::console::i18n::{use_words, Words};
use crate::i18n::format_count;
use crate::i18n::names::{format_working_days, status_key};

/// How the report's current deadline stands today, by the portal's working-day calendar (the one the
/// tracking page uses): due in N working days, due today, or late by N working days.
pub fn due_state(calendar: &WorkingCalendar, due: NaiveDate, today: NaiveDate) -> DeadlineState {
    let deadline = Deadline {
        due,
        done_on: None,
        met: None,
    };
    assess(calendar, today, &deadline, today, true)
}

/// The row's deadline in words, and `late` or `pending` for its style.
fn due_words(words: Words, state: Option<DeadlineState>) -> (String, &'static str) {
    let days = |n: i64| format_working_days(n, words.lang());
    match state {
        Some(DeadlineState::Due { left: 0 }) => (words.word("queue.due_today").into(), "pending"),
        Some(DeadlineState::Due { left }) => (words.word("queue.due_in").replace("{days}", &days(left)), "pending"),
        Some(DeadlineState::Overdue { late }) => (words.word("queue.late").replace("{days}", &days(late)), "late"),
        _ => (words.word("queue.no_deadline").into(), "none"),
    }
}

#[component]
pub fn QueueResults(page: QueueResource, query: Memo<QueueQuery>, portal: Portal) -> impl IntoView {
    let calendar = StoredValue::new(crate::clock::calendar(portal.holidays));
    let skeleton = || {
        view! {
            <ul class="report-list skeleton" aria-busy="true">
                {(0..5).map(|_| view! { <li class="skeleton-row"></li> }).collect_view()}
            </ul>
        }
    };
    view! {
        <Refreshable fallback=skeleton>
            {move || {
                page.get()
                    .map(|loaded| match loaded {
                        Ok(p) => view! { <QueueRows page=p query calendar /> }.into_any(),
                        Err(StaffError::SignedOut) => ().into_any(),
                        Err(error) => {
                            // A 401 has brought the sign-in form already.
                            view! { <ErrorPanel error=error.api_error() on_retry=move |_| page.refetch() /> }
                                .into_any()
                        }
                    })
            }}
        </Refreshable>
    }
}

#[component]
fn QueueRows(
    page: aduan_core::QueuePage,
    query: Memo<QueueQuery>,
    calendar: StoredValue<WorkingCalendar>,
) -> impl IntoView {
    let words = use_words();
    let total = page.total;
    let last = total.div_ceil(page.per_page.max(1) as u64).max(1) as u32;
    let today = today();
    view! {
        <p role="status" class="result-count">
            {move || words.word("queue.count").replace("{n}", &format_count(total, words.lang()))}
        </p>
        {(total == 0).then(|| view! { <p class="notice">{move || words.word("queue.none")}</p> })}
        <PickAll tickets=page.items.iter().map(|i| i.ticket.clone()).collect() />
        <ol class="report-list queue-list">
            {page
                .items
                .into_iter()
                .map(|item| {
                    let state = item.due.map(|due| calendar.with_value(|cal| due_state(cal, due, today)));
                    view! { <QueueRow item state /> }
                })
                .collect_view()}
        </ol>
        <Pagination
            current=page.page.max(1)
            last
            href=move |p| queue_href(
                &QueueQuery {
                    page: Some(p),
                    ..query.get_untracked()
                },
            )
        />
    }
}

#[component]
fn QueueRow(item: QueueItem, state: Option<DeadlineState>) -> impl IntoView {
    let words = use_words();
    let status = item.status;
    let agency = item.agency.map(|a| a.name);
    let due = move || due_words(words, state);
    let pickable = expect_context::<Selection>().offered;
    view! {
        <li class="report-row" class:pickable=move || pickable.get()>
            <PickBox ticket=item.ticket.clone() />
            <A href=format!("/petugas/{}", item.ticket) attr:class="report-link">
                <span class="report-row-title">{item.title}</span>
                <span class="report-row-ticket">{crate::console::shown_ticket(&item.ticket)}</span>
            </A>
            <p class="report-meta">
                <span class="status-badge small" data-status=status.as_str()>
                    {move || words.i18n().t(status_key(status))}
                </span>
                " "
                {match agency {
                    Some(a) => a.into_any(),
                    None => (move || words.word("queue.agency_pending")).into_any(),
                }}
                {item
                    .handed_back
                    .then(|| view! { <span class="queue-flag">{move || words.word("queue.handed_back")}</span> })}
                {item
                    .confidential
                    .then(|| view! { <span class="queue-flag">{move || words.word("queue.confidential")}</span> })}
            </p>
            <p class="queue-due" data-tone=move || due().1>
                <span class="visually-hidden">{move || words.word("queue.deadline")} ": "</span>
                {move || due().0}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_deadline_counts_working_days_only() {
        let cal = WorkingCalendar::indonesia();
        // Friday 4 Dec 2026 → Tuesday 8 Dec: Monday and Tuesday are left.
        assert_eq!(
            due_state(&cal, d("2026-12-08"), d("2026-12-04")),
            DeadlineState::Due { left: 2 }
        );
        assert_eq!(
            due_state(&cal, d("2026-12-04"), d("2026-12-04")),
            DeadlineState::Due { left: 0 }
        );
        // Due Friday, today the next Tuesday: late by Monday and Tuesday.
        assert_eq!(
            due_state(&cal, d("2026-12-04"), d("2026-12-08")),
            DeadlineState::Overdue { late: 2 }
        );
        // Due Friday, today Saturday: late although no working day has passed.
        assert_eq!(
            due_state(&cal, d("2026-12-04"), d("2026-12-05")),
            DeadlineState::Overdue { late: 1 }
        );
    }
}
