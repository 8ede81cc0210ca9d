//! `/operator/...`: the administrators' and agencies' side, guarded by a bearer token.

use aduan_core::validation::{clean_text, field_errors, Rule};
use aduan_core::{Actor, NewTransition, Page, ReportView, Status};
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use sha2::{Digest, Sha256};

use super::json::{wants_english, JsonBody};
use crate::problem::ApiError;
use crate::store::{apply_transition, Transition, TransitionError};
use crate::view::{self, Audience};
use crate::AppState;

/// Compares digests so the time taken does not reveal how much of a guessed token was right.
fn token_matches(given: &str, expected: &str) -> bool {
    Sha256::digest(given.as_bytes()) == Sha256::digest(expected.as_bytes())
}

pub async fn require_token(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if given.is_some_and(|t| token_matches(t.trim(), &state.operator_token)) {
        return next.run(req).await;
    }
    let mut res = ApiError::new(StatusCode::UNAUTHORIZED, "Operator token required")
        .detail("Send Authorization: Bearer <token>.")
        .into_response();
    res.headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    res
}

/// `GET /operator/reports?status=&page=&per_page=`: the work queue, oldest first, with full content.
pub async fn queue(State(state): State<AppState>, query: RawQuery) -> Result<Json<Page<ReportView>>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.0.as_deref().unwrap_or(""))
        .map_err(|_| ApiError::bad_request("The query string is malformed."))?;
    let mut status = None;
    let (mut page, mut per_page) = (1u32, 20u32);
    for (k, v) in pairs {
        match k.as_str() {
            "status" => status = Some(Status::parse(&v).ok_or_else(|| ApiError::bad_request("unknown status"))?),
            "page" => {
                page = v
                    .parse()
                    .ok()
                    .filter(|p| *p >= 1)
                    .ok_or_else(|| ApiError::bad_request("page must be a whole number from 1"))?;
            }
            "per_page" => {
                per_page = v
                    .parse()
                    .ok()
                    .filter(|p| (1..=100).contains(p))
                    .ok_or_else(|| ApiError::bad_request("per_page must be from 1 to 100"))?;
            }
            _ => {}
        }
    }
    let result = state
        .db
        .read(move |conn| {
            let status = status.map(Status::as_str);
            let total: u64 = conn
                .prepare_cached("SELECT COUNT(*) FROM reports WHERE ?1 IS NULL OR status = ?1")?
                .query_row([status], |r| r.get(0))?;
            let offset = (page as u64 - 1) * per_page as u64;
            let ids: Vec<i64> = conn
                .prepare_cached(
                    "SELECT id FROM reports WHERE ?1 IS NULL OR status = ?1 ORDER BY created_at, id LIMIT ?2 OFFSET ?3",
                )?
                .query_map(rusqlite::params![status, per_page, offset], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let items = ids
                .into_iter()
                .map(|id| view::load(conn, id, Audience::Operator))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Page {
                items,
                total,
                page,
                per_page,
            })
        })
        .await?;
    Ok(Json(result))
}

/// `POST /operator/reports/{ticket}/transitions` `{ to, agency_id?, message }`. Illegal steps are a 409.
pub async fn transition(
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    headers: HeaderMap,
    JsonBody(input): JsonBody<NewTransition>,
) -> Result<Json<ReportView>, ApiError> {
    let english = wants_english(&headers);
    let message = clean_text(&input.message, 0, state.portal.limits.message_max, true)
        .map_err(|rule| ApiError::validation(field_errors(&[("message", rule)], english)))?;
    let view = state
        .db
        .write(move |conn| {
            let found = view::locate(conn, &ticket, None)?;
            let actor = match input.to {
                Status::InProgress | Status::Completed => Actor::Agency,
                _ => Actor::Admin,
            };
            let t = Transition {
                to: input.to,
                at: Utc::now(),
                actor,
                message: (!message.is_empty()).then_some(message.as_str()),
                agency_id: input.agency_id.as_deref(),
            };
            let tx = conn.transaction()?;
            apply_transition(&tx, found.id, &t, &state.calendar, &state.portal.sla).map_err(|e| match e {
                TransitionError::NotFound => ApiError::not_found(),
                TransitionError::Illegal { from, to } => ApiError::new(StatusCode::CONFLICT, "Illegal transition")
                    .detail(format!(
                        "A report that is {} cannot become {}.",
                        from.as_str(),
                        to.as_str()
                    )),
                TransitionError::AgencyRequired => {
                    ApiError::validation(field_errors(&[("agency_id", Rule::Required)], english))
                }
                TransitionError::UnknownAgency => {
                    ApiError::validation(field_errors(&[("agency_id", Rule::Unknown)], english))
                }
                TransitionError::Db(e) => ApiError::internal(e),
            })?;
            tx.commit()?;
            view::load(conn, found.id, Audience::Operator)
        })
        .await?;
    Ok(Json(view))
}
