use aduan_core::ticket::{Ticket, TicketError};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use aduan_core::open311::parse_request_id;

use crate::api::{ApiError, Backend, Client, Features};
use crate::components::lazy::LazyChunk;
use crate::components::title::use_page_title;
use crate::i18n::names::status_key;
use crate::i18n::use_i18n;

/// The message key for a ticket that cannot be right, decided before any request is made.
pub fn ticket_error_key(e: TicketError) -> &'static str {
    match e {
        TicketError::Empty => "track.err_empty",
        TicketError::Length => "track.err_length",
        TicketError::Character(_) => "track.err_char",
        TicketError::Typo => "track.err_typo",
    }
}

/// A report's reference as the backend knows it (`id`, for URLs and requests) and as people read it
/// (`shown`: our tickets grouped in threes).
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub id: String,
    pub shown: String,
}

/// Our tickets are checked by their check character; another backend's ids only for being usable in a URL.
pub fn parse_reference(typed: &str, features: Features) -> Result<Reference, &'static str> {
    if features.checked_tickets {
        return Ticket::parse(typed)
            .map(|t| Reference {
                id: t.to_string(),
                shown: t.grouped(),
            })
            .map_err(ticket_error_key);
    }
    match parse_request_id(typed) {
        Ok(id) => Ok(Reference { shown: id.clone(), id }),
        Err(TicketError::Empty) => Err("track.err_empty"),
        Err(_) => Err("track.err_id"),
    }
}

/// A ticket as the receipt shows it (grouped: ADU-XYZ-…), or as it came when it is not one.
pub fn shown_reference(ticket: &str, features: Features) -> String {
    parse_reference(ticket, features)
        .map(|r| r.shown)
        .unwrap_or_else(|_| ticket.to_string())
}

/// Checked as the citizen types, once all nine characters are there: a wrong character or a failed check
/// character is said at once; an incomplete number is only judged on Track.
fn typo_while_typing(typed: &str, features: Features) -> Option<&'static str> {
    let significant = typed.chars().filter(char::is_ascii_alphanumeric).count();
    if !features.checked_tickets || significant < aduan_core::ticket::TICKET_LEN {
        return None;
    }
    Ticket::parse(typed).err().map(ticket_error_key)
}

#[component]
pub fn TrackPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title("nav.track");
    let navigate = use_navigate();
    let features = expect_context::<Client>().features();
    let input = RwSignal::new(String::new());
    let mine: Vec<Reference> = crate::storage::my_reports()
        .iter()
        .filter_map(|t| parse_reference(t, features).ok())
        .collect();
    let error = RwSignal::new(None::<&'static str>);
    let hint = if features.checked_tickets {
        "track.hint"
    } else {
        "track.hint_id"
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_reference(&input.get_untracked(), features) {
            Ok(r) => navigate(&format!("/lacak/{}", r.id), Default::default()),
            Err(key) => {
                error.set(Some(key));
                if let Some(el) = document().get_element_by_id("error-summary") {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
                }
            }
        }
    };
    view! {
        <h1>{move || i18n.t("nav.track")}</h1>
        <p class="lead">{move || i18n.t("track.lead")}</p>
        <Show when=move || error.get().is_some()>
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1">
                <h2>{move || i18n.t("errors.summary")}</h2>
                <ul>
                    <li>
                        <a href="#ticket" rel="external">
                            {move || error.get().map(|k| i18n.t(k))}
                        </a>
                    </li>
                </ul>
            </div>
        </Show>
        <form class="track-form" on:submit=on_submit novalidate>
            <div class="field" class:field-error=move || error.get().is_some()>
                <label for="ticket">{move || i18n.t("ticket")}</label>
                <p class="hint" id="ticket-hint">
                    {move || i18n.t(hint)}
                </p>
                <Show when=move || error.get().is_some()>
                    <p class="error-message" id="ticket-error">
                        {move || error.get().map(|k| i18n.t(k))}
                    </p>
                </Show>
                <input
                    id="ticket"
                    name="ticket"
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    aria-describedby=move || {
                        if error.get().is_some() { "ticket-hint ticket-error" } else { "ticket-hint" }
                    }
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=input
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        error.set(typo_while_typing(&typed, features));
                        input.set(typed);
                    }
                />
            </div>
            <button type="submit" class="button primary">
                {move || i18n.t("action.track")}
            </button>
        </form>
        {(!mine.is_empty())
            .then(|| {
                view! {
                    <h2>{move || i18n.t("track.mine")}</h2>
                    <ul class="my-reports">
                        {mine.into_iter().take(10).map(|r| view! { <MyReport reference=r /> }).collect_view()}
                    </ul>
                }
            })}
    }
}

/// One report sent from this device, with its current status.
#[component]
fn MyReport(reference: Reference) -> impl IntoView {
    let i18n = use_i18n();
    let id = reference.id.clone();
    let hint = move |key: &'static str| move || view! { <span class="hint">{move || i18n.t(key)}</span> };
    // Without the tracking chunk the status is unknown, as when the report cannot be read: no error panel
    // on every line.
    view! {
        <li>
            <A href=format!("/lacak/{}", reference.id)>{reference.shown}</A>
            " · "
            <LazyChunk
                load=move || remembered_status(id.clone())
                fallback=hint("track.mine_loading")
                failed=hint("track.mine_unknown")
            />
        </li>
    }
}

// Reading a report is the tracking page's code: its chunk comes after the form is on screen.
#[wasm_split(tracking, wasm_split_path = ::leptos::wasm_split, fallible)]
fn remembered_status(id: String) -> Result<AnyView, ApiError> {
    Ok(view! { <RememberedStatus id /> }.into_any())
}

#[component]
fn RememberedStatus(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let status = LocalResource::new(move || {
        let (client, id) = (client.clone(), id.clone());
        async move { client.report(&id, None).await.ok().map(|r| r.status) }
    });
    view! {
        <span class="hint">
            {move || match status.get() {
                None => i18n.t("track.mine_loading"),
                Some(Some(s)) => i18n.t(status_key(s)),
                Some(None) => i18n.t("track.mine_unknown"),
            }}
        </span>
    }
}
