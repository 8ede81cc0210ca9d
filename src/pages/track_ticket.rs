//! `/lacak/:ticket`: where a report is, who has it, and whether its deadlines were kept.

use std::time::Duration;

use aduan_core::{ReportView, WorkingCalendar};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::track::{parse_reference, Reference};
use crate::api::{ApiError, Backend, Client, Features};
use crate::clock::{now, today};
use crate::components::error_panel::ErrorPanel;
use crate::components::share_actions::{absolute_url, ShareActions};
use crate::components::support_button::SupportButton;
use crate::components::title::use_page_title_of;
use crate::components::tracking::attachments::AttachmentList;
use crate::components::tracking::deadlines::DeadlineList;
use crate::components::tracking::reporter::ReporterSection;
use crate::components::tracking::timeline::Timeline;
use crate::components::tracking::Tracked;
use crate::components::with_portal::WithPortal;
use crate::field::Field;
use crate::i18n::names::{format_date, format_local_time, kind_key, status_key};
use crate::i18n::{format_count, use_i18n};

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

/// Loads the report, and loads it again when the page regains focus or every minute while it is visible.
/// (visibilitychange is fired at the document and bubbles to the window.)
/// A background refresh that fails keeps what is shown; only the first load shows an error.
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
    let refreshed_at = RwSignal::new(None::<chrono::DateTime<chrono::Utc>>);
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
                let message_max = p.limits.message_max;
                view! {
                    {move || match shown.get() {
                        None => view! { <p aria-busy="true">{move || i18n.t("loading")}</p> }.into_any(),
                        Some(Ok(report)) => {
                            view! { <ReportDetails report calendar features access_code=tracked.access_code.into() /> }
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

#[component]
fn ReportDetails(
    report: ReportView,
    calendar: StoredValue<WorkingCalendar>,
    features: Features,
    access_code: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let named = |n: &Option<aduan_core::NamedRef>| n.as_ref().map(|x| x.name.clone()).unwrap_or_else(|| "—".into());
    let (category, region) = (named(&report.category), named(&report.region));
    let agency = report.agency.as_ref().map(|a| a.name.clone());
    let (status, kind, created_at, supports, rating) = (
        report.status,
        report.kind,
        report.created_at,
        report.supports,
        report.rating,
    );
    view! {
        <p class="status-badge" data-status=status.as_str()>
            {move || i18n.t(status_key(status))}
        </p>
        <h2>{move || i18n.t("track.details")}</h2>
        {match (report.title.clone(), report.body.clone()) {
            (Some(t), Some(b)) => {
                view! {
                    <p class="report-title">{t}</p>
                    <p class="report-body">{b}</p>
                }
                    .into_any()
            }
            (None, Some(b)) if !features.asks(Field::Title) => {
                // A backend without titles (Open311) has only the description.
                view! { <p class="report-body">{b}</p> }
                    .into_any()
            }
            _ => view! { <p class="notice">{move || i18n.t("track.confidential")}</p> }.into_any(),
        }}
        <dl class="summary-list">
            {features
                .asks(Field::Kind)
                .then(|| {
                    view! {
                        <div class="summary-row">
                            <dt>{move || i18n.t("kind")}</dt>
                            <dd class="answer">{move || i18n.t(kind_key(kind))}</dd>
                        </div>
                    }
                })} <div class="summary-row">
                <dt>{move || i18n.t("agency")}</dt>
                <dd class="answer">
                    {match agency {
                        Some(name) => name.into_any(),
                        None => (move || i18n.t("track.agency_pending")).into_any(),
                    }}
                </dd>
            </div> <div class="summary-row">
                <dt>{move || i18n.t("category")}</dt>
                <dd class="answer">{category}</dd>
            </div>
            {features
                .asks(Field::RegionId)
                .then(|| {
                    view! {
                        <div class="summary-row">
                            <dt>{move || i18n.t("region")}</dt>
                            <dd class="answer">{region}</dd>
                        </div>
                    }
                })}
            {report
                .address
                .clone()
                .filter(|a| !a.is_empty())
                .map(|a| {
                    view! {
                        <div class="summary-row">
                            <dt>{move || i18n.t("address")}</dt>
                            <dd class="answer">{a}</dd>
                        </div>
                    }
                })}
            {report
                .incident_date
                .map(|d| {
                    view! {
                        <div class="summary-row">
                            <dt>{move || i18n.t("incident_date")}</dt>
                            <dd class="answer">{move || format_date(d, i18n.lang())}</dd>
                        </div>
                    }
                })} <div class="summary-row">
                <dt>{move || i18n.t("track.submitted_on")}</dt>
                <dd class="answer">{move || format_local_time(created_at, i18n.lang())}</dd>
            </div>
            {report
                .expected_on
                .map(|d| {
                    view! {
                        <div class="summary-row">
                            <dt>{move || i18n.t("track.expected_on")}</dt>
                            <dd class="answer">{move || format_date(d, i18n.lang())}</dd>
                        </div>
                    }
                })}
            {features
                .support
                .then(|| {
                    view! {
                        <div class="summary-row">
                            <dt>{move || i18n.t("track.supports")}</dt>
                            <dd class="answer">
                                {if report.confidential {
                                    (move || format_count(supports, i18n.lang())).into_any()
                                } else {
                                    view! { <SupportButton ticket=report.ticket.clone() count=supports /> }.into_any()
                                }}
                            </dd>
                        </div>
                    }
                })}
            {rating
                .map(|n| {
                    view! {
                        <div class="summary-row">
                            <dt>{move || i18n.t("rating")}</dt>
                            <dd class="answer">{move || i18n.t("rating.value").replace("{n}", &n.to_string())}</dd>
                        </div>
                    }
                })}
            {features
                .asks(Field::AttachmentIds)
                .then(|| {
                    view! {
                        <div class="summary-row">
                            <dt>{move || i18n.t("attachments")}</dt>
                            <dd class="answer">
                                <AttachmentList
                                    ticket=report.ticket.clone()
                                    attachments=report.attachments.clone()
                                    confidential=report.confidential
                                    access_code
                                />
                            </dd>
                        </div>
                    }
                })}
        </dl>
        {report
            .deadlines
            .clone()
            .map(|deadlines| view! { <DeadlineList deadlines status created_at calendar today=today() /> })}
        <Timeline events=report.events />
    }
}
