//! `/staff/...`: the staff console's API. Every route but sign-in takes the caller as [`crate::staff::Staff`]
//! (or [`auth::SignedIn`]), which answers 401 for a missing, unknown, expired or revoked token.

mod accounts;
pub mod auth;
mod bulk;
mod desk;
mod monitoring;
mod queue;
mod reports;
mod session;
mod templates;
pub mod throttle;

use axum::extract::{FromRequest, Request};
use axum::routing::{get, patch, post, put};
use axum::{middleware, Router};
use serde::de::DeserializeOwned;

use crate::http::{no_store, JsonBody};
use crate::problem::ApiError;
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
        .route("/monitoring", get(monitoring::monitoring))
        .route("/monitoring.csv", get(monitoring::monitoring_csv))
        .route("/reports", post(desk::record))
        .route("/reports/{ticket}", get(reports::get).patch(reports::correct))
        .route("/reports/{ticket}/steps", post(reports::step))
        .route("/reports/{ticket}/duplicate", post(reports::mark_duplicate))
        .route("/bulk-steps", post(bulk::bulk_steps))
        .route("/reports/{ticket}/notes", post(reports::note))
        .route("/reports/{ticket}/attachments/{id}", get(reports::attachment))
        .route("/session/password", post(session::change_password))
        .route("/accounts", get(accounts::list).post(accounts::create))
        .route("/accounts/{username}", patch(accounts::change))
        .route("/templates", get(templates::list).post(templates::create))
        .route("/templates/{id}", put(templates::replace).delete(templates::delete))
}

/// The routes under `/api/v1/staff`, with the operator API's rate limit and no caching of any answer.
pub fn router(limits: &Limits) -> Router<AppState> {
    routes()
        .layer(middleware::from_fn_with_state(limits.operator.clone(), ratelimit::limit_all))
        // Outside the limit, so that a refusal is not cached either.
        .layer(middleware::map_response(no_store))
}

/// A JSON body that must be an object: serde also reads a struct from an array of its fields in order, so
/// `[null, null]` would otherwise be taken as an account change with nothing in it.
pub struct ObjectBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ObjectBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let JsonBody(value) = JsonBody::<serde_json::Value>::from_request(req, state).await?;
        if !value.is_object() {
            return Err(ApiError::bad_request("The body must be a JSON object."));
        }
        serde_json::from_value(value)
            .map(ObjectBody)
            .map_err(|e| ApiError::bad_request(format!("Failed to deserialize the JSON body: {e}")))
    }
}
