//! The tracked report as the page shows it: its status and text, a summary of what is known about it, its
//! deadlines and its timeline.

use aduan_core::open311::known_category;
use aduan_core::{Category, ReportView, WorkingCalendar};
use leptos::prelude::*;
use leptos_router::components::A;

use super::attachments::AttachmentList;
use super::deadlines::DeadlineList;
use super::timeline::Timeline;
use crate::api::Features;
use crate::clock::today;
use crate::components::support_button::SupportButton;
use crate::field::Field;
use crate::i18n::names::{category_name, format_date, format_local_time, kind_key, status_key};
use crate::i18n::{format_count, use_i18n};
use crate::pages::track::shown_reference;

#[component]
pub fn ReportDetails(
    report: ReportView,
    /// The portal's categories, to name a category the server wrote only as a code, or left out.
    categories: StoredValue<Vec<Category>>,
    calendar: StoredValue<WorkingCalendar>,
    features: Features,
    access_code: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (status, created_at) = (report.status, report.created_at);
    // The summary takes the report; what is shown after it is copied out first.
    let (deadlines, events) = (report.deadlines.clone(), report.events.clone());
    view! {
        <p class="status-badge" data-status=status.as_str()>
            {move || i18n.t(status_key(status))}
        </p>
        {report.duplicate_of.clone().map(|main| view! { <DuplicateNotice main features /> })}
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
        <ReportSummary report features access_code categories />
        {deadlines.map(|deadlines| view! { <DeadlineList deadlines status created_at calendar today=today() /> })}
        <Timeline events />
    }
}

/// A duplicate's citizen follows the matter on the main report. Its link shows what the public sees of it; its
/// private parts need its own access code, which this citizen does not have.
#[component]
fn DuplicateNotice(main: String, features: Features) -> impl IntoView {
    let i18n = use_i18n();
    let grouped = shown_reference(&main, features);
    view! {
        <div class="notice" data-testid="duplicate-notice">
            <p>{move || i18n.t("track.duplicate_of")}</p>
            <p>
                <A href=format!(
                    "/lacak/{main}",
                )>{move || i18n.t("track.duplicate_link").replace("{ticket}", &grouped)}</A>
            </p>
        </div>
    }
}

/// What is known about the report, a row for each fact: the rows of fields the backend does not ask for, and of
/// facts the report does not have yet, are left out.
#[component]
fn ReportSummary(
    report: ReportView,
    features: Features,
    access_code: Signal<Option<String>>,
    categories: StoredValue<Vec<Category>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let named = |n: &Option<aduan_core::NamedRef>| n.as_ref().map(|x| x.name.clone()).unwrap_or_else(|| "—".into());
    let region = named(&report.region);
    let remembered = crate::storage::remembered_category(&report.ticket);
    let category = categories.with_value(|all| known_category(report.category.as_ref(), all, remembered.as_deref()));
    let category = move || match &category {
        Some(c) => category_name(c, i18n.lang()),
        None => i18n.t("not_recorded").to_string(),
    };
    let agency = report.agency.as_ref().map(|a| a.name.clone());
    // Only the SP4N-LAPOR! workflow has an administrator who forwards reports; elsewhere an agency the server
    // did not name is simply not recorded.
    let agency_missing = if features.lapor_workflow {
        "track.agency_pending"
    } else {
        "not_recorded"
    };
    let (kind, created_at, supports, rating, confidential) = (
        report.kind,
        report.created_at,
        report.supports,
        report.rating,
        report.confidential,
    );
    let ticket = report.ticket;
    view! {
        <dl class="summary-list">
            {features
                .asks(Field::Kind)
                .then(|| view! { <SummaryRow label="kind">{move || i18n.t(kind_key(kind))}</SummaryRow> })}
            <SummaryRow label="agency">
                {match agency {
                    Some(name) => name.into_any(),
                    None => (move || i18n.t(agency_missing)).into_any(),
                }}
            </SummaryRow> <SummaryRow label="category">{category}</SummaryRow>
            {features.asks(Field::RegionId).then(|| view! { <SummaryRow label="region">{region}</SummaryRow> })}
            {report.address.filter(|a| !a.is_empty()).map(|a| view! { <SummaryRow label="address">{a}</SummaryRow> })}
            {report
                .incident_date
                .map(|d| {
                    view! { <SummaryRow label="incident_date">{move || format_date(d, i18n.lang())}</SummaryRow> }
                })}
            <SummaryRow label="track.submitted_on">{move || format_local_time(created_at, i18n.lang())}</SummaryRow>
            {report
                .expected_on
                .map(|d| {
                    view! { <SummaryRow label="track.expected_on">{move || format_date(d, i18n.lang())}</SummaryRow> }
                })} // A duplicate's supports count on its main report, where the link above leads.
            {(features.support && report.duplicate_of.is_none())
                .then(|| {
                    let ticket = ticket.clone();
                    view! {
                        <SummaryRow label="track.supports">
                            {if confidential {
                                (move || format_count(supports, i18n.lang())).into_any()
                            } else {
                                view! { <SupportButton ticket count=supports /> }.into_any()
                            }}
                        </SummaryRow>
                    }
                })}
            {rating
                .map(|n| {
                    view! {
                        <SummaryRow label="rating">
                            {move || i18n.t("rating.value").replace("{n}", &n.to_string())}
                        </SummaryRow>
                    }
                })}
            {features
                .asks(Field::AttachmentIds)
                .then(|| {
                    view! {
                        <SummaryRow label="attachments">
                            <AttachmentList ticket attachments=report.attachments confidential access_code />
                        </SummaryRow>
                    }
                })}
        </dl>
    }
}

/// A term of the summary and its answer.
#[component]
fn SummaryRow(label: &'static str, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="summary-row">
            <dt>{move || i18n.t(label)}</dt>
            <dd class="answer">{children()}</dd>
        </div>
    }
}
