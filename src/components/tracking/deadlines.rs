use aduan_core::{assess, Deadline, DeadlineState, Deadlines, Status, WorkingCalendar};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::i18n::names::{format_date, format_working_days};
use crate::i18n::{use_i18n, I18n};

/// How one deadline stands, in words: "done within 2 of 3 working days", "3 working days late".
fn describe(i18n: I18n, state: DeadlineState) -> String {
    let lang = i18n.lang();
    let days = |n: i64| format_working_days(n, lang);
    match state {
        DeadlineState::Met { used, allowed } => i18n
            .t("track.met")
            .replace("{used}", &used.to_string())
            .replace("{allowed}", &days(allowed)),
        DeadlineState::DoneLate { late } => i18n.t("track.done_late").replace("{days}", &days(late)),
        DeadlineState::Due { left: 0 } => i18n.t("track.due_today").to_string(),
        DeadlineState::Due { left } => i18n.t("track.due_in").replace("{days}", &days(left)),
        DeadlineState::Overdue { late } => i18n.t("track.overdue").replace("{days}", &days(late)),
        DeadlineState::Moot => i18n.t("track.moot").to_string(),
    }
}

fn describe_escalation(i18n: I18n, status: Status, state: DeadlineState) -> String {
    let lang = i18n.lang();
    match (status, state) {
        (Status::Escalated, _) => i18n.t("track.escalated").to_string(),
        (_, DeadlineState::Met { .. }) => i18n.t("track.escalation_done").to_string(),
        (_, DeadlineState::Due { left }) if left > 0 => i18n
            .t("track.escalation_in")
            .replace("{days}", &format_working_days(left, lang)),
        _ => describe(i18n, state),
    }
}

/// `on-time`, `late` or `pending`, for styling; the words carry the meaning, not the colour.
fn tone(state: DeadlineState) -> &'static str {
    match state {
        DeadlineState::Met { .. } => "on-time",
        DeadlineState::DoneLate { .. } | DeadlineState::Overdue { .. } => "late",
        DeadlineState::Due { .. } | DeadlineState::Moot => "pending",
    }
}

#[component]
fn DeadlineRow(
    label: &'static str,
    due: chrono::NaiveDate,
    state: DeadlineState,
    #[prop(into)] text: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="summary-row deadline" data-tone=tone(state)>
            <dt>{move || i18n.t(label)}</dt>
            <dd class="answer">
                <strong>{move || text.get()}</strong>
                <span class="hint">
                    " · "{move || i18n.t("track.due_on").replace("{date}", &format_date(due, i18n.lang()))}
                </span>
            </dd>
        </div>
    }
}

/// The three deadlines of the workflow, judged against today on the portal's working-day calendar.
#[component]
pub fn DeadlineList(
    deadlines: Deadlines,
    status: Status,
    created_at: DateTime<Utc>,
    calendar: StoredValue<WorkingCalendar>,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let d = deadlines;
    let (verify, respond, escalation) = calendar.with_value(|cal| {
        let started = cal.local_date(created_at);
        let judge = |deadline: &Deadline| assess(cal, started, deadline, today, status.is_unfinished());
        (judge(&d.verify), judge(&d.respond), judge(&d.escalation))
    });
    view! {
        <h2>{move || i18n.t("deadline")}</h2>
        <dl class="summary-list deadlines">
            <DeadlineRow
                label="track.deadline_verify"
                due=d.verify.due
                state=verify
                text=Signal::derive(move || describe(i18n, verify))
            />
            <DeadlineRow
                label="track.deadline_respond"
                due=d.respond.due
                state=respond
                text=Signal::derive(move || describe(i18n, respond))
            />
            <DeadlineRow
                label="track.deadline_escalation"
                due=d.escalation.due
                state=escalation
                text=Signal::derive(move || describe_escalation(i18n, status, escalation))
            />
        </dl>
    }
}
