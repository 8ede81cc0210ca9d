//! The router and the shell. Configuration is loaded first; everything else hangs off it.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{ApiError, Client, PortalSlot};
use crate::components::layout::{Footer, Header};
use crate::components::lazy::{LazyChunk, NextTask, PagePlaceholder};
use crate::config::{self, RuntimeConfig};
use crate::i18n::{use_i18n, I18n, Lang};
use crate::pages::{
    config_error::ConfigErrorPage, home::HomePage, not_found::NotFoundPage, reports::ReportsPage, stats::StatsPage,
    submit::SubmitPage, track::TrackPage, track_ticket::TrackTicketPage,
};

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    crate::embed::provide_embedded();
    Effect::new(move |_| {
        let lang = i18n.lang().code();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang);
        }
    });
    // The configuration, and the page's language settled with its default (the English catalogue fetched if
    // needed), before anything is drawn.
    let config = LocalResource::new(move || async move {
        let loaded = config::load().await;
        let portal_default = loaded.as_ref().ok().and_then(|cfg| Lang::parse(&cfg.default_language));
        i18n.settle(portal_default).await;
        loaded
    });
    view! {
        <Suspense fallback=|| {
            view! { <div class="boot" aria-busy="true"></div> }
        }>
            {move || {
                config
                    .get()
                    .map(|loaded| match loaded {
                        Ok(cfg) => view! { <Portal cfg /> }.into_any(),
                        Err(error) => view! { <ConfigErrorPage error /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

/// The portal once configuration is known: theme, backend client and routes.
#[component]
fn Portal(cfg: RuntimeConfig) -> impl IntoView {
    let i18n = use_i18n();
    crate::clock::set_zone(cfg.zone());
    crate::theme::apply(&cfg);
    crate::service_worker::register();
    provide_context(PortalSlot::new());
    provide_context(Client::new(&cfg.backend));
    provide_context(cfg);
    view! {
        <Router>
            // rel=external keeps the router from handling a same-page anchor.
            <a class="skip-link" href="#main" rel="external">
                {move || i18n.t("skip_link")}
            </a>
            <Header />
            <main id="main" tabindex="-1">
                // The page one task after the header and footer; the placeholder keeps the footer out of the
                // layout until then.
                <NextTask fallback=PagePlaceholder>
                    <Routes fallback=|| view! { <NotFoundPage /> }>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/lapor") view=SubmitPage />
                        <Route path=path!("/lacak") view=TrackPage />
                        <Route path=path!("/lacak/:ticket") view=|| view! { <LazyChunk load=track_ticket_page /> } />
                        <Route path=path!("/statistik") view=StatsPage />
                        <Route path=path!("/laporan") view=|| view! { <LazyChunk load=reports_page /> } />
                        // The console's pages are one segment under /petugas: routes of these two shapes are
                        // already the citizens', while another shape would add the router's code for it to the shell.
                        <Route path=path!("/petugas") view=console_page />
                        <Route path=path!("/petugas/:page") view=console_page />
                    </Routes>
                </NextTask>
            </main>
            <Footer />
        </Router>
    }
}

// The code of a page the shell does not draw is a wasm split module, fetched when it is first shown
// (components/lazy.rs). Some pages share one: `tracking` is the ticket page here and the statuses listed under
// the tracking form (pages/track.rs), `statistics` the statistics page's body and the home page's figures
// (pages/stats.rs, home.rs). The module names are the ones scripts/split-loader.mjs maps to URL paths.
#[wasm_split(tracking, wasm_split_path = ::leptos::wasm_split, fallible)]
fn track_ticket_page() -> Result<AnyView, ApiError> {
    Ok(view! { <TrackTicketPage /> }.into_any())
}

#[wasm_split(reports, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reports_page() -> Result<AnyView, ApiError> {
    Ok(view! { <ReportsPage /> }.into_any())
}

/// The staff console's pages (crate::console), which pick their page from the path. One split function, one
/// `LazyChunk` and the two routes for all of them: each more would add its code to every citizen's shell.
fn console_page() -> impl IntoView {
    view! { <LazyChunk load=console /> }
}

#[wasm_split(console, wasm_split_path = ::leptos::wasm_split, fallible)]
fn console() -> Result<AnyView, ApiError> {
    Ok(view! { <crate::console::Console /> }.into_any())
}
