//! Submitting, reading and listing reports.

use aduan_core::validation::{field_errors, validate_new_report, Rule};
use aduan_core::{FieldError, Kind, NewReport, Page, ReportCreated, ReportSummary, ReportView, Status};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, SubsecRound, Utc};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension};

use super::filter::{self, where_clause};
use super::json::wants_english;
use crate::problem::ApiError;
use crate::store::{insert_report, secure_random, sha256_hex, timestamp};
use crate::view;
use crate::AppState;

pub fn access_code(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-access-code")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
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
    let key = idempotency_key(&headers)?;
    let english = wants_english(&headers);
    let input: NewReport = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("The body is not a valid report: {e}")))?;
    let body_hash = sha256_hex(&body);
    // Whole seconds, as stored, so a replayed answer is identical to the first one.
    let now = Utc::now().trunc_subsecs(0);
    let today = state.calendar.local_date(now);
    let report = validate_new_report(&input, &state.portal, today)
        .map_err(|errors| ApiError::validation(field_errors(&errors, english)))?;

    let (created, replayed) = state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            if let Some(key) = &key {
                let previous: Option<(String, String, String, String, String)> = tx
                    .prepare_cached(
                        "SELECT i.body_sha256, r.ticket, i.access_code, r.status, r.created_at FROM idempotency i
                         JOIN reports r ON r.id = i.report_id WHERE i.key = ?1",
                    )?
                    .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
                    .optional()?;
                if let Some((hash, ticket, access_code, status, created_at)) = previous {
                    if hash != body_hash {
                        return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "Idempotency-Key reused")
                            .detail("This Idempotency-Key was already used with a different body."));
                    }
                    let created = ReportCreated {
                        ticket,
                        access_code,
                        status: Status::parse(&status).unwrap_or(Status::Submitted),
                        created_at: created_at.parse::<DateTime<Utc>>().unwrap_or(now),
                        notice: None,
                    };
                    return Ok((created, true));
                }
            }
            for id in &report.attachment_ids {
                let free: bool = tx
                    .prepare_cached("SELECT EXISTS(SELECT 1 FROM attachments WHERE id = ?1 AND report_id IS NULL)")?
                    .query_row([id], |r| r.get(0))?;
                if !free {
                    let e = FieldError { field: "attachment_ids".into(), code: Rule::Unknown.code().into(), message: aduan_core::validation::message(Rule::Unknown, english).into() };
                    return Err(ApiError::validation(vec![e]));
                }
            }
            let inserted = insert_report(&tx, &report, now, &state.calendar, &state.portal.sla, &mut secure_random)?;
            if let Some(key) = &key {
                tx.prepare_cached("INSERT INTO idempotency (key, body_sha256, report_id, access_code, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")?
                    .execute(params![key, body_hash, inserted.id, inserted.access_code, timestamp(now)])?;
            }
            tx.commit()?;
            Ok((ReportCreated { ticket: inserted.ticket, access_code: inserted.access_code, status: Status::Submitted, created_at: now, notice: None }, false))
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
    headers: HeaderMap,
) -> Result<Json<ReportView>, ApiError> {
    let code = access_code(&headers);
    let view = state
        .db
        .read(move |conn| {
            let found = view::locate(conn, &ticket, code.as_deref())?;
            view::load(conn, found.id, found.audience)
        })
        .await?;
    Ok(Json(view))
}

/// Words of a free-text search as an FTS5 query: every word must appear, as a prefix.
fn fts_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// `GET /reports`: the public listing. Confidential reports appear without title; identity never.
pub async fn list(State(state): State<AppState>, query: RawQuery) -> Result<Json<Page<ReportSummary>>, ApiError> {
    let (filter, rest) = filter::parse(&query)?;
    let mut page = 1u32;
    let mut per_page = 20u32;
    let mut status = None;
    let mut q = None;
    let mut errors = Vec::new();
    for (key, value) in rest {
        match key.as_str() {
            "page" => match value.parse::<u32>() {
                Ok(p) if p >= 1 => page = p,
                _ => errors.push(FieldError {
                    field: "page".into(),
                    code: "unknown".into(),
                    message: "page must be a whole number from 1".into(),
                }),
            },
            "per_page" => match value.parse::<u32>() {
                Ok(p) if (1..=100).contains(&p) => per_page = p,
                _ => errors.push(FieldError {
                    field: "per_page".into(),
                    code: "unknown".into(),
                    message: "per_page must be from 1 to 100".into(),
                }),
            },
            "status" => match Status::parse(&value) {
                Some(s) => status = Some(s),
                None => errors.push(FieldError {
                    field: "status".into(),
                    code: "unknown".into(),
                    message: "unknown status".into(),
                }),
            },
            "q" => q = fts_query(&value),
            _ => {}
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let result = state
        .db
        .read(move |conn| {
            let mut w = where_clause(&filter);
            if let Some(s) = status {
                w.and("status = ?", Value::Text(s.as_str().into()));
            }
            if let Some(q) = q {
                w.and("confidential = 0 AND id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)", Value::Text(q));
            }
            let (sql, params) = (w.sql, w.params);
            let total: u64 = conn.prepare_cached(&format!("SELECT COUNT(*) FROM reports WHERE {sql}"))?.query_row(params_from_iter(params.iter()), |r| r.get(0))?;
            let offset = (page as u64 - 1) * per_page as u64;
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT r.ticket, r.kind, r.status, r.title, r.agency_id, a.name, r.category_id, c.name, r.region_id, g.name, r.created_at, r.confidential, r.supports
                 FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN categories c ON c.id = r.category_id
                 LEFT JOIN regions g ON g.id = r.region_id
                 WHERE r.id IN (SELECT id FROM reports WHERE {sql} ORDER BY created_at DESC, id DESC LIMIT {per_page} OFFSET {offset})
                 ORDER BY r.created_at DESC, r.id DESC"
            ))?;
            let items = stmt
                .query_map(params_from_iter(params.iter()), |r| {
                    let confidential: bool = r.get(11)?;
                    Ok(ReportSummary {
                        ticket: r.get(0)?,
                        kind: Kind::parse(&r.get::<_, String>(1)?).unwrap_or(Kind::Complaint),
                        status: Status::parse(&r.get::<_, String>(2)?).unwrap_or(Status::Submitted),
                        title: if confidential { None } else { r.get(3)? },
                        agency: view::named(r.get(4)?, r.get(5)?),
                        category: view::named(r.get(6)?, r.get(7)?),
                        region: view::named(r.get(8)?, r.get(9)?),
                        created_at: r.get::<_, String>(10)?.parse().unwrap_or_default(),
                        confidential,
                        supports: r.get(12)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Page { items, total, page, per_page })
        })
        .await?;
    Ok(Json(result))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn search_words_become_a_safe_prefix_query() {
        assert_eq!(fts_query("jalan rusak").as_deref(), Some("\"jalan\"* \"rusak\"*"));
        assert_eq!(fts_query("\" OR 1=1 --").as_deref(), Some("\"OR\"* \"1\"* \"1\"*"));
        assert_eq!(fts_query("  ;; "), None);
    }
}
