use aduan_core::ticket::Ticket;
use aduan_core::ReportCreated;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::qr::QrCodeImage;
use crate::i18n::use_i18n;

/// Calls a browser method that web-sys does not expose stably (clipboard), without failing if absent.
fn copy_to_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| !c.is_undefined());
    let write = clipboard.as_ref().and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok()).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (clipboard, write) {
        (Some(c), Some(f)) => f.call1(&c, &text.into()).is_ok(),
        _ => false,
    }
}

use wasm_bindgen::JsCast;

/// `navigator.share`, where the browser has the Web Share API.
fn share_function() -> Option<js_sys::Function> {
    js_sys::Reflect::get(&window().navigator(), &"share".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

fn share(title: &str, url: &str) {
    let Some(f) = share_function() else { return };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    // The promise rejects when the citizen cancels the share sheet; nothing to do then.
    let _ = f.call1(&window().navigator(), &data);
}

#[component]
pub fn Receipt(created: ReportCreated) -> impl IntoView {
    let i18n = use_i18n();
    let ticket = Ticket::parse(&created.ticket).map(|t| t.grouped()).unwrap_or_else(|_| created.ticket.clone());
    let copied = RwSignal::new(false);
    let plain = created.ticket.clone();
    let track = format!("/lacak/{}", created.ticket);
    let track_url = format!("{}{track}", window().location().origin().unwrap_or_default());
    let share_url = track_url.clone();
    let can_share = share_function().is_some();
    view! {
        <div class="panel-confirmation">
            <h1 tabindex="-1" id="receipt-title">{move || i18n.t("receipt")}</h1>
            <p class="ticket-label">{move || i18n.t("ticket")}</p>
            <p class="ticket-number" data-ticket=created.ticket.clone()>{ticket}</p>
        </div>
        <div class="actions no-print">
            <button type="button" class="button secondary" on:click=move |_| copied.set(copy_to_clipboard(&plain))>{move || i18n.t("action.copy")}</button>
            <button type="button" class="button secondary" on:click=move |_| { let _ = window().print(); }>{move || i18n.t("action.print")}</button>
            <Show when=move || can_share>
                <button type="button" class="button secondary" on:click={
                    let url = share_url.clone();
                    move |_| share(i18n.t("receipt"), &url)
                }>{move || i18n.t("action.share")}</button>
            </Show>
        </div>
        <p role="status" class="hint">{move || copied.get().then(|| i18n.t("receipt.copied"))}</p>
        <div class="notice">
            <p class="ticket-label">{move || i18n.t("access_code")}</p>
            <p class="access-code" data-access-code=created.access_code.clone()>{created.access_code.clone()}</p>
            <p><strong>{move || i18n.t("receipt.keep_code")}</strong></p>
        </div>
        <figure class="qr-figure">
            <QrCodeImage text=track_url label=Signal::derive(move || i18n.t("receipt.qr"))/>
            <figcaption class="hint">{move || i18n.t("receipt.qr")}</figcaption>
        </figure>
        <p>{move || i18n.t("receipt.next")}</p>
        <p class="no-print"><A href=track attr:class="button primary">{move || i18n.t("receipt.track")}</A></p>
    }
}
