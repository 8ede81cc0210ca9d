//! The municipality's colours from `config.json`.

use leptos::prelude::document;

use crate::config::RuntimeConfig;
use crate::i18n::Lang;

/// Colours from config.json become CSS custom properties, so re-theming needs no rebuild.
pub fn apply(cfg: &RuntimeConfig) {
    let Some(root) = document().document_element() else {
        return;
    };
    let style = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(root).style();
    if let (Some(colour), Ok(Some(meta))) = (&cfg.primary_color, document().query_selector("meta[name=theme-color]")) {
        let _ = meta.set_attribute("content", colour);
    }
    for (key, property, value) in [
        ("primary_color", "--color-primary", &cfg.primary_color),
        ("accent_color", "--color-accent", &cfg.accent_color),
    ] {
        if let Some(v) = value {
            let _ = style.set_property(property, v);
            warn_on_low_contrast(key, v);
        }
    }
}

/// Both theme colours meet white: as the background of white text (header, buttons) or as text and
/// borders on white. The theme is still applied, since it is the municipality's choice; the console says
/// where it fails WCAG 2.1 AA so whoever edits `config.json` sees it.
fn warn_on_low_contrast(key: &str, colour: &str) {
    use aduan_core::contrast::{contrast_ratio, parse_hex, AA_TEXT, WHITE};
    let Some(rgb) = parse_hex(colour) else { return };
    let ratio = contrast_ratio(rgb, WHITE);
    if ratio < AA_TEXT {
        let shown = crate::i18n::format_decimal(ratio, 2, Lang::En);
        leptos::logging::warn!(
            "config.json {key} {colour} has a contrast of {shown}:1 with white; WCAG 2.1 AA needs 4.5:1 for text."
        );
    }
}
