//! `/open311/v2/`: the same reports through Open311 GeoReport v2, so the SPA's Open311 client is tested
//! against a real server. Services are the portal's categories; the location district, the title and the date
//! of incident, which the standard has no field for, are attributes of every service.
//! Not here: XML (JSON is the supported format), `media_url` (attachments go through `/api/v1`), and an
//! `api_key` for posting (the portal takes reports from the public).

use aduan_core::open311::{
    Attribute, AttributeValue, Open311Error, RequestCreated, Service, ServiceDefinition, ServiceRequest, TokenAnswer,
};
use aduan_core::validation::field_errors;
use aduan_core::{ReportFilter, Status};
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::http::Uri;
use axum::routing::{any, get};
use axum::{Form, Json, Router};
use chrono::{DateTime, NaiveDate, Utc};

mod discovery;
mod format;
mod jurisdiction;
mod mapping;
mod submission;

use format::{answer, Format};
use jurisdiction::Settings;
use mapping::{as_service_request, open311_field};

use crate::crypto::secure_random;
use crate::db;
use crate::db::listing::Open311Query;
use crate::db::reports::{insert_report, locate, Audience};
use crate::http::{cors_layer, wants_english, JSON_BODY_LIMIT};
use crate::problem::ApiError;
use crate::ratelimit::{self, Limits};
use crate::AppState;

pub const REGION: &str = "kecamatan";
pub const TITLE: &str = "judul";
pub const INCIDENT_DATE: &str = "tanggal_kejadian";
/// At most this many requests in one `GET requests.json`, as the standard suggests.
const LIST_LIMIT: u32 = 1000;

/// `limits` are the ones `/api/v1` uses, so a client has one budget of POSTs and of searches across both
/// protocols.
pub fn router(state: AppState, limits: &Limits, config: &crate::Config) -> Router {
    let settings = Settings {
        jurisdiction: config.open311_jurisdiction.as_deref().map(Into::into),
        contact: config.open311_contact.as_deref().map(Into::into),
    };
    let mut router = Router::new()
        .route("/open311/v2/discovery.json", get(discovery::json))
        .route("/open311/v2/discovery.xml", get(discovery::in_xml))
        .route("/open311/v2/services.json", get(|s| services(s, Format::Json)))
        .route("/open311/v2/services.xml", get(|s| services(s, Format::Xml)))
        .route("/open311/v2/services/{code}", get(service_definition));
    for format in [Format::Json, Format::Xml] {
        router = router.route(
            &format!("/open311/v2/requests.{}", format.suffix()),
            get(move |s, q| list(s, q, format))
                .layer(axum::middleware::from_fn_with_state(
                    limits.searches.clone(),
                    ratelimit::limit_all,
                ))
                .post(move |s, e, h, f| create(s, e, h, f, format)),
        );
    }
    router = router
        .route("/open311/v2/requests/{id}", get(one))
        .route("/open311/v2/tokens/{token}", get(token))
        .layer(axum::middleware::from_fn_with_state(
            limits.posts.clone(),
            ratelimit::limit_posts,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            settings.clone(),
            jurisdiction::check_query,
        ))
        .layer(axum::Extension(settings))
        // Without these the SPA's fallback would answer them with its page and a 200.
        .route("/open311/v2", any(unknown))
        .route("/open311/v2/", any(unknown))
        .route("/open311/v2/{*rest}", any(unknown));
    if let Some(cors) = cors_layer(&config.cors_origins) {
        router = router.layer(cors);
    }
    router.with_state(state)
}

/// An error the Open311 way: an array of `{code, description}` with the HTTP status.
pub struct Open311Failure(StatusCode, Vec<Open311Error>);

impl Open311Failure {
    fn new(status: StatusCode, description: impl Into<String>) -> Self {
        Open311Failure(
            status,
            vec![Open311Error {
                code: status.as_u16().to_string(),
                description: description.into(),
            }],
        )
    }
}

impl Open311Failure {
    /// The error array in `format`: `[{code, description}]` or `<errors><error>…`.
    fn answer(self, format: Format) -> Response {
        answer(self.0, format, "errors", "error", &self.1)
    }
}

/// A path under `/open311/v2/` that names no endpoint.
async fn unknown(uri: Uri) -> Response {
    let path = uri.path();
    Open311Failure::new(StatusCode::NOT_FOUND, format!("{path} is not a GeoReport v2 endpoint."))
        .answer(Format::of_path(path))
}

impl IntoResponse for Open311Failure {
    fn into_response(self) -> Response {
        (self.0, Json(self.1)).into_response()
    }
}

impl From<ApiError> for Open311Failure {
    fn from(e: ApiError) -> Self {
        let status = StatusCode::from_u16(e.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        Open311Failure::new(status, e.0.detail.unwrap_or(e.0.title))
    }
}

/// `services/{code}.xml` → (`code`, XML); a name without `.json` or `.xml` is no endpoint.
fn named(name: &str) -> Result<(&str, Format), Open311Failure> {
    Format::split(name).ok_or_else(|| {
        Open311Failure::new(
            StatusCode::NOT_FOUND,
            "Name the format with the .json or .xml suffix.",
        )
    })
}

/// A handler's entries as `root` of `item`s, or its error array, in `format`.
fn respond<T: serde::Serialize>(
    format: Format,
    root: &str,
    item: &'static str,
    entries: Result<Vec<T>, Open311Failure>,
) -> Response {
    match entries {
        Ok(entries) => answer(StatusCode::OK, format, root, item, &entries),
        Err(failure) => failure.answer(format),
    }
}

async fn services(State(state): State<AppState>, format: Format) -> Response {
    let services: Vec<Service> = state
            .portal
            .categories
            .iter()
            .map(|c| Service {
                service_code: c.id.clone(),
                service_name: c.name.clone(),
                description: c.name_en.clone(),
                metadata: true,
                kind: Some("realtime".into()),
                keywords: None,
                group: None,
            })
            .collect();
    answer(StatusCode::OK, format, "services", "service", &services)
}

async fn service_definition(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let (code, format) = match named(&name) {
        Ok(named) => named,
        Err(failure) => return failure.answer(Format::of_path(&name)),
    };
    if !state.portal.categories.iter().any(|c| c.id == code) {
        return Open311Failure::new(StatusCode::NOT_FOUND, format!("No service has the code {code}.")).answer(format);
    }
    let attribute =
        |code: &str, datatype: &str, required: bool, order: i64, description: &str, values: Vec<AttributeValue>| {
            Attribute {
                variable: true,
                code: code.into(),
                datatype: datatype.into(),
                required,
                datatype_description: None,
                order: Some(order),
                description: Some(description.into()),
                values,
            }
        };
    let regions = state
        .portal
        .regions
        .iter()
        .map(|r| AttributeValue {
            key: r.id.clone(),
            name: r.name.clone(),
        })
        .collect();
    let definition = ServiceDefinition {
        service_code: code.into(),
        attributes: vec![
            // Declared required because the portal asks every reporter for them (its own form insists), but a
            // client that sends only the standard's fields is still taken: the title is then the description's
            // first sentence, and the district and incident date stay empty (see `submission`).
            attribute(TITLE, "string", true, 1, "Judul laporan", vec![]),
            attribute(REGION, "singlevaluelist", true, 2, "Kecamatan tempat kejadian", regions),
            attribute(INCIDENT_DATE, "datetime", true, 3, "Tanggal kejadian", vec![]),
        ],
    };
    match format {
        Format::Json => Json(definition).into_response(),
        Format::Xml => format::definition_xml(&definition),
    }
}

async fn create(
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

async fn one(state: State<AppState>, Path(name): Path<String>) -> Response {
    match named(&name) {
        Ok((ticket, format)) => respond(format, "service_requests", "request", one_entry(state, ticket.into()).await),
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

async fn token(state: State<AppState>, Path(name): Path<String>) -> Response {
    match named(&name) {
        Ok((token, format)) => respond(format, "service_requests", "request", token_entry(state, token.into()).await),
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
async fn list(state: State<AppState>, query: RawQuery, format: Format) -> Response {
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
