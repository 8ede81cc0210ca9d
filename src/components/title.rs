use leptos::prelude::*;

use crate::config::RuntimeConfig;
use crate::i18n::use_i18n;

/// Keeps `document.title` as "<page> — <portal>" in the current language.
pub fn use_page_title(key: &'static str) {
    let i18n = use_i18n();
    use_page_title_of(move || i18n.t(key).to_string());
}

/// The same for a page whose name changes as it loads: `page` is read again whenever what it reads changes.
pub fn use_page_title_of(page: impl Fn() -> String + 'static) {
    let portal = use_context::<RuntimeConfig>()
        .map(|c| c.portal_name)
        .unwrap_or_default();
    Effect::new(move |_| document().set_title(&format!("{} — {portal}", page())));
}
