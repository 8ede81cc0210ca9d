//! `POST /staff/reports`: an administrator types in a report that came by suggestion box, phone, SMS, letter or
//! walk-in. The citizen's own submission path does the rest (validation, Idempotency-Key, receipt); this adds only
//! the role, the channel, and the audit row that `db::reports::submit` writes for a desk.

use aduan_core::validation::{field_errors, Rule};
use aduan_core::{Channel, NewReport};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use crate::api::reports::submit;
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::AppState;

/// The body, parsed once: the citizen's report and its `channel`, which must be an offline one (`web` is the
/// citizen's own submission). A missing or unknown channel is a field error, as the report's own are.
fn read(body: &[u8], english: bool) -> Result<(NewReport, Channel), ApiError> {
    let not_a_report = |e: serde_json::Error| ApiError::bad_request(format!("The body is not a valid report: {e}"));
    let value: serde_json::Value = serde_json::from_slice(body).map_err(not_a_report)?;
    let rule = match value.get("channel") {
        None | Some(serde_json::Value::Null) => Rule::Required,
        Some(v) => match v.as_str().and_then(Channel::parse) {
            Some(c) if c.is_offline() => return Ok((NewReport::deserialize(&value).map_err(not_a_report)?, c)),
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
    staff.admin_only("Only administrators type in reports.")?;
    submit(state, &headers, &body, move |body, english| {
        let (report, channel) = read(body, english)?;
        Ok((report, Some((staff, channel))))
    })
    .await
}
