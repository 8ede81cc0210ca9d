//! Views whose code is a separate wasm chunk, fetched the first time they are shown. `#[wasm_split(…,
//! fallible)]` marks the cut; scripts/build-wasm.mjs cuts the chunks, and index.html preloads those of the page
//! being opened so they arrive with the main module.

use std::future::Future;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

use crate::api::ApiError;
use crate::components::error_panel::ErrorPanel;

/// A chunk that does not arrive is a network failure to the citizen: same words, same retry.
impl From<SplitLoaderError> for ApiError {
    fn from(_: SplitLoaderError) -> Self {
        ApiError::Network
    }
}

/// Shows `fallback` while `load` fetches the chunk, then the view it returns. A failed fetch shows the network
/// error with a retry, instead of a page that never comes.
#[component]
pub fn Lazy<F, Fut>(load: F, #[prop(into)] fallback: ViewFn) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ApiError>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=move || fallback.run()>
            {move || {
                attempt.track();
                // The view holds browser handles, which are not Send; it never leaves this thread.
                Suspend::new(SendWrapper::new(async move {
                    match load().await {
                        Ok(view) => view,
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| attempt.update(|n| *n += 1)/> }.into_any(),
                    }
                }))
            }}
        </Suspense>
    }
}

/// Where a page will be while its chunk arrives: as tall as the screen, so the footer does not jump.
#[component]
pub fn PagePlaceholder() -> impl IntoView {
    view! { <div class="boot" aria-busy="true"></div> }
}
