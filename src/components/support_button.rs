use leptos::prelude::*;

use crate::api::{Backend, Client};
use crate::i18n::{format_count, use_i18n};
use crate::storage;

/// "I have this problem too": once per device; the count updates from the server's answer.
#[component]
pub fn SupportButton(ticket: String, count: u64) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let supported_before = storage::has_supported(&ticket);
    let ticket = StoredValue::new(ticket);
    let support = Action::new_local(move |ticket: &String| {
        let (client, ticket) = (client.clone(), ticket.clone());
        async move {
            let answer = client.support(&ticket, &storage::device_id()).await;
            if answer.is_ok() {
                storage::remember_support(&ticket);
            }
            answer
        }
    });
    let answer = support.value();
    let pending = support.pending();
    let supported = move || supported_before || answer.with(|a| matches!(a, Some(Ok(_))));
    let failed = move || answer.with(|a| matches!(a, Some(Err(_))));
    let shown_count = move || answer.with(|a| a.as_ref().and_then(|a| a.as_ref().ok()).map_or(count, |a| a.supports));
    let on_click = move |_| {
        if !pending.get_untracked() && !untrack(supported) {
            support.dispatch(ticket.get_value());
        }
    };
    view! {
        <div class="support">
            <span class="support-count">
                {move || i18n.t("support.count").replace("{n}", &format_count(shown_count(), i18n.lang()))}
            </span>
            <Show
                when=move || !supported()
                fallback=move || view! { <span class="support-done">{move || i18n.t("support.done")}</span> }
            >
                <button
                    type="button"
                    class="button secondary small"
                    aria-disabled=move || pending.get().to_string()
                    on:click=on_click
                >
                    {move || i18n.t("action.support")}
                </button>
            </Show>
            <span role="status" class="error-message">
                {move || failed().then(|| i18n.t("support.failed"))}
            </span>
        </div>
    }
}
