//! Submitting, reading and listing reports.

use std::future::Future;
use std::net::IpAddr;

use aduan_core::validation::{field_errors, validate_new_report, Rule};
use aduan_core::{Channel, NewReport, Page, ReportSummary, ReportView};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{SubsecRound, Utc};

use super::filter;
use crate::client::ClientAddr;
use crate::crypto::sha256_hex;
use crate::db;
use crate::db::listing::PublicQuery;
use crate::db::reports::{Desk, Retry, SubmitError};
use crate::http::wants_english;
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::AppState;

pub fn access_code(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-access-code")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
}

/// Runs `work`, which checks `code` for `ticket` through `db::reports::locate`, behind the guessing throttle:
/// 429 while the ticket or the client is locked out by wrong codes (a request without a code is not held up),
/// and a wrong code counted afterwards (`locate`'s 403, the only 403 of the routes that take a code).
pub async fn behind_code_throttle<T>(
    state: &AppState,
    ticket: &str,
    code: Option<&str>,
    client: IpAddr,
    work: impl Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    if code.is_some() {
        state.throttles.admit_code(ticket, client)?;
    }
    let result = work.await;
    if let Err(e) = &result {
        if e.0.status == StatusCode::FORBIDDEN.as_u16() {
            state.throttles.code_failed(ticket, client);
        }
    }
    result
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(v) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = v
        .to_str()
        .map_err(|_| ApiError::bad_request("Idempotency-Key must be printable ASCII."))?
        .trim();
    if key.is_empty() || key.len() > 128 {
        return Err(ApiError::bad_request("Idempotency-Key must be 1 to 128 characters."));
    }
    Ok(Some(key.to_string()))
}

/// `POST /reports`. The same Idempotency-Key with the same body returns the first ticket again.
pub async fn create(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    submit(state, &headers, &body, |body, _| Ok((read_report(body)?, None))).await
}

/// The body as a citizen's report (400 if it is not one).
fn read_report(body: &[u8]) -> Result<NewReport, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::bad_request(format!("The body is not a valid report: {e}")))
}

/// A submission under the citizen's rules: the citizen's own or one an administrator types in at the desk
/// (`POST /staff/reports`, which checked the role first). `read` parses the body, once, into the report and, for a
/// desk, who typed it in from which channel; it gets whether the answer is in English, for its field errors.
pub async fn submit<R>(state: AppState, headers: &HeaderMap, body: &Bytes, read: R) -> Result<Response, ApiError>
where
    R: FnOnce(&[u8], bool) -> Result<(NewReport, Option<(Staff, Channel)>), ApiError>,
{
    let is_json = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
        });
    if !is_json {
        return Err(
            ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Unsupported media type")
                .detail("Send the body as application/json."),
        );
    }
    let key = idempotency_key(headers)?;
    let english = wants_english(headers);
    let (input, desk) = read(body, english)?;
    let body_hash = sha256_hex(body);
    // Whole seconds, as stored, so a replayed answer is identical to the first one.
    let now = Utc::now().trunc_subsecs(0);
    let today = state.calendar.local_date(now);
    let report = validate_new_report(&input, &state.portal, today)
        .map_err(|errors| ApiError::validation(field_errors(&errors, english)))?;

    let (created, replayed) = state
        .db
        .write(move |conn| {
            let retry = key.as_deref().map(|key| Retry {
                key,
                body_sha256: &body_hash,
            });
            let (calendar, sla) = (&state.calendar, &state.portal.sla);
            let desk = desk.as_ref().map(|(by, channel)| Desk { by, channel: *channel });
            db::reports::submit(conn, &state.secrets, &report, desk, retry, now, calendar, sla).map_err(|e| match e {
                SubmitError::KeyReused => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "Idempotency-Key reused")
                    .detail("This Idempotency-Key was already used with a different body."),
                SubmitError::AttachmentTaken => {
                    ApiError::validation(field_errors(&[("attachment_ids", Rule::Unknown)], english))
                }
                SubmitError::Db(e) => ApiError::from(e),
            })
        })
        .await?;
    let mut res = (StatusCode::CREATED, Json(created)).into_response();
    if replayed {
        res.headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(res)
}

/// `GET /reports/{ticket}`: content of a confidential report and identity only with the access code.
pub async fn get(
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
) -> Result<Json<ReportView>, ApiError> {
    let code = access_code(&headers);
    let (wanted, secrets, sent) = (ticket.clone(), state.secrets.clone(), code.clone());
    let read = state.db.read(move |conn| {
        let found = db::reports::locate(conn, &secrets, &wanted, sent.as_deref())?;
        Ok(db::reports::load(conn, found.id, found.audience)?)
    });
    Ok(Json(
        behind_code_throttle(&state, &ticket, code.as_deref(), client, read).await?,
    ))
}

/// `GET /reports`: the public listing. Confidential reports appear without title; identity never.
pub async fn list(State(state): State<AppState>, query: RawQuery) -> Result<Json<Page<ReportSummary>>, ApiError> {
    let (filter, rest) = filter::parse(&query)?;
    let params = filter::list_params(rest)?;
    let search = params
        .rest
        .into_iter()
        .filter(|(key, _)| key == "q")
        .map(|(_, value)| value.trim().to_string())
        .next_back()
        .filter(|q| !q.is_empty());
    let query = PublicQuery {
        filter,
        status: params.status,
        search,
        paging: params.paging,
    };
    let result = state
        .db
        .read(move |conn| Ok(db::listing::public_page(conn, &query)?))
        .await?;
    Ok(Json(result))
}
