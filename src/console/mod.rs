//! The staff console under `/petugas`: sign-in, the work queue, a report as staff see it and the account
//! page. All of it is in the wasm split module `console` (entered from `crate::app`), so a citizen's visit
//! downloads none of it. Its words are its own (`i18n`), its calls go through `api` with the session of
//! `session`, and `shell` shows the sign-in form in place of any page while no one is signed in.

pub mod account;
mod accounts;
pub mod api;
pub mod i18n;
pub mod queue;
pub mod report;
pub mod session;
pub mod shell;
mod sign_in;

use leptos::prelude::*;

use shell::ConsoleShell;

/// `/petugas`: the work queue, or the sign-in form.
#[component]
pub fn ConsoleQueue() -> impl IntoView {
    view! {
        <ConsoleShell>
            <queue::QueuePage />
        </ConsoleShell>
    }
}

/// `/petugas/laporan/:ticket`: the report page (`report`), or the sign-in form that returns to it.
#[component]
pub fn ConsoleReport() -> impl IntoView {
    view! {
        <ConsoleShell>
            <report::ConsoleReportPage />
        </ConsoleShell>
    }
}

/// `/petugas/akun`: the password change, and for administrators the accounts.
#[component]
pub fn ConsoleAccount() -> impl IntoView {
    view! {
        <ConsoleShell>
            <account::AccountPage />
        </ConsoleShell>
    }
}
