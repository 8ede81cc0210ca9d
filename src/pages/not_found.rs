use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::title::use_page_title;
use crate::i18n::use_i18n;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title("notfound.title");
    view! {
        <h1>{move || i18n.t("notfound.title")}</h1>
        <p>{move || i18n.t("notfound.body")}</p>
        <p>
            <A href="/">{move || i18n.t("notfound.home")}</A>
        </p>
    }
}
