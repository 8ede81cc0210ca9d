//! For tests: the specification's example requests, and a fixed "now" for requests without a time.

use chrono::{DateTime, Utc};

use super::ServiceRequest;

pub(super) fn now() -> DateTime<Utc> {
    "2026-11-27T03:00:00Z".parse().unwrap()
}

pub(super) fn spec_requests() -> Vec<ServiceRequest> {
    serde_json::from_str(include_str!("fixtures/requests.json")).unwrap()
}
