//! The typed client of every `/staff` route of `public/openapi.yaml`. Built on the citizen client's HTTP
//! handling (`AduanClient::checked`), with the session token as `Authorization: Bearer`. A 401 (no session,
//! expired, revoked or a disabled account) is [`StaffError::SignedOut`], which the console answers by showing
//! the sign-in form where the user was; a 429 is [`StaffError::Throttled`] with the server's wait. No view code.

use aduan_core::{
    AccountChange, BulkOutcome, BulkSteps, InternalNote, MarkDuplicate, Monitoring, NewAccount, NewNote, NewStep,
    NewTemplate, PasswordChange, QueuePage, QueueQuery, ReportCorrection, ReportCreated, ReportFilter,
    ResponseTemplate, SignIn, StaffAccount, StaffReportView, StaffSession,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::{Callable, Callback};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::api::{AduanClient, ApiError};
use crate::url::{percent_encode, with_query};

/// What went wrong with a staff request.
#[derive(Clone, Debug, PartialEq)]
pub enum StaffError {
    /// 401: the session is missing, expired or revoked, or the account was disabled; sign in again. For
    /// sign-in itself: wrong username or password.
    SignedOut,
    /// 429: too many sign-in attempts; try again after this many seconds (`Retry-After`).
    Throttled { retry_after_secs: u64 },
    /// Anything else, as the citizen pages know it (network, 403, 404, 409, 422 with field errors, 5xx).
    Api(ApiError),
}

impl From<ApiError> for StaffError {
    fn from(error: ApiError) -> Self {
        StaffError::Api(error)
    }
}

impl StaffError {
    /// The HTTP status, if the server answered with an error.
    pub fn status(&self) -> Option<u16> {
        match self {
            StaffError::SignedOut => Some(401),
            StaffError::Throttled { .. } => Some(429),
            StaffError::Api(ApiError::Status { status, .. }) => Some(*status),
            StaffError::Api(_) => None,
        }
    }

    /// Field errors of a 422, as `(field, code)`.
    pub fn field_errors(&self) -> Vec<(String, String)> {
        match self {
            StaffError::Api(error) => error.field_errors(),
            _ => vec![],
        }
    }

    /// The error as the citizen pages' panel explains it (a 401/429 never reaches a panel: see above).
    pub fn api_error(&self) -> ApiError {
        match self {
            StaffError::Api(error) => error.clone(),
            StaffError::SignedOut => ApiError::Status {
                status: 401,
                problem: None,
            },
            StaffError::Throttled { .. } => ApiError::Status {
                status: 429,
                problem: None,
            },
        }
    }
}

/// The `Retry-After` header, read through the response's `headers` by name (crate::js): `Response.headers`'
/// own binding would be a wasm import, and imports stay in the shell every citizen downloads.
fn retry_after(res: web_sys::Response) -> Option<String> {
    let headers = crate::js::property(&res, "headers")?;
    crate::js::call(&headers, "get", &"Retry-After".into())?.as_string()
}

/// Seconds to wait from a `Retry-After` header (seconds form; an HTTP date or nothing counts as a minute).
pub fn retry_after_secs(header: Option<&str>) -> u64 {
    header.and_then(|h| h.trim().parse::<u64>().ok()).unwrap_or(60)
}

/// The `/staff` client: the backend's base URL and the session's token (none before sign-in). A 401 also
/// calls `on_signed_out`, so that every page of the console reacts to an expired session in one place.
#[derive(Clone)]
pub struct StaffApi {
    base_url: String,
    token: Option<String>,
    on_signed_out: Option<Callback<()>>,
}

impl StaffApi {
    pub fn new(backend: &AduanClient, token: Option<String>, on_signed_out: Option<Callback<()>>) -> StaffApi {
        StaffApi {
            base_url: format!("{}/staff", backend.base_url()),
            token,
            on_signed_out,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    fn authorized(&self, req: RequestBuilder) -> RequestBuilder {
        match &self.token {
            Some(token) => req.header("Authorization", &format!("Bearer {token}")),
            None => req,
        }
    }

    /// The answer of a sent request, or what went wrong.
    async fn answer(&self, req: RequestBuilder, body: Option<String>) -> Result<Response, StaffError> {
        let req = self.authorized(req);
        let sent = match body {
            Some(json) => {
                req.header("Content-Type", "application/json")
                    .body(json)
                    .map_err(|_| ApiError::Decode)?
                    .send()
                    .await
            }
            None => req.send().await,
        };
        let res = sent.map_err(|_| ApiError::Network)?;
        match res.status() {
            401 => {
                if let Some(signed_out) = self.on_signed_out {
                    signed_out.run(());
                }
                Err(StaffError::SignedOut)
            }
            429 => Err(StaffError::Throttled {
                retry_after_secs: retry_after_secs(retry_after(res.into()).as_deref()),
            }),
            _ => Ok(AduanClient::checked(res).await?),
        }
    }

    async fn json<T: DeserializeOwned>(&self, req: RequestBuilder, body: Option<String>) -> Result<T, StaffError> {
        let res = self.answer(req, body).await?;
        Ok(res.json::<T>().await.map_err(|_| ApiError::Decode)?)
    }

    fn body<B: Serialize>(body: &B) -> Result<Option<String>, StaffError> {
        Ok(Some(serde_json::to_string(body).map_err(|_| ApiError::Decode)?))
    }

    /// `POST /staff/session`: 201 with the token. Wrong credentials are [`StaffError::SignedOut`] (the
    /// client's `on_signed_out` is not called: this client has no session yet).
    pub async fn sign_in(&self, credentials: &SignIn) -> Result<StaffSession, StaffError> {
        let unsigned = StaffApi {
            on_signed_out: None,
            token: None,
            ..self.clone()
        };
        unsigned
            .json(Request::post(&self.url("/session")), Self::body(credentials)?)
            .await
    }

    /// `GET /staff/session`: the signed-in account (no token).
    pub async fn session(&self) -> Result<StaffSession, StaffError> {
        self.json(Request::get(&self.url("/session")), None).await
    }

    /// `DELETE /staff/session`: revokes the token on the server.
    pub async fn sign_out(&self) -> Result<(), StaffError> {
        self.answer(Request::delete(&self.url("/session")), None)
            .await
            .map(drop)
    }

    /// `POST /staff/session/password`: 204; every other session of the account is signed out.
    pub async fn change_password(&self, change: &PasswordChange) -> Result<(), StaffError> {
        self.answer(Request::post(&self.url("/session/password")), Self::body(change)?)
            .await
            .map(drop)
    }

    /// `GET /staff/accounts` (admin; a supervisor may read).
    pub async fn accounts(&self) -> Result<Vec<StaffAccount>, StaffError> {
        self.json(Request::get(&self.url("/accounts")), None).await
    }

    /// `POST /staff/accounts` (admin).
    pub async fn create_account(&self, account: &NewAccount) -> Result<StaffAccount, StaffError> {
        self.json(Request::post(&self.url("/accounts")), Self::body(account)?)
            .await
    }

    /// `PATCH /staff/accounts/{username}` (admin): disabling or a new password signs the account out.
    pub async fn change_account(&self, username: &str, change: &AccountChange) -> Result<StaffAccount, StaffError> {
        let url = self.url(&format!("/accounts/{}", percent_encode(username)));
        self.json(Request::patch(&url), Self::body(change)?).await
    }

    /// `GET /staff/templates?action=&category_id=`: response templates (every role reads them).
    pub async fn templates(&self, category_id: Option<&str>) -> Result<Vec<ResponseTemplate>, StaffError> {
        let pairs: Vec<(&str, String)> = category_id
            .map(|c| ("category_id", c.to_string()))
            .into_iter()
            .collect();
        self.json(Request::get(&with_query(&self.url("/templates"), &pairs)), None)
            .await
    }

    /// `POST /staff/templates` (administrators): 201 with the template saved.
    pub async fn create_template(&self, template: &NewTemplate) -> Result<ResponseTemplate, StaffError> {
        self.json(Request::post(&self.url("/templates")), Self::body(template)?)
            .await
    }

    /// `PUT /staff/templates/{id}` (administrators): 404 when another administrator deleted it meanwhile.
    pub async fn replace_template(&self, id: i64, template: &NewTemplate) -> Result<ResponseTemplate, StaffError> {
        self.json(
            Request::put(&self.url(&format!("/templates/{id}"))),
            Self::body(template)?,
        )
        .await
    }

    /// `DELETE /staff/templates/{id}` (administrators): 204.
    pub async fn delete_template(&self, id: i64) -> Result<(), StaffError> {
        self.answer(Request::delete(&self.url(&format!("/templates/{id}"))), None)
            .await
            .map(drop)
    }

    /// `GET /staff/queue`: one page of a tab, with every tab's count.
    pub async fn queue(&self, query: &QueueQuery) -> Result<QueuePage, StaffError> {
        self.json(
            Request::get(&with_query(
                &self.url("/queue"),
                &super::queue::query::queue_pairs(query),
            )),
            None,
        )
        .await
    }

    /// `GET /staff/monitoring`: the agencies' figures and ranking for the statistics' filter (403 for an officer).
    pub async fn monitoring(&self, filter: &ReportFilter) -> Result<Monitoring, StaffError> {
        let url = with_query(&self.url("/monitoring"), &filter.query_pairs());
        self.json(Request::get(&url), None).await
    }

    /// `GET /staff/monitoring.csv`: the same table as CSV bytes, headers in `lang` (`id` or `en`), fetched with the
    /// token (a link cannot carry it) for the page to save.
    pub async fn monitoring_csv(&self, filter: &ReportFilter, lang: &str) -> Result<Vec<u8>, StaffError> {
        let mut pairs = filter.query_pairs();
        pairs.push(("lang", lang.to_string()));
        let url = with_query(&self.url("/monitoring.csv"), &pairs);
        let res = self.answer(Request::get(&url), None).await?;
        Ok(res.binary().await.map_err(|_| ApiError::Decode)?)
    }

    /// `POST /staff/reports` (admin): a report typed in at the desk. `body` (the citizen's report and its
    /// `channel`) goes byte for byte with the draft's Idempotency-Key, as the citizen's `create_report_exact`,
    /// so that a retry replays the first answer; 201 with the citizen's receipt.
    pub async fn record_report(&self, body: &str, idempotency_key: &str) -> Result<ReportCreated, StaffError> {
        let req = Request::post(&self.url("/reports")).header("Idempotency-Key", idempotency_key);
        self.json(req, Some(body.to_string())).await
    }

    /// `GET /staff/reports/{ticket}`: everything staff see of a report (404 for an officer outside their
    /// agencies, as for a ticket that does not exist).
    pub async fn report(&self, ticket: &str) -> Result<StaffReportView, StaffError> {
        self.json(Request::get(&self.report_url(ticket, "")), None).await
    }

    /// `POST /staff/reports/{ticket}/steps`: 409 if the step is not possible now, 403 for another role's step.
    pub async fn step(&self, ticket: &str, step: &NewStep) -> Result<StaffReportView, StaffError> {
        self.json(Request::post(&self.report_url(ticket, "/steps")), Self::body(step)?)
            .await
    }

    /// `POST /staff/bulk-steps` (administrators): one step for many reports, each taken as the single step takes
    /// it; every report sent is in the answer's `done` or `failed`.
    pub async fn bulk_steps(&self, bulk: &BulkSteps) -> Result<BulkOutcome, StaffError> {
        self.json(Request::post(&self.url("/bulk-steps")), Self::body(bulk)?)
            .await
    }

    /// `POST /staff/reports/{ticket}/notes`: an internal note, never public.
    pub async fn note(&self, ticket: &str, note: &NewNote) -> Result<InternalNote, StaffError> {
        self.json(Request::post(&self.report_url(ticket, "/notes")), Self::body(note)?)
            .await
    }

    /// `PATCH /staff/reports/{ticket}` (admin): corrects what the citizen chose, with a reason.
    pub async fn correct(&self, ticket: &str, correction: &ReportCorrection) -> Result<StaffReportView, StaffError> {
        self.json(Request::patch(&self.report_url(ticket, "")), Self::body(correction)?)
            .await
    }

    /// `POST /staff/reports/{ticket}/duplicate` (admin): "Tandai duplikat"; the report closed as a duplicate.
    pub async fn mark_duplicate(&self, ticket: &str, request: &MarkDuplicate) -> Result<StaffReportView, StaffError> {
        self.json(
            Request::post(&self.report_url(ticket, "/duplicate")),
            Self::body(request)?,
        )
        .await
    }

    /// `GET /staff/reports/{ticket}/attachments/{id}`: an attachment of a report, confidential ones included,
    /// fetched with the token (a link cannot carry it), as bytes the page turns into a blob URL.
    pub async fn attachment_bytes(&self, ticket: &str, id: &str) -> Result<Vec<u8>, StaffError> {
        let res = self
            .answer(Request::get(&self.attachment_url(ticket, id)), None)
            .await?;
        Ok(res.binary().await.map_err(|_| ApiError::Decode)?)
    }

    /// Where an attachment is for staff: `/staff/reports/{ticket}/attachments/{id}`, with the same scope as the
    /// report (the public route would ask a confidential report's access code). The token goes as a header, see
    /// `attachment_bytes`.
    pub fn attachment_url(&self, ticket: &str, id: &str) -> String {
        self.report_url(ticket, &format!("/attachments/{}", percent_encode(id)))
    }

    fn report_url(&self, ticket: &str, rest: &str) -> String {
        self.url(&format!("/reports/{}{rest}", percent_encode(ticket)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Staff fetch attachments from the staff route, which opens a confidential report's files to the session;
    /// the public route would ask for the reporter's access code.
    #[test]
    fn staff_fetch_attachments_from_the_staff_route() {
        let api = StaffApi::new(&AduanClient::new("/api/v1/"), Some("t".into()), None);
        assert_eq!(
            api.attachment_url("7KQ2M9XW4", "a b"),
            "/api/v1/staff/reports/7KQ2M9XW4/attachments/a%20b"
        );
    }

    #[test]
    fn the_wait_is_the_retry_after_seconds_or_a_minute() {
        assert_eq!(retry_after_secs(Some("120")), 120);
        assert_eq!(retry_after_secs(Some("Wed, 21 Oct 2026 07:28:00 GMT")), 60);
        assert_eq!(retry_after_secs(None), 60);
    }
}
