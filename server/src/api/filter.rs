//! Query-string filters shared by `/stats` and `/reports`; their SQL is `db::filter`.

use aduan_core::validation::Rule;
use aduan_core::{FieldError, Kind, ReportFilter};
use axum::extract::RawQuery;

use crate::problem::ApiError;

/// Parses `from, to, agency, category, region, kind` (and returns the rest for the caller).
pub fn parse(query: &RawQuery) -> Result<(ReportFilter, Vec<(String, String)>), ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.0.as_deref().unwrap_or(""))
        .map_err(|_| ApiError::bad_request("The query string is malformed."))?;
    let mut f = ReportFilter::default();
    let mut rest = Vec::new();
    let mut errors = Vec::new();
    let mut bad = |field: &str, rule: Rule| {
        errors.push(FieldError {
            field: field.into(),
            code: rule.code().into(),
            message: aduan_core::validation::message(rule, true).into(),
        });
    };
    for (key, value) in pairs {
        let value = value.trim().to_string();
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "from" | "to" => match value.parse() {
                Ok(d) if key == "from" => f.from = Some(d),
                Ok(d) => f.to = Some(d),
                Err(_) => bad(&key, Rule::Unknown),
            },
            "agency" => f.agency = Some(value),
            "category" => f.category = Some(value),
            "region" => f.region = Some(value),
            "kind" => match Kind::parse(&value) {
                Some(k) => f.kind = Some(k),
                None => bad("kind", Rule::Unknown),
            },
            _ => rest.push((key, value)),
        }
    }
    if let (Some(from), Some(to)) = (f.from, f.to) {
        if from > to {
            bad("to", Rule::TooShort);
        }
    }
    if errors.is_empty() {
        Ok((f, rest))
    } else {
        Err(ApiError::validation(errors))
    }
}
