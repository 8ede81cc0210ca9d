//! `GET /staff/monitoring` and `GET /staff/monitoring.csv`: the per-agency figures and ranking for the supervisor
//! and the administrator (HTTP only; the SQL is `db::monitoring`, the definitions `aduan_core::monitoring`).

use aduan_core::monitoring::{csv, CsvLang};
use aduan_core::validation::Rule;
use aduan_core::{FieldError, Monitoring, ReportFilter, Role};
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;

use crate::api::filter;
use crate::db;
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::AppState;

/// An officer acts for their own agencies and does not see how the others compare: monitoring is the
/// supervisor's and the administrator's.
fn allowed(staff: &Staff) -> Result<(), ApiError> {
    match staff.role {
        Role::Admin | Role::Supervisor => Ok(()),
        Role::Officer => Err(ApiError::forbidden("Monitoring is for supervisors and administrators.")),
    }
}

fn unknown(field: &str, message: &str) -> ApiError {
    ApiError::validation(vec![FieldError {
        field: field.into(),
        code: Rule::Unknown.code().into(),
        message: message.into(),
    }])
}

async fn figures(state: &AppState, f: ReportFilter) -> Result<Monitoring, ApiError> {
    let today = state.calendar.local_date(Utc::now()).to_string();
    state
        .db
        .read(move |conn| db::monitoring::compute(conn, &f, &today).map_err(ApiError::from))
        .await
}

/// `GET /staff/monitoring?from=&to=&agency=&category=&region=&kind=`: the statistics' filters; any other
/// parameter is a 422.
pub async fn monitoring(
    State(state): State<AppState>,
    staff: Staff,
    query: RawQuery,
) -> Result<Json<Monitoring>, ApiError> {
    allowed(&staff)?;
    let (f, rest) = filter::parse(&query)?;
    if let Some((key, _)) = rest.first() {
        return Err(unknown(key, "Unknown parameter."));
    }
    Ok(Json(figures(&state, f).await?))
}

/// `GET /staff/monitoring.csv?…&lang=id|en`: the same table as an attachment, headers in `lang` (default `id`).
pub async fn monitoring_csv(
    State(state): State<AppState>,
    staff: Staff,
    query: RawQuery,
) -> Result<Response, ApiError> {
    allowed(&staff)?;
    let (f, rest) = filter::parse(&query)?;
    let mut lang = CsvLang::Id;
    for (key, value) in rest {
        match (key.as_str(), CsvLang::parse(&value)) {
            ("lang", Some(l)) => lang = l,
            ("lang", None) => return Err(unknown("lang", "lang must be id or en.")),
            _ => return Err(unknown(&key, "Unknown parameter.")),
        }
    }
    let m = figures(&state, f).await?;
    let name = match lang {
        CsvLang::Id => "pemantauan",
        CsvLang::En => "monitoring",
    };
    let disposition = format!("attachment; filename=\"{name}-{}.csv\"", m.today);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        csv(&m, lang),
    )
        .into_response())
}
