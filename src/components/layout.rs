use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_query_map};

use crate::api::{Backend, Client};
use crate::config::RuntimeConfig;
use crate::i18n::{use_i18n, Lang};

/// In a municipality's iframe (see `crate::embed`): no header and footer, and links keep `embed=1`.
pub fn use_embed() -> Memo<bool> {
    let query = use_query_map();
    let from_start = crate::embed::is_embedded();
    Memo::new(move |_| from_start || query.with(|q| q.get_str("embed") == Some("1")))
}

/// In embed mode, the one way out: the same view on the full portal, in a new tab.
#[component]
fn EmbedBar() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let full = move || {
        location.query.with(|q| {
            let pairs: Vec<(&str, String)> = q
                .into_iter()
                .filter(|(k, _)| k.as_ref() != "embed")
                .map(|(k, v)| (k.as_ref(), v.to_string()))
                .collect();
            crate::url::with_query(&location.pathname.get(), &pairs)
        })
    };
    view! {
        <p class="embed-bar">
            <a href=full target="_blank" rel="noopener">
                {move || i18n.t("embed.open_full")}
            </a>
        </p>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let embed = use_embed();
    view! {
        <Show when=move || !embed.get() fallback=|| view! { <EmbedBar /> }>
            <SiteHeader />
        </Show>
    }
}

#[component]
fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let cfg = expect_context::<RuntimeConfig>();
    let logo = cfg.logo_url.clone();
    let links = [
        ("/", "nav.home"),
        ("/lapor", "nav.submit"),
        ("/lacak", "nav.track"),
        ("/laporan", "nav.reports"),
        ("/statistik", "nav.stats"),
    ];
    view! {
        <header class="site-header">
            <div class="header-bar">
                <A href="/" attr:class="brand">
                    {logo.map(|src| view! { <img src=src alt="" width="32" height="32" /> })}
                    <span>{cfg.portal_name.clone()}</span>
                </A>
                <LanguageSwitch />
            </div>
            <nav aria-label=move || i18n.t("nav.main")>
                <ul class="nav-list">
                    {links
                        .into_iter()
                        .map(|(href, key)| {
                            view! {
                                <li>
                                    <A href=href exact=true>
                                        {move || i18n.t(key)}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let option = move |lang: Lang, key: &'static str, code: &'static str| {
        view! {
            <button
                type="button"
                lang=code
                aria-pressed=move || (i18n.lang() == lang).to_string()
                on:click=move |_| i18n.set(lang)
            >
                {move || i18n.t(key)}
            </button>
        }
    };
    view! {
        <div class="language-switch" role="group" aria-label=move || i18n.t("nav.language")>
            {option(Lang::Id, "lang.id", "id")}
            {option(Lang::En, "lang.en", "en")}
        </div>
    }
}

/// What the footer says the portal does: verification and forwarding only with the SP4N-LAPOR! workflow.
pub fn about_key(lapor_workflow: bool) -> &'static str {
    if lapor_workflow {
        "footer.about"
    } else {
        "footer.about_plain"
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let cfg = expect_context::<RuntimeConfig>();
    let embed = use_embed();
    let about = about_key(expect_context::<Client>().features().lapor_workflow);
    view! {
        <footer hidden=move || embed.get() class="site-footer">
            <p>{move || i18n.t(about)}</p>
            {cfg.contact.map(|c| view! { <p>{c}</p> })}
            <p>
                <a href="/openapi.yaml" rel="external">
                    {move || i18n.t("footer.contract")}
                </a>
                " · "
                <A href="/petugas">{move || i18n.t("nav.console")}</A>
            </p>
        </footer>
    }
}
