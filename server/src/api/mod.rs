//! `/api/v1`: the contract described in `public/openapi.yaml`.

mod attachments;
mod citizen;
mod filter;
mod operator;
mod portal;
mod reports;
pub mod staff;
mod stats;

use axum::extract::DefaultBodyLimit;
use axum::routing::{any, get, post};
use axum::{middleware, Router};

use crate::http::{cors_layer, no_store, no_store_when_personal, JSON_BODY_LIMIT};
use crate::problem::ApiError;
use crate::ratelimit::{self, Limits};
use crate::AppState;

pub fn router(state: AppState, limits: &Limits, cors_origins: &[String]) -> Router {
    let upload_limit = state.portal.limits.attachment_max_bytes as usize + 64 * 1024;
    let operator = Router::new()
        .route("/reports", get(operator::queue))
        .route("/reports/{ticket}/transitions", post(operator::transition))
        .layer(middleware::from_fn_with_state(state.clone(), operator::require_token))
        .layer(middleware::from_fn_with_state(limits.operator.clone(), ratelimit::limit_all))
        // Outside the token check and the limit, so that a refusal is not cached either.
        .layer(middleware::map_response(no_store));
    let citizen = Router::new()
        .route("/portal", get(portal::get_portal))
        .route(
            "/stats",
            get(stats::get_stats).layer(middleware::from_fn_with_state(
                limits.stats.clone(),
                ratelimit::limit_all,
            )),
        )
        .route(
            "/reports",
            get(reports::list)
                .layer(middleware::from_fn_with_state(
                    limits.searches.clone(),
                    ratelimit::limit_searches,
                ))
                .post(reports::create),
        )
        .route("/reports/{ticket}", get(reports::get))
        .route("/reports/{ticket}/replies", post(citizen::reply))
        .route("/reports/{ticket}/rating", post(citizen::rate))
        .route("/reports/{ticket}/supports", post(citizen::support))
        .route("/reports/{ticket}/attachments/{id}", get(attachments::download))
        .route(
            "/attachments",
            post(attachments::upload).layer(DefaultBodyLimit::max(upload_limit)),
        )
        .layer(middleware::from_fn_with_state(
            limits.posts.clone(),
            ratelimit::limit_posts,
        ))
        .layer(middleware::from_fn(no_store_when_personal));
    let mut v1 = citizen
        .nest("/operator", operator)
        .nest("/staff", staff::router(limits))
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT));
    if let Some(cors) = cors_layer(cors_origins) {
        v1 = v1.layer(cors);
    }
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .nest("/api/v1", v1)
        // Unknown API paths answer in the API's own format instead of falling through to the SPA.
        .route("/api/{*rest}", any(|| async { ApiError::not_found() }))
        .layer(middleware::map_response(crate::problem::errors_as_problems))
        .with_state(state)
}
