//! `/staff/accounts`: administrators list, create and change staff accounts (a supervisor may read the list).
//! Every change is audited against the administrator, naming the account; a password never leaves the server.

use aduan_core::validation::{clean_text, message, Rule};
use aduan_core::{AccountChange, FieldError, NewAccount, Role, StaffAccount};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;

use super::ObjectBody;
use crate::accounts::username_problem;
use crate::db::accounts::{self as store, Account, AccountUpdate, NewAccountRow, SERVICE_ACCOUNT};
use crate::db::audit::{self, AuditRecord};
use crate::http::wants_english;
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::{password, AppState};

const DISPLAY_NAME_MAX: usize = 80;

/// The wording of a refused account field, Indonesian first; the codes of [`Rule`] keep core's words.
fn wording(code: &str, field: &str, english: bool) -> String {
    let text = match (code, english) {
        ("invalid", false) => "Gunakan 3–32 huruf kecil, angka, titik, garis bawah, atau tanda hubung.",
        ("invalid", true) => "Use 3–32 lowercase letters, digits, dots, underscores or hyphens.",
        ("taken", false) => "Nama pengguna ini sudah dipakai.",
        ("taken", true) => "This username is taken.",
        ("too_short", false) if field.ends_with("password") => "Kata sandi minimal 12 karakter.",
        ("too_short", true) if field.ends_with("password") => "A password has at least 12 characters.",
        ("same_as_username", false) => "Kata sandi tidak boleh sama dengan nama pengguna.",
        ("same_as_username", true) => "The password cannot be the username.",
        ("wrong", false) => "Kata sandi saat ini salah.",
        ("wrong", true) => "The current password is wrong.",
        ("not_allowed", false) if field == "agency_ids" => "Hanya petugas yang bertugas untuk instansi.",
        ("not_allowed", true) if field == "agency_ids" => "Only officers act for agencies.",
        ("not_allowed", false) => "Akun layanan token operator tidak dapat diubah begini.",
        ("not_allowed", true) => "The operator token's service account cannot be changed this way.",
        ("self", false) => "Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri.",
        ("self", true) => "You cannot disable or demote your own account.",
        (code, english) => {
            let rule = Rule::ALL
                .into_iter()
                .find(|r| r.code() == code)
                .unwrap_or(Rule::Unknown);
            message(rule, english)
        }
    };
    text.to_string()
}

/// 422 with the given (field, code) pairs in the caller's language.
pub fn invalid(errors: &[(&str, &str)], english: bool) -> ApiError {
    ApiError::validation(
        errors
            .iter()
            .map(|(field, code)| FieldError {
                field: (*field).into(),
                code: (*code).into(),
                message: wording(code, field, english),
            })
            .collect(),
    )
}

/// Writes the audit row of an account action by `by`, naming the account (and what changed; never a password).
pub fn record(
    conn: &rusqlite::Connection,
    by: &Staff,
    action: &str,
    detail: serde_json::Value,
) -> rusqlite::Result<()> {
    let detail = detail.to_string();
    let record = AuditRecord {
        report_id: None,
        at: Utc::now(),
        action,
        status: None,
        message: None,
        detail: Some(&detail),
    };
    audit::record(conn, by, &record)
}

/// `GET /staff/accounts`: administrators and supervisors.
pub async fn list(State(state): State<AppState>, staff: Staff) -> Result<Json<Vec<StaffAccount>>, ApiError> {
    if staff.role == Role::Officer {
        return Err(ApiError::forbidden(
            "Only administrators and supervisors see the accounts.",
        ));
    }
    let accounts = state.db.read(|conn| Ok(store::list(conn)?)).await?;
    Ok(Json(accounts.iter().map(Account::view).collect()))
}

const ADMIN_ONLY: &str = "Only administrators manage accounts.";

/// Field errors of agencies for `role`: an officer acts for at least one, the other roles for none.
fn agency_problem(role: Role, agency_ids: &[String]) -> Option<&'static str> {
    match (role, agency_ids.is_empty()) {
        (Role::Officer, true) => Some("required"),
        (Role::Admin | Role::Supervisor, false) => Some("not_allowed"),
        _ => None,
    }
}

/// `POST /staff/accounts` `NewAccount` → 201 `StaffAccount` (administrators).
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    ObjectBody(input): ObjectBody<NewAccount>,
) -> Result<Response, ApiError> {
    staff.admin_only(ADMIN_ONLY)?;
    let english = wants_english(&headers);
    let username = input.username.trim().to_lowercase();
    let mut errors: Vec<(&str, &str)> = vec![];
    if let Some(code) = username_problem(&username) {
        errors.push(("username", code));
    }
    let display_name = clean_text(&input.display_name, 1, DISPLAY_NAME_MAX, false);
    if let Err(rule) = &display_name {
        errors.push(("display_name", rule.code()));
    }
    let mut agency_ids = input.agency_ids.clone();
    agency_ids.sort();
    agency_ids.dedup();
    if let Some(code) = agency_problem(input.role, &agency_ids) {
        errors.push(("agency_ids", code));
    }
    if let Some(code) = password::weakness(&input.password, &username) {
        errors.push(("password", code));
    }
    if !errors.is_empty() {
        return Err(invalid(&errors, english));
    }
    let display_name = display_name.unwrap_or_default();
    let hash = password::hash(input.password).await.map_err(ApiError::internal)?;
    let role = input.role;
    let account = state
        .db
        .write(move |conn| {
            if store::find(conn, &username)?.is_some() {
                return Err(invalid(&[("username", "taken")], english));
            }
            if !store::unknown_agencies(conn, &agency_ids)?.is_empty() {
                return Err(invalid(&[("agency_ids", "unknown")], english));
            }
            let row = NewAccountRow {
                username: &username,
                display_name: &display_name,
                role,
                agency_ids: &agency_ids,
                password_hash: Some(&hash),
            };
            store::create(conn, &row, Utc::now())?;
            let detail = serde_json::json!({ "account": username, "role": role.as_str(), "agencies": agency_ids });
            record(conn, &staff, "account_created", detail)?;
            store::find(conn, &username)?.ok_or_else(|| ApiError::internal("the new account is missing"))
        })
        .await?;
    tracing::info!(account = %account.username, role = account.role.as_str(), "staff account created");
    Ok((StatusCode::CREATED, Json(account.view())).into_response())
}

/// A change that passed the rules.
struct CheckedChange {
    display_name: Option<String>,
    /// The new agencies, when they differ.
    agencies: Option<Vec<String>>,
    /// The fields that change, for the audit trail.
    changed: Vec<&'static str>,
}

fn check_change(
    staff: &Staff,
    target: &Account,
    change: &AccountChange,
    english: bool,
) -> Result<CheckedChange, ApiError> {
    let mut errors: Vec<(&str, &str)> = vec![];
    let display_name = match change
        .display_name
        .as_deref()
        .map(|d| clean_text(d, 1, DISPLAY_NAME_MAX, false))
    {
        Some(Err(rule)) => {
            errors.push(("display_name", rule.code()));
            None
        }
        other => other.and_then(Result::ok),
    };
    let service = target.username == SERVICE_ACCOUNT;
    let role = change.role.unwrap_or(target.role);
    if change.role.is_some_and(|r| r != target.role) && service {
        errors.push(("role", "not_allowed"));
    }
    if change.password.is_some() && service {
        errors.push(("password", "not_allowed"));
    }
    let myself = staff.account_id == target.id;
    if myself && change.disabled == Some(true) {
        errors.push(("disabled", "self"));
    }
    if myself && role != Role::Admin {
        errors.push(("role", "self"));
    }
    let mut agencies = match &change.agency_ids {
        Some(ids) => ids.clone(),
        // Leaving the officer role drops the agencies that came with it.
        None if role != Role::Officer => vec![],
        None => target.agencies.iter().map(|a| a.id.clone()).collect(),
    };
    agencies.sort();
    agencies.dedup();
    if let Some(code) = agency_problem(role, &agencies) {
        errors.push(("agency_ids", code));
    }
    if let Some(code) = change
        .password
        .as_deref()
        .and_then(|p| password::weakness(p, &target.username))
    {
        errors.push(("password", code));
    }
    if !errors.is_empty() {
        return Err(invalid(&errors, english));
    }
    let current: Vec<String> = target.agencies.iter().map(|a| a.id.clone()).collect();
    let mut changed = vec![];
    for (field, differs) in [
        (
            "display_name",
            display_name.as_ref().is_some_and(|d| *d != target.display_name),
        ),
        ("role", role != target.role),
        ("agency_ids", agencies != current),
        ("disabled", change.disabled.is_some_and(|d| d != target.disabled)),
        ("password", change.password.is_some()),
    ] {
        if differs {
            changed.push(field);
        }
    }
    Ok(CheckedChange {
        display_name,
        agencies: (agencies != current).then_some(agencies),
        changed,
    })
}

/// `PATCH /staff/accounts/{username}` `AccountChange` → 200 `StaffAccount` (administrators). Disabling an account
/// or setting its password ends its sessions.
pub async fn change(
    State(state): State<AppState>,
    staff: Staff,
    Path(username): Path<String>,
    headers: HeaderMap,
    ObjectBody(input): ObjectBody<AccountChange>,
) -> Result<Json<StaffAccount>, ApiError> {
    staff.admin_only(ADMIN_ONLY)?;
    let english = wants_english(&headers);
    let lookup = username.trim().to_lowercase();
    let target = state
        .db
        .read(move |conn| Ok(store::find(conn, &lookup)?))
        .await?
        .ok_or_else(ApiError::not_found)?;
    let CheckedChange {
        display_name,
        agencies,
        changed,
    } = check_change(&staff, &target, &input, english)?;
    let hash = match input.password {
        Some(p) => Some(password::hash(p).await.map_err(ApiError::internal)?),
        None => None,
    };
    let (id, name) = (target.id, target.username.clone());
    let account = state
        .db
        .write(move |conn| {
            if let Some(ids) = agencies.as_deref() {
                if !store::unknown_agencies(conn, ids)?.is_empty() {
                    return Err(invalid(&[("agency_ids", "unknown")], english));
                }
            }
            let now = Utc::now();
            let update = AccountUpdate {
                display_name: display_name.as_deref(),
                role: input.role,
                agency_ids: agencies.as_deref(),
                disabled: input.disabled,
                password_hash: hash.as_deref(),
            };
            store::update(conn, id, &update, now)?;
            if input.disabled == Some(true) || hash.is_some() {
                store::revoke_all(conn, id, None, now)?;
            }
            if !changed.is_empty() {
                let action = match input.disabled {
                    Some(true) if changed.contains(&"disabled") => "account_disabled",
                    _ => "account_changed",
                };
                record(
                    conn,
                    &staff,
                    action,
                    serde_json::json!({ "account": name, "changed": changed }),
                )?;
            }
            store::find(conn, &name)?.ok_or_else(ApiError::not_found)
        })
        .await?;
    tracing::info!(account = %account.username, "staff account changed");
    Ok(Json(account.view()))
}
