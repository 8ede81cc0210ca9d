//! Where the draft is kept: the citizen's in localStorage (or memory, see `storage`), the staff desk's in the
//! tab's sessionStorage under its own key (`console::record`), so the two never mix on one browser. Written on
//! every change so nothing is lost on reload, and replaced by a fresh draft (a new idempotency key) once a
//! report is sent.

use aduan_core::Portal;
use leptos::prelude::*;

use super::draft::{new_idempotency_key, Draft};
use crate::storage;

/// Where a flow keeps its draft: how the text under the store's key is read and written.
#[derive(Clone, Copy)]
pub struct DraftStore {
    pub read: fn() -> Option<String>,
    pub write: fn(&str),
}

const DRAFT_KEY: &str = "aduan.draft";

/// The citizen's own draft, on `/lapor`.
pub const CITIZEN: DraftStore = DraftStore {
    read: || storage::get(DRAFT_KEY),
    write: |text| storage::set(DRAFT_KEY, text),
};

/// An empty draft with its own idempotency key.
pub fn fresh() -> Draft {
    Draft::new(new_idempotency_key(js_sys::Math::random))
}

/// The kept draft, or a fresh one when none is kept or it cannot be read.
pub fn load(store: DraftStore) -> Draft {
    (store.read)()
        .and_then(|t| serde_json::from_str::<Draft>(&t).ok())
        .filter(|d| !d.idempotency_key.is_empty())
        .unwrap_or_else(fresh)
}

pub fn save(store: DraftStore, draft: &Draft) {
    (store.write)(&serde_json::to_string(draft).unwrap_or_default());
}

/// A fresh draft, kept at once: the sent draft must not come back to be sent again, even if the page that
/// would save it has gone.
pub fn start_afresh(store: DraftStore) -> Draft {
    let draft = fresh();
    save(store, &draft);
    draft
}

/// Saves the draft whenever it changes, for as long as the calling component lives.
pub fn keep_saved(store: DraftStore, draft: RwSignal<Draft>) {
    Effect::new(move |_| draft.with(|d| save(store, d)));
}

/// `?agency=` / `?category=` (from `embed.js`'s data attributes) fill what the draft leaves empty, when
/// the portal knows them.
pub fn with_presets(mut draft: Draft, portal: &Portal) -> Draft {
    if draft.agency_id.is_empty() {
        if let Some(id) = crate::url::query_param("agency").filter(|id| portal.agencies.iter().any(|a| &a.id == id)) {
            draft.agency_id = id;
        }
    }
    if draft.category_id.is_empty() {
        if let Some(id) = crate::url::query_param("category").filter(|id| portal.categories.iter().any(|c| &c.id == id))
        {
            draft.category_id = id;
        }
    }
    draft
}
