use aduan_core::ticket::Ticket;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::track::ticket_error_key;
use crate::components::title::use_page_title;
use crate::i18n::use_i18n;

#[component]
pub fn TrackTicketPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title("nav.track");
    let params = use_params_map();
    let ticket = Memo::new(move |_| Ticket::parse(&params.read().get("ticket").unwrap_or_default()));
    view! {
        <h1>{move || i18n.t("nav.track")}</h1>
        {move || match ticket.get() {
            Ok(t) => view! {
                <p class="ticket-label">{move || i18n.t("ticket")}</p>
                <p class="ticket-number">{t.grouped()}</p>
                <p>{move || i18n.t("track.details_soon")}</p>
            }.into_any(),
            Err(e) => view! {
                <div class="error-panel" role="alert"><p>{move || i18n.t(ticket_error_key(e))}</p></div>
            }.into_any(),
        }}
        <p><A href="/lacak">{move || i18n.t("track.another")}</A></p>
    }
}
