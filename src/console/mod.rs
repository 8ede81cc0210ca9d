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
use leptos_router::hooks::use_location;

use shell::ConsoleShell;

/// The console's pages, by the path `crate::app` matched: `/petugas` (the work queue),
/// `/petugas/laporan/:ticket` (the report page, `report`), `/petugas/akun` (password and accounts). Each
/// shows the sign-in form instead while no one is signed in, and goes on at the same URL after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Page {
    Queue,
    Report,
    Account,
}

impl Page {
    fn of(path: &str) -> Page {
        if path.starts_with("/petugas/laporan/") {
            Page::Report
        } else if path.starts_with("/petugas/akun") {
            Page::Account
        } else {
            Page::Queue
        }
    }
}

#[component]
pub fn Console() -> impl IntoView {
    // Each route draws the console anew, so the path it was drawn for is enough.
    let page = Page::of(&use_location().pathname.get_untracked());
    view! {
        <ConsoleShell>
            {move || match page {
                Page::Queue => view! { <queue::QueuePage /> }.into_any(),
                Page::Report => view! { <report::ConsoleReportPage /> }.into_any(),
                Page::Account => view! { <account::AccountPage /> }.into_any(),
            }}
        </ConsoleShell>
    }
}

/// The ticket as the citizen pages show it (grouped: ADU-XYZ-…), in the queue and on the report page alike.
pub fn shown_ticket(ticket: &str) -> String {
    crate::pages::track::parse_reference(ticket, crate::api::AduanClient::FEATURES)
        .map(|t| t.shown)
        .unwrap_or_else(|_| ticket.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_picks_the_page() {
        assert_eq!(Page::of("/petugas"), Page::Queue);
        assert_eq!(Page::of("/petugas/"), Page::Queue);
        assert_eq!(Page::of("/petugas/laporan/ADU2345678"), Page::Report);
        assert_eq!(Page::of("/petugas/akun"), Page::Account);
    }
}
