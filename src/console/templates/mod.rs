//! `/petugas/templat`: the response templates ("Templat tanggapan") the step form offers, grouped by step, with
//! their category and both languages' texts. Administrators create, edit and delete them (a deletion is confirmed
//! on the page); supervisors read them; officers, who only choose them on a report, are told so. The entries are
//! checked by the server's own rules (`aduan_core::templates`) before sending, and the server's field errors are
//! shown at their inputs.

mod form;
mod list;
mod rules;
mod state;
mod words;

use aduan_core::Role;
use leptos::prelude::*;

use self::form::TemplateForm;
use self::list::TemplateList;
use self::state::{TemplatesState, DONE_ID, NOTICE_ID};
use self::words::use_template_words;
use crate::components::form::{ErrorSummary, FieldProblem};
use crate::components::title::use_page_title_of;
use crate::components::with_portal::WithPortal;
use crate::console::session::use_session;

#[component]
pub fn TemplatesPage() -> impl IntoView {
    let words = use_template_words();
    use_page_title_of(move || words.word("title").to_string());
    let role = use_session().role();
    let heading = view! {
        <h1>{move || words.word("title")}</h1>
        <p class="lead">{move || words.word("lead")}</p>
    };
    if role == Some(Role::Officer) {
        return view! {
            {heading}
            <p class="notice">{move || words.word("officer")}</p>
        }
        .into_any();
    }
    let admin = role == Some(Role::Admin);
    TemplatesState::provide();
    view! {
        {heading}
        <PageAlerts />
        <WithPortal fallback=move || view! { <p aria-busy="true">{move || words.word("loading")}</p> } let:portal>
            {if admin {
                view! { <TemplateForm categories=portal.categories.clone() /> }.into_any()
            } else {
                view! { <p class="notice">{move || words.word("read_only")}</p> }.into_any()
            }}
            <TemplateList categories=portal.categories admin />
        </WithPortal>
    }
    .into_any()
}

/// What the page says about the last write, at its top: done, the error summary, or a refusal.
#[component]
fn PageAlerts() -> impl IntoView {
    let state = expect_context::<TemplatesState>();
    let words = use_template_words();
    let problems = Signal::derive(move || {
        state
            .problems
            .get()
            .into_iter()
            .map(|(input_id, key)| FieldProblem {
                input_id: input_id.to_string(),
                message: form::worded(words, key),
            })
            .collect::<Vec<_>>()
    });
    view! {
        <ErrorSummary problems title=Signal::derive(move || words.i18n().t("errors.summary")) />
        {move || {
            state
                .notice
                .get()
                .map(|key| {
                    view! {
                        <div class="error-panel" id=NOTICE_ID role="alert" tabindex="-1">
                            <p>{move || words.word(key)}</p>
                        </div>
                    }
                })
        }}
        {move || {
            state
                .done
                .get()
                .map(|(key, title)| {
                    view! {
                        <div class="notice" id=DONE_ID role="status" tabindex="-1">
                            <p>{move || words.word(key).replace("{title}", &title)}</p>
                        </div>
                    }
                })
        }}
    }
}
