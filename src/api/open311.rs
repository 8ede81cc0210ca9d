//! An Open311 GeoReport v2 server (JSON format) behind the same [`Backend`]. The mapping to our
//! types is in `aduan_core::open311`, where it is tested natively; this file only moves documents.

use aduan_core::listing::ListQuery;
use aduan_core::open311::{
    list_page, looks_like_xml, notice_of, portal_from_services, problem_from_errors, questions_in_order, read_each,
    read_one, report_from_request, request_form, requests_query, server_words, stats_from_requests, Attribute, Basis,
    Open311Error, Readable, RequestCreated, RequestGathering, Service, ServiceDefinition, ServiceRequest, TokenAnswer,
};
use aduan_core::{
    NewReport, Page, Portal, ReportCreated, ReportFilter, ReportSummary, ReportView, Stats, Status, WorkingCalendar,
};
use std::sync::{Arc, Mutex};

use gloo_net::http::Request;
use serde::de::DeserializeOwned;

use super::{Answers, ApiError, Backend, Features};
use crate::clock::{now, today, zone};
use crate::field::Field;
use crate::url::{percent_encode, with_query};
use notes::Unread;

mod notes;
#[cfg(test)]
mod tests;

/// Times a token is looked up after a POST before the token itself is shown as the reference.
const TOKEN_TRIES: u32 = 3;

#[derive(Clone, Debug)]
pub struct Open311Client {
    base_url: String,
    jurisdiction_id: Option<String>,
    api_key: Option<String>,
    /// Services whose `metadata` is false have no definition to fetch (learnt from `services.json`).
    without_questions: Arc<Mutex<Vec<String>>>,
    /// What could not be read of the last answers, for the pages' quiet notes.
    unread: Arc<Mutex<Unread>>,
    /// The last lists the server gave, newest last (see [`Listed`]).
    recent: Arc<Mutex<Vec<Listed>>>,
}

/// A list the server gave for a filter, kept for a minute. Open311 has neither paging nor search, so turning a
/// page, searching or opening the statistics for the same filter would otherwise download every window again.
#[derive(Debug)]
struct Listed {
    filter: ReportFilter,
    status: Option<Status>,
    at: chrono::DateTime<chrono::Utc>,
    requests: Arc<Vec<ServiceRequest>>,
    /// Elements of the answers that could not be read.
    skipped: usize,
    basis: Basis,
}

const LIST_KEPT_SECONDS: i64 = 60;
const LISTS_KEPT: usize = 4;

impl Listed {
    fn is_for(&self, filter: &ReportFilter, status: Option<Status>) -> bool {
        &self.filter == filter && self.status == status
    }
}

impl Open311Client {
    pub const FEATURES: Features = Features {
        fields: &[
            Field::Body,
            Field::Address,
            Field::Location,
            Field::CategoryId,
            Field::Anonymous,
            Field::ReporterName,
            Field::ReporterEmail,
            Field::ReporterPhone,
        ],
        reporter_access: false,
        support: false,
        category_questions: true,
        idempotent_sends: false,
        checked_tickets: false,
        statuses: &[Status::Submitted, Status::Completed],
        lapor_workflow: false,
    };

    pub fn new(base_url: &str, jurisdiction_id: Option<String>, api_key: Option<String>) -> Self {
        Open311Client {
            base_url: base_url.trim_end_matches('/').to_string(),
            jurisdiction_id,
            api_key,
            without_questions: Arc::default(),
            unread: Arc::default(),
            recent: Arc::default(),
        }
    }

    /// The calendar used to count working days; Open311 servers publish none, so the national one, in the
    /// portal's time zone.
    fn calendar() -> WorkingCalendar {
        WorkingCalendar::indonesia_in(zone())
    }

    fn url(&self, path: &str, query: Vec<(&str, String)>) -> String {
        let mut query = query;
        if let Some(j) = &self.jurisdiction_id {
            query.push(("jurisdiction_id", j.clone()));
        }
        with_query(&format!("{}{path}", self.base_url), &query)
    }

    /// An error status with the server's error array, when it sent one.
    /// An XML-only server often refuses `.json` with an XML error document, which says as much.
    fn failure(status: u16, body: &str) -> ApiError {
        match serde_json::from_str::<Vec<Open311Error>>(body)
            .ok()
            .filter(|e| !e.is_empty())
        {
            Some(errors) => ApiError::Status {
                status,
                problem: Some(problem_from_errors(status, &errors)),
            },
            None if looks_like_xml(body) => ApiError::XmlOnly,
            None => ApiError::Status { status, problem: None },
        }
    }

    /// A send's failure: as [`Self::failure`], except that a 4xx without the error array keeps the server's
    /// own words, whatever shape they came in, so the refusal can be quoted (see [`ApiError::refusal`]).
    /// Only the send reads them: that reader is then fetched with the form, not by every page that lists.
    fn send_failure(status: u16, body: &str) -> ApiError {
        match Self::failure(status, body) {
            ApiError::Status { problem: None, .. } | ApiError::XmlOnly if (400..500).contains(&status) => {
                ApiError::refused(status, server_words(body))
            }
            other => other,
        }
    }

    /// The answer to `request`: its body, or its error status and body (`Err(Ok(..))`) for the caller to read
    /// with [`Self::failure`] or [`Self::send_failure`]. Not generic, so the browser build has one copy of it;
    /// only [`Self::decode`] is made per document type.
    async fn answer_of(request: Request) -> Result<String, Result<(u16, String), ApiError>> {
        let res = request.send().await.map_err(|_| Err(ApiError::Network))?;
        let body = res.text().await.map_err(|_| Err(ApiError::Network))?;
        if !res.ok() {
            return Err(Ok((res.status(), body)));
        }
        Ok(body)
    }

    fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
        serde_json::from_str(body).map_err(|_| Self::unreadable(body))
    }

    fn unreadable(body: &str) -> ApiError {
        if looks_like_xml(body) {
            ApiError::XmlOnly
        } else {
            ApiError::Decode
        }
    }

    /// A list answer element by element: one odd element is skipped and counted, not the whole answer.
    async fn get_each<T: DeserializeOwned>(
        &self,
        path: &str,
        query: Vec<(&str, String)>,
    ) -> Result<Readable<T>, ApiError> {
        let body = self.get_body(path, query).await?;
        read_each(&body).map_err(|_| Self::unreadable(&body))
    }

    /// The page's language, so a server that words errors and notices can use the citizen's.
    fn language() -> String {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_else(|| "id".into())
    }

    async fn get_body(&self, path: &str, query: Vec<(&str, String)>) -> Result<String, ApiError> {
        let request = Request::get(&self.url(path, query))
            .header("Accept-Language", &Self::language())
            .build()
            .map_err(|_| ApiError::Network)?;
        Self::answer_of(request)
            .await
            .map_err(|e| e.map_or_else(|network| network, |(status, body)| Self::failure(status, &body)))
    }

    async fn get<T: DeserializeOwned>(&self, path: &str, query: Vec<(&str, String)>) -> Result<T, ApiError> {
        Self::decode(&self.get_body(path, query).await?)
    }

    /// Every request the server lists for the filter, asked in windows of at most 90 days (newest first), and
    /// windows the server cut at its cap again in halves.
    async fn requests(
        &self,
        filter: &ReportFilter,
        status: Option<Status>,
    ) -> Result<Arc<Vec<ServiceRequest>>, ApiError> {
        let fresh = |l: &Listed| l.is_for(filter, status) && (now() - l.at).num_seconds() < LIST_KEPT_SECONDS;
        if let Some(kept) = self
            .recent
            .lock()
            .ok()
            .and_then(|recent| recent.iter().find(|l| fresh(l)).map(|l| l.requests.clone()))
        {
            return Ok(kept);
        }
        let offset = zone().utc_offset_seconds();
        let mut gathering = RequestGathering::new(filter, status, today(), offset);
        let mut skipped = 0;
        while let Some(ask) = gathering.next_ask() {
            let listed: Readable<ServiceRequest> = self
                .get_each("/requests.json", requests_query(&ask.window, ask.status, offset))
                .await?;
            skipped += listed.skipped;
            gathering.add(&ask, listed.items);
        }
        let (requests, basis) = gathering.finish_checked();
        let requests = Arc::new(requests);
        if let Ok(mut recent) = self.recent.lock() {
            recent.retain(|l| !l.is_for(filter, status));
            recent.push(Listed {
                filter: filter.clone(),
                status,
                at: now(),
                requests: requests.clone(),
                skipped,
                basis,
            });
            let extra = recent.len().saturating_sub(LISTS_KEPT);
            recent.drain(..extra);
        }
        Ok(requests)
    }

    /// The id a token stands for, asked a few times a second apart while the server queues the request.
    async fn resolve_token(&self, token: &str, tries: u32) -> Option<String> {
        for attempt in 0..tries {
            if attempt > 0 {
                sleep_ms(1000).await;
            }
            let answer: Result<Vec<TokenAnswer>, _> = self
                .get(&format!("/tokens/{}.json", percent_encode(token)), vec![])
                .await;
            if let Some(id) = answer
                .ok()
                .and_then(|a| a.into_iter().next())
                .and_then(|a| a.service_request_id)
            {
                return Some(id);
            }
        }
        None
    }

    /// One request, read by the lists' reader (one reader of requests in the browser build, not two): an
    /// answer whose only element cannot be read is undecodable, an empty one is not found.
    async fn request(&self, id: &str) -> Result<ServiceRequest, ApiError> {
        let listed: Readable<ServiceRequest> = self
            .get_each(&format!("/requests/{}.json", percent_encode(id)), vec![])
            .await?;
        match listed.items.into_iter().next() {
            Some(request) => Ok(request),
            None if listed.skipped > 0 => Err(ApiError::Decode),
            None => Err(ApiError::Status {
                status: 404,
                problem: None,
            }),
        }
    }
}

impl Backend for Open311Client {
    fn features(&self) -> Features {
        Self::FEATURES
    }

    async fn portal(&self) -> Result<Portal, ApiError> {
        let Readable {
            items: services,
            skipped,
        } = self.get_each::<Service>("/services.json", vec![]).await?;
        self.note_unread(|u| u.services = skipped);
        if let Ok(mut codes) = self.without_questions.lock() {
            *codes = services
                .iter()
                .filter(|s| !s.metadata)
                .map(|s| s.service_code.clone())
                .collect();
        }
        Ok(portal_from_services(
            &services,
            Self::calendar().holidays().cloned().collect(),
        ))
    }

    /// A service's attributes in their `order`; a service without metadata, or without a definition, has none.
    /// Attributes that cannot be read are skipped (and counted); a definition that cannot be read at all is
    /// noted once and read as none, since asking again would get the same answer.
    async fn questions(&self, service_code: &str) -> Result<Vec<Attribute>, ApiError> {
        if self
            .without_questions
            .lock()
            .is_ok_and(|codes| codes.iter().any(|c| c == service_code))
        {
            return Ok(vec![]);
        }
        let path = format!("/services/{}.json", percent_encode(service_code));
        let body = match self.get_body(&path, vec![]).await {
            Ok(body) => body,
            Err(ApiError::Status { status: 404, .. }) => return Ok(vec![]),
            Err(e) => return Err(e),
        };
        let code = service_code.to_string();
        match read_one::<ServiceDefinition>(&body) {
            Ok((definition, skipped)) => {
                self.note_unread(|u| {
                    u.questions.retain(|(c, _)| *c != code);
                    u.questions.push((code, skipped));
                });
                Ok(questions_in_order(definition.attributes))
            }
            Err(_) if looks_like_xml(&body) => Err(ApiError::XmlOnly),
            Err(_) => {
                self.note_unread(|u| {
                    if !u.definitions.contains(&code) {
                        u.definitions.push(code);
                    }
                });
                Ok(vec![])
            }
        }
    }

    /// Open311 has no statistics: they are computed here from the requests the server lists for the filter.
    async fn stats(&self, filter: &ReportFilter) -> Result<Stats, ApiError> {
        Ok(stats_from_requests(
            &self.requests(filter, None).await?,
            &Self::calendar(),
        ))
    }

    async fn list(&self, query: &ListQuery, per_page: u32) -> Result<Page<ReportSummary>, ApiError> {
        let requests = self.requests(&query.filter, query.status).await?;
        Ok(list_page(
            &requests,
            &query.q,
            query.page,
            per_page,
            now(),
            zone().utc_offset_seconds(),
        ))
    }

    /// Open311 has no idempotency key; the form retries by itself only when no answer arrived.
    async fn create_report(
        &self,
        report: &NewReport,
        answers: &Answers,
        _idempotency_key: &str,
    ) -> Result<ReportCreated, ApiError> {
        // The lists kept no longer hold everything: the new report must show in them.
        if let Ok(mut recent) = self.recent.lock() {
            recent.clear();
        }
        let mut form = request_form(report, answers);
        if let Some(j) = &self.jurisdiction_id {
            form.push(("jurisdiction_id".into(), j.clone()));
        }
        if let Some(k) = &self.api_key {
            form.push(("api_key".into(), k.clone()));
        }
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = Request::post(&format!("{}/requests.json", self.base_url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", &Self::language())
            .body(body)
            .map_err(|_| ApiError::Network)?;
        let created: Vec<RequestCreated> = Self::decode(
            &Self::answer_of(request)
                .await
                .map_err(|e| e.map_or_else(|network| network, |(status, body)| Self::send_failure(status, &body)))?,
        )?;
        let first = created.into_iter().next().ok_or(ApiError::Decode)?;
        let notice = notice_of(&first);
        let ticket = match (first.service_request_id, first.token) {
            (Some(id), _) => id,
            (None, Some(token)) => self.resolve_token(&token, TOKEN_TRIES).await.unwrap_or(token),
            (None, None) => return Err(ApiError::Decode),
        };
        Ok(ReportCreated {
            ticket,
            access_code: String::new(),
            status: Status::Submitted,
            created_at: now(),
            notice,
        })
    }

    /// A request by id, or by the token the receipt showed when the id was not yet known.
    async fn report(&self, id: &str, _access_code: Option<&str>) -> Result<ReportView, ApiError> {
        let found = match self.request(id).await {
            Err(ApiError::Status { status: 404, .. }) => match self.resolve_token(id, 1).await {
                Some(resolved) if resolved != id => self.request(&resolved).await,
                _ => Err(ApiError::Status {
                    status: 404,
                    problem: None,
                }),
            },
            other => other,
        }?;
        Ok(report_from_request(&found, &Self::calendar(), now()))
    }
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
