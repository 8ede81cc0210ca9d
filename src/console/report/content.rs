//! The report in full, as staff see it: a confidential report's text and the reporter's identity too, each
//! fact a row of a summary list.

use aduan_core::{NamedRef, ReportView, Reporter};
use leptos::prelude::*;

use super::attachments::StaffAttachments;
use super::words::use_report_words;
use crate::components::stats::channels::channel_name;
use crate::i18n::names::{format_date, format_local_time, kind_key};

#[component]
pub fn ReportContent(report: ReportView, handed_back: bool) -> impl IntoView {
    let words = use_report_words();
    let i18n = words.i18n();
    let named = |n: &Option<NamedRef>| n.as_ref().map(|x| x.name.clone());
    let (kind, created_at, incident_date, channel) =
        (report.kind, report.created_at, report.incident_date, report.channel);
    let (confidential, anonymous) = (report.confidential, report.anonymous);
    let yes_no = move |b: bool| words.word(if b { "value.yes" } else { "value.no" });
    view! {
        <h2>{move || words.word("report.details")}</h2>
        <p class="hint">{move || words.word("report.staff_only")}</p>
        <p class="report-title">{report.title.clone()}</p>
        <p class="report-body">{report.body.clone()}</p>
        <dl class="summary-list report-facts">
            <Row label_key="field.kind">{move || i18n.t(kind_key(kind))}</Row>
            <Row label_key="field.category">{or_none(named(&report.category))}</Row>
            <Row label_key="field.agency">
                {match named(&report.agency) {
                    Some(name) => name.into_any(),
                    None => (move || words.word("value.agency_pending")).into_any(),
                }}
            </Row>
            {handed_back
                .then(|| view! { <Row label_key="field.handed_back">{move || words.word("value.handed_back")}</Row> })}
            <Row label_key="field.region">{or_none(named(&report.region))}</Row>
            <Row label_key="field.address">{or_none(report.address.clone().filter(|a| !a.is_empty()))}</Row>
            <Row label_key="field.incident_date">
                {move || {
                    incident_date.map_or_else(|| words.word("value.none").to_string(), |d| format_date(d, words.lang()))
                }}
            </Row>
            <Row label_key="field.submitted">{move || format_local_time(created_at, words.lang())}</Row>
            <Row label_key="field.channel">{move || channel_name(channel, words.lang())}</Row>
            <Row label_key="field.confidential">{move || yes_no(confidential)}</Row>
            <Row label_key="field.anonymous">{move || yes_no(anonymous)}</Row>
            <Row label_key="field.reporter">
                {match report.reporter.clone().filter(|_| !anonymous) {
                    Some(reporter) => view! { <ReporterIdentity reporter /> }.into_any(),
                    None => (move || words.word("value.anonymous")).into_any(),
                }}
            </Row>
            <Row label_key="field.supports">{report.supports}</Row>
            <Row label_key="field.attachments">
                <StaffAttachments attachments=report.attachments.clone() />
            </Row>
        </dl>
    }
}

/// A value, or a dash where the report has none.
fn or_none(value: Option<String>) -> AnyView {
    let words = use_report_words();
    match value {
        Some(v) => v.into_any(),
        None => (move || words.word("value.none")).into_any(),
    }
}

/// Name, email and phone, each on its own line; what the reporter left out is not shown.
#[component]
fn ReporterIdentity(reporter: Reporter) -> impl IntoView {
    let lines: Vec<String> = [reporter.name, reporter.email, reporter.phone]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    view! {
        <ul class="plain-list reporter-identity">
            {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}

/// A term of the summary and its answer.
#[component]
fn Row(label_key: &'static str, children: Children) -> impl IntoView {
    let words = use_report_words();
    view! {
        <div class="summary-row">
            <dt>{move || words.word(label_key)}</dt>
            <dd class="answer">{children()}</dd>
        </div>
    }
}
