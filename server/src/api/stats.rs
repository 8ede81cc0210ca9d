//! `GET /stats`: the figures of `db::stats` for the filter in the query string.

use aduan_core::Stats;
use axum::extract::{RawQuery, State};
use axum::Json;
use chrono::Utc;

use super::filter;
use crate::db;
use crate::problem::ApiError;
use crate::AppState;

pub async fn get_stats(State(state): State<AppState>, query: RawQuery) -> Result<Json<Stats>, ApiError> {
    let (f, _) = filter::parse(&query)?;
    let today = state.calendar.local_date(Utc::now()).to_string();
    let stats = state
        .db
        .read(move |conn| db::stats::compute(conn, &f, &today).map_err(ApiError::from))
        .await?;
    Ok(Json(stats))
}
