use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use leptos_router::components::A;

use crate::api::{ApiError, Backend, Client};
use crate::components::figures::{FiguresSkeleton, HeadlineFigures};
use crate::components::lazy::LazyChunk;
use crate::components::title::use_page_title;
use crate::config::RuntimeConfig;
use crate::i18n::use_i18n;

/// The steps a report goes through, as the backend's workflow has them.
pub fn step_keys(lapor_workflow: bool) -> &'static [&'static str] {
    if lapor_workflow {
        &["home.step1", "home.step2", "home.step3", "home.step4"]
    } else {
        &["home.step1_plain", "home.step2_plain"]
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let cfg = expect_context::<RuntimeConfig>();
    use_page_title("nav.home");
    // Verification, forwarding, deadlines and the Ombudsman are the SP4N-LAPOR! workflow's; another backend
    // (Open311) is promised none of them.
    let steps = step_keys(expect_context::<Client>().features().lapor_workflow);
    view! {
        <section class="hero">
            <h1>{cfg.portal_name}</h1>
            <p class="lead">{move || i18n.t("home.lead")}</p>
            <div class="actions">
                <A href="/lapor" attr:class="button primary">
                    {move || i18n.t("nav.submit")}
                </A>
                <A href="/lacak" attr:class="button secondary">
                    {move || i18n.t("nav.track")}
                </A>
            </div>
        </section>
        <section aria-labelledby="figures-title">
            <h2 id="figures-title">{move || i18n.t("home.figures_title")}</h2>
            <p class="hint">{move || i18n.t("home.figures_scope")}</p>
            <LazyChunk load=headline_figures fallback=FiguresSkeleton after_first_paint=true />
            <p>
                <A href="/statistik">{move || i18n.t("home.more_stats")}</A>
            </p>
        </section>
        <section aria-labelledby="how-title">
            <h2 id="how-title">{move || i18n.t("home.how_title")}</h2>
            <ol class="steps">{steps.iter().map(|k| view! { <li>{move || i18n.t(k)}</li> }).collect_view()}</ol>
        </section>
    }
}

// Statistics are the heaviest code the home page shows, and below the fold on a phone: they come with the
// statistics page's chunk, fetched once the top of the page is on screen.
#[wasm_split(statistics, wasm_split_path = ::leptos::wasm_split, fallible)]
fn headline_figures() -> Result<AnyView, ApiError> {
    Ok(view! { <HeadlineFigures /> }.into_any())
}
