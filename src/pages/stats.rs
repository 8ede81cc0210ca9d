use leptos::prelude::*;

use crate::components::figures::HeadlineFigures;
use crate::components::title::use_page_title;
use crate::i18n::use_i18n;

#[component]
pub fn StatsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title("nav.stats");
    view! {
        <h1>{move || i18n.t("nav.stats")}</h1>
        <p class="lead">{move || i18n.t("statistics.lead")}</p>
        <HeadlineFigures/>
        <p class="hint">{move || i18n.t("statistics.more_soon")}</p>
    }
}
