//! Query strings: reading the one the portal was opened with, and writing the ones of its links and of the
//! requests both backend protocols send.

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

/// `base?k=v&...` with the values percent-encoded.
pub fn with_query(base: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return base.to_string();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect();
    format!("{base}?{}", query.join("&"))
}

/// Every byte but RFC 3986's unreserved characters as `%XX`, so a value is safe in a path segment, a query
/// or a form body.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(with_query("/api/v1/stats", &[]), "/api/v1/stats");
        assert_eq!(
            with_query(
                "/api/v1/reports",
                &[("q", "jalan rusak & banjir".into()), ("kind", "complaint".into())]
            ),
            "/api/v1/reports?q=jalan%20rusak%20%26%20banjir&kind=complaint"
        );
    }
}
