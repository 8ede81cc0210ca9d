//! What a citizen does on a report after sending it: reply, rate, and support someone else's report.

use aduan_core::validation::{clean_text, field_errors, Rule};
use aduan_core::{NewRating, NewReply, NewSupport, ReportView, Status, SupportCount};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use chrono::Utc;

use super::reports::{access_code, behind_code_throttle};
use crate::client::ClientAddr;
use crate::db;
use crate::db::reports::{locate, Audience, Located};
use crate::http::{wants_english, JsonBody};
use crate::problem::ApiError;
use crate::AppState;

fn require_reporter(found: &Located) -> Result<(), ApiError> {
    if found.audience == Audience::Public {
        return Err(ApiError::new(StatusCode::UNAUTHORIZED, "Access code required")
            .detail("Send the report's access code in the X-Access-Code header."));
    }
    Ok(())
}

fn invalid(field: &'static str, rule: Rule, english: bool) -> ApiError {
    ApiError::validation(field_errors(&[(field, rule)], english))
}

/// `POST /reports/{ticket}/replies`: more information from the reporter, shown in the timeline.
pub async fn reply(
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    JsonBody(input): JsonBody<NewReply>,
) -> Result<(StatusCode, Json<ReportView>), ApiError> {
    let code = access_code(&headers);
    let english = wants_english(&headers);
    let max = state.portal.limits.message_max;
    let message = clean_text(&input.message, 1, max, true).map_err(|rule| invalid("message", rule, english))?;
    let (wanted, secrets, sent) = (ticket.clone(), state.secrets.clone(), code.clone());
    let write = state.db.write(move |conn| {
        let found = locate(conn, &secrets, &wanted, sent.as_deref())?;
        require_reporter(&found)?;
        if matches!(found.status, Status::Rejected | Status::Closed) {
            return Err(ApiError::new(StatusCode::CONFLICT, "Report is finished")
                .detail("A rejected or closed report takes no more replies."));
        }
        db::citizen::add_reply(conn, found.id, found.status, Utc::now(), &message)?;
        Ok(db::reports::load(conn, found.id, Audience::Reporter)?)
    });
    let view = behind_code_throttle(&state, &ticket, code.as_deref(), client, write).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// `POST /reports/{ticket}/rating`: once, after the agency has completed the report.
pub async fn rate(
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    JsonBody(input): JsonBody<NewRating>,
) -> Result<(StatusCode, Json<ReportView>), ApiError> {
    let code = access_code(&headers);
    let english = wants_english(&headers);
    if !(1..=5).contains(&input.rating) {
        return Err(invalid("rating", Rule::Unknown, english));
    }
    let comment = clean_text(&input.comment, 0, state.portal.limits.message_max, true)
        .map_err(|rule| invalid("comment", rule, english))?;
    let (wanted, secrets, sent) = (ticket.clone(), state.secrets.clone(), code.clone());
    let write = state.db.write(move |conn| {
        let found = locate(conn, &secrets, &wanted, sent.as_deref())?;
        require_reporter(&found)?;
        if !found.status.is_completed() {
            return Err(ApiError::new(StatusCode::CONFLICT, "Not completed yet")
                .detail("A report can be rated once the agency has completed it."));
        }
        // A duplicate was closed by merging, not handled: its citizen rates the main report's handling, if theirs.
        if db::duplicates::counted_report(conn, found.id)? != found.id {
            return Err(ApiError::new(StatusCode::CONFLICT, "Merged into another report")
                .detail("A report marked a duplicate of another is not rated."));
        }
        let comment = (!comment.is_empty()).then_some(comment.as_str());
        if !db::citizen::rate(conn, found.id, found.status, Utc::now(), input.rating, comment)? {
            return Err(
                ApiError::new(StatusCode::CONFLICT, "Already rated").detail("This report has already been rated.")
            );
        }
        Ok(db::reports::load(conn, found.id, Audience::Reporter)?)
    });
    let view = behind_code_throttle(&state, &ticket, code.as_deref(), client, write).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// `POST /reports/{ticket}/supports`: "I have this problem too", counted once per device.
pub async fn support(
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    headers: HeaderMap,
    JsonBody(input): JsonBody<NewSupport>,
) -> Result<Json<SupportCount>, ApiError> {
    let english = wants_english(&headers);
    let device = input.device_id.trim().to_string();
    if device.is_empty()
        || device.len() > 64
        || !device
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(invalid("device_id", Rule::Unknown, english));
    }
    let count = state
        .db
        .write(move |conn| {
            let found = locate(conn, &state.secrets, &ticket, None)?;
            if found.confidential {
                return Err(ApiError::new(StatusCode::FORBIDDEN, "Not public")
                    .detail("A confidential report cannot be supported."));
            }
            let supports = db::citizen::support(conn, found.id, &device)?;
            Ok(SupportCount { supports })
        })
        .await?;
    Ok(Json(count))
}
