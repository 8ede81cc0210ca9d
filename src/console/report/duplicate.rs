//! Duplicates on the report page: the administrator's "Tandai duplikat" with the main report's ticket (checked as
//! the tracking form checks a ticket, the server's refusal explained at the field), and the links between a
//! duplicate and its main report.

use aduan_core::ticket::{Ticket, TicketError};
use aduan_core::MarkDuplicate;
use leptos::prelude::*;
use leptos_router::components::A;

use super::rules::{refusal, Problem, Refusal};
use super::state::{Done, ReportState};
use super::words::use_report_words;
use crate::components::form::{described_by, Field};
use crate::console::api::StaffError;
use crate::console::session::use_session;
use crate::console::shown_ticket;

pub const DUPLICATE_INPUT: &str = "duplicate-of";

/// The request to send, or what to fix first: a ticket that can be one, not the report's own.
pub fn check_duplicate(own_ticket: &str, entry: &str) -> Result<MarkDuplicate, Vec<Problem>> {
    let key = match Ticket::parse(entry) {
        Ok(main) if main.as_str() == own_ticket => "duplicate.of_itself",
        Ok(main) => {
            return Ok(MarkDuplicate {
                duplicate_of: main.as_str().to_string(),
                message: String::new(),
            })
        }
        Err(TicketError::Empty) => "duplicate.err_empty",
        Err(TicketError::Length) => "duplicate.err_length",
        Err(TicketError::Character(_)) => "duplicate.err_char",
        Err(TicketError::Typo) => "duplicate.err_typo",
    };
    Err(vec![(DUPLICATE_INPUT, key)])
}

/// The words of the server's refusal, by the code of its error on `duplicate_of` (`aduan_core::duplicate`).
pub fn refusal_key(code: &str) -> &'static str {
    match code {
        "required" => "duplicate.err_empty",
        "of_itself" => "duplicate.of_itself",
        "main_is_duplicate" => "duplicate.main_is_duplicate",
        "has_duplicates" => "duplicate.has_duplicates",
        "already_duplicate" => "duplicate.already_duplicate",
        "finished" => "duplicate.finished",
        _ => "duplicate.unknown",
    }
}

/// A refusal of the server, at the ticket field when it names a reason (422 and 409 alike), else as any write's.
fn explain(error: &StaffError) -> Refusal {
    let coded = error
        .field_errors()
        .into_iter()
        .find(|(field, _)| field == "duplicate_of");
    match (error.status(), coded) {
        (Some(409 | 422), Some((_, code))) => Refusal::Fields(vec![(DUPLICATE_INPUT, refusal_key(&code))]),
        _ => refusal(error, |_, _| None),
    }
}

/// "Tandai duplikat": closed until opened, as it is seldom needed.
#[component]
pub fn DuplicateForm() -> impl IntoView {
    let words = use_report_words();
    let state = expect_context::<ReportState>();
    let session = use_session();
    let entry = RwSignal::new(String::new());
    let error = state.problem_at(DUPLICATE_INPUT);
    let mark = Action::new_local(move |request: &MarkDuplicate| {
        let (api, ticket, request) = (session.api(), state.ticket.get_value(), request.clone());
        async move {
            match api.mark_duplicate(&ticket, &request).await {
                Ok(view) => state.succeeded(Done::Duplicate, Some(view)),
                Err(error) => state.explain(explain(&error)),
            }
        }
    });
    let pending = mark.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        state.start(None);
        match check_duplicate(&state.ticket.get_value(), &entry.get_untracked()) {
            Ok(request) => {
                mark.dispatch(request);
            }
            Err(problems) => state.show_problems(problems),
        }
    };
    view! {
        <details class="duplicate-form">
            <summary>{move || words.word("action.mark_duplicate")}</summary>
            <form on:submit=on_submit novalidate>
                <p class="hint">{move || words.word("duplicate.lead")}</p>
                <Field
                    id=DUPLICATE_INPUT
                    label=Signal::derive(move || words.word("duplicate.ticket"))
                    hint=Some(Signal::derive(move || words.word("duplicate.ticket_hint").to_string()))
                    error
                >
                    <input
                        id=DUPLICATE_INPUT
                        name="duplicate_of"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        class="input-ticket"
                        aria-describedby=described_by(DUPLICATE_INPUT, true, error)
                        aria-invalid=move || error.read().is_some().to_string()
                        prop:value=move || entry.get()
                        on:input=move |ev| entry.set(event_target_value(&ev))
                    />
                </Field>
                <button type="submit" class="button warning" aria-disabled=move || pending.get().to_string()>
                    {move || words.word("action.mark_duplicate")}
                </button>
            </form>
        </details>
    }
}

/// The other end of a duplicate: its main report, or a main report's duplicates, as links to their pages.
#[component]
pub fn DuplicateLinks(duplicate_of: Option<String>, duplicates: Vec<String>) -> impl IntoView {
    let words = use_report_words();
    let link = |ticket: String| {
        view! { <A href=format!("/petugas/{ticket}")>{shown_ticket(&ticket)}</A> }
    };
    let main = duplicate_of.map(|main| {
        view! {
            <p class="notice" data-testid="duplicate-of">
                {move || words.word("duplicate.is_duplicate")}
                " "
                {link(main)}
            </p>
        }
    });
    let list = (!duplicates.is_empty()).then(|| {
        view! {
            <section class="duplicates" aria-labelledby="duplicates-title">
                <h2 id="duplicates-title">{move || words.word("duplicate.list")}</h2>
                <ul>{duplicates.into_iter().map(|t| view! { <li>{link(t)}</li> }).collect_view()}</ul>
            </section>
        }
    });
    view! {
        {main}
        {list}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ticket_is_checked_as_the_tracking_form_checks_it_and_not_the_reports_own() {
        let own_ticket = Ticket::from_random(7);
        let own = own_ticket.as_str();
        let key = |entry: &str| check_duplicate(own, entry).unwrap_err()[0].1;
        let mistyped = format!("{}{}", &own[..8], if own.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(key("  "), "duplicate.err_empty");
        assert_eq!(key(&own[..6]), "duplicate.err_length");
        assert_eq!(key(&format!("{}0", &own[..8])), "duplicate.err_char");
        assert_eq!(key(&mistyped), "duplicate.err_typo");
        assert_eq!(key(&own_ticket.grouped().to_lowercase()), "duplicate.of_itself");
        let other = Ticket::from_random(42);
        let sent = check_duplicate(own, &other.grouped().to_lowercase()).unwrap();
        assert_eq!(sent.duplicate_of, other.as_str());
    }

    #[test]
    fn every_refusal_of_the_server_has_words_of_its_own() {
        use aduan_core::duplicate::DuplicateRefusal as R;
        let refusals = [
            R::OfItself,
            R::MainIsDuplicate {
                main_of_main: "A".into(),
            },
            R::HasDuplicates,
            R::AlreadyDuplicate { of: "A".into() },
            R::Finished,
        ];
        for r in refusals {
            assert_ne!(refusal_key(r.code()), "duplicate.unknown", "{r:?}");
        }
        assert_eq!(refusal_key("unknown"), "duplicate.unknown");
    }
}
