use aduan_core::Portal;
use axum::extract::State;
use axum::Json;

use crate::AppState;

pub async fn get_portal(State(state): State<AppState>) -> Json<Portal> {
    Json((*state.portal).clone())
}
