//! `POST /staff/reports`: an administrator types in a report that came by suggestion box, phone, SMS, letter or
//! walk-in. The citizen's own submission path does the rest (validation, Idempotency-Key, receipt); this adds only
//! the role, the channel, and the audit row that `db::reports::submit` writes for a desk.

use aduan_core::validation::{field_errors, Rule};
use aduan_core::{Channel, Role};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use crate::api::reports::submit;
use crate::http::wants_english;
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::AppState;

/// The body's `channel`, which must be an offline one: `web` is the citizen's own submission.
fn channel(body: &Bytes, english: bool) -> Result<Channel, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("The body is not a valid report: {e}")))?;
    let rule = match value.get("channel") {
        None | Some(serde_json::Value::Null) => Rule::Required,
        Some(v) => match v.as_str().and_then(Channel::parse) {
            Some(c) if c.is_offline() => return Ok(c),
            _ => Rule::Unknown,
        },
    };
    Err(ApiError::validation(field_errors(&[("channel", rule)], english)))
}

/// `POST /staff/reports` (administrators only) → 201 with the citizen's receipt.
pub async fn record(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    if staff.role != Role::Admin {
        return Err(ApiError::forbidden("Only administrators type in reports."));
    }
    let channel = channel(&body, wants_english(&headers))?;
    submit(state, &headers, &body, Some((staff, channel))).await
}
