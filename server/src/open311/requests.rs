//! The request endpoints: `POST requests.{json,xml}`, `GET requests.{json,xml}`, `requests/{id}`,
//! `tokens/{token}`.

use aduan_core::open311::{Open311Error, RequestCreated, ServiceRequest, TokenAnswer};
use aduan_core::validation::field_errors;
use aduan_core::{ReportFilter, Status};
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use chrono::{DateTime, NaiveDate, Utc};

use super::format::Format;
use super::jurisdiction::Settings;
use super::mapping::{self, as_service_request, open311_field};
use super::{named, respond, submission, Open311Failure, LIST_LIMIT};
use crate::crypto::secure_random;
use crate::db;
use crate::db::listing::Open311Query;
use crate::db::reports::{insert_report, locate, Audience};
use crate::http::wants_english;
use crate::AppState;

pub async fn create(
    state: State<AppState>,
    settings: axum::Extension<Settings>,
    headers: axum::http::HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
    format: Format,
) -> Response {
    let created = create_entries(state, settings, headers, form).await;
    respond(format, "service_requests", "request", created)
}

/// The form of `POST requests.json` as pairs, since `attribute[code]` keys vary by service.
async fn create_entries(
    State(state): State<AppState>,
    axum::Extension(settings): axum::Extension<Settings>,
    headers: axum::http::HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Vec<RequestCreated>, Open311Failure> {
    let english = wants_english(&headers);
    let verify_days = state.portal.sla.verify_days;
    // A body that is not a form still gets the standard's error array, not the framework's plain text.
    let Form(pairs) = form.map_err(|e| {
        Open311Failure::new(
            e.status(),
            format!(
                "Send the request as application/x-www-form-urlencoded: {}",
                e.body_text()
            ),
        )
    })?;
    settings.check(mapping::form_value(&pairs, "jurisdiction_id").as_deref())?;
    let mut input = mapping::new_report(&pairs, &state.portal.categories)?;
    if input.title.is_empty() {
        let limits = &state.portal.limits;
        input.title = submission::derived_title(&input.body, limits.title_min, limits.title_max);
    }
    let now = Utc::now();
    let report = submission::validate(&input, &state.portal, state.calendar.local_date(now)).map_err(|errors| {
        let errors = field_errors(&errors, english)
            .into_iter()
            .map(|e| Open311Error {
                code: "400".into(),
                description: format!("{}: {}", open311_field(&e.field), e.message),
            })
            .collect();
        Open311Failure(StatusCode::BAD_REQUEST, errors)
    })?;
    let inserted = state
        .db
        .write(move |conn| {
            Ok(insert_report(
                conn,
                &state.secrets,
                &report,
                now,
                &state.calendar,
                &state.portal.sla,
                &mut secure_random,
            )?)
        })
        .await?;
    Ok(vec![RequestCreated {
        service_request_id: Some(inserted.ticket.clone()),
        token: Some(inserted.ticket),
        service_notice: Some(if english {
            format!("Report received; it will be verified within {verify_days} working days.")
        } else {
            format!("Laporan diterima dan akan diverifikasi dalam {verify_days} hari kerja.")
        }),
        account_id: None,
    }])
}

pub async fn one(state: State<AppState>, Path(name): Path<String>) -> Response {
    match named(&name) {
        Ok((ticket, format)) => respond(
            format,
            "service_requests",
            "request",
            one_entry(state, ticket.into()).await,
        ),
        Err(failure) => failure.answer(Format::of_path(&name)),
    }
}

async fn one_entry(State(state): State<AppState>, ticket: String) -> Result<Vec<ServiceRequest>, Open311Failure> {
    let view = state
        .db
        .read(move |conn| {
            let found = locate(conn, &state.secrets, &ticket, None)?;
            let view = db::reports::load(conn, found.id, Audience::Public)?;
            let at = db::open311::public_coordinates(conn, &view.ticket)?;
            Ok((view, at))
        })
        .await?;
    Ok(vec![as_service_request(&view.0, view.1.as_ref(), &state.calendar)])
}

pub async fn token(state: State<AppState>, Path(name): Path<String>) -> Response {
    match named(&name) {
        Ok((token, format)) => respond(
            format,
            "service_requests",
            "request",
            token_entry(state, token.into()).await,
        ),
        Err(failure) => failure.answer(Format::of_path(&name)),
    }
}

/// Requests are created at once, so a token is the request's own id.
async fn token_entry(State(state): State<AppState>, token: String) -> Result<Vec<TokenAnswer>, Open311Failure> {
    let ticket = token.clone();
    state
        .db
        .read(move |conn| locate(conn, &state.secrets, &ticket, None).map(|_| ()))
        .await?;
    Ok(vec![TokenAnswer {
        service_request_id: Some(token.clone()),
        token,
    }])
}

/// `GET requests.json`: newest first, at most 1000, by `start_date`/`end_date` (default: the last 90 days),
/// `status` (open, closed or both), `service_code` and `service_request_id` (comma-separated lists).
pub async fn list(state: State<AppState>, query: RawQuery, format: Format) -> Response {
    respond(format, "service_requests", "request", list_entries(state, query).await)
}

async fn list_entries(State(state): State<AppState>, query: RawQuery) -> Result<Vec<ServiceRequest>, Open311Failure> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.0.as_deref().unwrap_or(""))
        .map_err(|_| Open311Failure::new(StatusCode::BAD_REQUEST, "The query string is malformed."))?;
    let get = |key: &str| mapping::form_value(&pairs, key);
    let date = |key: &str| -> Result<Option<NaiveDate>, Open311Failure> {
        get(key)
            .map(|v| {
                v.parse::<DateTime<chrono::FixedOffset>>()
                    .map(|d| state.calendar.local_date(d.with_timezone(&Utc)))
                    .or_else(|_| v.get(..10).unwrap_or_default().parse::<NaiveDate>())
                    .map_err(|_| {
                        Open311Failure::new(
                            StatusCode::BAD_REQUEST,
                            format!("{key} must be an ISO 8601 date and time."),
                        )
                    })
            })
            .transpose()
    };
    let today = state.calendar.local_date(Utc::now());
    let mut filter = ReportFilter {
        from: date("start_date")?,
        to: date("end_date")?,
        ..Default::default()
    };
    let list = |key: &str| -> Vec<String> {
        get(key)
            .map(|v| {
                v.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let ids = list("service_request_id");
    if ids.is_empty() && filter.from.is_none() && filter.to.is_none() {
        filter.from = Some(today - chrono::Duration::days(90));
    }
    let codes = list("service_code");
    let statuses: Vec<Status> = match get("status").as_deref() {
        None => vec![],
        Some(v) => {
            let wanted: Vec<&str> = v.split(',').map(str::trim).collect();
            if wanted.iter().any(|s| *s != "open" && *s != "closed") {
                return Err(Open311Failure::new(
                    StatusCode::BAD_REQUEST,
                    "status must be open, closed or both.",
                ));
            }
            Status::ALL
                .iter()
                .filter(|s| wanted.contains(&aduan_core::open311::status_of(**s)))
                .copied()
                .collect()
        }
    };
    let query = Open311Query {
        filter,
        categories: codes,
        statuses,
        tickets: ids,
    };
    let views = state
        .db
        .read(move |conn| {
            let views = db::listing::open311_requests(conn, &query, LIST_LIMIT)?;
            let with_places = views
                .into_iter()
                .map(|v| Ok((db::open311::public_coordinates(conn, &v.ticket)?, v)))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(with_places)
        })
        .await?;
    Ok(views
        .iter()
        .map(|(at, v)| as_service_request(v, at.as_ref(), &state.calendar))
        .collect())
}
