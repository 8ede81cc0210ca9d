//! Query-string parameters shared by `/stats`, `/reports` and the operator queue; their SQL is `db::filter`.
//!
//! A typed parameter (a date, a kind, a status, a page number) is absent or valid: an empty or padded value is
//! refused, never read as "no filter", which would answer another question than the one asked. Free-text
//! parameters (`q`, `agency`, `category`, `region`) are trimmed, and empty means no filter.

use aduan_core::validation::Rule;
use aduan_core::{FieldError, Kind, ReportFilter, Status};
use axum::extract::RawQuery;
use chrono::NaiveDate;

use crate::db::listing::Paging;
use crate::problem::ApiError;

/// The query string as name/value pairs, percent-decoded, in order.
pub fn pairs(query: &RawQuery) -> Result<Vec<(String, String)>, ApiError> {
    serde_urlencoded::from_str(query.0.as_deref().unwrap_or(""))
        .map_err(|_| ApiError::bad_request("The query string is malformed."))
}

fn field_error(field: &str, rule: Rule) -> FieldError {
    FieldError {
        field: field.into(),
        code: rule.code().into(),
        message: aduan_core::validation::message(rule, true).into(),
    }
}

fn unknown(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: Rule::Unknown.code().into(),
        message: message.into(),
    }
}

/// A `YYYY-MM-DD` date exactly, as the contract's `format: date` (RFC 3339 full-date) says.
fn strict_date(value: &str) -> Option<NaiveDate> {
    let b = value.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    shaped
        .then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
        .flatten()
}

/// Parses `from, to, agency, category, region, kind` (and returns the other pairs, as they came).
pub fn parse(query: &RawQuery) -> Result<(ReportFilter, Vec<(String, String)>), ApiError> {
    let mut f = ReportFilter::default();
    let mut rest = Vec::new();
    let mut errors = Vec::new();
    for (key, value) in pairs(query)? {
        let text = || Some(value.trim().to_string()).filter(|v| !v.is_empty());
        match key.as_str() {
            "from" | "to" => match strict_date(&value) {
                Some(d) if key == "from" => f.from = Some(d),
                Some(d) => f.to = Some(d),
                None => errors.push(field_error(&key, Rule::Unknown)),
            },
            "agency" => f.agency = text(),
            "category" => f.category = text(),
            "region" => f.region = text(),
            "kind" => match Kind::parse(&value) {
                Some(k) => f.kind = Some(k),
                None => errors.push(field_error("kind", Rule::Unknown)),
            },
            _ => rest.push((key, value)),
        }
    }
    if let (Some(from), Some(to)) = (f.from, f.to) {
        if from > to {
            errors.push(field_error("to", Rule::TooShort));
        }
    }
    if errors.is_empty() {
        Ok((f, rest))
    } else {
        Err(ApiError::validation(errors))
    }
}

/// `status`, `page` and `per_page` of a list, and the pairs it does not know.
pub struct ListParams {
    pub status: Option<Status>,
    pub paging: Paging,
    pub rest: Vec<(String, String)>,
}

/// Reads the list parameters of `pairs`; a bad one is a 422 naming it.
pub fn list_params(pairs: Vec<(String, String)>) -> Result<ListParams, ApiError> {
    let mut params = ListParams {
        status: None,
        paging: Paging { page: 1, per_page: 20 },
        rest: Vec::new(),
    };
    let mut errors = Vec::new();
    for (key, value) in pairs {
        match key.as_str() {
            "page" => match value.parse::<u32>() {
                Ok(p) if p >= 1 && value.bytes().all(|c| c.is_ascii_digit()) => params.paging.page = p,
                _ => errors.push(unknown("page", "page must be a whole number from 1 to 4294967295")),
            },
            "per_page" => match value.parse::<u32>() {
                Ok(p) if (1..=100).contains(&p) && value.bytes().all(|c| c.is_ascii_digit()) => {
                    params.paging.per_page = p;
                }
                _ => errors.push(unknown("per_page", "per_page must be from 1 to 100")),
            },
            "status" => match Status::parse(&value) {
                Some(s) => params.status = Some(s),
                None => errors.push(unknown("status", "unknown status")),
            },
            _ => params.rest.push((key, value)),
        }
    }
    if errors.is_empty() {
        Ok(params)
    } else {
        Err(ApiError::validation(errors))
    }
}
