//! localStorage that degrades gracefully: in an embedded iframe with third-party storage blocked, values
//! live in memory for as long as the page is open, and `is_persistent` lets the page say so.

use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether what is kept here survives a reload.
pub fn is_persistent() -> bool {
    local().is_some()
}

pub fn get(key: &str) -> Option<String> {
    match local() {
        Some(s) => s.get_item(key).ok().flatten(),
        None => MEMORY.with(|m| m.borrow().get(key).cloned()),
    }
}

pub fn set(key: &str, value: &str) {
    match local() {
        Some(s) => {
            let _ = s.set_item(key, value);
        }
        None => MEMORY.with(|m| {
            m.borrow_mut().insert(key.to_string(), value.to_string());
        }),
    }
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// A value kept for this tab's session only (sessionStorage), or nothing where it is blocked.
pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

pub fn session_set(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}

/// A list of tickets kept on the device, newest first.
fn tickets(key: &str) -> Vec<String> {
    get(key).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

/// Puts `ticket` first in the list under `key`, keeping at most `limit`.
fn remember_ticket(key: &str, ticket: &str, limit: usize) {
    let mut list = tickets(key);
    list.retain(|t| t != ticket);
    list.insert(0, ticket.to_string());
    list.truncate(limit);
    set(key, &serde_json::to_string(&list).unwrap_or_default());
}

const MY_REPORTS_KEY: &str = "aduan.my_reports";
const DEVICE_ID_KEY: &str = "aduan.device_id";
const SUPPORTED_KEY: &str = "aduan.supported";

/// Tickets sent from this device, newest first, for "my reports on this device".
pub fn my_reports() -> Vec<String> {
    tickets(MY_REPORTS_KEY)
}

pub fn remember_report(ticket: &str) {
    remember_ticket(MY_REPORTS_KEY, ticket, 50);
}

const CATEGORY_KEY: &str = "aduan.category.";

/// The category chosen for a report sent from this device, for a server whose answers may leave it out.
pub fn remember_category(ticket: &str, category_id: &str) {
    if !category_id.is_empty() {
        set(&format!("{CATEGORY_KEY}{ticket}"), category_id);
    }
}

pub fn remembered_category(ticket: &str) -> Option<String> {
    get(&format!("{CATEGORY_KEY}{ticket}"))
}

/// A random id for this device, so "I have this problem too" counts once per device without an account.
pub fn device_id() -> String {
    if let Some(id) = get(DEVICE_ID_KEY).filter(|id| !id.is_empty()) {
        return id;
    }
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let id: String = (0..20)
        .map(|_| DIGITS[(js_sys::Math::random() * DIGITS.len() as f64) as usize % DIGITS.len()] as char)
        .collect();
    set(DEVICE_ID_KEY, &id);
    id
}

pub fn has_supported(ticket: &str) -> bool {
    tickets(SUPPORTED_KEY).iter().any(|t| t == ticket)
}

pub fn remember_support(ticket: &str) {
    remember_ticket(SUPPORTED_KEY, ticket, 500);
}
