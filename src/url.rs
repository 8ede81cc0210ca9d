//! The address the portal was opened with.

/// A parameter of the page's query string, decoded (`?lang=en`, `?embed=1`, `?agency=dinkes`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| {
            js_sys::decode_uri_component(&value.replace('+', " "))
                .ok()
                .map(String::from)
                .unwrap_or_else(|| value.to_string())
        })
    })
}
