//! Browser APIs that web-sys exposes only behind extra or unstable features (clipboard, Web Share, service
//! workers, ResizeObserver), reached by name: one small door instead of several features' worth of bindings.

use wasm_bindgen::{JsCast, JsValue};

/// `object[name]`, when it is there.
pub fn property(object: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `object[name]` as a function, when it is one.
pub fn method(object: &JsValue, name: &str) -> Option<js_sys::Function> {
    property(object, name)?.dyn_into().ok()
}

/// Calls `object.name(argument)`; `None` when there is no such method or it throws.
pub fn call(object: &JsValue, name: &str, argument: &JsValue) -> Option<JsValue> {
    method(object, name)?.call1(object, argument).ok()
}
