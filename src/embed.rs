//! Embed mode: the portal inside a municipality's iframe (`?embed=1`, set by `public/embed.js`). It stays
//! on for the whole visit, so a link followed inside the iframe keeps the page without header and footer,
//! and the page tells the host its height so the iframe never scrolls on its own.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Embedded(pub bool);

/// Read once from the address the iframe was opened with.
pub fn provide_embedded() -> Embedded {
    let embedded = Embedded(crate::url::query_param("embed").as_deref() == Some("1"));
    if embedded.0 {
        if let Some(html) = document().document_element() {
            let _ = html.class_list().add_1("embedded");
        }
        report_height_to_host();
    }
    provide_context(embedded);
    embedded
}

pub fn is_embedded() -> bool {
    use_context::<Embedded>().is_some_and(|e| e.0)
}

/// Posts `{type: "aduan:height", height}` to the host whenever the page's size changes. The target origin is
/// "*" because any municipality may embed the portal; the message carries nothing but a number.
fn report_height_to_host() {
    let post = || {
        let (Ok(Some(parent)), Some(body)) = (window().parent(), document().body()) else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"aduan:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(body.offset_height()));
        let _ = parent.post_message(&message, "*");
    };
    let callback = Closure::<dyn Fn()>::new(post);
    let observer = crate::js::method(&window(), "ResizeObserver")
        .and_then(|ctor| js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(callback.as_ref())).ok());
    if let (Some(observer), Some(body)) = (observer, document().body()) {
        crate::js::call(&observer, "observe", &body);
    }
    // The observer lives as long as the page.
    callback.forget();
}
