//! `/lacak/:ticket`: where a report is, who has it, and whether its deadlines were kept.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::track::{parse_reference, Reference};
use crate::api::{ApiError, Backend, Client};
use crate::clock::now;
use crate::components::error_panel::ErrorPanel;
use crate::components::share_actions::{absolute_url, ShareActions};
use crate::components::title::use_page_title_of;
use crate::components::tracking::details::ReportDetails;
use crate::components::tracking::reporter::ReporterSection;
use crate::components::tracking::Tracked;
use crate::components::with_portal::WithPortal;
use crate::i18n::names::{format_local_time, status_key};
use crate::i18n::use_i18n;

#[component]
pub fn TrackTicketPage() -> impl IntoView {
    let i18n = use_i18n();
    // The ticket and its status name the page once the report is shown (TrackedReport fills this in).
    let ticket_title = RwSignal::new(None::<String>);
    use_page_title_of(move || ticket_title.get().unwrap_or_else(|| i18n.t("nav.track").to_string()));
    let params = use_params_map();
    let features = expect_context::<Client>().features();
    let reference = Memo::new(move |_| parse_reference(&params.read().get("ticket").unwrap_or_default(), features));
    view! {
        <h1>{move || i18n.t("nav.track")}</h1>
        {move || match reference.get() {
            Ok(r) => view! { <TrackedReport reference=r ticket_title /> }.into_any(),
            Err(key) => {
                view! {
                    <div class="error-panel" role="alert">
                        <p>{move || i18n.t(key)}</p>
                    </div>
                }
                    .into_any()
            }
        }}
        <p class="no-print">
            <A href="/lacak">{move || i18n.t("track.another")}</A>
        </p>
    }
}

/// The ticket, then the report as it loads (or why it did not), its reporter's forms, and when it was last
/// loaded.
#[component]
fn TrackedReport(reference: Reference, ticket_title: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let features = client.features();
    let tracked = Tracked {
        ticket: StoredValue::new(reference.id.clone()),
        report: RwSignal::new(None),
        access_code: RwSignal::new(None),
    };
    let refreshed_at = RwSignal::new(None::<DateTime<Utc>>);
    let refresh = keep_report_fresh(client, tracked, refreshed_at);

    let grouped = reference.shown.clone();
    Effect::new({
        let grouped = grouped.clone();
        move |_| {
            let status = tracked.with_report(None, |r| Some(r.status));
            let what = status.map_or_else(|| i18n.t("nav.track"), |s| i18n.t(status_key(s)));
            ticket_title.set(Some(format!("{grouped} — {what}")));
        }
    });
    // A refresh that brings the same report does not rebuild the details and deadlines.
    let shown = Memo::new(move |_| tracked.report.get());
    let url = absolute_url(&format!("/lacak/{}", reference.id));
    // The report is asked for at once (above); the portal's holidays and limits, asked for alongside, are
    // needed to show its deadlines and the reply form.
    view! {
        <p class="ticket-label">{move || i18n.t("ticket")}</p>
        <p class="ticket-number" data-ticket=reference.id.clone()>
            {grouped}
        </p>
        <ShareActions copy_text=url.clone() url share_title="nav.track" />
        <WithPortal fallback=move || view! { <p aria-busy="true">{move || i18n.t("loading")}</p> } let:p>
            {
                let calendar = StoredValue::new(crate::clock::calendar(p.holidays));
                let categories = StoredValue::new(p.categories);
                let message_max = p.limits.message_max;
                view! {
                    {move || match shown.get() {
                        None => view! { <p aria-busy="true">{move || i18n.t("loading")}</p> }.into_any(),
                        Some(Ok(report)) => {
                            view! {
                                <ReportDetails
                                    report
                                    calendar
                                    categories
                                    features
                                    access_code=tracked.access_code.into()
                                />
                            }
                                .into_any()
                        }
                        Some(Err(ApiError::Status { status: 404, .. })) => {
                            view! {
                                <div class="error-panel" role="alert">
                                    <p>{move || i18n.t("track.not_found")}</p>
                                </div>
                            }
                                .into_any()
                        }
                        Some(Err(error)) => {
                            view! {
                                <ErrorPanel
                                    error
                                    on_retry=move |_| {
                                        tracked.report.set(None);
                                        refresh.run(());
                                    }
                                />
                            }
                                .into_any()
                        }
                    }}
                    <Show when=move || {
                        features.reporter_access && matches!(tracked.report.read().as_ref(), Some(Ok(_)))
                    }>
                        <ReporterSection tracked message_max />
                    </Show>
                }
            }
        </WithPortal>
        <p class="hint">
            {move || {
                refreshed_at
                    .get()
                    .map(|at| i18n.t("track.refreshed").replace("{time}", &format_local_time(at, i18n.lang())))
            }}
        </p>
    }
}

/// Loads the report into `tracked`, and loads it again when the page regains focus or every minute while it is
/// visible (visibilitychange is fired at the document and bubbles to the window); returns the callback that loads
/// it again. A background refresh that fails keeps what is shown; only the first load shows an error.
fn keep_report_fresh(client: Client, tracked: Tracked, refreshed_at: RwSignal<Option<DateTime<Utc>>>) -> Callback<()> {
    let loading = StoredValue::new(false);
    let refresh = Callback::new(move |_: ()| {
        if loading.get_value() {
            return;
        }
        loading.set_value(true);
        let client = client.clone();
        let code = tracked.access_code.get_untracked();
        // A read, so not an Action; nor a LocalResource: the answer goes into `tracked.report`, which the
        // reporter's forms also write, and a failed background refresh must keep what is shown.
        leptos::task::spawn_local(async move {
            let answer = client.report(&tracked.ticket.get_value(), code.as_deref()).await;
            let keep_shown = answer.is_err() && matches!(tracked.report.get_untracked(), Some(Ok(_)));
            if !keep_shown {
                if answer.is_ok() {
                    refreshed_at.set(Some(now()));
                }
                tracked.report.set(Some(answer));
            }
            loading.set_value(false);
        });
    });
    refresh.run(());
    let refresh_if_visible = Callback::new(move |_: ()| {
        if !document().hidden() {
            refresh.run(());
        }
    });
    let on_focus = window_event_listener(leptos::ev::focus, move |_| refresh_if_visible.run(()));
    let on_visible = window_event_listener(leptos::ev::visibilitychange, move |_| refresh_if_visible.run(()));
    let every_minute = set_interval_with_handle(move || refresh_if_visible.run(()), Duration::from_secs(60)).ok();
    on_cleanup(move || {
        on_focus.remove();
        on_visible.remove();
        if let Some(h) = every_minute {
            h.clear();
        }
    });
    refresh
}
