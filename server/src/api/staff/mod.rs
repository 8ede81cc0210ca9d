//! `/staff/...`: the staff console's API. Every route but sign-in takes the caller as [`crate::staff::Staff`]
//! (or [`auth::SignedIn`]), which answers 401 for a missing, unknown, expired or revoked token.

pub mod auth;
mod queue;
mod reports;
mod session;
pub mod throttle;

use axum::routing::{get, post};
use axum::{middleware, Router};

use crate::http::no_store;
use crate::ratelimit::{self, Limits};
use crate::AppState;

/// Every `/staff` route. Add new routes here: the layers of [`router`] apply only to routes added before them.
fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/session",
            post(session::sign_in).get(session::current).delete(session::sign_out),
        )
        .route("/queue", get(queue::queue))
        .route("/reports/{ticket}", get(reports::get).patch(reports::correct))
        .route("/reports/{ticket}/steps", post(reports::step))
        .route("/reports/{ticket}/notes", post(reports::note))
        .route("/reports/{ticket}/attachments/{id}", get(reports::attachment))
}

/// The routes under `/api/v1/staff`, with the operator API's rate limit and no caching of any answer.
pub fn router(limits: &Limits) -> Router<AppState> {
    routes()
        .layer(middleware::from_fn_with_state(limits.operator.clone(), ratelimit::limit_all))
        // Outside the limit, so that a refusal is not cached either.
        .layer(middleware::map_response(no_store))
}
