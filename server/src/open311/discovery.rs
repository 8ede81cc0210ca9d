//! `discovery.json` / `discovery.xml`: where the endpoint is, what it speaks and whom to ask, as the
//! GeoReport v2 service discovery document.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Serialize;

use super::format::xml;
use super::jurisdiction::Settings;
use crate::AppState;

const SPECIFICATION: &str = "http://wiki.open311.org/GeoReport_v2";
/// When this server's Open311 endpoint last changed in a way a client could notice.
const CHANGESET: &str = "2026-12-01T00:00:00Z";
/// The formats every endpoint answers in.
pub const FORMATS: &[&str] = &["text/xml", "application/json"];

#[derive(Serialize)]
struct Discovery {
    changeset: &'static str,
    contact: String,
    endpoints: Vec<Endpoint>,
}

#[derive(Serialize)]
struct Endpoint {
    specification: &'static str,
    /// Relative to this server: behind a proxy, only the client knows the public scheme and host.
    url: &'static str,
    changeset: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    formats: Vec<&'static str>,
}

/// The same document with XML's wrapper elements (`<endpoints><endpoint>`, `<formats><format>`).
#[derive(Serialize)]
struct XmlDiscovery<'a> {
    changeset: &'static str,
    contact: &'a str,
    endpoints: XmlEndpoints<'a>,
}

#[derive(Serialize)]
struct XmlEndpoints<'a> {
    endpoint: Vec<XmlEndpoint<'a>>,
}

#[derive(Serialize)]
struct XmlEndpoint<'a> {
    specification: &'static str,
    url: &'static str,
    changeset: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    formats: XmlFormats<'a>,
}

#[derive(Serialize)]
struct XmlFormats<'a> {
    format: &'a [&'static str],
}

fn discovery(state: &AppState, settings: &Settings) -> Discovery {
    Discovery {
        changeset: CHANGESET,
        contact: settings
            .contact
            .as_deref()
            .map_or_else(|| state.portal.name.clone(), str::to_string),
        endpoints: vec![Endpoint {
            specification: SPECIFICATION,
            url: "/open311/v2",
            changeset: CHANGESET,
            kind: "production",
            formats: FORMATS.to_vec(),
        }],
    }
}

pub async fn json(State(state): State<AppState>, Extension(settings): Extension<Settings>) -> Response {
    axum::Json(discovery(&state, &settings)).into_response()
}

pub async fn in_xml(State(state): State<AppState>, Extension(settings): Extension<Settings>) -> Response {
    let d = discovery(&state, &settings);
    let endpoint = d
        .endpoints
        .iter()
        .map(|e| XmlEndpoint {
            specification: e.specification,
            url: e.url,
            changeset: e.changeset,
            kind: e.kind,
            formats: XmlFormats { format: &e.formats },
        })
        .collect();
    let document = XmlDiscovery {
        changeset: d.changeset,
        contact: &d.contact,
        endpoints: XmlEndpoints { endpoint },
    };
    xml(StatusCode::OK, "discovery", &document)
}
