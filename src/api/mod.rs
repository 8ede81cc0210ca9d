//! The typed client. Pages talk to a backend only through the [`Backend`] methods of [`Client`], which hands
//! each call to the protocol `config.json` chose at run time: [`AduanClient`] for our `/api/v1` contract or
//! [`Open311Client`] for an Open311 GeoReport v2 server. No view code lives here.

mod aduan;
mod error;
mod features;
mod open311;
mod portal;

use aduan_core::listing::ListQuery;
use aduan_core::open311::Attribute;
use aduan_core::{
    Attachment, NewRating, NewReply, NewReport, Page, Portal, ReportCreated, ReportFilter, ReportSummary, ReportView,
    Stats, SupportCount,
};

pub use aduan::AduanClient;
pub use error::{ApiError, ErrorPlace, Refusal};
pub use features::Features;
pub use open311::Open311Client;
pub use portal::{use_portal, PortalSlot};

use crate::config::{BackendConfig, BackendKind};

/// The answers to a category's questions (Open311 service attributes).
pub type Answers = Vec<aduan_core::open311::Answer>;

/// What a page can ask of a backend; each protocol client implements it. A protocol that has no place for
/// something keeps the provided method, which answers [`ApiError::not_in_protocol`] (or nothing, for
/// questions and attachment addresses); pages check [`Features`] first, so a citizen never meets it.
// Only static dispatch (`Client` matches on the protocol), so the futures' auto traits need no bounds.
#[allow(async_fn_in_trait)]
pub trait Backend {
    fn features(&self) -> Features;

    async fn portal(&self) -> Result<Portal, ApiError>;

    async fn stats(&self, filter: &ReportFilter) -> Result<Stats, ApiError>;

    /// One page of the public listing, newest first, for a query whose period is already dates.
    async fn list(&self, query: &ListQuery, per_page: u32) -> Result<Page<ReportSummary>, ApiError>;

    /// One page of the public listing, newest first, for a view's search and filters as of `today`.
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
        self.list(&query, per_page).await
    }

    /// Sends a report with the answers to its category's questions; the same `idempotency_key` never makes a
    /// second one where the protocol has such a key.
    async fn create_report(
        &self,
        report: &NewReport,
        answers: &Answers,
        idempotency_key: &str,
    ) -> Result<ReportCreated, ApiError>;

    /// A report by ticket; with the access code, also what only the reporter may see.
    async fn report(&self, ticket: &str, access_code: Option<&str>) -> Result<ReportView, ApiError>;

    /// Sends a report body (the contract's JSON) exactly as given with an idempotency key, so that an earlier
    /// send can be repeated byte for byte: the server compares bodies by their hash. Only a protocol with
    /// idempotent sends ([`Features::idempotent_sends`]) has it.
    async fn create_report_exact(&self, _body: &str, _idempotency_key: &str) -> Result<ReportCreated, ApiError> {
        Err(ApiError::not_in_protocol())
    }

    /// The extra questions of a category, in order.
    async fn questions(&self, _category_id: &str) -> Result<Vec<Attribute>, ApiError> {
        Ok(vec![])
    }

    /// "I have this problem too", counted once per device; answers the new count.
    async fn support(&self, _ticket: &str, _device_id: &str) -> Result<SupportCount, ApiError> {
        Err(ApiError::not_in_protocol())
    }

    /// The reporter's reply (needs the access code); answers the updated report.
    async fn reply(&self, _ticket: &str, _access_code: &str, _reply: &NewReply) -> Result<ReportView, ApiError> {
        Err(ApiError::not_in_protocol())
    }

    /// The reporter's rating of a completed report (needs the access code); answers the updated report.
    async fn rate(&self, _ticket: &str, _access_code: &str, _rating: &NewRating) -> Result<ReportView, ApiError> {
        Err(ApiError::not_in_protocol())
    }

    /// Where a browser may open an attachment of a public report.
    fn attachment_url(&self, _ticket: &str, _id: &str) -> String {
        String::new()
    }

    /// An attachment of a confidential report, which only the access code opens.
    async fn attachment_bytes(&self, _ticket: &str, _id: &str, _access_code: &str) -> Result<Vec<u8>, ApiError> {
        Err(ApiError::not_in_protocol())
    }

    /// Uploads one file, reporting progress from 0 to 1.
    async fn upload_attachment(
        &self,
        _file: &web_sys::File,
        _on_progress: Box<dyn Fn(f64)>,
    ) -> Result<Attachment, ApiError> {
        Err(ApiError::not_in_protocol())
    }
}

/// The backend chosen by configuration; every call goes to its protocol's client.
#[derive(Clone, Debug)]
pub enum Client {
    Aduan(AduanClient),
    Open311(Open311Client),
}

impl Client {
    /// The Open311 client, for what only that protocol has to say (what could not be read, how lists were
    /// obtained).
    pub fn open311(&self) -> Option<&Open311Client> {
        match self {
            Client::Open311(c) => Some(c),
            Client::Aduan(_) => None,
        }
    }

    pub fn new(backend: &BackendConfig) -> Client {
        match backend.kind {
            BackendKind::Aduan => Client::Aduan(AduanClient::new(backend.base_url())),
            BackendKind::Open311 => Client::Open311(Open311Client::new(
                backend.base_url(),
                backend.jurisdiction_id.clone(),
                backend.api_key.clone(),
            )),
        }
    }
}

/// `$call` on the protocol's client, named `$c`.
macro_rules! delegate {
    ($client:expr, $c:ident => $call:expr) => {
        match $client {
            Client::Aduan($c) => $call,
            Client::Open311($c) => $call,
        }
    };
}

impl Backend for Client {
    fn features(&self) -> Features {
        delegate!(self, c => c.features())
    }

    async fn portal(&self) -> Result<Portal, ApiError> {
        delegate!(self, c => c.portal().await)
    }

    async fn stats(&self, filter: &ReportFilter) -> Result<Stats, ApiError> {
        delegate!(self, c => c.stats(filter).await)
    }

    async fn list(&self, query: &ListQuery, per_page: u32) -> Result<Page<ReportSummary>, ApiError> {
        delegate!(self, c => c.list(query, per_page).await)
    }

    async fn create_report(
        &self,
        report: &NewReport,
        answers: &Answers,
        idempotency_key: &str,
    ) -> Result<ReportCreated, ApiError> {
        delegate!(self, c => c.create_report(report, answers, idempotency_key).await)
    }

    async fn report(&self, ticket: &str, access_code: Option<&str>) -> Result<ReportView, ApiError> {
        delegate!(self, c => c.report(ticket, access_code).await)
    }

    async fn create_report_exact(&self, body: &str, idempotency_key: &str) -> Result<ReportCreated, ApiError> {
        delegate!(self, c => c.create_report_exact(body, idempotency_key).await)
    }

    async fn questions(&self, category_id: &str) -> Result<Vec<Attribute>, ApiError> {
        delegate!(self, c => c.questions(category_id).await)
    }

    async fn support(&self, ticket: &str, device_id: &str) -> Result<SupportCount, ApiError> {
        delegate!(self, c => c.support(ticket, device_id).await)
    }

    async fn reply(&self, ticket: &str, access_code: &str, reply: &NewReply) -> Result<ReportView, ApiError> {
        delegate!(self, c => c.reply(ticket, access_code, reply).await)
    }

    async fn rate(&self, ticket: &str, access_code: &str, rating: &NewRating) -> Result<ReportView, ApiError> {
        delegate!(self, c => c.rate(ticket, access_code, rating).await)
    }

    fn attachment_url(&self, ticket: &str, id: &str) -> String {
        delegate!(self, c => c.attachment_url(ticket, id))
    }

    async fn attachment_bytes(&self, ticket: &str, id: &str, access_code: &str) -> Result<Vec<u8>, ApiError> {
        delegate!(self, c => c.attachment_bytes(ticket, id, access_code).await)
    }

    async fn upload_attachment(
        &self,
        file: &web_sys::File,
        on_progress: Box<dyn Fn(f64)>,
    ) -> Result<Attachment, ApiError> {
        delegate!(self, c => c.upload_attachment(file, on_progress).await)
    }
}
