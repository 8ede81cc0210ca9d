//! What every console page stands in: the sign-in form while no one is signed in (at the page's own URL, so
//! that signing in, or in again after a session ended, goes on where the user was), the console's bar, and
//! the explanation an Open311 portal gives instead.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::i18n::{role_key, use_words};
use super::session::use_session;
use super::sign_in::SignInPage;
use crate::components::title::use_page_title_of;

#[component]
pub fn ConsoleShell(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let words = use_words();
    // The console's own styles, fetched with its chunk rather than with every citizen's page.
    let styles = view! { <link rel="stylesheet" href="/console.css" /> };
    if !session.is_offered() {
        use_page_title_of(move || words.word("console.title").to_string());
        return view! {
            {styles}
            <h1>{move || words.word("console.title")}</h1>
            <p class="notice">{move || words.word("console.not_offered")}</p>
        }
        .into_any();
    }
    // A session kept from earlier in this tab may have ended on the server since (expired, revoked, the
    // account disabled): ask once, which also brings the account's current name, role and agencies.
    if session.is_signed_in() {
        let api = session.api();
        spawn_local(async move {
            if let Ok(current) = api.session().await {
                session.refresh_account(current.account);
            }
        });
    }
    view! {
        {styles}
        <Show when=move || session.is_signed_in() fallback=|| view! { <SignInPage /> }>
            <ConsoleBar />
            {children()}
        </Show>
    }
    .into_any()
}

/// Who is signed in, the console's pages and the way out.
#[component]
fn ConsoleBar() -> impl IntoView {
    let session = use_session();
    let words = use_words();
    let navigate = use_navigate();
    let account = move || session.account();
    let signing_out = RwSignal::new(false);
    let sign_out = move |_| {
        signing_out.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            session.sign_out().await;
            navigate("/petugas", Default::default());
        });
    };
    view! {
        <nav class="console-bar" aria-label=move || words.word("console.nav")>
            <p class="console-who">
                <span class="visually-hidden">{move || words.word("console.signed_in_as")} " "</span>
                <strong>{move || account().map(|a| a.display_name)}</strong>
                " · "
                {move || account().map(|a| words.word(role_key(a.role)))}
            </p>
            <ul>
                <li>
                    <A href="/petugas" exact=true>
                        {move || words.word("console.queue")}
                    </A>
                </li>
                {move || {
                    (session.role() != Some(aduan_core::Role::Officer))
                        .then(|| {
                            // Monitoring is the supervisor's and the administrator's (the server refuses an officer).
                            // So are the response templates: an officer only chooses them on a report.
                            view! {
                                <li>
                                    <A href="/petugas/pemantauan">{move || words.word("console.monitoring")}</A>
                                </li>
                                <li>
                                    <A href="/petugas/templat">{move || words.word("console.templates")}</A>
                                </li>
                            }
                        })
                }}
                {move || {
                    (session.role() == Some(aduan_core::Role::Admin))
                        .then(|| {
                            // Only an administrator types in reports (the server refuses the others).
                            view! {
                                <li>
                                    <A href="/petugas/lapor">{move || words.word("console.record")}</A>
                                </li>
                            }
                        })
                }}
                <li>
                    <A href="/petugas/akun">{move || words.word("console.account")}</A>
                </li>
                <li>
                    <button type="button" class="link-button" on:click=sign_out disabled=signing_out>
                        {move || words.word("console.sign_out")}
                    </button>
                </li>
            </ul>
        </nav>
    }
}
