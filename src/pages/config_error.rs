use leptos::prelude::*;

use crate::config::ConfigError;
use crate::i18n::use_i18n;

/// Shown instead of a blank screen when config.json is missing or invalid (an unknown backend kind is invalid).
#[component]
pub fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    let i18n = use_i18n();
    let detail = match error {
        ConfigError::Unreachable(d) | ConfigError::Invalid(d) => d,
    };
    Effect::new(move |_| document().set_title(i18n.t("config.title")));
    view! {
        <main id="main" class="config-error">
            <h1>{move || i18n.t("config.title")}</h1>
            <p>{move || i18n.t("config.body")}</p>
            <details>
                <summary>{move || i18n.t("config.detail")}</summary>
                <pre>{detail}</pre>
            </details>
        </main>
    }
}
