//! `/staff/templates`: the response templates staff choose from when they take a step.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::staff::StepAction;

/// A response template: the standard message of one step, in both languages, for one category or for all.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ResponseTemplate {
    pub id: i64,
    pub action: StepAction,
    /// `None`: offered for reports of every category.
    #[serde(default)]
    pub category_id: Option<String>,
    pub title: String,
    pub text_id: String,
    pub text_en: String,
    pub updated_at: DateTime<Utc>,
    /// The username of the administrator who last wrote it.
    pub updated_by: String,
}

/// `POST /staff/templates` and `PUT /staff/templates/{id}` (administrators).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NewTemplate {
    pub action: StepAction,
    #[serde(default)]
    pub category_id: Option<String>,
    pub title: String,
    pub text_id: String,
    pub text_en: String,
}

/// `GET /staff/templates`: filters, as query parameters. With `category_id`, the templates of that category and
/// those without one.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TemplateQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<StepAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<String>,
}
