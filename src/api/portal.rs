//! `GET /portal`, fetched once for the whole visit by the first page that needs it.

use aduan_core::Portal;
use leptos::prelude::*;

use super::{ApiError, Backend, Client};

/// `GET /portal`: the lists, limits and rules, loaded once for the whole visit.
pub type PortalResource = LocalResource<Result<Portal, ApiError>>;

/// Where the visit's [`PortalResource`] is kept once a page has asked for it (see [`use_portal`]).
#[derive(Clone)]
pub struct PortalSlot {
    owner: Owner,
    resource: StoredValue<Option<PortalResource>>,
}

impl PortalSlot {
    /// Nothing is fetched yet; the resource will live as long as the current owner (the whole portal).
    pub fn new() -> PortalSlot {
        PortalSlot {
            owner: Owner::current().unwrap_or_default(),
            resource: StoredValue::new(None),
        }
    }
}

/// The portal's lists and rules, fetched the first time a page needs them and shared after that. Only
/// the pages in wasm chunks need them, so fetching them is chunk code as well, and the home page and the
/// tracking form neither download that code nor wait behind the request.
pub fn use_portal() -> PortalResource {
    let slot = expect_context::<PortalSlot>();
    if let Some(resource) = slot.resource.get_value() {
        return resource;
    }
    let client = expect_context::<Client>();
    let resource = slot.owner.with(|| {
        LocalResource::new(move || {
            let client = client.clone();
            async move { client.portal().await }
        })
    });
    slot.resource.set_value(Some(resource));
    resource
}
