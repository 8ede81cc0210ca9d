//! `/staff/templates`: response templates. Every staff role reads them (officers use them on the report page);
//! only administrators write them, and each write is audited against the administrator, naming the template.

use aduan_core::templates::{self, CheckedTemplate};
use aduan_core::validation::Rule;
use aduan_core::{NewTemplate, ResponseTemplate, TemplateQuery};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;

use super::accounts::{invalid, record};
use super::ObjectBody;
use crate::db::templates::{self as store, TemplateRow};
use crate::http::wants_english;
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::AppState;

const ADMIN_ONLY: &str = "Only administrators manage response templates.";

/// `GET /staff/templates?action=&category_id=` → 200 `[ResponseTemplate]` (every role).
pub async fn list(
    State(state): State<AppState>,
    _staff: Staff,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Json<Vec<ResponseTemplate>>, ApiError> {
    let english = wants_english(&headers);
    let query: TemplateQuery = serde_urlencoded::from_str(query.0.as_deref().unwrap_or(""))
        .map_err(|_| invalid(&[("action", Rule::Unknown.code())], english))?;
    let category = query.category_id.filter(|c| !c.trim().is_empty());
    let found = state
        .db
        .read(move |conn| Ok(store::list(conn, query.action, category.as_deref())?))
        .await?;
    Ok(Json(found))
}

/// The template's fields as checked, or a 422 naming each bad one.
fn check(input: &NewTemplate, english: bool) -> Result<CheckedTemplate, ApiError> {
    templates::validate(input.action, &input.title, &input.text_id, &input.text_en).map_err(|errors| {
        let pairs: Vec<(&str, &str)> = errors.iter().map(|(field, rule)| (*field, rule.code())).collect();
        invalid(&pairs, english)
    })
}

/// Writes `input` as a new template (`id` `None`) or over template `id`, with its audit row, and reads it back.
async fn save(
    state: &AppState,
    staff: Staff,
    id: Option<i64>,
    input: NewTemplate,
    english: bool,
) -> Result<ResponseTemplate, ApiError> {
    let fields = check(&input, english)?;
    let category = input
        .category_id
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    state
        .db
        .write(move |conn| {
            if let Some(c) = category.as_deref() {
                if !crate::db::portal::category_exists(conn, c)? {
                    return Err(invalid(&[("category_id", Rule::Unknown.code())], english));
                }
            }
            let row = TemplateRow {
                action: input.action,
                category_id: category.as_deref(),
                fields: &fields,
            };
            let now = Utc::now();
            let (id, action) = match id {
                None => (store::create(conn, &row, staff.account_id, now)?, "template_created"),
                Some(id) if store::replace(conn, id, &row, staff.account_id, now)? => (id, "template_changed"),
                Some(_) => return Err(ApiError::not_found()),
            };
            let detail = serde_json::json!({ "template": id, "step": input.action.as_str(), "title": fields.title });
            record(conn, &staff, action, detail)?;
            store::find(conn, id)?.ok_or_else(|| ApiError::internal("the saved template is missing"))
        })
        .await
}

/// `POST /staff/templates` `NewTemplate` → 201 `ResponseTemplate` (administrators).
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    ObjectBody(input): ObjectBody<NewTemplate>,
) -> Result<Response, ApiError> {
    staff.admin_only(ADMIN_ONLY)?;
    let saved = save(&state, staff, None, input, wants_english(&headers)).await?;
    tracing::info!(
        template = saved.id,
        step = saved.action.as_str(),
        "response template created"
    );
    Ok((StatusCode::CREATED, Json(saved)).into_response())
}

/// `PUT /staff/templates/{id}` `NewTemplate` → 200 `ResponseTemplate` (administrators); 404 for an unknown id.
pub async fn replace(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    headers: HeaderMap,
    ObjectBody(input): ObjectBody<NewTemplate>,
) -> Result<Json<ResponseTemplate>, ApiError> {
    staff.admin_only(ADMIN_ONLY)?;
    let id = id.parse::<i64>().map_err(|_| ApiError::not_found())?;
    let saved = save(&state, staff, Some(id), input, wants_english(&headers)).await?;
    tracing::info!(template = saved.id, "response template changed");
    Ok(Json(saved))
}

/// `DELETE /staff/templates/{id}` → 204 (administrators); 404 for an unknown id.
pub async fn delete(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    staff.admin_only(ADMIN_ONLY)?;
    let id = id.parse::<i64>().map_err(|_| ApiError::not_found())?;
    state
        .db
        .write(move |conn| {
            let Some(found) = store::find(conn, id)? else {
                return Err(ApiError::not_found());
            };
            store::delete(conn, id)?;
            let detail = serde_json::json!({ "template": id, "step": found.action.as_str(), "title": found.title });
            record(conn, &staff, "template_deleted", detail)?;
            Ok(())
        })
        .await?;
    tracing::info!(template = id, "response template deleted");
    Ok(StatusCode::NO_CONTENT)
}
