//! The portal's lists and rules (categories, agencies, holidays, limits) for the parts of a page that need them.

use aduan_core::Portal;
use leptos::prelude::*;

use crate::api::use_portal;
use crate::components::error_panel::ErrorPanel;

/// `children` drawn with the portal's lists once they are here, `fallback` until then, and, when they cannot be
/// fetched, the error with a retry. A page whose title the lists' view draws itself gives that title as
/// `heading`: it stands above the fallback and the error, as `LazyChunk`'s does.
#[component]
pub fn WithPortal<C, V>(
    #[prop(into)] fallback: ViewFn,
    #[prop(optional, into)] heading: Option<ViewFn>,
    children: C,
) -> impl IntoView
where
    C: Fn(Portal) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let portal = use_portal();
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
                portal
                    .get()
                    .map(|loaded| match loaded {
                        Ok(p) => children(p).into_any(),
                        Err(error) => {
                            view! {
                                {title()}
                                <ErrorPanel error on_retry=move |_| portal.refetch() />
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}
