//! What only the reporter can do, with the access code from the receipt: see a confidential report, reply,
//! and rate the service once it is completed.

use aduan_core::validation::clean_text;
use aduan_core::{NewRating, NewReply, ReportView};
use leptos::prelude::*;

use super::Tracked;
use crate::api::{ApiError, Backend, Client, ErrorPlace};
use crate::components::form::{described_by, focus_element, problem_for, ErrorSummary, Field, FieldProblem, TextInput};
use crate::i18n::field_errors;
use crate::i18n::use_i18n;

/// Problems of the reporter's forms as (input id, catalogue key), worded in the current language when shown.
type Problems = RwSignal<Vec<(&'static str, &'static str)>>;

fn show(problems: Problems, found: Vec<(&'static str, &'static str)>) {
    problems.set(found);
    request_animation_frame(|| focus_element("error-summary"));
}

/// Why the server refused, as the catalogue key to show at `input_id`.
fn refusal(input_id: &'static str, error: &ApiError) -> Vec<(&'static str, &'static str)> {
    vec![(input_id, error.message_key(ErrorPlace::ReporterForm))]
}

#[component]
pub fn ReporterSection(tracked: Tracked, message_max: usize) -> impl IntoView {
    let i18n = use_i18n();
    let problems: Problems = RwSignal::new(vec![]);
    let shown = Signal::derive(move || {
        problems
            .get()
            .into_iter()
            .map(|(id, key)| FieldProblem {
                input_id: id.to_string(),
                message: i18n.t(key).to_string(),
            })
            .collect::<Vec<_>>()
    });
    let unlocked = Memo::new(move |_| tracked.access_code.read().is_some());
    let can_reply = Memo::new(move |_| {
        tracked.with_report(false, |r| {
            !matches!(r.status, aduan_core::Status::Rejected | aduan_core::Status::Closed)
        })
    });
    // A duplicate was closed by merging it, not by handling it: nothing to rate.
    let can_rate = Memo::new(move |_| {
        tracked.with_report(false, |r| {
            r.status.is_completed() && r.rating.is_none() && r.duplicate_of.is_none()
        })
    });
    let rating = Memo::new(move |_| tracked.with_report(None, |r| r.rating));
    view! {
        <section class="reporter no-print" aria-labelledby="reporter-title">
            <h2 id="reporter-title">{move || i18n.t("track.reporter")}</h2>
            <ErrorSummary problems=shown title=Signal::derive(move || i18n.t("errors.summary")) />
            <Show when=move || unlocked.get() fallback=move || view! { <AccessCodeForm tracked problems shown /> }>
                <p class="notice" role="status">
                    {move || i18n.t("track.unlocked")}
                </p>
                <Show when=move || can_reply.get()>
                    <ReplyForm tracked problems shown message_max />
                </Show>
                <Show when=move || can_rate.get()>
                    <RatingForm tracked problems shown message_max />
                </Show>
                {move || {
                    rating
                        .get()
                        .map(|n| {
                            view! {
                                <p class="rating-given" role="status">
                                    {move || i18n.t("rating.given").replace("{n}", &n.to_string())}
                                </p>
                            }
                        })
                }}
            </Show>
        </section>
    }
}

#[component]
fn AccessCodeForm(tracked: Tracked, problems: Problems, shown: Signal<Vec<FieldProblem>>) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let code = RwSignal::new(String::new());
    let unlock = Action::new_local(move |entered: &String| {
        let (client, entered) = (client.clone(), entered.clone());
        async move {
            let answer = client.report(&tracked.ticket.get_value(), Some(&entered)).await;
            let unlocked = show_answer(tracked, problems, "access-code", answer);
            // Last: it replaces this form with the reporter's.
            if unlocked {
                tracked.access_code.set(Some(entered));
            }
            unlocked
        }
    });
    let pending = unlock.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let entered = code.get_untracked().trim().to_string();
        if entered.is_empty() {
            return show(problems, vec![("access-code", "err.access_code.required")]);
        }
        if !pending.get_untracked() {
            unlock.dispatch(entered);
        }
    };
    view! {
        <p>{move || i18n.t("track.reporter_lead")}</p>
        <form on:submit=on_submit novalidate>
            <TextInput
                id="access-code"
                label=Signal::derive(move || i18n.t("access_code"))
                hint=Signal::derive(move || i18n.t("access_code.hint").to_string())
                error=problem_for(shown, "access-code")
                value=code.into()
                on_input=Callback::new(move |v| code.set(v))
                autocomplete="off"
            />
            <button type="submit" class="button secondary" aria-disabled=move || pending.get().to_string()>
                {move || i18n.t("action.unlock")}
            </button>
        </form>
    }
}

/// The server's answer to the reporter: the answered report replaces the shown one, or the refusal is shown
/// at `input_id`. Whether the server took it.
fn show_answer(
    tracked: Tracked,
    problems: Problems,
    input_id: &'static str,
    answer: Result<ReportView, ApiError>,
) -> bool {
    match answer {
        Ok(view) => {
            problems.set(vec![]);
            tracked.report.set(Some(Ok(view)));
            true
        }
        Err(error) => {
            show(problems, refusal(input_id, &error));
            false
        }
    }
}

/// The ticket and access code a reporter's request is made with.
fn credentials(tracked: Tracked) -> (String, String) {
    (
        tracked.ticket.get_value(),
        tracked.access_code.get_untracked().unwrap_or_default(),
    )
}

#[component]
fn ReplyForm(
    tracked: Tracked,
    problems: Problems,
    shown: Signal<Vec<FieldProblem>>,
    message_max: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let text = RwSignal::new(String::new());
    let reply = Action::new_local(move |reply: &NewReply| {
        let (client, reply, (ticket, code)) = (client.clone(), reply.clone(), credentials(tracked));
        async move {
            let answer = client.reply(&ticket, &code, &reply).await;
            let taken = show_answer(tracked, problems, "reply", answer);
            if taken {
                text.set(String::new());
            }
            taken
        }
    });
    let pending = reply.pending();
    let taken = reply.value();
    let sent = move || !pending.get() && taken.get() == Some(true);
    let error = problem_for(shown, "reply");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        match clean_text(&text.get_untracked(), 1, message_max, true) {
            Ok(message) => {
                reply.dispatch(NewReply { message });
            }
            Err(rule) => show(problems, vec![("reply", field_errors::key("message", rule))]),
        }
    };
    view! {
        <form class="reply-form" on:submit=on_submit novalidate>
            <Field
                id="reply"
                label=Signal::derive(move || i18n.t("reply"))
                hint=Some(Signal::derive(move || i18n.t("reply.hint").to_string()))
                error
            >
                <textarea
                    id="reply"
                    name="reply"
                    rows="4"
                    aria-describedby=described_by("reply", true, error)
                    aria-invalid=move || error.read().is_some().to_string()
                    prop:value=text
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </Field>
            <button type="submit" class="button primary" aria-disabled=move || pending.get().to_string()>
                {move || i18n.t("action.reply")}
            </button>
            <p role="status" class="hint">
                {move || sent().then(|| i18n.t("reply.sent"))}
            </p>
        </form>
    }
}

#[component]
fn RatingForm(
    tracked: Tracked,
    problems: Problems,
    shown: Signal<Vec<FieldProblem>>,
    message_max: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let chosen = RwSignal::new(None::<u8>);
    let comment = RwSignal::new(String::new());
    let rate = Action::new_local(move |rating: &NewRating| {
        let (client, rating, (ticket, code)) = (client.clone(), rating.clone(), credentials(tracked));
        async move {
            show_answer(
                tracked,
                problems,
                "rating-1",
                client.rate(&ticket, &code, &rating).await,
            )
        }
    });
    let pending = rate.pending();
    let error = problem_for(shown, "rating-1");
    let comment_error = problem_for(shown, "rating-comment");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(rating) = chosen.get_untracked() else {
            return show(problems, vec![("rating-1", "err.rating.required")]);
        };
        match clean_text(&comment.get_untracked(), 0, message_max, true) {
            Ok(comment) => {
                rate.dispatch(NewRating { rating, comment });
            }
            Err(rule) => show(problems, vec![("rating-comment", field_errors::key("comment", rule))]),
        }
    };
    const CHOICES: [(u8, &str, &str); 5] = [
        (1, "rating-1", "rating.1"),
        (2, "rating-2", "rating.2"),
        (3, "rating-3", "rating.3"),
        (4, "rating-4", "rating.4"),
        (5, "rating-5", "rating.5"),
    ];
    view! {
        <form class="rating-form" on:submit=on_submit novalidate>
            <div class="field" class:field-error=move || error.read().is_some()>
                <fieldset aria-describedby=move || {
                    if error.read().is_some() { "rating-hint rating-error" } else { "rating-hint" }
                }>
                    <legend>{move || i18n.t("rating")}</legend>
                    <p class="hint" id="rating-hint">
                        {move || i18n.t("rating.hint")}
                    </p>
                    <Show when=move || error.read().is_some()>
                        <p class="error-message" id="rating-error">
                            {move || error.get()}
                        </p>
                    </Show>
                    <div class="radios">
                        {CHOICES
                            .map(|(n, id, label)| {
                                view! {
                                    <div class="radio">
                                        <input
                                            type="radio"
                                            id=id
                                            name="rating"
                                            value=n.to_string()
                                            prop:checked=move || chosen.get() == Some(n)
                                            on:change=move |_| chosen.set(Some(n))
                                        />
                                        <label for=id>{move || i18n.t(label)}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            </div>
            <Field id="rating-comment" label=Signal::derive(move || i18n.t("rating.comment")) error=comment_error>
                <textarea
                    id="rating-comment"
                    name="comment"
                    rows="3"
                    aria-describedby=described_by("rating-comment", false, comment_error)
                    prop:value=comment
                    on:input=move |ev| comment.set(event_target_value(&ev))
                ></textarea>
            </Field>
            <button type="submit" class="button primary" aria-disabled=move || pending.get().to_string()>
                {move || i18n.t("action.rate")}
            </button>
        </form>
    }
}
