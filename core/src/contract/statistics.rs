//! `GET /stats`: the figures of the statistics page.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct MonthlyPoint {
    /// "YYYY-MM"
    pub month: String,
    pub received: u64,
    pub completed: u64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AgencyStats {
    /// `None` for reports not yet assigned to an agency, so that rows always sum to the total.
    pub id: Option<String>,
    pub name: Option<String>,
    pub received: u64,
    pub completed: u64,
    pub completion_rate: f64,
    pub median_response_days: Option<f64>,
    pub late_rate: Option<f64>,
}

/// `GET /stats`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Stats {
    pub total: u64,
    pub completed: u64,
    pub completion_rate: f64,
    pub by_status: BTreeMap<String, u64>,
    pub by_kind: BTreeMap<String, u64>,
    /// Received by category id; reports without a category are not counted here.
    #[serde(default)]
    pub by_category: BTreeMap<String, u64>,
    /// Received by [`crate::Channel`] name (`web`, `phone`, ...).
    #[serde(default)]
    pub by_channel: BTreeMap<String, u64>,
    pub median_response_days: Option<f64>,
    pub p90_response_days: Option<f64>,
    pub median_completion_days: Option<f64>,
    pub within_deadline_rate: Option<f64>,
    pub escalated: u64,
    pub rating_average: Option<f64>,
    pub monthly: Vec<MonthlyPoint>,
    pub agencies: Vec<AgencyStats>,
}
