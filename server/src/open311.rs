//! `/open311/v2/`: the same reports through Open311 GeoReport v2 (JSON format), so the SPA's Open311
//! client is tested against a real server. Services are the portal's categories; the location district,
//! the title and the date of incident, which the standard has no field for, are attributes of every service.
//! Not here: XML (JSON is the supported format), `media_url` (attachments go through `/api/v1`), and an
//! `api_key` for posting (the portal takes reports from the public).

use aduan_core::open311::{
    offset_text, Attribute, AttributeValue, Open311Error, RequestCreated, Service, ServiceDefinition, ServiceRequest,
    TokenAnswer,
};
use aduan_core::validation::{field_errors, validate_new_report};
use aduan_core::{Kind, Location, NewReport, ReportFilter, ReportView, Reporter, Status, WorkingCalendar};
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params_from_iter;

use crate::api::filter::where_clause;
use crate::problem::ApiError;
use crate::ratelimit::{self, RateLimiter};
use crate::store::{insert_report, secure_random};
use crate::view::{self, Audience};
use crate::AppState;

pub const REGION: &str = "kecamatan";
pub const TITLE: &str = "judul";
pub const INCIDENT_DATE: &str = "tanggal_kejadian";
/// At most this many requests in one `GET requests.json`, as the standard suggests.
const LIST_LIMIT: u32 = 1000;

/// `limiter` is the one `/api/v1` uses, so a client has one budget of POSTs across both protocols.
pub fn router(state: AppState, limiter: RateLimiter, cors_origins: &[String]) -> Router {
    let mut router = Router::new()
        .route("/open311/v2/services.json", get(services))
        .route("/open311/v2/services/{code}", get(service_definition))
        .route("/open311/v2/requests.json", get(list).post(create))
        .route("/open311/v2/requests/{id}", get(one))
        .route("/open311/v2/tokens/{token}", get(token))
        .layer(axum::middleware::from_fn_with_state(limiter, ratelimit::limit_posts))
        .layer(axum::extract::DefaultBodyLimit::max(crate::api::JSON_BODY_LIMIT));
    if let Some(cors) = crate::api::cors_layer(cors_origins) {
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

/// `services/{code}.json`, `requests/{id}.json`: only the JSON format is served.
fn json_name(name: &str) -> Result<&str, Open311Failure> {
    name.strip_suffix(".json").ok_or_else(|| {
        Open311Failure::new(
            StatusCode::NOT_FOUND,
            "Only the JSON format is served: use the .json suffix.",
        )
    })
}

async fn services(State(state): State<AppState>) -> Json<Vec<Service>> {
    Json(
        state
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
            .collect(),
    )
}

async fn service_definition(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<ServiceDefinition>, Open311Failure> {
    let code = json_name(&name)?;
    if !state.portal.categories.iter().any(|c| c.id == code) {
        return Err(Open311Failure::new(
            StatusCode::NOT_FOUND,
            format!("No service has the code {code}."),
        ));
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
    Ok(Json(ServiceDefinition {
        service_code: code.into(),
        attributes: vec![
            attribute(TITLE, "string", true, 1, "Judul laporan", vec![]),
            attribute(REGION, "singlevaluelist", true, 2, "Kecamatan tempat kejadian", regions),
            // Required like every report's incident date on /api/v1.
            attribute(INCIDENT_DATE, "datetime", true, 3, "Tanggal kejadian", vec![]),
        ],
    }))
}

/// The form of `POST requests.json` as pairs, since `attribute[code]` keys vary by service.
async fn create(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Json<Vec<RequestCreated>>, Open311Failure> {
    // A body that is not a form still gets the standard's error array, not the framework's plain text.
    let english = crate::api::json::wants_english(&headers);
    let verify_days = state.portal.sla.verify_days;
    let Form(pairs) = form.map_err(|e| {
        Open311Failure::new(
            e.status(),
            format!(
                "Send the request as application/x-www-form-urlencoded: {}",
                e.body_text()
            ),
        )
    })?;
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let attribute = |code: &str| get(&format!("attribute[{code}]"));
    let service_code =
        get("service_code").ok_or_else(|| Open311Failure::new(StatusCode::BAD_REQUEST, "service_code is required."))?;
    if !state.portal.categories.iter().any(|c| c.id == service_code) {
        return Err(Open311Failure::new(
            StatusCode::BAD_REQUEST,
            format!("No service has the code {service_code}."),
        ));
    }
    let number = |key: &str| {
        get(key).map(|v| {
            v.parse::<f64>()
                .map_err(|_| Open311Failure::new(StatusCode::BAD_REQUEST, format!("{key} must be a number.")))
        })
    };
    let location = match (number("lat").transpose()?, number("long").transpose()?) {
        (Some(lat), Some(lon)) => Some(Location { lat, lon }),
        _ => None,
    };
    let name = [get("first_name"), get("last_name")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let (email, phone) = (get("email").unwrap_or_default(), get("phone").unwrap_or_default());
    let anonymous = name.is_empty() && email.is_empty() && phone.is_empty();
    let incident_date = attribute(INCIDENT_DATE).map(|v| {
        v.get(..10)
            .and_then(|d| d.parse::<NaiveDate>().ok())
            .ok_or_else(|| Open311Failure::new(StatusCode::BAD_REQUEST, "attribute[tanggal_kejadian] must be a date."))
    });
    let input = NewReport {
        kind: Kind::Complaint,
        title: attribute(TITLE).unwrap_or_default(),
        body: get("description").unwrap_or_default(),
        incident_date: incident_date.transpose()?,
        category_id: Some(service_code),
        agency_id: None,
        region_id: attribute(REGION),
        address: get("address_string").unwrap_or_default(),
        location,
        attachment_ids: vec![],
        anonymous,
        confidential: false,
        reporter: (!anonymous).then_some(Reporter { name, email, phone }),
    };
    let now = Utc::now();
    let report = validate_new_report(&input, &state.portal, state.calendar.local_date(now)).map_err(|errors| {
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
                &report,
                now,
                &state.calendar,
                &state.portal.sla,
                &mut secure_random,
            )?)
        })
        .await?;
    Ok(Json(vec![RequestCreated {
        service_request_id: Some(inserted.ticket.clone()),
        token: Some(inserted.ticket),
        service_notice: Some(if english {
            format!("Report received; it will be verified within {verify_days} working days.")
        } else {
            format!("Laporan diterima dan akan diverifikasi dalam {verify_days} hari kerja.")
        }),
        account_id: None,
    }]))
}

/// The Open311 name of one of our fields, for error descriptions.
/// The parameter an error is about: this server's own attributes, else the standard parameter.
fn open311_field(field: &str) -> String {
    match field {
        "title" => format!("attribute[{TITLE}]"),
        "region_id" => format!("attribute[{REGION}]"),
        "incident_date" => format!("attribute[{INCIDENT_DATE}]"),
        other => aduan_core::open311::parameter_of(other).unwrap_or(other).into(),
    }
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// One of our reports as a public Open311 service request: never the reporter, never a confidential text.
pub fn as_service_request(r: &ReportView, calendar: &WorkingCalendar) -> ServiceRequest {
    let last_note = r
        .events
        .iter()
        .rev()
        .find(|e| e.kind.as_deref() != Some("reply") && e.message.is_some());
    ServiceRequest {
        service_request_id: r.ticket.clone(),
        status: aduan_core::open311::status_of(r.status).into(),
        status_notes: last_note.and_then(|e| e.message.clone()),
        service_name: r.category.as_ref().map(|c| c.name.clone()),
        service_code: r.category.as_ref().map(|c| c.id.clone()),
        description: r.body.clone(),
        agency_responsible: r.agency.as_ref().map(|a| a.name.clone()),
        service_notice: None,
        requested_datetime: Some(rfc3339(r.created_at)),
        updated_datetime: r.events.last().map(|e| rfc3339(e.at)),
        expected_datetime: r.deadlines.as_ref().filter(|_| r.status.is_unfinished()).map(|d| {
            format!(
                "{}T23:59:59{}",
                d.respond.due,
                offset_text(calendar.utc_offset_seconds())
            )
        }),
        address: r.address.clone().filter(|a| !a.is_empty()),
        address_id: None,
        zipcode: None,
        lat: None,
        long: None,
        media_url: None,
    }
}

async fn one(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<Vec<ServiceRequest>>, Open311Failure> {
    let ticket = json_name(&name)?.to_string();
    let view = state
        .db
        .read(move |conn| {
            let found = view::locate(conn, &ticket, None)?;
            view::load(conn, found.id, Audience::Public)
        })
        .await?;
    Ok(Json(vec![as_service_request(&view, &state.calendar)]))
}

async fn token(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<Vec<TokenAnswer>>, Open311Failure> {
    // Requests are created at once, so a token is the request's own id.
    let token = json_name(&name)?.to_string();
    let ticket = token.clone();
    state
        .db
        .read(move |conn| view::locate(conn, &ticket, None).map(|_| ()))
        .await?;
    Ok(Json(vec![TokenAnswer {
        service_request_id: Some(token.clone()),
        token,
    }]))
}

/// `GET requests.json`: newest first, at most 1000, by `start_date`/`end_date` (default: the last 90 days),
/// `status` (open, closed or both), `service_code` and `service_request_id` (comma-separated lists).
async fn list(State(state): State<AppState>, query: RawQuery) -> Result<Json<Vec<ServiceRequest>>, Open311Failure> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.0.as_deref().unwrap_or(""))
        .map_err(|_| Open311Failure::new(StatusCode::BAD_REQUEST, "The query string is malformed."))?;
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
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
    let statuses: Vec<&'static str> = match get("status").as_deref() {
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
                .map(|s| s.as_str())
                .collect()
        }
    };
    let views = state
        .db
        .read(move |conn| {
            let mut w = where_clause(&filter);
            w.and_any_of("category_id", &codes);
            w.and_any_of("status", &statuses.iter().map(ToString::to_string).collect::<Vec<_>>());
            w.and_any_of("ticket", &ids);
            let (sql, params) = (w.sql, w.params);
            let ids: Vec<i64> = conn
                .prepare(&format!(
                    "SELECT id FROM reports WHERE {sql} ORDER BY created_at DESC, id DESC LIMIT {LIST_LIMIT}"
                ))?
                .query_map(params_from_iter(params.iter()), |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.into_iter()
                .map(|id| view::load(conn, id, Audience::Public))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(Json(
        views.iter().map(|v| as_service_request(v, &state.calendar)).collect(),
    ))
}
