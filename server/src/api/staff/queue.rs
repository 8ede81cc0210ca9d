//! `GET /staff/queue`: the work queue of the signed-in account (HTTP only; the SQL is `db::staff_queue`).

use aduan_core::staff::DUE_SOON_WORKING_DAYS;
use aduan_core::{FieldError, QueuePage, QueueTab};
use axum::extract::{RawQuery, State};
use axum::Json;
use chrono::Utc;

use crate::api::filter;
use crate::db;
use crate::db::staff_queue::QueueRequest;
use crate::problem::ApiError;
use crate::staff::Staff;
use crate::AppState;

fn bad_tab(message: &str) -> ApiError {
    ApiError::validation(vec![FieldError {
        field: "tab".into(),
        code: aduan_core::validation::Rule::Unknown.code().into(),
        message: message.into(),
    }])
}

/// `GET /staff/queue?tab=&status=&agency=&category=&region=&from=&to=&q=&page=&per_page=`: one tab of the role's
/// queue, nearest deadline first, with every tab's count under the same filters. A tab the role does not have is
/// a 422; an officer's tabs and counts hold only the reports forwarded to their agencies.
pub async fn queue(State(state): State<AppState>, staff: Staff, query: RawQuery) -> Result<Json<QueuePage>, ApiError> {
    let (filter, rest) = filter::parse(&query)?;
    let params = filter::list_params(rest)?;
    let last = |name: &str| {
        params
            .rest
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_string())
            .next_back()
    };
    let tabs = staff.role.queue_tabs();
    let tab = match last("tab") {
        None => tabs[0],
        Some(name) => match QueueTab::parse(&name) {
            Some(tab) if tabs.contains(&tab) => tab,
            Some(_) => return Err(bad_tab("This tab is not one of your role's.")),
            None => return Err(bad_tab("Unknown tab.")),
        },
    };
    let today = state.calendar.local_date(Utc::now());
    let request = QueueRequest {
        tab,
        filter,
        status: params.status,
        search: last("q").filter(|q| !q.is_empty()),
        paging: params.paging,
        today,
        soon_until: state.calendar.add_working_days(today, DUE_SOON_WORKING_DAYS),
    };
    let page = state
        .db
        .read(move |conn| Ok(db::staff_queue::queue(conn, &staff, &request)?))
        .await?;
    Ok(Json(page))
}
