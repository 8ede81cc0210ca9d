//! Every error leaves the server as RFC 9457 `application/problem+json`.

use aduan_core::{FieldError, Problem};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// The problem, and for a 429 the seconds to send in `Retry-After`.
#[derive(Debug)]
pub struct ApiError(pub Problem, Option<u64>);

impl ApiError {
    pub fn new(status: StatusCode, title: &str) -> Self {
        ApiError(
            Problem {
                kind: "about:blank".into(),
                title: title.into(),
                status: status.as_u16(),
                detail: None,
                errors: vec![],
            },
            None,
        )
    }

    /// 429 with `Retry-After: {seconds}`.
    pub fn too_many_requests(seconds: u64) -> Self {
        let mut e = Self::new(StatusCode::TOO_MANY_REQUESTS, "Too many requests")
            .detail(format!("Try again in {seconds} seconds."));
        e.1 = Some(seconds);
        e
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.0.detail = Some(detail.into());
        self
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "Bad request").detail(detail)
    }

    /// The field errors the problem names (`errors`), for a client to show at each field.
    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.0.errors = errors;
        self
    }

    pub fn validation(errors: Vec<FieldError>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "Validation failed").with_errors(errors)
    }

    /// A write the caller's role may not make (staff routes).
    pub fn forbidden(detail: &str) -> Self {
        Self::new(StatusCode::FORBIDDEN, "Forbidden").detail(detail)
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "Not found")
    }

    pub fn internal(err: impl std::fmt::Display) -> Self {
        tracing::error!("internal error: {err}");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal error")
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self.0).unwrap_or_default();
        let mut res = (status, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response();
        if let Some(seconds) = self.1 {
            res.headers_mut().insert(header::RETRY_AFTER, seconds.into());
        }
        res
    }
}

/// Rewrites error responses that axum's own extractors produce as plain text (body too large, bad path,
/// method not allowed…) into problem documents, so clients of the API only ever parse one error format.
pub async fn errors_as_problems(res: Response) -> Response {
    let status = res.status();
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return res;
    }
    let (parts, body) = res.into_parts();
    let text = axum::body::to_bytes(body, 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let mut problem = ApiError::new(status, status.canonical_reason().unwrap_or("Error"));
    if !text.is_empty() {
        problem = problem.detail(text);
    }
    let mut res = problem.into_response();
    for (name, value) in parts.headers.iter().filter(|(n, _)| {
        [
            header::ALLOW,
            header::RETRY_AFTER,
            header::WWW_AUTHENTICATE,
            header::CACHE_CONTROL,
        ]
        .contains(n)
    }) {
        res.headers_mut().insert(name.clone(), value.clone());
    }
    res
}
