//! `/petugas/{ticket}`: a report as staff see it — its full content, attachments, deadlines, public
//! timeline, audit trail and internal notes — and what the signed-in role may do with it now: the workflow's
//! steps, a note, and for administrators a correction. Every write answers with the report as it now is, which
//! replaces what is shown; the page says what was done and moves the focus there.

mod attachments;
mod audit;
mod content;
mod correction;
mod duplicate;
mod notes;
pub mod rules;
mod state;
pub mod steps;
mod templates;
pub mod words;

use aduan_core::{Portal, StaffReportView};
use leptos::prelude::*;
use leptos_router::components::A;

use self::audit::AuditTrail;
use self::content::ReportContent;
use self::correction::CorrectionForm;
use self::duplicate::{DuplicateForm, DuplicateLinks};
use self::notes::NotesSection;
use self::state::{PageAlerts, ReportState};
use self::steps::StepForm;
use self::words::use_report_words;
use crate::api::ApiError;
use crate::clock::today;
use crate::components::error_panel::ErrorPanel;
use crate::components::title::use_page_title_of;
use crate::components::tracking::deadlines::DeadlineList;
use crate::components::tracking::timeline::Timeline;
use crate::components::with_portal::WithPortal;
use crate::console::api::StaffError;
use crate::console::session::use_session;
use crate::i18n::names::{format_date, status_key};
use crate::i18n::Lang;

#[component]
pub fn ConsoleReportPage(ticket: String) -> impl IntoView {
    let words = use_report_words();
    let state = ReportState::provide(ticket.clone());
    let title = StoredValue::new(crate::console::shown_ticket(&ticket));
    use_page_title_of(move || words.word("report.title").replace("{ticket}", &title.get_value()));
    view! {
        <p class="no-print">
            <A href="/petugas">{move || words.word("report.back")}</A>
        </p>
        <h1>{move || words.word("report.title").replace("{ticket}", &title.get_value())}</h1>
        <PageAlerts />
        <WithPortal
            fallback=move || view! { <p aria-busy="true">{move || words.word("report.loading")}</p> }
            let:portal
        >
            {
                let portal = StoredValue::new(portal);
                move || match state.view.get() {
                    None => view! { <p aria-busy="true">{move || words.word("report.loading")}</p> }.into_any(),
                    Some(Ok(view)) => view! { <ReportBody view portal=portal.get_value() /> }.into_any(),
                    Some(Err(StaffError::SignedOut)) => ().into_any(),
                    Some(Err(error)) => {
                        // The console shows the sign-in form instead; the drafts stay for afterwards.
                        view! { <LoadFailed error=error.api_error() /> }
                            .into_any()
                    }
                }
            }
        </WithPortal>
    }
}

/// Why the report is not shown: not there (or not the officer's, which reads the same), or a failure to retry.
#[component]
fn LoadFailed(error: ApiError) -> impl IntoView {
    let words = use_report_words();
    let state = expect_context::<ReportState>();
    if matches!(error, ApiError::Status { status: 404, .. }) {
        return view! {
            <div class="error-panel" role="alert">
                <p>{move || words.word("report.not_found")}</p>
            </div>
        }
        .into_any();
    }
    view! { <ErrorPanel error on_retry=move |_| state.reload() /> }.into_any()
}

/// What a response template's placeholders become for `report`: its ticket, its agency, its current deadline
/// written in each language, and the portal's name.
fn placeholders_of(report: &aduan_core::ReportView, responded: bool, portal: &str) -> templates::ReportPlaceholders {
    use aduan_core::templates::Placeholders;
    let due = report.deadlines.as_ref().and_then(|d| {
        aduan_core::current_deadline(report.status, responded, d.verify.due, d.respond.due, d.escalation.due)
    });
    // Dates and the ticket as the citizen's pages write them, so that the message reads as the tracking page does.
    let of = |lang| Placeholders {
        ticket: crate::console::shown_ticket(&report.ticket),
        agency: report.agency.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
        deadline: due.map(|d| format_date(d, lang)).unwrap_or_default(),
        portal: portal.to_string(),
    };
    templates::ReportPlaceholders {
        id: of(Lang::Id),
        en: of(Lang::En),
        category_id: report.category.as_ref().map(|c| c.id.clone()),
    }
}

/// The loaded report: what it says, what the role may do now, and its history.
#[component]
fn ReportBody(view: StaffReportView, portal: Portal) -> impl IntoView {
    let i18n = use_report_words().i18n();
    let role = use_session().role();
    let can_write = role.is_some_and(aduan_core::Role::can_write);
    let report = view.report;
    let (status, created_at) = (report.status, report.created_at);
    let calendar = StoredValue::new(crate::clock::calendar(portal.holidays.clone()));
    let message_max = portal.limits.message_max;
    expect_context::<ReportState>().message_max.set_value(message_max);
    view! {
        <p class="status-badge" data-status=status.as_str()>
            {move || i18n.t(status_key(status))}
        </p>
        <DuplicateLinks duplicate_of=report.duplicate_of.clone() duplicates=view.duplicates />
        <ReportContent report=report.clone() handed_back=view.handed_back />
        <StepForm
            steps=view.steps
            can_write
            current_agency=report.agency.as_ref().map(|a| a.id.clone())
            agencies=portal.agencies.clone()
            message_max
            placeholders=placeholders_of(&report, view.responded, &portal.name)
        />
        <NotesSection notes=view.notes can_write message_max />
        {report
            .deadlines
            .clone()
            .map(|deadlines| view! { <DeadlineList deadlines status created_at calendar today=today() /> })}
        <Timeline events=report.events.clone() />
        <AuditTrail entries=view.audit portal=portal.clone() />
        {view.can_mark_duplicate.then(|| view! { <DuplicateForm /> })}
        {view.can_correct.then(|| view! { <CorrectionForm report portal message_max /> })}
    }
}
