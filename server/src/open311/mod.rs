//! `/open311/v2/`: the same reports through Open311 GeoReport v2, so the SPA's Open311 client is tested
//! against a real server. Services are the portal's categories; the location district, the title and the date
//! of incident, which the standard has no field for, are attributes of every service.
//! Both formats (`.json`, `.xml`) on every endpoint; every other path under `/open311/v2/` is a 404 in the
//! standard's error format. Not here: `media_url` (attachments go through `/api/v1`), and an `api_key` for
//! posting (the portal takes reports from the public).

use aduan_core::open311::{Attribute, AttributeValue, Open311Error, Service, ServiceDefinition};
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};

mod discovery;
mod format;
mod jurisdiction;
mod mapping;
mod requests;
mod submission;

use format::{answer, Format};
use jurisdiction::Settings;

use crate::http::{cors_layer, JSON_BODY_LIMIT};
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
            get(move |s, q| requests::list(s, q, format))
                .layer(axum::middleware::from_fn_with_state(
                    limits.searches.clone(),
                    ratelimit::limit_all,
                ))
                .post(move |s, e, h, f| requests::create(s, e, h, f, format)),
        );
    }
    router = router
        .route("/open311/v2/requests/{id}", get(requests::one))
        .route("/open311/v2/tokens/{token}", get(requests::token))
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
    Format::split(name)
        .ok_or_else(|| Open311Failure::new(StatusCode::NOT_FOUND, "Name the format with the .json or .xml suffix."))
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
