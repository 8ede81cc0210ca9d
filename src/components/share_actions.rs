//! Copy, print and (where the browser has the Web Share API) share: the receipt and the tracking page both
//! offer them for a report's link.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::js;

/// `navigator.clipboard.writeText`, which web-sys exposes only as unstable.
fn copy_to_clipboard(text: &str) -> bool {
    js::property(&window().navigator(), "clipboard")
        .and_then(|c| js::call(&c, "writeText", &text.into()))
        .is_some()
}

/// `navigator.share`, where the browser has the Web Share API.
fn share_function() -> Option<js_sys::Function> {
    js::method(&window().navigator(), "share")
}

fn share(title: &str, url: &str) {
    let Some(f) = share_function() else { return };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    // The promise rejects when the citizen cancels the share sheet; nothing to do then.
    let _ = f.call1(&window().navigator(), &data);
}

/// The absolute address of a path of this portal, for links that leave the page (QR, share, copy).
pub fn absolute_url(path: &str) -> String {
    format!("{}{path}", window().location().origin().unwrap_or_default())
}

/// `copy_text` is what the copy button puts on the clipboard; `share_title` names the shared link.
#[component]
pub fn ShareActions(copy_text: String, url: String, share_title: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let can_share = share_function().is_some();
    view! {
        <div class="actions no-print">
            <button type="button" class="button secondary" on:click=move |_| copied.set(copy_to_clipboard(&copy_text))>
                {move || i18n.t("action.copy")}
            </button>
            <button
                type="button"
                class="button secondary"
                on:click=move |_| {
                    let _ = window().print();
                }
            >
                {move || i18n.t("action.print")}
            </button>
            <Show when=move || can_share>
                <button
                    type="button"
                    class="button secondary"
                    on:click={
                        let url = url.clone();
                        move |_| share(i18n.t(share_title), &url)
                    }
                >
                    {move || i18n.t("action.share")}
                </button>
            </Show>
        </div>
        <p role="status" class="hint no-print">
            {move || copied.get().then(|| i18n.t("receipt.copied"))}
        </p>
    }
}
