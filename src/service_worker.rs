//! The service worker that keeps every page's code for offline use (public/sw.js).

use std::time::Duration;

use leptos::prelude::{document, set_timeout, window};

/// `navigator.serviceWorker.register("/sw.js")` once the page has loaded and settled, where the browser has
/// service workers (see public/sw.js). Installing it downloads and stores every page's code for offline use,
/// which must not compete with what a first visit is still fetching and drawing: on a two-core machine it made
/// the statistics page's first render up to twice as long. So it waits for the `load` event, then
/// `SETTLE_AFTER_LOAD` (the page's own data and drawing come in that time), then an idle moment of the main
/// thread where the browser can say so. Reached by name (see `crate::js`). A refusal (private mode, blocked
/// storage) only means no offline shell.
pub fn register() {
    let loaded = crate::js::property(&document(), "readyState")
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == "complete");
    if loaded {
        register_when_settled();
    } else {
        let later = wasm_bindgen::closure::Closure::once_into_js(register_when_settled);
        let _ = window().add_event_listener_with_callback("load", wasm_bindgen::JsCast::unchecked_ref(&later));
    }
}

const SETTLE_AFTER_LOAD: Duration = Duration::from_secs(2);

fn register_when_settled() {
    set_timeout(
        || {
            let register = wasm_bindgen::closure::Closure::once_into_js(register_now);
            if crate::js::call(&window(), "requestIdleCallback", &register).is_none() {
                register_now();
            }
        },
        SETTLE_AFTER_LOAD,
    );
}

fn register_now() {
    let Some(container) = crate::js::property(&window().navigator(), "serviceWorker") else {
        return;
    };
    if let Some(promise) = crate::js::call(&container, "register", &"/sw.js".into()) {
        // Swallow a rejection instead of logging an uncaught error.
        let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
        let _ = js_sys::Promise::from(promise).catch(&ignore);
        ignore.forget();
    }
}
