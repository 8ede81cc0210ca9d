//! The audit trail (`Jejak audit`): who did what to the report and when — the named account and its role at
//! the time. Staff only; the public timeline shows the role alone.

use aduan_core::{AuditEntry, FieldChange, Kind, Portal};
use leptos::prelude::*;

use super::words::{audit_action_key, use_report_words};
use crate::console::i18n::{role_key, use_words};
use crate::i18n::names::{category_name, format_local_time, kind_key, status_key};

#[component]
pub fn AuditTrail(entries: Vec<AuditEntry>, portal: Portal) -> impl IntoView {
    let portal = StoredValue::new(portal);
    let words = use_report_words();
    view! {
        <section aria-labelledby="audit-title">
            <h2 id="audit-title">{move || words.word("audit")}</h2>
            <p class="hint">{move || words.word("audit.lead")}</p>
            {if entries.is_empty() {
                view! { <p>{move || words.word("audit.none")}</p> }.into_any()
            } else {
                view! {
                    <ol class="timeline audit">
                        {entries.into_iter().map(|entry| view! { <AuditLine entry portal /> }).collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </section>
    }
}

/// One entry: the action (and the status it led to), then when, who and in which role, then its message.
#[component]
fn AuditLine(entry: AuditEntry, portal: StoredValue<Portal>) -> impl IntoView {
    let words = use_report_words();
    let console = use_words();
    let i18n = words.i18n();
    let (at, role, status) = (entry.at, entry.role, entry.status);
    let action_key = audit_action_key(&entry.action);
    let raw_action = entry.action.clone();
    view! {
        <li data-action=entry.action.clone()>
            <p class="timeline-status">
                {move || action_key.map_or_else(|| raw_action.clone(), |key| words.word(key).to_string())}
                {move || status.map(|s| format!(" → {}", i18n.t(status_key(s))))}
            </p>
            <p class="timeline-when">
                <time datetime=at.to_rfc3339()>{move || format_local_time(at, words.lang())}</time>
                " · "
                <span class="audit-who">{entry.display_name}</span>
                " ("
                {entry.username}
                ", "
                {move || console.word(role_key(role))}
                ")"
            </p>
            {entry.message.map(|m| view! { <p class="timeline-message">{m}</p> })}
            {(!entry.changes.is_empty())
                .then(|| {
                    view! {
                        <ul class="audit-changes">
                            {entry
                                .changes
                                .into_iter()
                                .map(|change| view! { <li>{move || changed(&change, portal)}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
        </li>
    }
}

/// "Kategori: Jalan → Kesehatan": a corrected field and its values named in the reader's language.
fn changed(change: &FieldChange, portal: StoredValue<Portal>) -> String {
    let words = use_report_words();
    let label = match change.field.as_str() {
        "kind" => "field.kind",
        "category_id" => "field.category",
        "region_id" => "field.region",
        "anonymous" => "field.anonymous",
        "confidential" => "field.confidential",
        _ => return format!("{}: {:?} → {:?}", change.field, change.from, change.to),
    };
    let value = |v: &Option<String>| -> String {
        let i18n = words.i18n();
        let Some(v) = v else {
            return i18n.t("answer.none").to_string();
        };
        portal
            .with_value(|p| match change.field.as_str() {
                "kind" => Kind::parse(v).map(|k| i18n.t(kind_key(k)).to_string()),
                "category_id" => p
                    .categories
                    .iter()
                    .find(|c| &c.id == v)
                    .map(|c| category_name(c, words.lang())),
                "region_id" => p.regions.iter().find(|r| &r.id == v).map(|r| r.name.clone()),
                _ => Some(i18n.t(if v == "true" { "answer.yes" } else { "answer.no" }).to_string()),
            })
            .unwrap_or_else(|| v.clone())
    };
    format!("{}: {} → {}", words.word(label), value(&change.from), value(&change.to))
}
