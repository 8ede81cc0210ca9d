use leptos::prelude::*;

use crate::api::{ApiError, ErrorPlace};
use crate::i18n::use_i18n;

/// A failed request, explained in the citizen's language, with a retry button when retrying can help.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let message_key = error.message_key(ErrorPlace::Panel);
    let retry = error.is_retryable();
    view! {
        <div class="error-panel" role="alert">
            <h2>{move || i18n.t("error.title")}</h2>
            <p>{move || i18n.t(message_key)}</p>
            <Show when=move || retry>
                <button type="button" class="button secondary" on:click=move |_| on_retry.run(())>
                    {move || i18n.t("action.retry")}
                </button>
            </Show>
        </div>
    }
}
