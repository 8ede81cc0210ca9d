//! `/api/v1`: the contract described in `public/openapi.yaml`.

mod filter;
mod portal;
mod stats;

use axum::routing::{any, get};
use axum::Router;

use crate::problem::ApiError;
use crate::AppState;

pub fn router(state: AppState) -> Router {
    let v1 = Router::new()
        .route("/portal", get(portal::get_portal))
        .route("/stats", get(stats::get_stats));
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .nest("/api/v1", v1)
        // Unknown API paths answer in the API's own format instead of falling through to the SPA.
        .route("/api/{*rest}", any(|| async { ApiError::not_found() }))
        .with_state(state)
}
