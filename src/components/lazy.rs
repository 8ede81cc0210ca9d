//! Views whose code is a separate wasm chunk, fetched the first time they are shown. `#[wasm_split(…,
//! fallible)]` marks the cut and scripts/build-wasm.mjs cuts the chunks. index.html preloads the chunks of the
//! page being opened, so that they arrive with the main module, unless the page fetches them after its first
//! paint (`after_first_paint`).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

use crate::api::ApiError;
use crate::components::error_panel::ErrorPanel;

/// A chunk that does not arrive is a network failure to the citizen: same words, same retry.
impl From<SplitLoaderError> for ApiError {
    fn from(_: SplitLoaderError) -> Self {
        ApiError::Network
    }
}

/// Shows `fallback` (a page placeholder unless given) while `load` fetches the chunk, then the view it returns.
/// A failed fetch shows the network error with a retry, instead of a page that never comes; a small part of a
/// page gives `failed` instead, so that a list does not repeat the error panel on every line. A page whose
/// loaded view draws its own title gives that title as `heading`: it stands above the placeholder and above
/// the error. With `after_first_paint`, the fetch waits until what is above it has been painted, so that it
/// never competes with the first screen.
#[component]
pub fn LazyChunk<F, Fut>(
    load: F,
    #[prop(optional, into)] fallback: Option<ViewFn>,
    #[prop(optional, into)] failed: Option<ViewFn>,
    #[prop(optional, into)] heading: Option<ViewFn>,
    #[prop(optional)] after_first_paint: bool,
) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ApiError>> + 'static,
{
    // Only this line is generic: the view below is compiled once for every chunk, not once per loader type (each
    // copy was about half a kilobyte of the shell).
    let load: ChunkLoader = Arc::new(move || Box::pin(load()));
    lazy_chunk_view(load, fallback, failed, heading, after_first_paint)
}

type ChunkLoader = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, ApiError>>>> + Send + Sync>;

fn lazy_chunk_view(
    load: ChunkLoader,
    fallback: Option<ViewFn>,
    failed: Option<ViewFn>,
    heading: Option<ViewFn>,
    after_first_paint: bool,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let fallback = fallback.unwrap_or_else(|| ViewFn::from(PagePlaceholder));
    let heading = StoredValue::new(heading);
    let title = move || heading.with_value(|h| h.as_ref().map(ViewFn::run));
    view! {
        <Suspense fallback=move || {
            view! {
                {title()}
                {fallback.run()}
            }
        }>
            {move || {
                attempt.track();
                let (load, failed) = (load.clone(), failed.clone());
                Suspend::new(
                    SendWrapper::new(async move {
                        if after_first_paint {
                            next_paint().await;
                        }
                        match load().await {
                            Ok(view) => view,
                            Err(_) if failed.is_some() => failed.map(|f| f.run()).into_any(),
                            Err(error) => {
                                // The view holds browser handles, which are not Send; it never leaves this thread.
                                view! {
                                    {title()}
                                    <ErrorPanel error on_retry=move |_| attempt.update(|n| *n += 1) />
                                }
                                    .into_any()
                            }
                        }
                    }),
                )
            }}
        </Suspense>
    }
}

/// Resolves once the next frame is, as a rule, on screen. The frame is drawn after the first animation frame's
/// callbacks but shown a little later: a timeout from the first frame often ran before the paint reached the
/// screen. The second animation frame usually comes after it, and its timeout after that frame's own work.
async fn next_paint() {
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            request_animation_frame(move || set_timeout(move || drop(resolve.call0(&JsValue::NULL)), Duration::ZERO));
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
}

/// Draws its children one task later, showing `fallback` until then. A long first render (much of its wasm
/// runs for the first time then, and the browser compiles it on the spot) is split into tasks this way, so
/// that the page answers input in between.
#[component]
pub fn NextTask(children: ChildrenFn, #[prop(optional, into)] fallback: ViewFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(
        move || {
            let _ = ready.try_set(true);
        },
        Duration::ZERO,
    );
    view! {
        <Show when=move || ready.get() fallback=move || fallback.run()>
            {children()}
        </Show>
    }
}

/// Where a page will be while its chunk arrives: as tall as the screen, so the footer does not jump.
#[component]
pub fn PagePlaceholder() -> impl IntoView {
    view! { <div class="boot" aria-busy="true"></div> }
}
