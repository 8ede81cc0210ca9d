//! `/lapor`: the submission flow. The draft lives in localStorage on every change; sending uses the draft's
//! idempotency key, so retries (automatic, on reconnect, or by hand) make exactly one report.

use aduan_core::open311::Attribute;
use aduan_core::open311_client::{answer_problems, answers_to_send, SERVER_WORDS};
use aduan_core::validation::Rule;
use aduan_core::{Portal, ReportCreated};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::wasm_split;

use crate::api::{ApiError, Backend, Client};
use crate::clock::today;
use crate::components::form::{focus_element, ErrorSummary, FieldProblem};
use crate::components::lazy::LazyChunk;
use crate::components::submit::attachments::AttachmentsStep;
use crate::components::submit::details::DetailsStep;
use crate::components::submit::kind::KindStep;
use crate::components::submit::location::LocationStep;
use crate::components::submit::privacy::PrivacyStep;
use crate::components::submit::questions::question_label;
use crate::components::submit::receipt::Receipt;
use crate::components::submit::review::ReviewStep;
use crate::components::submit::{input_id, FormContext};
use crate::components::title::use_page_title;
use crate::components::with_portal::WithPortal;
use crate::draft::{new_idempotency_key, Draft, Step};
use crate::i18n::{field_errors, use_i18n, I18n};
use crate::storage;

const DRAFT_KEY: &str = "aduan.draft";

fn fresh_draft() -> Draft {
    Draft::new(new_idempotency_key(js_sys::Math::random))
}

fn load_draft() -> Draft {
    storage::get(DRAFT_KEY)
        .and_then(|t| serde_json::from_str::<Draft>(&t).ok())
        .filter(|d| !d.idempotency_key.is_empty())
        .unwrap_or_else(fresh_draft)
}

/// `?agency=` / `?category=` (from `embed.js`'s data attributes) fill what the draft leaves empty, when
/// the portal knows them.
fn with_presets(mut draft: Draft, portal: &Portal) -> Draft {
    if draft.agency_id.is_empty() {
        if let Some(id) = crate::url::query_param("agency").filter(|id| portal.agencies.iter().any(|a| &a.id == id)) {
            draft.agency_id = id;
        }
    }
    if draft.category_id.is_empty() {
        if let Some(id) = crate::url::query_param("category").filter(|id| portal.categories.iter().any(|c| &c.id == id))
        {
            draft.category_id = id;
        }
    }
    draft
}

fn owned(problems: Vec<(&'static str, Rule)>) -> Vec<(String, Rule)> {
    problems.into_iter().map(|(f, r)| (f.to_string(), r)).collect()
}

/// The label of the input a server's own words are about, so the summary says which answer to change.
fn field_label(i18n: I18n, field: &str, questions: &[Attribute]) -> Option<String> {
    if let Some(code) = field.strip_prefix("attribute.") {
        return questions.iter().find(|q| q.code == code).map(question_label);
    }
    let key = match field {
        "body" => "body",
        "category_id" => "category",
        "address" => "address",
        "location" => "submit.location_title",
        "reporter.name" => "reporter.name",
        "reporter.email" => "reporter.email",
        "reporter.phone" => "reporter.phone",
        _ => return None,
    };
    Some(i18n.t(key).to_string())
}

/// Seconds before the next automatic retry: 2, 4, 8 … up to a minute.
fn backoff(attempt: u32) -> u64 {
    2u64.saturating_pow(attempt.min(6)).min(60)
}

/// The title and what the page is for come with the shell; the form is the submit chunk, fetched once they
/// are painted.
#[component]
pub fn SubmitPage() -> impl IntoView {
    use_page_title("nav.submit");
    view! {
        <LazyChunk load=submit_form heading=SubmitIntro after_first_paint=true/>
    }
}

#[wasm_split(submit, wasm_split_path = ::leptos::wasm_split, fallible)]
fn submit_form() -> Result<AnyView, ApiError> {
    Ok(view! { <SubmitForm/> }.into_any())
}

#[component]
fn SubmitIntro() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t("nav.submit")}</h1>
        <p class="lead">{move || i18n.t("submit.lead")}</p>
    }
}

#[component]
fn SubmitForm() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // As tall as the screen (class boot) until the form can be drawn, so the footer does not jump. The
        // title and introduction stand above the error too, as when the form's chunk does not arrive.
        <WithPortal heading=SubmitIntro fallback=move || view! { <p class="boot" aria-busy="true">{move || i18n.t("loading")}</p> } let:p>
            <SubmitFlow portal=p/>
        </WithPortal>
    }
}

#[component]
fn SubmitFlow(portal: Portal) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let asked = client.features().fields;
    let steps = StoredValue::new(Step::shown(asked));
    let mut loaded = with_presets(load_draft(), &portal);
    if !steps.with_value(|s| s.contains(&loaded.step)) {
        loaded.step = steps.with_value(|s| s[0]);
    }
    let draft = RwSignal::new(loaded);
    Effect::new(move |_| draft.with(|d| storage::set(DRAFT_KEY, &serde_json::to_string(d).unwrap_or_default())));
    let has_questions = client.features().category_questions;
    let category = Memo::new(move |_| draft.with(|d| d.category_id.clone()));
    let questions = LocalResource::new({
        let client = client.clone();
        move || {
            let (client, category) = (client.clone(), category.get());
            async move {
                if category.is_empty() || !has_questions {
                    Ok(vec![])
                } else {
                    client.questions(&category).await
                }
            }
        }
    });
    // What the chosen category asks; while loading or after a failure, nothing (the step says which).
    let asked_questions: Signal<Vec<Attribute>> =
        Memo::new(move |_| questions.get().and_then(Result::ok).unwrap_or_default()).into();
    // Until a chosen category's questions are known, its answers can be neither checked nor sent.
    let questions_missing = move || {
        has_questions
            && draft.with_untracked(|d| !d.category_id.is_empty())
            && !matches!(questions.get_untracked(), Some(Ok(_)))
    };
    let form = FormContext {
        draft,
        shown: RwSignal::new(vec![]),
        reported: RwSignal::new(vec![]),
        questions: asked_questions,
    };
    let limits = Signal::stored(Some(portal.limits.clone()));
    let problems = form.problems(limits);
    let step = Memo::new(move |_| draft.with(|d| d.step));
    let created = RwSignal::new(None::<ReportCreated>);
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    // A send that failed while online, to a backend without idempotency keys (Open311): it may have
    // arrived, so it is not repeated automatically.
    let unsure = RwSignal::new(false);
    let idempotent = client.features().idempotent_sends;
    let attempts = RwSignal::new(0u32);
    let confirm_reset = RwSignal::new(false);
    let portal = StoredValue::new(portal);

    let show_problems = move |found: Vec<(String, Rule)>| {
        form.reported.set(vec![]);
        form.shown.set(found);
        request_animation_frame(|| focus_element("error-summary"));
    };
    let go_to = move |s: Step| {
        form.shown.set(vec![]);
        form.reported.set(vec![]);
        draft.update(|d| d.step = s);
        request_animation_frame(|| focus_element("step-heading"));
    };

    // Every problem, in form order: the draft's, then the category's questions (missing, or their answers).
    let all_problems = move || {
        let mut all = owned(portal.with_value(|p| draft.with_untracked(|d| d.problems(p, today(), asked))));
        if questions_missing() {
            all.push(("questions".into(), Rule::Required));
        }
        all.extend(draft.with_untracked(|d| answer_problems(&asked_questions.get_untracked(), &d.answers)));
        all
    };

    let send_slot: StoredValue<Option<Callback<()>>> = StoredValue::new(None);
    let send = Callback::new(move |_: ()| {
        if sending.get_untracked() || created.get_untracked().is_some() {
            return; // a double tap sends once
        }
        let all = all_problems();
        if let Some((field, _)) = all.first() {
            let first = Step::of_field(field);
            draft.update(|d| d.step = first);
            show_problems(all.into_iter().filter(|(f, _)| Step::of_field(f) == first).collect());
            return;
        }
        let (report, _) = draft.with_untracked(Draft::to_new_report);
        let answers = draft.with_untracked(|d| answers_to_send(&asked_questions.get_untracked(), &d.answers));
        let key = draft.with_untracked(|d| d.idempotency_key.clone());
        let client = client.clone();
        sending.set(true);
        spawn_local(async move {
            let result = client.create_report(&report, &answers, &key).await;
            let _ = sending.try_set(false);
            match result {
                Ok(c) => {
                    let _ = failure.try_set(None);
                    storage::remember_report(&c.ticket);
                    let _ = created.try_set(Some(c));
                    // Stored at once as well: if the citizen has left the page, the saving effect is gone, and
                    // the sent draft must not come back to be sent again.
                    let fresh = fresh_draft();
                    storage::set(DRAFT_KEY, &serde_json::to_string(&fresh).unwrap_or_default());
                    let _ = draft.try_set(fresh);
                    request_animation_frame(|| focus_element("receipt-title"));
                }
                Err(e) if !e.field_errors().is_empty() => {
                    // The server answered: the report needs changing, so no automatic retry is pending.
                    let _ = failure.try_set(None);
                    let first = Step::of_field(
                        &e.field_errors()
                            .into_iter()
                            .map(|(f, _)| f)
                            .find(|f| !f.is_empty())
                            .unwrap_or_default(),
                    );
                    let known = e.field_errors().into_iter().filter(|(_, c)| c != SERVER_WORDS);
                    let _ = draft.try_update(|d| d.step = first);
                    show_problems(known.map(|(f, c)| (f, field_errors::rule_from_code(&c))).collect());
                    // A server that words its own errors (Open311) is quoted; an error naming no field links to the step.
                    let questions = asked_questions.try_get_untracked().unwrap_or_default();
                    let quoted = e.messages().into_iter().map(|(f, message)| FieldProblem {
                        // Fields of other steps are not on the page: those link to the step's heading.
                        input_id: if f.is_empty() || Step::of_field(&f) != first {
                            "step-heading".into()
                        } else {
                            input_id(&f)
                        },
                        message: match field_label(i18n, &f, &questions) {
                            Some(label) => format!("{label}: {message}"),
                            None => message,
                        },
                    });
                    form.reported.set(quoted.collect());
                }
                Err(e) => {
                    // Offline, the request cannot have left the device, so retrying is always safe.
                    let safe = idempotent || !window().navigator().on_line();
                    let retry = e.is_retryable() && safe;
                    let _ = unsure.try_set(!safe);
                    let _ = failure.try_set(Some(e));
                    if retry {
                        let attempt = attempts.try_update(|a| {
                            *a += 1;
                            *a
                        });
                        if let Some(attempt) = attempt {
                            set_timeout(
                                // Only while the failure stands: a send that has since been answered needs none.
                                move || {
                                    if failure.try_get_untracked().flatten().is_none() {
                                        return;
                                    }
                                    if let Some(again) = send_slot.try_get_value().flatten() {
                                        again.run(());
                                    }
                                },
                                std::time::Duration::from_secs(backoff(attempt)),
                            );
                        }
                    }
                }
            }
        });
    });
    send_slot.set_value(Some(send));
    // Back online: try at once instead of waiting for the next retry.
    let _online = window_event_listener(leptos::ev::online, move |_| {
        if failure.get_untracked().is_some() && !unsure.get_untracked() {
            send.run(());
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = step.get_untracked();
        if s == Step::Review {
            send.run(());
            return;
        }
        let found: Vec<(String, Rule)> = all_problems()
            .into_iter()
            .filter(|(f, _)| Step::of_field(f) == s)
            .collect();
        if found.is_empty() {
            go_to(steps.with_value(|all| s.next(all)));
        } else {
            show_problems(found);
        }
    };
    let position = move || steps.with_value(|all| all.iter().position(|s| *s == step.get()).unwrap_or(0) + 1);
    let today_text = Signal::stored(today().to_string());
    let body_max = Signal::stored(portal.with_value(|p| p.limits.body_max));

    view! {
        <Show when=move || created.get().is_none()
            fallback=move || created.get().map(|c| view! { <Receipt created=c/> })>
            // The introduction only above the first step, where the citizen starts.
            <Show when=move || steps.with_value(|all| step.get() == all[0]) fallback=move || view! { <h1>{move || i18n.t("nav.submit")}</h1> }>
                <SubmitIntro/>
            </Show>
            <p class="step-count" id="step-heading" tabindex="-1">
                {move || i18n.t("submit.step").replace("{n}", &position().to_string()).replace("{total}", &steps.with_value(Vec::len).to_string())}
            </p>
            {(!storage::is_persistent()).then(|| view! { <p class="notice" role="note">{move || i18n.t("submit.draft_session_only")}</p> })}
            <ErrorSummary problems title=Signal::derive(move || i18n.t("errors.summary"))/>
            <form class="report-form" novalidate on:submit=on_submit>
                {move || match step.get() {
                    Step::Kind => view! { <KindStep form problems/> }.into_any(),
                    Step::Details => view! { <DetailsStep form problems body_max today=today_text asked/> }.into_any(),
                    Step::Location => view! { <LocationStep form problems portal=portal.get_value() asked questions=has_questions.then_some(questions)/> }.into_any(),
                    Step::Attachments => view! { <AttachmentsStep form problems limits=portal.with_value(|p| p.limits.clone())/> }.into_any(),
                    Step::Privacy => view! { <PrivacyStep form problems asked/> }.into_any(),
                    Step::Review => view! { <ReviewStep form portal=portal.get_value() asked questions=asked_questions/> }.into_any(),
                }}
                <Show when=move || failure.get().is_some()>
                    <div class="error-panel" role="alert">
                        <h2>{move || i18n.t(if unsure.get() { "submit.not_sent_unsure_title" } else { "submit.not_sent" })}</h2>
                        <p>{move || i18n.t(if unsure.get() { "submit.not_sent_unsure" } else { "submit.not_sent_body" })}</p>
                    </div>
                </Show>
                <div class="actions">
                    <Show when=move || steps.with_value(|all| step.get() != all[0])>
                        <button type="button" class="button secondary" on:click=move |_| go_to(steps.with_value(|all| step.get_untracked().previous(all)))>{move || i18n.t("action.back")}</button>
                    </Show>
                    <button type="submit" class="button primary" disabled=move || sending.get() aria-busy=move || sending.get().to_string()>
                        {move || match (step.get(), failure.get().is_some()) {
                            (Step::Review, true) => i18n.t("submit.send_again"),
                            (Step::Review, false) => i18n.t("action.send"),
                            _ => i18n.t("action.continue"),
                        }}
                    </button>
                </div>
            </form>
            <div class="start-again">
                <Show when=move || confirm_reset.get()
                    fallback=move || view! {
                        <button type="button" class="link-button" on:click=move |_| confirm_reset.set(true)>{move || i18n.t("submit.start_again")}</button>
                    }>
                    <div role="group" aria-labelledby="reset-question" class="confirm">
                        <p id="reset-question">{move || i18n.t("submit.start_again_confirm")}</p>
                        <button type="button" class="button warning" on:click=move |_| {
                            draft.set(fresh_draft());
                            form.shown.set(vec![]);
                            form.reported.set(vec![]);
                            failure.set(None);
                            confirm_reset.set(false);
                        }>{move || i18n.t("submit.start_again_yes")}</button>
                        " "
                        <button type="button" class="button secondary" on:click=move |_| confirm_reset.set(false)>{move || i18n.t("action.cancel")}</button>
                    </div>
                </Show>
            </div>
        </Show>
    }
}
