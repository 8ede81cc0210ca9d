//! A QR code drawn as a single SVG path from the `qrcode` crate's module matrix.

use leptos::prelude::*;
use qrcode::{Color, QrCode};

/// The SVG path of the dark modules, one unit per module, offset by a 4-module quiet zone.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let mut d = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            d.push_str(&format!("M{} {}h1v1h-1z", i % width + 4, i / width + 4));
        }
    }
    Some((width + 8, d))
}

#[component]
pub fn QrCodeImage(text: String, #[prop(into)] label: Signal<&'static str>) -> impl IntoView {
    qr_path(&text).map(|(size, d)| {
        view! {
            <svg
                class="qr"
                viewBox=format!("0 0 {size} {size}")
                width="176"
                height="176"
                role="img"
                aria-label=move || label.get()
                shape-rendering="crispEdges"
                xmlns="http://www.w3.org/2000/svg"
            >
                <rect width="100%" height="100%" fill="#fff"></rect>
                <path d=d fill="#000"></path>
            </svg>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::qr_path;

    #[test]
    fn a_tracking_url_becomes_a_square_path_with_a_quiet_zone() {
        let (size, d) = qr_path("https://lapor.sukamaju.go.id/lacak/K7M3Q9XRT").unwrap();
        assert!(size >= 29 + 8);
        assert!(d.starts_with("M4 4h1v1h-1z"), "the finder pattern's corner is dark");
        assert!(d.matches('M').count() > 200);
    }
}
