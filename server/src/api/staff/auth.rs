//! Who is calling a `/staff` route: the bearer token is a session token from sign-in, or the operator token
//! (the service account `operator`, an administrator). Anything else is a 401 with `WWW-Authenticate: Bearer`.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};

use crate::api::operator::bearer_token;
use crate::client::ClientAddr;
use crate::crypto::secrets_match;
use crate::db;
use crate::db::accounts::{SessionLookup, SERVICE_ACCOUNT, SESSION_HOURS};
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::AppState;

/// A 401 that tells the client to sign in (again).
pub fn unauthorized(title: &str) -> Response {
    let mut res = ApiError::new(StatusCode::UNAUTHORIZED, title)
        .detail("Sign in and send Authorization: Bearer <token>.")
        .into_response();
    res.headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    res
}

/// A signed-in caller and the session they called with.
pub struct SignedIn {
    pub staff: Staff,
    /// When the session ends; for the operator token (which does not expire) a working day from now.
    pub expires_at: DateTime<Utc>,
    /// The session token; `None` for the operator token, which is configuration, not a session.
    pub token: Option<String>,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Some(token) = bearer_token(&parts.headers).filter(|t| !t.is_empty()) else {
            return Err(unauthorized("Sign-in required"));
        };
        let token = token.to_string();
        let (secrets, given) = (state.secrets.clone(), token.clone());
        let found = state
            .db
            .read(move |conn| Ok(db::accounts::session(conn, &secrets, &given, Utc::now())?))
            .await
            .map_err(IntoResponse::into_response)?;
        match found {
            SessionLookup::Valid(staff, expires_at) => Ok(SignedIn {
                staff,
                expires_at,
                token: Some(token),
            }),
            SessionLookup::Ended => Err(unauthorized("Session ended")),
            SessionLookup::Unknown => operator(parts, state, &token).await,
        }
    }
}

/// A token that is no session: the operator token, or a guess. Guesses are counted per client as on the
/// operator API (a session token, 256 random bits, needs no such count).
async fn operator(parts: &Parts, state: &AppState, token: &str) -> Result<SignedIn, Response> {
    let ClientAddr(client) = ClientAddr::of(&parts.extensions);
    state
        .throttles
        .admit_token(client)
        .map_err(IntoResponse::into_response)?;
    if !secrets_match(token, &state.operator_token) {
        state.throttles.token_failed(client);
        return Err(unauthorized("Sign-in required"));
    }
    let account = state
        .db
        .read(|conn| Ok(db::accounts::find(conn, SERVICE_ACCOUNT)?))
        .await
        .map_err(IntoResponse::into_response)?
        .ok_or_else(|| ApiError::internal("the service account is missing").into_response())?;
    // An administrator may disable the service account: then the operator token opens no staff route.
    if account.disabled {
        return Err(unauthorized("Account disabled"));
    }
    Ok(SignedIn {
        staff: account.staff(),
        expires_at: Utc::now() + Duration::hours(SESSION_HOURS),
        token: None,
    })
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        SignedIn::from_request_parts(parts, state).await.map(|s| s.staff)
    }
}
