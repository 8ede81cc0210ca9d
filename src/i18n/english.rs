//! The English catalogue is a wasm split module of its own, fetched only when English is the page's language: a
//! first visit in Bahasa Indonesia (the portal's first language) downloads one language's messages, about 5 KB
//! brotli less on every page. Natively (the tests) it is simply there.

#[cfg(target_arch = "wasm32")]
use leptos::wasm_split::wasm_split;

type Catalogue = &'static [(&'static str, &'static str)];

#[cfg(target_arch = "wasm32")]
thread_local! {
    static LOADED: std::cell::Cell<Option<Catalogue>> = const { std::cell::Cell::new(None) };
}

/// The English messages, once fetched.
#[cfg(target_arch = "wasm32")]
pub fn messages() -> Option<Catalogue> {
    LOADED.with(std::cell::Cell::get)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn messages() -> Option<Catalogue> {
    Some(super::en::MESSAGES)
}

/// Fetches the English messages unless they are here; false if they could not be fetched (no network and no
/// service worker yet), and the page then stays in Bahasa Indonesia.
pub async fn load() -> bool {
    #[cfg(target_arch = "wasm32")]
    if messages().is_none() {
        match english_catalogue().await {
            Ok(catalogue) => LOADED.with(|loaded| loaded.set(Some(catalogue))),
            Err(_) => return false,
        }
    }
    true
}

#[cfg(target_arch = "wasm32")]
#[wasm_split(english, wasm_split_path = ::leptos::wasm_split, fallible)]
fn english_catalogue() -> Result<Catalogue, leptos::wasm_split::SplitLoaderError> {
    Ok(super::en::MESSAGES)
}
