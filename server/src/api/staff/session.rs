//! `/staff/session`: sign in (a new session token), who am I, sign out.

use aduan_core::{SignIn, StaffSession};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;

use super::auth::{unauthorized, SignedIn};
use crate::client::ClientAddr;
use crate::crypto::new_token;
use crate::db;
use crate::http::JsonBody;
use crate::password;
use crate::problem::ApiError;
use crate::AppState;

/// The one answer to every failed sign-in (unknown user, wrong password, disabled account), so that it does not
/// tell which usernames exist.
const WRONG: &str = "Wrong username or password";

/// `POST /staff/session` `SignIn` → 201 `StaffSession` with the token, given only here.
pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    JsonBody(input): JsonBody<SignIn>,
) -> Result<Response, ApiError> {
    state.sign_ins.admit(&input.username, client)?;
    let username = input.username.trim().to_lowercase();
    let lookup = username.clone();
    let account = state
        .db
        .read(move |conn| Ok(db::accounts::find(conn, &lookup)?))
        .await?;
    // The hash is checked whatever the account (a dummy one when there is none), so every failure takes as long.
    let stored = account
        .as_ref()
        .filter(|a| !a.disabled)
        .and_then(|a| a.password_hash.clone());
    let password_ok = password::verify(input.password, stored).await;
    let account = match account {
        Some(a) if password_ok && !a.disabled => a,
        known => {
            state.sign_ins.failed(&username, client);
            match known {
                Some(a) => tracing::warn!(account = %a.username, %client, "failed staff sign-in"),
                // A typed username that is no account may be a password typed in the wrong field: not logged.
                None => tracing::warn!(%client, "failed staff sign-in for an unknown username"),
            }
            return Ok(unauthorized(WRONG));
        }
    };
    state.sign_ins.succeeded(&username);
    let token = new_token().map_err(ApiError::internal)?;
    let (secrets, given, id) = (state.secrets.clone(), token.clone(), account.id);
    let expires_at = state
        .db
        .write(move |conn| Ok(db::accounts::create_session(conn, &secrets, id, &given, Utc::now())?))
        .await?;
    tracing::info!(account = %account.username, %client, "staff signed in");
    let session = StaffSession {
        token: Some(token),
        expires_at,
        account: account.view(),
    };
    Ok((StatusCode::CREATED, Json(session)).into_response())
}

/// `GET /staff/session`: the caller's account and when the session ends (the token is not given again).
pub async fn current(State(state): State<AppState>, signed_in: SignedIn) -> Result<Json<StaffSession>, ApiError> {
    let username = signed_in.staff.username.clone();
    let account = state
        .db
        .read(move |conn| Ok(db::accounts::find(conn, &username)?))
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(StaffSession {
        token: None,
        expires_at: signed_in.expires_at,
        account: account.view(),
    }))
}

/// `DELETE /staff/session` → 204: the token no longer signs in. With the operator token nothing is revoked
/// (it is configuration, not a session).
pub async fn sign_out(State(state): State<AppState>, signed_in: SignedIn) -> Result<StatusCode, ApiError> {
    if let Some(token) = signed_in.token {
        let secrets = state.secrets.clone();
        state
            .db
            .write(move |conn| Ok(db::accounts::revoke_session(conn, &secrets, &token, Utc::now())?))
            .await?;
        tracing::info!(account = %signed_in.staff.username, "staff signed out");
    }
    Ok(StatusCode::NO_CONTENT)
}
