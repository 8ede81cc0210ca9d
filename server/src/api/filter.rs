//! Query-string filters shared by `/stats` and `/reports`, and their SQL.

use aduan_core::validation::Rule;
use aduan_core::{FieldError, Kind, ReportFilter};
use axum::extract::RawQuery;
use rusqlite::types::Value;

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

/// A `WHERE` clause over `reports` with numbered placeholders `?1`, `?2` … bound to `params`, which callers
/// extend with [`Where::and`] and [`Where::and_any_of`] so the numbering stays in one place.
pub struct Where {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Where {
    /// `AND cond`, whose `?` becomes the next placeholder, bound to `value`.
    pub fn and(&mut self, cond: &str, value: Value) {
        self.params.push(value);
        let cond = cond.replace('?', &format!("?{}", self.params.len()));
        self.sql.push_str(&format!(" AND {cond}"));
    }

    /// `AND column IN (…)` over `values`; nothing when there are none.
    pub fn and_any_of(&mut self, column: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        let marks: Vec<String> = values
            .iter()
            .map(|v| {
                self.params.push(Value::Text(v.clone()));
                format!("?{}", self.params.len())
            })
            .collect();
        self.sql.push_str(&format!(" AND {column} IN ({})", marks.join(", ")));
    }
}

pub fn where_clause(f: &ReportFilter) -> Where {
    let mut w = Where {
        sql: "1 = 1".into(),
        params: Vec::new(),
    };
    if let Some(d) = f.from {
        w.and("created_day >= ?", Value::Text(d.to_string()));
    }
    if let Some(d) = f.to {
        w.and("created_day <= ?", Value::Text(d.to_string()));
    }
    if let Some(a) = &f.agency {
        w.and("agency_id = ?", Value::Text(a.clone()));
    }
    if let Some(c) = &f.category {
        w.and("category_id = ?", Value::Text(c.clone()));
    }
    if let Some(r) = &f.region {
        w.and("region_id = ?", Value::Text(r.clone()));
    }
    if let Some(k) = f.kind {
        w.and("kind = ?", Value::Text(k.as_str().into()));
    }
    w
}
