//! The `/api/v1` contract of `public/openapi.yaml`, over gloo-net.

use aduan_core::listing::ListQuery;
use aduan_core::{
    Attachment, NewRating, NewReply, NewReport, NewSupport, Page, Portal, Problem, ReportCreated, ReportFilter,
    ReportSummary, ReportView, Stats, SupportCount,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{Answers, ApiError, Backend, Features};
use crate::field::Field;
use crate::url::with_query;

#[derive(Clone, Debug)]
pub struct AduanClient {
    base_url: String,
}

impl AduanClient {
    pub const FEATURES: Features = Features {
        fields: &Field::ALL,
        reporter_access: true,
        support: true,
        category_questions: false,
        idempotent_sends: true,
        checked_tickets: true,
        statuses: &aduan_core::Status::ALL,
        lapor_workflow: true,
    };

    pub fn new(base_url: &str) -> Self {
        AduanClient {
            base_url: base_url.trim_end_matches('/').to_string(),
        }
    }

    /// `…/api/v1`, without a trailing slash.
    pub(crate) fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Waits for the answer to a request that was sent, turning "no answer" and an error status (with its
    /// problem document) into [`ApiError`].
    async fn answered(
        sent: impl std::future::Future<Output = Result<Response, gloo_net::Error>>,
    ) -> Result<Response, ApiError> {
        Self::checked(sent.await.map_err(|_| ApiError::Network)?).await
    }

    /// An answer as it is if it is a success, else its error status with its problem document. The staff
    /// console's client (`crate::console::api`) reads a 401's and a 429's headers first, then comes here.
    pub(crate) async fn checked(res: Response) -> Result<Response, ApiError> {
        if !res.ok() {
            let problem = res.json::<Problem>().await.ok();
            return Err(ApiError::Status {
                status: res.status(),
                problem,
            });
        }
        Ok(res)
    }

    async fn read<T: DeserializeOwned>(req: RequestBuilder) -> Result<T, ApiError> {
        Self::answered(req.send())
            .await?
            .json::<T>()
            .await
            .map_err(|_| ApiError::Decode)
    }

    async fn post_json<B: serde::Serialize, T: DeserializeOwned>(req: RequestBuilder, body: &B) -> Result<T, ApiError> {
        let req = req.json(body).map_err(|_| ApiError::Decode)?;
        Self::answered(req.send())
            .await?
            .json::<T>()
            .await
            .map_err(|_| ApiError::Decode)
    }

    async fn get_json<T: DeserializeOwned>(&self, path: &str, query: &[(&str, String)]) -> Result<T, ApiError> {
        let url = with_query(&format!("{}{path}", self.base_url), query);
        Self::read(Request::get(&url)).await
    }

    fn with_code(req: RequestBuilder, access_code: Option<&str>) -> RequestBuilder {
        match access_code {
            Some(code) => req.header("X-Access-Code", code),
            None => req,
        }
    }

    async fn post_as_reporter<B: serde::Serialize>(
        &self,
        path: &str,
        access_code: &str,
        body: &B,
    ) -> Result<ReportView, ApiError> {
        Self::post_json(
            Self::with_code(Request::post(&format!("{}{path}", self.base_url)), Some(access_code)),
            body,
        )
        .await
    }
}

impl Backend for AduanClient {
    fn features(&self) -> Features {
        Self::FEATURES
    }

    async fn portal(&self) -> Result<Portal, ApiError> {
        self.get_json("/portal", &[]).await
    }

    async fn stats(&self, filter: &ReportFilter) -> Result<Stats, ApiError> {
        self.get_json("/stats", &filter.query_pairs()).await
    }

    async fn list(&self, query: &ListQuery, per_page: u32) -> Result<Page<ReportSummary>, ApiError> {
        let mut pairs = query.to_pairs();
        pairs.push(("per_page", per_page.to_string()));
        self.get_json("/reports", &pairs).await
    }

    async fn create_report(
        &self,
        report: &NewReport,
        _answers: &Answers,
        idempotency_key: &str,
    ) -> Result<ReportCreated, ApiError> {
        Self::post_json(
            Request::post(&format!("{}/reports", self.base_url)).header("Idempotency-Key", idempotency_key),
            report,
        )
        .await
    }

    async fn create_report_exact(&self, body: &str, idempotency_key: &str) -> Result<ReportCreated, ApiError> {
        let req = Request::post(&format!("{}/reports", self.base_url))
            .header("Idempotency-Key", idempotency_key)
            .header("Content-Type", "application/json")
            .body(body)
            .map_err(|_| ApiError::Decode)?;
        Self::answered(req.send())
            .await?
            .json::<ReportCreated>()
            .await
            .map_err(|_| ApiError::Decode)
    }

    async fn report(&self, ticket: &str, access_code: Option<&str>) -> Result<ReportView, ApiError> {
        Self::read(Self::with_code(
            Request::get(&format!("{}/reports/{ticket}", self.base_url)),
            access_code,
        ))
        .await
    }

    async fn support(&self, ticket: &str, device_id: &str) -> Result<SupportCount, ApiError> {
        Self::post_json(
            Request::post(&format!("{}/reports/{ticket}/supports", self.base_url)),
            &NewSupport {
                device_id: device_id.to_string(),
            },
        )
        .await
    }

    async fn reply(&self, ticket: &str, access_code: &str, reply: &NewReply) -> Result<ReportView, ApiError> {
        self.post_as_reporter(&format!("/reports/{ticket}/replies"), access_code, reply)
            .await
    }

    async fn rate(&self, ticket: &str, access_code: &str, rating: &NewRating) -> Result<ReportView, ApiError> {
        self.post_as_reporter(&format!("/reports/{ticket}/rating"), access_code, rating)
            .await
    }

    fn attachment_url(&self, ticket: &str, id: &str) -> String {
        format!("{}/reports/{ticket}/attachments/{id}", self.base_url)
    }

    async fn attachment_bytes(&self, ticket: &str, id: &str, access_code: &str) -> Result<Vec<u8>, ApiError> {
        let req = Self::with_code(Request::get(&self.attachment_url(ticket, id)), Some(access_code));
        Self::answered(req.send())
            .await?
            .binary()
            .await
            .map_err(|_| ApiError::Decode)
    }

    /// Uploads one file with XMLHttpRequest, because fetch cannot report upload progress (0–1).
    async fn upload_attachment(
        &self,
        file: &web_sys::File,
        on_progress: Box<dyn Fn(f64)>,
    ) -> Result<Attachment, ApiError> {
        let xhr = web_sys::XmlHttpRequest::new().map_err(|_| ApiError::Network)?;
        xhr.open("POST", &format!("{}/attachments", self.base_url))
            .map_err(|_| ApiError::Network)?;
        let form = web_sys::FormData::new().map_err(|_| ApiError::Network)?;
        form.append_with_blob_and_filename("file", file, &file.name())
            .map_err(|_| ApiError::Network)?;
        let progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                on_progress(e.loaded() / e.total());
            }
        });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        }
        let done = js_sys::Promise::new(&mut |resolve, _| {
            let finished = Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            });
            xhr.set_onloadend(Some(finished.unchecked_ref()));
        });
        xhr.send_with_opt_form_data(Some(&form))
            .map_err(|_| ApiError::Network)?;
        let _ = wasm_bindgen_futures::JsFuture::from(done).await;
        drop(progress);
        let status = xhr.status().unwrap_or(0);
        let text = xhr.response_text().ok().flatten().unwrap_or_default();
        match status {
            0 => Err(ApiError::Network),
            200..=299 => serde_json::from_str(&text).map_err(|_| ApiError::Decode),
            _ => Err(ApiError::Status {
                status,
                problem: serde_json::from_str(&text).ok(),
            }),
        }
    }
}
