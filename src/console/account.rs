//! `/petugas/akun`: everyone changes their own password here; administrators (and supervisors, who may only
//! read) see every account below it (`accounts`).

use aduan_core::{PasswordChange, Role};
use leptos::prelude::*;

use super::accounts::AccountList;
use super::api::StaffError;
use super::i18n::{use_words, Words};
use super::session::use_session;
use crate::api::ErrorPlace;
use crate::components::form::{focus_element, ErrorSummary, FieldProblem, TextInput, TextInputProps};
use crate::components::title::use_page_title_of;

#[component]
pub fn AccountPage() -> impl IntoView {
    let words = use_words();
    let session = use_session();
    use_page_title_of(move || words.word("account.title").to_string());
    let sees_accounts = move || session.role().is_some_and(|r| r != Role::Officer);
    provide_context(LastSubmitted(RwSignal::new("")));
    view! {
        <h1>{move || words.word("account.title")}</h1>
        <PasswordForm />
        <Show when=sees_accounts>
            <AccountList />
        </Show>
    }
}

/// Which of the page's forms was submitted last (password change, new account). Only that form keeps its
/// problems, so the page has one error summary: one `#error-summary` to focus and one `#error-summary-title`
/// naming it, rather than focus landing on another form's summary higher up the page.
#[derive(Clone, Copy)]
struct LastSubmitted(RwSignal<&'static str>);

/// The problems of the page's form `form`, emptied once another form of the page is submitted.
pub fn form_problems(form: &'static str) -> RwSignal<Vec<FieldProblem>> {
    let problems = RwSignal::new(Vec::new());
    if let Some(LastSubmitted(last)) = use_context() {
        Effect::new(move |_| {
            if last.get() != form {
                problems.set(vec![]);
            }
        });
    }
    problems
}

/// Says that `form` is being submitted: the page's other forms drop their problems.
pub fn mark_submitted(form: &'static str) {
    if let Some(LastSubmitted(last)) = use_context() {
        last.set(form);
    }
}

/// The problems a refused form shows: the server's field errors, each on its field (ids `{prefix}-{field}`),
/// else the error as a whole on `first_field`. A 401 shows nothing: the sign-in form has come instead.
pub fn refused(words: Words, error: &StaffError, prefix: &str, first_field: &str) -> Vec<FieldProblem> {
    let fields = error.field_errors();
    if !fields.is_empty() {
        return fields
            .into_iter()
            .map(|(field, code)| FieldProblem {
                input_id: format!("{prefix}-{field}"),
                message: words.field_error(prefix, &field, &code).to_string(),
            })
            .collect();
    }
    let message = match error {
        StaffError::SignedOut => return vec![],
        StaffError::Api(crate::api::ApiError::Status { status: 403, .. }) => words.word("err.forbidden"),
        other => words.i18n().t(other.api_error().message_key(ErrorPlace::Panel)),
    };
    vec![FieldProblem {
        input_id: format!("{prefix}-{first_field}"),
        message: message.to_string(),
    }]
}

/// The problem of an empty required field, by its words' key.
pub fn required(words: Words, value: RwSignal<String>, input_id: &str, key: &'static str) -> Option<FieldProblem> {
    value.read().trim().is_empty().then(|| FieldProblem {
        input_id: input_id.to_string(),
        message: words.word(key).to_string(),
    })
}

/// The message of `input_id` among `problems`.
pub fn error_of(problems: RwSignal<Vec<FieldProblem>>, input_id: &'static str) -> Signal<Option<String>> {
    crate::components::form::problem_for(problems.into(), input_id)
}

/// A password field of the console's forms: the console's words for its label and hint, its error among the
/// form's `problems` (by its `id`), and the browser's `autocomplete` purpose (`current-password`,
/// `new-password`).
#[component]
pub fn PasswordInput(
    id: &'static str,
    label_key: &'static str,
    #[prop(optional)] hint_key: Option<&'static str>,
    problems: RwSignal<Vec<FieldProblem>>,
    value: RwSignal<String>,
    autocomplete: &'static str,
) -> impl IntoView {
    let words = use_words();
    // Called as a function: the hint is optional here as it is in TextInput.
    TextInput(TextInputProps {
        id,
        label: Signal::derive(move || words.word(label_key)),
        hint: hint_key.map(|hint| Signal::derive(move || words.word(hint).to_string())),
        error: error_of(problems, id),
        value: value.into(),
        on_input: Callback::new(move |v| value.set(v)),
        kind: "password",
        autocomplete: Some(autocomplete),
    })
}

#[component]
fn PasswordForm() -> impl IntoView {
    let words = use_words();
    let session = use_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let problems = form_problems("password");
    let changed = RwSignal::new(false);
    let change = Action::new_local(move |change: &PasswordChange| {
        let (api, change) = (session.api(), change.clone());
        async move { api.change_password(&change).await }
    });
    Effect::new(move |_| match change.value().get() {
        Some(Ok(())) => {
            current.set(String::new());
            new.set(String::new());
            changed.set(true);
        }
        Some(Err(error)) => {
            problems.set(refused(words, &error, "account", "current_password"));
            // After the summary is drawn.
            request_animation_frame(|| focus_element("error-summary"));
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        mark_submitted("password");
        changed.set(false);
        let found: Vec<FieldProblem> = [
            required(
                words,
                current,
                "account-current_password",
                "account.current_password.required",
            ),
            required(words, new, "account-new_password", "account.new_password.required"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let ok = found.is_empty();
        problems.set(found);
        if ok {
            change.dispatch(PasswordChange {
                current_password: current.get(),
                new_password: new.get(),
            });
        } else {
            // After the summary is drawn.
            request_animation_frame(|| focus_element("error-summary"));
        }
    };
    view! {
        <section aria-labelledby="password-title">
            <ErrorSummary problems=problems.into() title=Signal::derive(move || words.i18n().t("errors.summary")) />
            <h2 id="password-title">{move || words.word("account.password")}</h2>
            <Show when=move || changed.get()>
                <p class="notice" role="status">
                    {move || words.word("account.password_changed")}
                </p>
            </Show>
            <form novalidate on:submit=submit>
                <PasswordInput
                    id="account-current_password"
                    label_key="account.current_password"
                    problems
                    value=current
                    autocomplete="current-password"
                />
                <PasswordInput
                    id="account-new_password"
                    label_key="account.new_password"
                    hint_key="account.new_password.hint"
                    problems
                    value=new
                    autocomplete="new-password"
                />
                <button type="submit" class="button primary" disabled=move || change.pending().get()>
                    {move || words.word("account.save_password")}
                </button>
            </form>
        </section>
    }
}
