//! Which city this endpoint serves: GeoReport v2 lets one server answer for several jurisdictions, named by
//! `jurisdiction_id` on every call; this portal is one of them when `--open311-jurisdiction` names it.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

use super::format::Format;
use super::Open311Failure;

/// What the operator configured about this endpoint.
#[derive(Clone, Default)]
pub struct Settings {
    /// `None`: one city, any `jurisdiction_id` is taken as this one.
    pub jurisdiction: Option<Arc<str>>,
    pub contact: Option<Arc<str>>,
}

impl Settings {
    /// A 400 when `named` is a jurisdiction this endpoint does not serve.
    pub fn check(&self, named: Option<&str>) -> Result<(), Open311Failure> {
        match (
            self.jurisdiction.as_deref(),
            named.map(str::trim).filter(|n| !n.is_empty()),
        ) {
            (Some(ours), Some(theirs)) if ours != theirs => Err(Open311Failure::new(
                StatusCode::BAD_REQUEST,
                format!("jurisdiction_id {theirs} is not served here; this endpoint serves {ours}."),
            )),
            _ => Ok(()),
        }
    }
}

/// Refuses a query string naming another jurisdiction; a POSTed form's is checked where the form is read.
pub async fn check_query(State(settings): State<Settings>, request: Request, next: Next) -> Response {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(request.uri().query().unwrap_or("")).unwrap_or_default();
    let named = super::mapping::form_value(&pairs, "jurisdiction_id");
    match settings.check(named.as_deref()) {
        Ok(()) => next.run(request).await,
        Err(failure) => failure.answer(Format::of_path(request.uri().path())),
    }
}
