//! `GET /portal`: the lists and rules a client needs to render the forms and explain the workflow.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Complaint,
    Aspiration,
    Information,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Complaint, Kind::Aspiration, Kind::Information];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Complaint => "complaint",
            Kind::Aspiration => "aspiration",
            Kind::Information => "information",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Agency {
    pub id: String,
    pub name: String,
    /// A grouping for long lists, e.g. "Dinas", "Kelurahan", "Puskesmas".
    #[serde(default)]
    pub group: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Category {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Limits {
    pub title_min: usize,
    pub title_max: usize,
    pub body_min: usize,
    pub body_max: usize,
    pub address_max: usize,
    pub name_max: usize,
    pub email_max: usize,
    pub phone_max: usize,
    pub message_max: usize,
    pub attachments_max_count: usize,
    pub attachment_max_bytes: u64,
    pub attachment_types: Vec<String>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            title_min: 10,
            title_max: 150,
            body_min: 30,
            body_max: 4000,
            address_max: 200,
            name_max: 100,
            email_max: 254,
            phone_max: 20,
            message_max: 2000,
            attachments_max_count: 5,
            attachment_max_bytes: 5 * 1024 * 1024,
            attachment_types: ["image/jpeg", "image/png", "image/webp", "application/pdf"]
                .map(String::from)
                .to_vec(),
        }
    }
}

/// Service-level rules, in working days.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct SlaRules {
    pub verify_days: u32,
    pub respond_days: u32,
    pub escalate_days: u32,
    pub auto_close_days: u32,
}

impl Default for SlaRules {
    fn default() -> Self {
        SlaRules {
            verify_days: 3,
            respond_days: 10,
            escalate_days: 60,
            auto_close_days: 10,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    /// Cuti bersama (collective leave) rather than a national holiday.
    #[serde(default)]
    pub collective_leave: bool,
}

/// `GET /portal`: everything a client needs to render the forms and explain the rules.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Portal {
    pub name: String,
    pub kinds: Vec<Kind>,
    pub categories: Vec<Category>,
    pub agencies: Vec<Agency>,
    pub regions: Vec<Region>,
    pub limits: Limits,
    pub sla: SlaRules,
    pub holidays: Vec<Holiday>,
    /// National completion target (0–1); SP4N-LAPOR! uses 90 %.
    pub completion_target: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_serialises_as_contract_names() {
        assert_eq!(serde_json::to_string(&Kind::Information).unwrap(), "\"information\"");
        assert_eq!(
            serde_json::from_str::<Kind>("\"aspiration\"").unwrap(),
            Kind::Aspiration
        );
        assert!(serde_json::from_str::<Kind>("\"other\"").is_err());
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
    }
}
