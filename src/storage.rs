//! localStorage that degrades gracefully: in an embedded iframe with third-party storage blocked, reads
//! return nothing and writes are dropped instead of failing the page.

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

const MY_REPORTS_KEY: &str = "aduan.my_reports";

/// Tickets sent from this device, newest first, for "my reports on this device".
pub fn my_reports() -> Vec<String> {
    get(MY_REPORTS_KEY).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

pub fn remember_report(ticket: &str) {
    let mut list = my_reports();
    list.retain(|t| t != ticket);
    list.insert(0, ticket.to_string());
    list.truncate(50);
    set(MY_REPORTS_KEY, &serde_json::to_string(&list).unwrap_or_default());
}
