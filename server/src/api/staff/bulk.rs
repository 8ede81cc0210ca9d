//! `POST /staff/bulk-steps`: the administrator's verify or forward for many reports at once (HTTP only). Each
//! report's step goes through [`take_step`], the single step's own code, in a write of its own (its own
//! savepoint, its own audit row): a refused report is listed with the problem the single step would have
//! answered, and never stops or undoes the others.

use std::collections::HashSet;

use aduan_core::ticket::Ticket;
use aduan_core::validation::{field_errors, Rule};
use aduan_core::{BulkFailure, BulkOutcome, BulkSteps, NewStep, StepAction};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;

use super::reports::{cleaned, take_step};
use super::ObjectBody;
use crate::http::wants_english;
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::AppState;

/// `POST /staff/bulk-steps` `BulkSteps` → 200 `BulkOutcome`. A refusal of the whole request (403 for another
/// role than the administrator's, 422 for a bad action, ticket list, message or agency) changes nothing.
pub async fn bulk_steps(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    ObjectBody(input): ObjectBody<BulkSteps>,
) -> Result<Json<BulkOutcome>, ApiError> {
    let english = wants_english(&headers);
    staff.admin_only("Only an administrator takes steps in bulk.")?;
    let invalid = |field, rule| ApiError::validation(field_errors(&[(field, rule)], english));
    if !BulkSteps::allows(input.action) {
        return Err(invalid("action", Rule::Unknown));
    }
    let tickets = distinct(&input.tickets);
    if tickets.is_empty() {
        return Err(invalid("tickets", Rule::Required));
    }
    if tickets.len() > BulkSteps::MAX_TICKETS {
        return Err(invalid("tickets", Rule::TooMany));
    }
    // The same message and agency for every report: refused once here rather than once per report.
    cleaned(&state, "message", &input.message, input.action.needs_message(), english)?;
    let agency = input.agency_id.as_deref().map(str::trim).filter(|a| !a.is_empty());
    if input.action == StepAction::Forward && agency.is_none() {
        return Err(invalid("agency_id", Rule::Required));
    }
    let step = NewStep {
        action: input.action,
        message: input.message,
        agency_id: input.agency_id,
    };
    // Every report's write is queued at once, each its own job: the writer commits them in the order sent and in
    // as few batches as it can (one sync for many), instead of one request-long wait per report.
    let writes: Vec<_> = tickets
        .iter()
        .map(|ticket| {
            let (state, staff, step, sent) = (state.clone(), staff.clone(), step.clone(), ticket.clone());
            tokio::spawn(async move {
                let db = state.db.clone();
                db.write(move |conn| take_step(conn, &state, &staff, &sent, &step, english))
                    .await
            })
        })
        .collect();
    let mut outcome = BulkOutcome::default();
    for (ticket, write) in tickets.into_iter().zip(writes) {
        let taken = write
            .await
            .unwrap_or_else(|_| Err(ApiError::internal("a bulk step's write was lost")));
        match taken {
            Ok(_) => outcome.done.push(ticket),
            Err(refused) => {
                let problem = refused.0;
                // Debug-quoted: a ticket is the caller's text, and must not write lines of its own into the log.
                tracing::info!(?ticket, status = problem.status, "bulk step refused");
                outcome.failed.push(BulkFailure {
                    ticket,
                    status: problem.status,
                    title: problem.title,
                    detail: problem.detail,
                });
            }
        }
    }
    Ok(Json(outcome))
}

/// The tickets sent, each once (however it was written), in the order first sent, trimmed.
fn distinct(sent: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    sent.iter()
        .map(|t| t.trim())
        .filter(|t| {
            let key = Ticket::parse(t).map_or_else(|_| t.to_string(), |p| p.as_str().to_string());
            seen.insert(key)
        })
        .map(str::to_string)
        .collect()
}
