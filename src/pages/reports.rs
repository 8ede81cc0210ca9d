use leptos::prelude::*;

use crate::components::title::use_page_title;
use crate::i18n::use_i18n;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title("nav.reports");
    view! {
        <h1>{move || i18n.t("nav.reports")}</h1>
        <p class="lead">{move || i18n.t("reports.lead")}</p>
        <p>{move || i18n.t("reports.privacy")}</p>
        <p class="hint">{move || i18n.t("reports.soon")}</p>
    }
}
