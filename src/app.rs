//! The router and the shell. Configuration is loaded first; everything else hangs off it.

use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{AduanClient, ApiError, Client, Open311Client, PortalSlot};
use crate::components::layout::{Footer, Header};
use crate::components::lazy::{Lazy, NextTask, PagePlaceholder};
use crate::config::{self, BackendKind, RuntimeConfig};
use crate::i18n::{use_i18n, I18n, Lang};
use crate::pages::{
    config_error::ConfigErrorPage, home::HomePage, not_found::NotFoundPage, reports::ReportsPage, stats::StatsPage,
    submit::SubmitPage, track::TrackPage, track_ticket::TrackTicketPage,
};

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide(Lang::Id);
    crate::embed::provide_embedded();
    Effect::new(move |_| {
        let lang = i18n.lang().code();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang);
        }
    });
    let config = LocalResource::new(config::load);
    view! {
        <Suspense fallback=|| view! { <div class="boot" aria-busy="true"></div> }>
            {move || config.get().map(|loaded| match loaded {
                Ok(cfg) => view! { <Portal cfg/> }.into_any(),
                Err(error) => view! { <ConfigErrorPage error/> }.into_any(),
            })}
        </Suspense>
    }
}

/// The portal once configuration is known: theme, backend client and routes.
#[component]
fn Portal(cfg: RuntimeConfig) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(lang) = Lang::parse(&cfg.default_language) {
        i18n.apply_default(lang);
    }
    crate::clock::set_zone(cfg.zone());
    apply_theme(&cfg);
    register_service_worker();
    let client = match cfg.backend.kind {
        BackendKind::Aduan => Client::Aduan(AduanClient::new(cfg.base_url())),
        BackendKind::Open311 => Client::Open311(Open311Client::new(
            cfg.base_url(),
            cfg.backend.jurisdiction_id.clone(),
            cfg.backend.api_key.clone(),
        )),
    };
    provide_context(PortalSlot::new());
    provide_context(client);
    provide_context(cfg);
    view! {
        <Router>
            // rel=external keeps the router from handling a same-page anchor.
            <a class="skip-link" href="#main" rel="external">{move || i18n.t("skip_link")}</a>
            <Header/>
            <main id="main" tabindex="-1">
                // The page one task after the header and footer; the placeholder keeps the footer out of the
                // layout until then.
                <NextTask fallback=PagePlaceholder>
                    <Routes fallback=|| view! { <NotFoundPage/> }>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/lapor") view=SubmitPage/>
                        <Route path=path!("/lacak") view=TrackPage/>
                        <Route path=path!("/lacak/:ticket") view=|| view! { <Lazy load=track_ticket_page/> }/>
                        <Route path=path!("/statistik") view=StatsPage/>
                        <Route path=path!("/laporan") view=|| view! { <Lazy load=reports_page/> }/>
                    </Routes>
                </NextTask>
            </main>
            <Footer/>
        </Router>
    }
}

// Each page's code, but the home page's, the tracking form's and the headings of the submit and statistics
// pages, is its own wasm chunk (components/lazy.rs).
// The module names are the chunks' names, which scripts/build-wasm.mjs maps to URL paths.
#[wasm_split(tracking, wasm_split_path = ::leptos::wasm_split, fallible)]
fn track_ticket_page() -> Result<AnyView, ApiError> {
    Ok(view! { <TrackTicketPage/> }.into_any())
}

#[wasm_split(reports, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reports_page() -> Result<AnyView, ApiError> {
    Ok(view! { <ReportsPage/> }.into_any())
}

/// `navigator.serviceWorker.register("/sw.js")` once the page has loaded and settled, where the browser has
/// service workers (see public/sw.js). Installing it downloads and stores every page's code for offline use,
/// which must not compete with what a first visit is still fetching and drawing: on a two-core machine it made
/// the statistics page's first render up to twice as long. So it waits for the `load` event, then
/// `SETTLE_AFTER_LOAD` (the page's own data and drawing come in that time), then an idle moment of the main
/// thread where the browser can say so. Reached by name (see `crate::js`). A refusal (private mode, blocked
/// storage) only means no offline shell.
fn register_service_worker() {
    let loaded = crate::js::property(&document(), "readyState")
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == "complete");
    if loaded {
        register_when_settled();
    } else {
        let later = wasm_bindgen::closure::Closure::once_into_js(register_when_settled);
        let _ = window().add_event_listener_with_callback("load", wasm_bindgen::JsCast::unchecked_ref(&later));
    }
}

const SETTLE_AFTER_LOAD: Duration = Duration::from_secs(2);

fn register_when_settled() {
    set_timeout(
        || {
            let register = wasm_bindgen::closure::Closure::once_into_js(register_now);
            if crate::js::call(&window(), "requestIdleCallback", &register).is_none() {
                register_now();
            }
        },
        SETTLE_AFTER_LOAD,
    );
}

fn register_now() {
    let Some(container) = crate::js::property(&window().navigator(), "serviceWorker") else {
        return;
    };
    if let Some(promise) = crate::js::call(&container, "register", &"/sw.js".into()) {
        // Swallow a rejection instead of logging an uncaught error.
        let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
        let _ = js_sys::Promise::from(promise).catch(&ignore);
        ignore.forget();
    }
}

/// Colours from config.json become CSS custom properties, so re-theming needs no rebuild.
fn apply_theme(cfg: &RuntimeConfig) {
    let Some(root) = document().document_element() else {
        return;
    };
    let style = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(root).style();
    if let (Some(colour), Ok(Some(meta))) = (&cfg.primary_color, document().query_selector("meta[name=theme-color]")) {
        let _ = meta.set_attribute("content", colour);
    }
    for (key, property, value) in [
        ("primary_color", "--color-primary", &cfg.primary_color),
        ("accent_color", "--color-accent", &cfg.accent_color),
    ] {
        if let Some(v) = value {
            let _ = style.set_property(property, v);
            warn_on_low_contrast(key, v);
        }
    }
}

/// Both theme colours meet white: as the background of white text (header, buttons) or as text and
/// borders on white. The theme is still applied, since it is the municipality's choice; the console says
/// where it fails WCAG 2.1 AA so whoever edits `config.json` sees it.
fn warn_on_low_contrast(key: &str, colour: &str) {
    use aduan_core::contrast::{contrast_ratio, parse_hex, AA_TEXT, WHITE};
    let Some(rgb) = parse_hex(colour) else { return };
    let ratio = contrast_ratio(rgb, WHITE);
    if ratio < AA_TEXT {
        let shown = crate::i18n::format_decimal(ratio, 2, Lang::En);
        leptos::logging::warn!(
            "config.json {key} {colour} has a contrast of {shown}:1 with white; WCAG 2.1 AA needs 4.5:1 for text."
        );
    }
}
