//! What both protocols, `/api/v1` and `/open311/v2`, share at the HTTP level: the CORS layer, the body limit,
//! JSON request bodies and the language of messages.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use serde::de::DeserializeOwned;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::problem::ApiError;

/// The largest body either protocol takes, uploads excepted (they have the portal's attachment limit).
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

/// Lets the SPA served from another origin (a municipality's own host) call this server.
pub fn cors_layer(cors_origins: &[String]) -> Option<CorsLayer> {
    if cors_origins.is_empty() {
        return None;
    }
    let origins = cors_origins
        .iter()
        .filter_map(|o| o.trim().parse().ok())
        .collect::<Vec<_>>();
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::DELETE])
            .allow_headers([
                header::CONTENT_TYPE,
                header::ACCEPT_LANGUAGE,
                header::AUTHORIZATION,
                HeaderName::from_static("idempotency-key"),
                HeaderName::from_static("x-access-code"),
            ]),
    )
}

/// Keeps an answer out of every cache (browser, proxy, the SPA's service worker): for answers that carry
/// personal data or confidential text.
pub async fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// [`no_store`] for the answers of the citizens' routes that may carry what only the reporter may see: those to
/// a request with an access code (the report as its reporter sees it), and those to writes (a new report's access
/// code, the reporter's view after a reply or rating). Public reads stay cacheable.
pub async fn no_store_when_personal(req: Request, next: Next) -> Response {
    let personal = req.headers().contains_key("x-access-code") || !matches!(*req.method(), Method::GET | Method::HEAD);
    let res = next.run(req).await;
    if personal {
        no_store(res).await
    } else {
        res
    }
}

/// Like `axum::Json`, but a malformed body is a 400/415 problem document that says what was wrong.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(JsonBody(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
            )
            .detail("Send the body as application/json.")),
            Err(JsonRejection::BytesRejection(e)) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "Payload too large"))
            }
            Err(e) => Err(ApiError::bad_request(e.body_text())),
        }
    }
}

/// Prefers English messages when the client asks for English first.
pub fn wants_english(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("en"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_only_when_asked_for_first() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_LANGUAGE, value.parse().unwrap());
            wants_english(&headers)
        };
        assert!(with("en-GB,en;q=0.9"));
        assert!(with(" EN"));
        assert!(!with("id-ID,en;q=0.8"));
        assert!(!wants_english(&HeaderMap::new()));
    }
}
