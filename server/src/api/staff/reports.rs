//! `/staff/reports/{ticket}...`: a report as staff see it, its workflow steps, internal notes, corrections and
//! attachments (HTTP only; the SQL is `db::staff_reports`).
//!
//! Every route answers in the same order: 401 without a session (the extractor), 404 for a ticket that does not
//! exist or that an officer may not see (the same answer, so it does not tell that the report exists), 403 for a
//! write the role may not make, 422 for a bad field, 409 for a step the report cannot take now.

use aduan_core::duplicate::DuplicateRefusal;
use aduan_core::ticket::Ticket;
use aduan_core::validation::{clean_text, field_errors, Rule};
use aduan_core::{
    FieldError, InternalNote, MarkDuplicate, NewNote, NewStep, ReportCorrection, StaffReportView, StepAction,
};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use chrono::Utc;
use rusqlite::Connection;

use super::ObjectBody;
use crate::api::attachments::send_file;
use crate::api::operator::transition_refused;
use crate::db;
use crate::db::duplicates::MarkError;
use crate::db::staff_corrections::CorrectionError;
use crate::db::staff_reports::{find, Step, StepError};
use crate::http::wants_english;
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::AppState;

/// Refuses a write by a role that changes nothing (the supervisor's).
fn may_write(staff: &Staff) -> Result<(), ApiError> {
    if staff.role.can_write() {
        Ok(())
    } else {
        Err(ApiError::forbidden("Your role reads reports and changes nothing."))
    }
}

/// `text` cleaned as the portal cleans a message, or a 422 naming `field`.
pub(super) fn cleaned(
    state: &AppState,
    field: &'static str,
    text: &str,
    required: bool,
    english: bool,
) -> Result<String, ApiError> {
    let min = usize::from(required);
    clean_text(text, min, state.portal.limits.message_max, true)
        .map_err(|rule| ApiError::validation(field_errors(&[(field, rule)], english)))
}

/// `GET /staff/reports/{ticket}`.
pub async fn get(
    State(state): State<AppState>,
    staff: Staff,
    Path(ticket): Path<String>,
) -> Result<Json<StaffReportView>, ApiError> {
    let view = state
        .db
        .read(move |conn| {
            let found = find(conn, &staff, &ticket)?;
            Ok(db::staff_reports::view(conn, &staff, found.id)?)
        })
        .await?;
    Ok(Json(view))
}

/// `POST /staff/reports/{ticket}/steps` `NewStep` → the report after the step.
pub async fn step(
    State(state): State<AppState>,
    staff: Staff,
    Path(ticket): Path<String>,
    headers: HeaderMap,
    ObjectBody(input): ObjectBody<NewStep>,
) -> Result<Json<StaffReportView>, ApiError> {
    let english = wants_english(&headers);
    let db = state.db.clone();
    let view = db
        .write(move |conn| {
            let id = take_step(conn, &state, &staff, &ticket, &input, english)?;
            Ok(db::staff_reports::view(conn, &staff, id)?)
        })
        .await?;
    Ok(Json(view))
}

/// Takes `input` on the report of `ticket` as `staff` (the single step and each report of a bulk step go through
/// here, so both refuse the same things in the same order); the report's id.
pub(super) fn take_step(
    conn: &mut Connection,
    state: &AppState,
    staff: &Staff,
    ticket: &str,
    input: &NewStep,
    english: bool,
) -> Result<i64, ApiError> {
    let found = find(conn, staff, ticket)?;
    may_write(staff)?;
    if input.action.role() != staff.role {
        return Err(ApiError::forbidden("This step is another role's."));
    }
    let message = cleaned(state, "message", &input.message, input.action.needs_message(), english)?;
    let agency_id = input.agency_id.as_deref().map(str::trim).filter(|a| !a.is_empty());
    if input.action == StepAction::Forward && agency_id.is_none() {
        return Err(ApiError::validation(field_errors(
            &[("agency_id", Rule::Required)],
            english,
        )));
    }
    let step = Step {
        action: input.action,
        message: Some(message.as_str()).filter(|m| !m.is_empty()),
        agency_id: agency_id.filter(|_| input.action == StepAction::Forward),
        at: Utc::now(),
    };
    db::staff_reports::take_step(conn, staff, &found, &step, &state.calendar, &state.portal.sla).map_err(
        |e| match e {
            StepError::NotNow { from } => ApiError::new(StatusCode::CONFLICT, "Illegal transition").detail(format!(
                "A report that is {} cannot take the step {} now.",
                from.as_str(),
                step.action.as_str()
            )),
            StepError::Transition(e) => transition_refused(e, english),
        },
    )?;
    Ok(found.id)
}

/// `POST /staff/reports/{ticket}/notes` `NewNote` → 201 the note. Notes are never shown on a public endpoint.
pub async fn note(
    State(state): State<AppState>,
    staff: Staff,
    Path(ticket): Path<String>,
    headers: HeaderMap,
    ObjectBody(input): ObjectBody<NewNote>,
) -> Result<(StatusCode, Json<InternalNote>), ApiError> {
    let english = wants_english(&headers);
    let db = state.db.clone();
    let note = db
        .write(move |conn| {
            let found = find(conn, &staff, &ticket)?;
            may_write(&staff)?;
            let text = cleaned(&state, "text", &input.text, true, english)?;
            Ok(db::staff_reports::add_note(conn, &staff, found.id, &text, Utc::now())?)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(note)))
}

/// `PATCH /staff/reports/{ticket}` `ReportCorrection` (administrators) → the corrected report.
pub async fn correct(
    State(state): State<AppState>,
    staff: Staff,
    Path(ticket): Path<String>,
    headers: HeaderMap,
    ObjectBody(input): ObjectBody<ReportCorrection>,
) -> Result<Json<StaffReportView>, ApiError> {
    let english = wants_english(&headers);
    let db = state.db.clone();
    let view = db
        .write(move |conn| {
            let found = find(conn, &staff, &ticket)?;
            staff.admin_only("Only an administrator corrects a report.")?;
            let correction = ReportCorrection {
                reason: cleaned(&state, "reason", &input.reason, true, english)?,
                ..input
            };
            let unknown = |field| ApiError::validation(field_errors(&[(field, Rule::Unknown)], english));
            db::staff_corrections::correct(conn, &staff, found.id, &correction, Utc::now()).map_err(|e| match e {
                CorrectionError::UnknownCategory => unknown("category_id"),
                CorrectionError::UnknownRegion => unknown("region_id"),
                CorrectionError::Finished => ApiError::new(StatusCode::CONFLICT, "Report finished")
                    .detail("A rejected, completed or closed report is no longer corrected."),
                CorrectionError::Db(e) => e.into(),
            })?;
            Ok(db::staff_reports::view(conn, &staff, found.id)?)
        })
        .await?;
    Ok(Json(view))
}

/// `POST /staff/reports/{ticket}/duplicate` `MarkDuplicate` (administrators) → the duplicate, closed.
pub async fn mark_duplicate(
    State(state): State<AppState>,
    staff: Staff,
    Path(ticket): Path<String>,
    headers: HeaderMap,
    ObjectBody(input): ObjectBody<MarkDuplicate>,
) -> Result<Json<StaffReportView>, ApiError> {
    let english = wants_english(&headers);
    let db = state.db.clone();
    let view = db
        .write(move |conn| {
            let found = find(conn, &staff, &ticket)?;
            staff.admin_only("Only an administrator marks a duplicate.")?;
            let field = |rule| ApiError::validation(field_errors(&[("duplicate_of", rule)], english));
            let main = match input.duplicate_of.trim() {
                "" => return Err(field(Rule::Required)),
                text => Ticket::parse(text).map_err(|_| field(Rule::Unknown))?,
            };
            let message = cleaned(&state, "message", &input.message, false, english)?;
            let message = Some(message.as_str()).filter(|m| !m.is_empty());
            db::duplicates::mark(
                conn,
                &staff,
                found.id,
                main.as_str(),
                message,
                Utc::now(),
                &state.calendar,
            )
            .map_err(|e| match e {
                MarkError::UnknownMain => field(Rule::Unknown),
                MarkError::Refused(refusal) => duplicate_refused(&refusal, english),
                MarkError::Db(e) => e.into(),
            })?;
            Ok(db::staff_reports::view(conn, &staff, found.id)?)
        })
        .await?;
    Ok(Json(view))
}

/// A refusal of the duplicate rule: 422 or 409, with an error on `duplicate_of` whose code names the reason.
fn duplicate_refused(refusal: &DuplicateRefusal, english: bool) -> ApiError {
    let message = refusal.message(english);
    let status = StatusCode::from_u16(refusal.http_status()).unwrap_or(StatusCode::CONFLICT);
    let title = if status == StatusCode::CONFLICT {
        "Not a duplicate now"
    } else {
        "Not a duplicate"
    };
    ApiError::new(status, title)
        .detail(message.clone())
        .with_errors(vec![FieldError {
            field: "duplicate_of".into(),
            code: refusal.code().into(),
            message,
        }])
}

/// `GET /staff/reports/{ticket}/attachments/{id}`: any attachment of a report the caller may see.
pub async fn attachment(
    State(state): State<AppState>,
    staff: Staff,
    Path((ticket, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let file = state
        .db
        .read(move |conn| {
            let found = find(conn, &staff, &ticket)?;
            db::attachments::find(conn, found.id, &id)?.ok_or_else(ApiError::not_found)
        })
        .await?;
    send_file(&state, file).await
}
