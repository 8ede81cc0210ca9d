//! Data that a new filter or page replaces, shown the way the Leptos examples do it: with `Transition`.

use leptos::prelude::*;

/// `children` (which read resources) once loaded, `fallback` until the first load. When the resources load
/// again, the content shown stays, in a region marked `aria-busy` (and faded by the stylesheet), until the new
/// content replaces it, instead of a skeleton on every filter change.
#[component]
pub fn Refreshable(#[prop(into)] fallback: ViewFnOnce, children: Children) -> impl IntoView {
    let pending = RwSignal::new(false);
    view! {
        <div class="refreshable" aria-busy=move || pending.get().to_string()>
            <Transition fallback set_pending=pending.write_only()>
                {children()}
            </Transition>
        </div>
    }
}
