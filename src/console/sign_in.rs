//! The sign-in form, shown in place of any console page while no one is signed in; signing in shows the page
//! that was asked for, at the same URL.

use aduan_core::SignIn;
use leptos::prelude::*;

use super::api::StaffError;
use super::i18n::{use_words, Words};
use super::session::{use_session, SignedOutReason};
use crate::api::ErrorPlace;
use crate::components::form::{focus_element, ErrorSummary, FieldProblem, TextInput};
use crate::components::title::use_page_title_of;

/// "1 menit" / "3 minutes", for the throttling message: at least one minute.
fn wait_in_minutes(words: Words, secs: u64) -> String {
    let minutes = secs.div_ceil(60).max(1);
    let key = if minutes == 1 { "minutes.one" } else { "minutes.other" };
    words.word(key).replace("{n}", &minutes.to_string())
}

/// The problem a refused sign-in shows, on the username field (the server does not say which was wrong).
fn refusal(words: Words, error: &StaffError) -> FieldProblem {
    let message = match error {
        StaffError::SignedOut => words.word("signin.wrong").to_string(),
        StaffError::Throttled { retry_after_secs } => words
            .word("signin.throttled")
            .replace("{wait}", &wait_in_minutes(words, *retry_after_secs)),
        StaffError::Api(e) => words.i18n().t(e.message_key(ErrorPlace::Panel)).to_string(),
    };
    FieldProblem {
        input_id: "username".into(),
        message,
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let words = use_words();
    let session = use_session();
    use_page_title_of(move || words.word("console.sign_in").to_string());
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let sign_in = Action::new_local(move |credentials: &SignIn| {
        let (api, credentials) = (session.anonymous_api(), credentials.clone());
        async move { api.sign_in(&credentials).await }
    });
    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok(signed_in)) => session.start(signed_in),
        Some(Err(error)) => {
            password.set(String::new());
            problems.set(vec![refusal(words, &error)]);
            focus_element("error-summary");
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        for (value, id, key) in [
            (username, "username", "signin.username.required"),
            (password, "password", "signin.password.required"),
        ] {
            if value.read().trim().is_empty() {
                found.push(FieldProblem {
                    input_id: id.into(),
                    message: words.word(key).to_string(),
                });
            }
        }
        problems.set(found);
        if problems.read().is_empty() {
            sign_in.dispatch(SignIn {
                username: username.get().trim().to_string(),
                password: password.get(),
            });
        } else {
            focus_element("error-summary");
        }
    };
    let error_of = move |id: &'static str| {
        Signal::derive(move || {
            problems
                .read()
                .iter()
                .find(|p| p.input_id == id)
                .map(|p| p.message.clone())
        })
    };
    let notice = move || match session.signed_out_reason() {
        SignedOutReason::Ended => Some(words.word("signin.ended")),
        SignedOutReason::SignedOut => Some(words.word("signin.signed_out")),
        SignedOutReason::Never => None,
    };
    view! {
        <ErrorSummary problems=problems.into() title=Signal::derive(move || words.i18n().t("errors.summary")) />
        <h1>{move || words.word("console.sign_in")}</h1>
        {move || {
            notice()
                .map(|text| {
                    view! {
                        <p class="notice" role="status">
                            {text}
                        </p>
                    }
                })
        }}
        <p>{move || words.word("signin.lead")}</p>
        <form class="sign-in" novalidate on:submit=submit>
            <TextInput
                id="username"
                label=Signal::derive(move || words.word("console.username"))
                error=error_of("username")
                value=username.into()
                on_input=Callback::new(move |v| username.set(v))
                autocomplete="username"
            />
            <TextInput
                id="password"
                kind="password"
                label=Signal::derive(move || words.word("console.password"))
                error=error_of("password")
                value=password.into()
                on_input=Callback::new(move |v| password.set(v))
                autocomplete="current-password"
            />
            <button type="submit" class="button primary" disabled=move || sign_in.pending().get()>
                {move || words.word("console.sign_in")}
            </button>
        </form>
    }
}
