//! The typed client. Pages talk to a backend only through [`Backend`]; which protocol sits behind it is
//! decided by `config.json` at run time.

mod aduan;
mod open311;

use std::future::Future;

use aduan_core::listing::ListQuery;
use aduan_core::open311::Attribute;
use aduan_core::{
    Attachment, NewRating, NewReply, NewReport, Page, Portal, Problem, ReportCreated, ReportFilter, ReportSummary,
    ReportView, Stats, Status, SupportCount,
};

pub use aduan::AduanClient;
pub use open311::Open311Client;

use crate::submit::field::Field;

/// What a backend protocol can carry, so that pages ask for and show only that instead of showing it broken.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Features {
    /// The submission fields the backend stores; the others are not asked.
    pub fields: &'static [Field],
    /// Confidential reports, access codes, replies and ratings.
    pub reporter_access: bool,
    /// "I have this problem too".
    pub support: bool,
    /// Categories may ask their own questions (Open311 service attributes).
    pub category_questions: bool,
    /// Sends carry an idempotency key, so a retry can never make a second report.
    pub idempotent_sends: bool,
    /// Ticket numbers with a check character, so a typo is caught before any request.
    pub checked_tickets: bool,
    /// The statuses the backend tells apart; filters offer only these.
    pub statuses: &'static [Status],
    /// The SP4N-LAPOR! workflow: verification within 3 working days, first responses, escalations and
    /// ratings are recorded, so the receipt can promise them and their figures mean something. Without it
    /// (Open311) figures are computed in the browser from the request list.
    pub lapor_workflow: bool,
}

impl Features {
    /// Whether the backend stores a field, given as a [`Field`] or by its contract name.
    pub fn asks(&self, field: impl TryInto<Field>) -> bool {
        field.try_into().is_ok_and(|f| self.fields.contains(&f))
    }
}

/// The answers to a category's questions (Open311 service attributes).
pub type Answers = Vec<aduan_core::open311::Answer>;

/// What went wrong with a request, in terms a page can explain to a citizen.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer: offline, DNS, CORS or the server is down.
    Network,
    /// The server answered with an error status; validation errors arrive in `problem.errors`.
    Status { status: u16, problem: Option<Problem> },
    /// The server answered something this client cannot read.
    Decode,
    /// The server answered in XML; only the JSON format of Open311 is read.
    XmlOnly,
}

impl ApiError {
    /// Field errors of a validation problem (422), as `(field, code)`.
    pub fn field_errors(&self) -> Vec<(String, String)> {
        match self {
            ApiError::Status { problem: Some(p), .. } => {
                p.errors.iter().map(|e| (e.field.clone(), e.code.clone())).collect()
            }
            _ => vec![],
        }
    }
}

impl ApiError {
    /// What a page gets if it asks a backend for something its protocol has no place for; pages check
    /// [`Features`] first, so a citizen never meets it.
    pub fn not_in_protocol() -> ApiError {
        ApiError::Status {
            status: 501,
            problem: None,
        }
    }

    /// Problems the server put in its own words (Open311 error arrays), as `(field, message)`.
    pub fn messages(&self) -> Vec<(String, String)> {
        match self {
            ApiError::Status { problem: Some(p), .. } => p
                .errors
                .iter()
                .filter(|e| e.code == aduan_core::open311::SERVER_WORDS)
                .map(|e| (e.field.clone(), e.message.clone()))
                .collect(),
            _ => vec![],
        }
    }

    /// Worth trying again: the network or the server failed, not the request.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Network => true,
            ApiError::Status { status, .. } => *status >= 500 || *status == 429,
            ApiError::Decode | ApiError::XmlOnly => false,
        }
    }
}

/// One implementation per backend protocol.
pub trait Backend {
    fn features(&self) -> Features;
    /// The extra questions of a category, in order; none for most backends.
    fn questions(&self, category_id: &str) -> impl Future<Output = Result<Vec<Attribute>, ApiError>>;
    fn portal(&self) -> impl Future<Output = Result<Portal, ApiError>>;
    fn stats(&self, filter: &ReportFilter) -> impl Future<Output = Result<Stats, ApiError>>;
    /// One page of the public listing, newest first, for a view's search and filters as of `today`.
    fn reports(
        &self,
        query: &ListQuery,
        today: chrono::NaiveDate,
        per_page: u32,
    ) -> impl Future<Output = Result<Page<ReportSummary>, ApiError>>;
    /// "I have this problem too", counted once per device; answers the new count.
    fn support(&self, ticket: &str, device_id: &str) -> impl Future<Output = Result<SupportCount, ApiError>>;
    /// Sends a report with the answers to its category's questions; the same `idempotency_key` never makes a
    /// second one where the protocol has such a key.
    fn create_report(
        &self,
        report: &NewReport,
        answers: &Answers,
        idempotency_key: &str,
    ) -> impl Future<Output = Result<ReportCreated, ApiError>>;
    /// A report by ticket; with the access code, also what only the reporter may see.
    fn report(&self, ticket: &str, access_code: Option<&str>) -> impl Future<Output = Result<ReportView, ApiError>>;
    /// The reporter's reply (needs the access code); answers the updated report.
    fn reply(
        &self,
        ticket: &str,
        access_code: &str,
        reply: &NewReply,
    ) -> impl Future<Output = Result<ReportView, ApiError>>;
    /// The reporter's rating of a completed report (needs the access code); answers the updated report.
    fn rate(
        &self,
        ticket: &str,
        access_code: &str,
        rating: &NewRating,
    ) -> impl Future<Output = Result<ReportView, ApiError>>;
    /// Where a browser may open an attachment of a public report.
    fn attachment_url(&self, ticket: &str, id: &str) -> String;
    /// An attachment of a confidential report, which only the access code opens.
    fn attachment_bytes(
        &self,
        ticket: &str,
        id: &str,
        access_code: &str,
    ) -> impl Future<Output = Result<Vec<u8>, ApiError>>;
    /// Uploads one file, reporting progress from 0 to 1.
    fn upload_attachment(
        &self,
        file: &web_sys::File,
        on_progress: Box<dyn Fn(f64)>,
    ) -> impl Future<Output = Result<Attachment, ApiError>>;
}

/// `GET /portal`: the lists, limits and rules, loaded once for the whole visit.
pub type PortalResource = leptos::prelude::LocalResource<Result<Portal, ApiError>>;

/// Where the visit's [`PortalResource`] is kept once a page has asked for it (see [`use_portal`]).
#[derive(Clone)]
pub struct PortalSlot {
    owner: leptos::prelude::Owner,
    resource: leptos::prelude::StoredValue<Option<PortalResource>>,
}

impl PortalSlot {
    /// Nothing is fetched yet; the resource will live as long as the current owner (the whole portal).
    pub fn new() -> PortalSlot {
        PortalSlot {
            owner: leptos::prelude::Owner::current().unwrap_or_default(),
            resource: leptos::prelude::StoredValue::new(None),
        }
    }
}

/// The portal's lists and rules, fetched the first time a page needs them and shared after that. Only
/// the pages in wasm chunks need them, so fetching them is chunk code as well, and the home page and the
/// tracking form neither download that code nor wait behind the request.
pub fn use_portal() -> PortalResource {
    use leptos::prelude::*;
    let slot = expect_context::<PortalSlot>();
    if let Some(resource) = slot.resource.get_value() {
        return resource;
    }
    let client = expect_context::<Client>();
    let resource = slot.owner.with(|| {
        LocalResource::new(move || {
            let client = client.clone();
            async move { client.portal().await }
        })
    });
    slot.resource.set_value(Some(resource));
    resource
}

/// The backend chosen by configuration.
#[derive(Clone, Debug)]
pub enum Client {
    Aduan(AduanClient),
    Open311(Open311Client),
}

impl Backend for Client {
    fn features(&self) -> Features {
        match self {
            Client::Aduan(_) => AduanClient::FEATURES,
            Client::Open311(_) => Open311Client::FEATURES,
        }
    }

    async fn questions(&self, category_id: &str) -> Result<Vec<Attribute>, ApiError> {
        match self {
            Client::Aduan(_) => Ok(vec![]),
            Client::Open311(c) => c.questions(category_id).await,
        }
    }

    async fn portal(&self) -> Result<Portal, ApiError> {
        match self {
            Client::Aduan(c) => c.portal().await,
            Client::Open311(c) => c.portal().await,
        }
    }

    async fn stats(&self, filter: &ReportFilter) -> Result<Stats, ApiError> {
        match self {
            Client::Aduan(c) => c.stats(filter).await,
            Client::Open311(c) => c.stats(filter).await,
        }
    }

    async fn reports(
        &self,
        query: &ListQuery,
        today: chrono::NaiveDate,
        per_page: u32,
    ) -> Result<Page<ReportSummary>, ApiError> {
        let query = ListQuery {
            filter: query.effective_filter(today),
            period: None,
            ..query.clone()
        };
        match self {
            Client::Aduan(c) => {
                let mut pairs = query.to_pairs();
                pairs.push(("per_page", per_page.to_string()));
                c.reports(&pairs).await
            }
            Client::Open311(c) => c.reports(&query, per_page).await,
        }
    }

    async fn support(&self, ticket: &str, device_id: &str) -> Result<SupportCount, ApiError> {
        match self {
            Client::Aduan(c) => c.support(ticket, device_id).await,
            Client::Open311(_) => Err(ApiError::not_in_protocol()),
        }
    }

    async fn create_report(
        &self,
        report: &NewReport,
        answers: &Answers,
        idempotency_key: &str,
    ) -> Result<ReportCreated, ApiError> {
        match self {
            Client::Aduan(c) => c.create_report(report, idempotency_key).await,
            Client::Open311(c) => c.create_report(report, answers).await,
        }
    }

    async fn report(&self, ticket: &str, access_code: Option<&str>) -> Result<ReportView, ApiError> {
        match self {
            Client::Aduan(c) => c.report(ticket, access_code).await,
            Client::Open311(c) => c.report(ticket).await,
        }
    }

    async fn reply(&self, ticket: &str, access_code: &str, reply: &NewReply) -> Result<ReportView, ApiError> {
        match self {
            Client::Aduan(c) => c.reply(ticket, access_code, reply).await,
            Client::Open311(_) => Err(ApiError::not_in_protocol()),
        }
    }

    async fn rate(&self, ticket: &str, access_code: &str, rating: &NewRating) -> Result<ReportView, ApiError> {
        match self {
            Client::Aduan(c) => c.rate(ticket, access_code, rating).await,
            Client::Open311(_) => Err(ApiError::not_in_protocol()),
        }
    }

    fn attachment_url(&self, ticket: &str, id: &str) -> String {
        match self {
            Client::Aduan(c) => c.attachment_url(ticket, id),
            Client::Open311(_) => String::new(),
        }
    }

    async fn attachment_bytes(&self, ticket: &str, id: &str, access_code: &str) -> Result<Vec<u8>, ApiError> {
        match self {
            Client::Aduan(c) => c.attachment_bytes(ticket, id, access_code).await,
            Client::Open311(_) => Err(ApiError::not_in_protocol()),
        }
    }

    async fn upload_attachment(
        &self,
        file: &web_sys::File,
        on_progress: Box<dyn Fn(f64)>,
    ) -> Result<Attachment, ApiError> {
        match self {
            Client::Aduan(c) => c.upload_attachment(file, on_progress).await,
            Client::Open311(_) => Err(ApiError::not_in_protocol()),
        }
    }
}

/// `base?k=v&...` with the values percent-encoded.
pub fn with_query(base: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return base.to_string();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect();
    format!("{base}?{}", query.join("&"))
}

pub fn percent_encode(s: &str) -> String {
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
            with_query(
                "/api/v1/reports",
                &[("q", "jalan rusak & banjir".into()), ("kind", "complaint".into())]
            ),
            "/api/v1/reports?q=jalan%20rusak%20%26%20banjir&kind=complaint"
        );
    }

    #[test]
    fn retryable_errors_are_the_ones_not_caused_by_the_request() {
        assert!(ApiError::Network.is_retryable());
        assert!(ApiError::Status {
            status: 503,
            problem: None
        }
        .is_retryable());
        assert!(ApiError::Status {
            status: 429,
            problem: None
        }
        .is_retryable());
        assert!(!ApiError::Status {
            status: 422,
            problem: None
        }
        .is_retryable());
        assert!(!ApiError::Decode.is_retryable());
    }
}
