//! The `/api/v1` contract of `public/openapi.yaml`, over gloo-net.

use aduan_core::{Portal, Problem, ReportFilter, Stats};
use serde::de::DeserializeOwned;

use super::{with_query, ApiError};

#[derive(Clone, Debug)]
pub struct AduanClient {
    base_url: String,
}

impl AduanClient {
    pub fn new(base_url: &str) -> Self {
        AduanClient { base_url: base_url.trim_end_matches('/').to_string() }
    }

    async fn get_json<T: DeserializeOwned>(&self, path: &str, query: &[(&str, String)]) -> Result<T, ApiError> {
        let url = with_query(&format!("{}{path}", self.base_url), query);
        let res = gloo_net::http::Request::get(&url).send().await.map_err(|_| ApiError::Network)?;
        if !res.ok() {
            let problem = res.json::<Problem>().await.ok();
            return Err(ApiError::Status { status: res.status(), problem });
        }
        res.json::<T>().await.map_err(|_| ApiError::Decode)
    }

    pub async fn portal(&self) -> Result<Portal, ApiError> {
        self.get_json("/portal", &[]).await
    }

    pub async fn stats(&self, filter: &ReportFilter) -> Result<Stats, ApiError> {
        self.get_json("/stats", &filter.query_pairs()).await
    }
}
