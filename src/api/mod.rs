//! The typed client. Pages talk to a backend only through [`Backend`]; which protocol sits behind it is
//! decided by `config.json` at run time.

mod aduan;

use std::future::Future;

use aduan_core::listing::ListQuery;
use aduan_core::{Attachment, NewRating, NewReply, NewReport, Page, Portal, Problem, ReportCreated, ReportFilter, ReportSummary, ReportView, Stats, SupportCount};

pub use aduan::AduanClient;

/// What went wrong with a request, in terms a page can explain to a citizen.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer: offline, DNS, CORS or the server is down.
    Network,
    /// The server answered with an error status; validation errors arrive in `problem.errors`.
    Status { status: u16, problem: Option<Problem> },
    /// The server answered something this client cannot read.
    Decode,
}

impl ApiError {
    /// Field errors of a validation problem (422), as `(field, code)`.
    pub fn field_errors(&self) -> Vec<(String, String)> {
        match self {
            ApiError::Status { problem: Some(p), .. } => p.errors.iter().map(|e| (e.field.clone(), e.code.clone())).collect(),
            _ => vec![],
        }
    }
}

impl ApiError {
    /// Worth trying again: the network or the server failed, not the request.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Network => true,
            ApiError::Status { status, .. } => *status >= 500 || *status == 429,
            ApiError::Decode => false,
        }
    }
}

/// One implementation per backend protocol.
pub trait Backend {
    fn portal(&self) -> impl Future<Output = Result<Portal, ApiError>>;
    fn stats(&self, filter: &ReportFilter) -> impl Future<Output = Result<Stats, ApiError>>;
    /// One page of the public listing, newest first, for a view's search and filters as of `today`.
    fn reports(&self, query: &ListQuery, today: chrono::NaiveDate, per_page: u32) -> impl Future<Output = Result<Page<ReportSummary>, ApiError>>;
    /// "I have this problem too", counted once per device; answers the new count.
    fn support(&self, ticket: &str, device_id: &str) -> impl Future<Output = Result<SupportCount, ApiError>>;
    /// Sends a report; the same `idempotency_key` never makes a second one.
    fn create_report(&self, report: &NewReport, idempotency_key: &str) -> impl Future<Output = Result<ReportCreated, ApiError>>;
    /// A report by ticket; with the access code, also what only the reporter may see.
    fn report(&self, ticket: &str, access_code: Option<&str>) -> impl Future<Output = Result<ReportView, ApiError>>;
    /// The reporter's reply (needs the access code); answers the updated report.
    fn reply(&self, ticket: &str, access_code: &str, reply: &NewReply) -> impl Future<Output = Result<ReportView, ApiError>>;
    /// The reporter's rating of a completed report (needs the access code); answers the updated report.
    fn rate(&self, ticket: &str, access_code: &str, rating: &NewRating) -> impl Future<Output = Result<ReportView, ApiError>>;
    /// Where a browser may open an attachment of a public report.
    fn attachment_url(&self, ticket: &str, id: &str) -> String;
    /// An attachment of a confidential report, which only the access code opens.
    fn attachment_bytes(&self, ticket: &str, id: &str, access_code: &str) -> impl Future<Output = Result<Vec<u8>, ApiError>>;
    /// Uploads one file, reporting progress from 0 to 1.
    fn upload_attachment(&self, file: &web_sys::File, on_progress: Box<dyn Fn(f64)>) -> impl Future<Output = Result<Attachment, ApiError>>;
}

/// `GET /portal`, shared by every page through context.
pub type PortalResource = leptos::prelude::LocalResource<Result<Portal, ApiError>>;

/// The backend chosen by configuration.
#[derive(Clone, Debug)]
pub enum Client {
    Aduan(AduanClient),
}

impl Backend for Client {
    async fn portal(&self) -> Result<Portal, ApiError> {
        match self {
            Client::Aduan(c) => c.portal().await,
        }
    }

    async fn stats(&self, filter: &ReportFilter) -> Result<Stats, ApiError> {
        match self {
            Client::Aduan(c) => c.stats(filter).await,
        }
    }

    async fn reports(&self, query: &ListQuery, today: chrono::NaiveDate, per_page: u32) -> Result<Page<ReportSummary>, ApiError> {
        let mut pairs = ListQuery { filter: query.effective_filter(today), period: None, ..query.clone() }.to_pairs();
        pairs.push(("per_page", per_page.to_string()));
        match self {
            Client::Aduan(c) => c.reports(&pairs).await,
        }
    }

    async fn support(&self, ticket: &str, device_id: &str) -> Result<SupportCount, ApiError> {
        match self {
            Client::Aduan(c) => c.support(ticket, device_id).await,
        }
    }

    async fn create_report(&self, report: &NewReport, idempotency_key: &str) -> Result<ReportCreated, ApiError> {
        match self {
            Client::Aduan(c) => c.create_report(report, idempotency_key).await,
        }
    }

    async fn report(&self, ticket: &str, access_code: Option<&str>) -> Result<ReportView, ApiError> {
        match self {
            Client::Aduan(c) => c.report(ticket, access_code).await,
        }
    }

    async fn reply(&self, ticket: &str, access_code: &str, reply: &NewReply) -> Result<ReportView, ApiError> {
        match self {
            Client::Aduan(c) => c.reply(ticket, access_code, reply).await,
        }
    }

    async fn rate(&self, ticket: &str, access_code: &str, rating: &NewRating) -> Result<ReportView, ApiError> {
        match self {
            Client::Aduan(c) => c.rate(ticket, access_code, rating).await,
        }
    }

    fn attachment_url(&self, ticket: &str, id: &str) -> String {
        match self {
            Client::Aduan(c) => c.attachment_url(ticket, id),
        }
    }

    async fn attachment_bytes(&self, ticket: &str, id: &str, access_code: &str) -> Result<Vec<u8>, ApiError> {
        match self {
            Client::Aduan(c) => c.attachment_bytes(ticket, id, access_code).await,
        }
    }

    async fn upload_attachment(&self, file: &web_sys::File, on_progress: Box<dyn Fn(f64)>) -> Result<Attachment, ApiError> {
        match self {
            Client::Aduan(c) => c.upload_attachment(file, on_progress).await,
        }
    }
}

/// `base?k=v&...` with the values percent-encoded.
pub fn with_query(base: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return base.to_string();
    }
    let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", percent_encode(v))).collect();
    format!("{base}?{}", query.join("&"))
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(with_query("/api/v1/stats", &[]), "/api/v1/stats");
        assert_eq!(
            with_query("/api/v1/reports", &[("q", "jalan rusak & banjir".into()), ("kind", "complaint".into())]),
            "/api/v1/reports?q=jalan%20rusak%20%26%20banjir&kind=complaint"
        );
    }

    #[test]
    fn retryable_errors_are_the_ones_not_caused_by_the_request() {
        assert!(ApiError::Network.is_retryable());
        assert!(ApiError::Status { status: 503, problem: None }.is_retryable());
        assert!(ApiError::Status { status: 429, problem: None }.is_retryable());
        assert!(!ApiError::Status { status: 422, problem: None }.is_retryable());
        assert!(!ApiError::Decode.is_retryable());
    }
}
