//! `/operator/...`: the administrators' and agencies' side, guarded by a bearer token.

use aduan_core::validation::{clean_text, field_errors, Rule};
use aduan_core::{Actor, NewTransition, Page, ReportView, Status};
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;

use crate::client::ClientAddr;
use crate::crypto::secrets_match;
use crate::db;
use crate::db::reports::{locate, Audience};
use crate::db::workflow::{Transition, TransitionError};
use crate::http::{wants_english, JsonBody};
use crate::problem::ApiError;
use crate::AppState;

/// The bearer token, the scheme in any case (RFC 9110: `bearer` and `BEARER` are the same scheme).
pub(super) fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim_start().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Wrong tokens are counted per client: past the limit the client is refused, even with the right token,
/// until the window is over.
pub async fn require_token(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    req: Request,
    next: Next,
) -> Response {
    let given = bearer_token(req.headers());
    if given.is_some() {
        if let Err(refused) = state.throttles.admit_token(client) {
            return refused.into_response();
        }
    }
    if given.is_some_and(|t| secrets_match(t, &state.operator_token)) {
        return next.run(req).await;
    }
    if given.is_some() {
        state.throttles.token_failed(client);
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
    let params = super::filter::list_params(super::filter::pairs(&query)?)?;
    let (status, paging) = (params.status, params.paging);
    let result = state
        .db
        .read(move |conn| Ok(db::listing::operator_queue(conn, status, paging)?))
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
            let found = locate(conn, &state.secrets, &ticket, None)?;
            let actor = match input.to {
                Status::InProgress | Status::Completed => Actor::Agency,
                // "Not our remit": the agency hands the report back.
                Status::Verified if found.status == Status::Dispositioned => Actor::Agency,
                _ => Actor::Admin,
            };
            let t = Transition {
                to: input.to,
                at: Utc::now(),
                actor,
                message: (!message.is_empty()).then_some(message.as_str()),
                agency_id: input.agency_id.as_deref(),
            };
            db::staff_reports::operator_transition(conn, found.id, &t, &state.calendar, &state.portal.sla)
                .map_err(|e| transition_refused(e, english))?;
            Ok(db::reports::load(conn, found.id, Audience::Operator)?)
        })
        .await?;
    Ok(Json(view))
}

/// How a transition the workflow refused answers, in the operator API and the staff steps alike.
pub fn transition_refused(e: TransitionError, english: bool) -> ApiError {
    match e {
        TransitionError::NotFound => ApiError::not_found(),
        TransitionError::Illegal { from, to } => ApiError::new(StatusCode::CONFLICT, "Illegal transition").detail(
            format!("A report that is {} cannot become {}.", from.as_str(), to.as_str()),
        ),
        TransitionError::AgencyRequired => {
            ApiError::validation(field_errors(&[("agency_id", Rule::Required)], english))
        }
        TransitionError::UnknownAgency => ApiError::validation(field_errors(&[("agency_id", Rule::Unknown)], english)),
        TransitionError::Db(e) => ApiError::internal(e),
    }
}
