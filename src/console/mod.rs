//! The staff console under `/petugas`: sign-in, the work queue, a report as staff see it and the account
//! page. All of it is in the wasm split module `console` (entered from `crate::app`), so a citizen's visit
//! downloads none of it. Its words are its own (`i18n`), its calls go through `api` with the session of
//! `session`, and `shell` shows the sign-in form in place of any page while no one is signed in.

pub mod account;
mod accounts;
pub mod api;
pub mod i18n;
mod monitoring;
pub mod queue;
mod record;
pub mod report;
pub mod session;
pub mod shell;
mod sign_in;
mod templates;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use shell::ConsoleShell;

use crate::pages::not_found::NotFoundPage;

/// The console's pages, by the path: `/petugas` (the work queue), `/petugas/akun` (password and accounts),
/// `/petugas/pemantauan` (monitoring, `monitoring`), `/petugas/templat` (response templates, `templates`),
/// `/petugas/lapor` (a report typed in at the desk, `record`) and
/// `/petugas/{ticket}` (the report page, `report`). Each is at most one segment under `/petugas`, which
/// `crate::app` routes here whatever the segment; a page is added here, never in the shell's router, so that
/// a citizen's download does not grow. Each shows the sign-in form instead while no one is signed in, and goes
/// on at the same URL after it.
#[derive(Clone, PartialEq, Eq, Debug)]
enum Page {
    Queue,
    Account,
    Monitoring,
    Templates,
    Record,
    Report(String),
    NotFound,
}

impl Page {
    fn of(path: &str) -> Page {
        let Some(rest) = path.strip_prefix("/petugas") else {
            return Page::NotFound;
        };
        match rest.trim_end_matches('/').trim_start_matches('/') {
            "" => Page::Queue,
            "akun" => Page::Account,
            "pemantauan" => Page::Monitoring,
            "templat" => Page::Templates,
            "lapor" => Page::Record,
            ticket if is_ticket(ticket) => Page::Report(ticket.to_string()),
            _ => Page::NotFound,
        }
    }
}

/// A ticket as the citizen pages accept it (grouped or not, its check character right): page names are
/// never one.
fn is_ticket(text: &str) -> bool {
    crate::pages::track::parse_reference(text, crate::api::AduanClient::FEATURES).is_ok()
}

#[component]
pub fn Console() -> impl IntoView {
    // One route draws every console page, so moving between them only changes the path.
    let location = use_location();
    let page = Memo::new(move |_| Page::of(&location.pathname.get()));
    // The shell (and its session check) stays while moving between the console's pages.
    let found = Memo::new(move |_| page.read() != Page::NotFound);
    move || {
        if found.get() {
            view! { <ConsoleShell>{move || draw(page.get())}</ConsoleShell> }.into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    }
}

fn draw(page: Page) -> AnyView {
    match page {
        Page::Queue => view! { <queue::QueuePage /> }.into_any(),
        Page::Report(ticket) => view! { <report::ConsoleReportPage ticket /> }.into_any(),
        Page::Account => view! { <account::AccountPage /> }.into_any(),
        Page::Monitoring => view! { <monitoring::MonitoringPage /> }.into_any(),
        Page::Templates => view! { <templates::TemplatesPage /> }.into_any(),
        Page::Record => view! { <record::RecordPage /> }.into_any(),
        Page::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// The ticket as the citizen pages show it (grouped: ADU-XYZ-…), in the queue and on the report page alike.
pub fn shown_ticket(ticket: &str) -> String {
    crate::pages::track::shown_reference(ticket, crate::api::AduanClient::FEATURES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_picks_the_page() {
        assert_eq!(Page::of("/petugas"), Page::Queue);
        assert_eq!(Page::of("/petugas/"), Page::Queue);
        let ticket = aduan_core::ticket::Ticket::from_random(0x1234_5678).to_string();
        let grouped = aduan_core::ticket::Ticket::from_random(0x1234_5678)
            .grouped()
            .to_lowercase();
        assert_eq!(Page::of(&format!("/petugas/{ticket}")), Page::Report(ticket.clone()));
        assert_eq!(Page::of(&format!("/petugas/{grouped}/")), Page::Report(grouped));
        assert_eq!(Page::of("/petugas/akun"), Page::Account);
        assert_eq!(Page::of("/petugas/akun/"), Page::Account);
        assert_eq!(Page::of("/petugas/pemantauan"), Page::Monitoring);
        assert_eq!(Page::of("/petugas/templat"), Page::Templates);
        assert_eq!(Page::of("/petugas/templat/"), Page::Templates);
        assert_eq!(Page::of("/petugas/templat/1"), Page::NotFound);
        assert_eq!(Page::of("/petugas/lapor"), Page::Record);
        assert_eq!(Page::of("/petugas/lapor/"), Page::Record);
        assert_eq!(Page::of("/petugas/laporan"), Page::NotFound);
        assert_eq!(Page::of(&format!("/petugas/{ticket}/x")), Page::NotFound);
        assert_eq!(Page::of("/petugas/lain"), Page::NotFound);
    }
}
