//! Validation rules shared by the SPA (before sending) and the server (before storing), so that both say the
//! same thing about the same input. Errors carry a stable `code`; each side words it in the user's language.

use chrono::NaiveDate;

use crate::contract::{Limits, NewReport, Portal};

mod text;
mod wording;

pub use text::{
    clean_text, is_direction_control, is_invisible, is_plausible_email, is_plausible_phone, refuse_direction_controls,
};
pub use wording::{field_errors, message};

/// Why a field was refused. The string form is the contract's `errors[].code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Required,
    TooShort,
    TooLong,
    ControlCharacters,
    FutureDate,
    /// An incident date before [`EARLIEST_INCIDENT_DATE`].
    TooEarlyDate,
    /// Characters that change the direction of the text around them (see [`is_direction_control`]).
    DirectionCharacters,
    InvalidEmail,
    InvalidPhone,
    Unknown,
    TooMany,
}

impl Rule {
    pub const ALL: [Rule; 11] = [
        Rule::Required,
        Rule::TooShort,
        Rule::TooLong,
        Rule::ControlCharacters,
        Rule::FutureDate,
        Rule::TooEarlyDate,
        Rule::DirectionCharacters,
        Rule::InvalidEmail,
        Rule::InvalidPhone,
        Rule::Unknown,
        Rule::TooMany,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::TooShort => "too_short",
            Rule::TooLong => "too_long",
            Rule::ControlCharacters => "control_characters",
            Rule::FutureDate => "future_date",
            Rule::TooEarlyDate => "too_early_date",
            Rule::DirectionCharacters => "direction_characters",
            Rule::InvalidEmail => "invalid_email",
            Rule::InvalidPhone => "invalid_phone",
            Rule::Unknown => "unknown",
            Rule::TooMany => "too_many",
        }
    }
}

/// The earliest incident date a report may name: the portal handles complaints about public services of the
/// Republic, so an earlier date is a slip of the date picker (years like 0202), not an incident.
pub const EARLIEST_INCIDENT_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1945, 1, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// A report that passed validation: texts trimmed, identity dropped when anonymous.
pub type Cleaned = NewReport;

/// Which of a report's answers a channel insists on. `/api/v1` asks for all of them; an Open311 client that
/// sends only GeoReport v2's basic fields may leave out the district and the incident date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Required {
    pub incident_date: bool,
    pub region: bool,
}

impl Required {
    pub const ALL: Required = Required {
        incident_date: true,
        region: true,
    };
}

/// Checks a submission against the portal's limits and lists; `today` is the portal's local date.
pub fn validate_new_report(
    input: &NewReport,
    portal: &Portal,
    today: NaiveDate,
) -> Result<Cleaned, Vec<(&'static str, Rule)>> {
    validate_report(input, portal, today, Required::ALL)
}

/// [`validate_new_report`] with only the `required` answers insisted on; an answer that is given is checked.
pub fn validate_report(
    input: &NewReport,
    portal: &Portal,
    today: NaiveDate,
    required: Required,
) -> Result<Cleaned, Vec<(&'static str, Rule)>> {
    let limits: &Limits = &portal.limits;
    let mut errors = Vec::new();
    let mut out = input.clone();

    let text = |field: &'static str, value: &str, min, max, multiline, errors: &mut Vec<_>| match clean_text(
        value, min, max, multiline,
    ) {
        Ok(v) => v,
        Err(rule) => {
            errors.push((field, rule));
            value.to_string()
        }
    };
    out.title = text(
        "title",
        &input.title,
        limits.title_min,
        limits.title_max,
        false,
        &mut errors,
    );
    if let Err(rule) = refuse_direction_controls(&input.title) {
        if !errors.iter().any(|(f, _)| *f == "title") {
            errors.push(("title", rule));
        }
    }
    out.body = text("body", &input.body, limits.body_min, limits.body_max, true, &mut errors);
    out.address = text("address", &input.address, 0, limits.address_max, false, &mut errors);

    match input.incident_date {
        None if required.incident_date => errors.push(("incident_date", Rule::Required)),
        None => {}
        Some(d) if d > today => errors.push(("incident_date", Rule::FutureDate)),
        Some(d) if d < EARLIEST_INCIDENT_DATE => errors.push(("incident_date", Rule::TooEarlyDate)),
        Some(_) => {}
    }
    let known = |id: &Option<String>, ids: Vec<&str>| match id {
        None => Err(Rule::Required),
        Some(id) if ids.contains(&id.as_str()) => Ok(()),
        Some(_) => Err(Rule::Unknown),
    };
    if let Err(rule) = known(
        &input.category_id,
        portal.categories.iter().map(|c| c.id.as_str()).collect(),
    ) {
        errors.push(("category_id", rule));
    }
    if input.region_id.is_some() || required.region {
        if let Err(rule) = known(&input.region_id, portal.regions.iter().map(|r| r.id.as_str()).collect()) {
            errors.push(("region_id", rule));
        }
    }
    if input.agency_id.is_some() {
        if let Err(rule) = known(
            &input.agency_id,
            portal.agencies.iter().map(|a| a.id.as_str()).collect(),
        ) {
            errors.push(("agency_id", rule));
        }
    }
    if let Some(loc) = &input.location {
        if !(-90.0..=90.0).contains(&loc.lat) || !(-180.0..=180.0).contains(&loc.lon) {
            errors.push(("location", Rule::Unknown));
        }
    }
    if input.attachment_ids.len() > limits.attachments_max_count {
        errors.push(("attachment_ids", Rule::TooMany));
    }

    if input.anonymous {
        out.reporter = None;
    } else {
        let reporter = input.reporter.clone().unwrap_or_default();
        let mut cleaned = reporter.clone();
        cleaned.name = text("reporter.name", &reporter.name, 1, limits.name_max, false, &mut errors);
        if let Err(rule) = refuse_direction_controls(&reporter.name) {
            if !errors.iter().any(|(f, _)| *f == "reporter.name") {
                errors.push(("reporter.name", rule));
            }
        }
        cleaned.email = text(
            "reporter.email",
            &reporter.email,
            0,
            limits.email_max,
            false,
            &mut errors,
        );
        cleaned.phone = text(
            "reporter.phone",
            &reporter.phone,
            0,
            limits.phone_max,
            false,
            &mut errors,
        );
        if cleaned.email.is_empty() && cleaned.phone.is_empty() {
            errors.push(("reporter.email", Rule::Required));
        }
        if !cleaned.email.is_empty()
            && !is_plausible_email(&cleaned.email)
            && !errors.iter().any(|(f, _)| *f == "reporter.email")
        {
            errors.push(("reporter.email", Rule::InvalidEmail));
        }
        if !cleaned.phone.is_empty()
            && !is_plausible_phone(&cleaned.phone)
            && !errors.iter().any(|(f, _)| *f == "reporter.phone")
        {
            errors.push(("reporter.phone", Rule::InvalidPhone));
        }
        out.reporter = Some(cleaned);
    }

    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests;
