use leptos::prelude::*;

use crate::api::{Backend, Client};
use crate::i18n::{format_count, use_i18n};
use crate::storage;

/// "I have this problem too": once per device; the count updates from the server's answer.
#[component]
pub fn SupportButton(ticket: String, count: u64) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let count = RwSignal::new(count);
    let supported = RwSignal::new(storage::has_supported(&ticket));
    let failed = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let id = StoredValue::new(ticket);
    let on_click = Callback::new(move |_: ()| {
        if busy.get_untracked() || supported.get_untracked() {
            return;
        }
        busy.set(true);
        let client = client.clone();
        leptos::task::spawn_local(async move {
            let ticket = id.get_value();
            match client.support(&ticket, &storage::device_id()).await {
                Ok(answer) => {
                    storage::remember_support(&ticket);
                    count.set(answer.supports);
                    supported.set(true);
                    failed.set(false);
                }
                Err(_) => failed.set(true),
            }
            busy.set(false);
        });
    });
    view! {
        <div class="support">
            <span class="support-count">{move || i18n.t("support.count").replace("{n}", &format_count(count.get(), i18n.lang()))}</span>
            <Show when=move || !supported.get() fallback=move || view! { <span class="support-done">{move || i18n.t("support.done")}</span> }>
                <button type="button" class="button secondary small" aria-disabled=move || busy.get().to_string() on:click=move |_| on_click.run(())>
                    {move || i18n.t("action.support")}
                </button>
            </Show>
            <span role="status" class="error-message">{move || failed.get().then(|| i18n.t("support.failed"))}</span>
        </div>
    }
}
