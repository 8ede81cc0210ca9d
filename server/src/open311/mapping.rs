//! Between Open311's GeoReport v2 and this portal's contract: a posted form as a `NewReport`, a `ReportView`
//! as a public service request, and our field names as Open311 parameters in error descriptions.

use aduan_core::open311::{offset_text, ServiceRequest};
use aduan_core::{Category, Kind, Location, NewReport, ReportView, Reporter, WorkingCalendar};
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};

use super::{Open311Failure, INCIDENT_DATE, REGION, TITLE};

/// The first non-blank value of `key` in a form or query string.
pub fn form_value(pairs: &[(String, String)], key: &str) -> Option<String> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The report a `POST requests.json` form describes, not yet validated: the reporter is anonymous when the
/// form names nobody, and the title, district and date of incident come as this portal's attributes.
pub fn new_report(pairs: &[(String, String)], categories: &[Category]) -> Result<NewReport, Open311Failure> {
    let get = |key: &str| form_value(pairs, key);
    let attribute = |code: &str| get(&format!("attribute[{code}]"));
    let service_code =
        get("service_code").ok_or_else(|| Open311Failure::new(StatusCode::BAD_REQUEST, "service_code is required."))?;
    if !categories.iter().any(|c| c.id == service_code) {
        return Err(Open311Failure::new(
            StatusCode::BAD_REQUEST,
            format!("No service has the code {service_code}."),
        ));
    }
    let number = |key: &str| {
        get(key).map(|v| {
            v.parse::<f64>()
                .map_err(|_| Open311Failure::new(StatusCode::BAD_REQUEST, format!("{key} must be a number.")))
        })
    };
    let location = match (number("lat").transpose()?, number("long").transpose()?) {
        (Some(lat), Some(lon)) => Some(Location { lat, lon }),
        _ => None,
    };
    let name = [get("first_name"), get("last_name")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let (email, phone) = (get("email").unwrap_or_default(), get("phone").unwrap_or_default());
    let anonymous = name.is_empty() && email.is_empty() && phone.is_empty();
    let incident_date = attribute(INCIDENT_DATE).map(|v| {
        v.get(..10)
            .and_then(|d| d.parse::<NaiveDate>().ok())
            .ok_or_else(|| Open311Failure::new(StatusCode::BAD_REQUEST, "attribute[tanggal_kejadian] must be a date."))
    });
    Ok(NewReport {
        kind: Kind::Complaint,
        title: attribute(TITLE).unwrap_or_default(),
        body: get("description").unwrap_or_default(),
        incident_date: incident_date.transpose()?,
        category_id: Some(service_code),
        agency_id: None,
        region_id: attribute(REGION),
        address: get("address_string").unwrap_or_default(),
        location,
        attachment_ids: vec![],
        anonymous,
        confidential: false,
        reporter: (!anonymous).then_some(Reporter { name, email, phone }),
    })
}

/// The Open311 parameter that holds one of our fields, for error descriptions: this server's own attributes,
/// else the standard parameter.
pub fn open311_field(field: &str) -> String {
    match field {
        "title" => format!("attribute[{TITLE}]"),
        "region_id" => format!("attribute[{REGION}]"),
        "incident_date" => format!("attribute[{INCIDENT_DATE}]"),
        other => aduan_core::open311::parameter_of(other).unwrap_or(other).into(),
    }
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// One of our reports as a public Open311 service request: never the reporter, never a confidential text.
pub fn as_service_request(r: &ReportView, at: Option<&Location>, calendar: &WorkingCalendar) -> ServiceRequest {
    let last_note = r
        .events
        .iter()
        .rev()
        .find(|e| e.kind.as_deref() != Some("reply") && e.message.is_some());
    ServiceRequest {
        service_request_id: r.ticket.clone(),
        status: aduan_core::open311::status_of(r.status).into(),
        // A duplicate's notes name its main report, whatever was said after.
        status_notes: match &r.duplicate_of {
            Some(main) => Some(aduan_core::duplicate::merged_notice(main)),
            None => last_note.and_then(|e| e.message.clone()),
        },
        service_name: r.category.as_ref().map(|c| c.name.clone()),
        service_code: r.category.as_ref().map(|c| c.id.clone()),
        description: r.body.clone(),
        agency_responsible: r.agency.as_ref().map(|a| a.name.clone()),
        service_notice: None,
        requested_datetime: Some(rfc3339(r.created_at)),
        updated_datetime: r.events.last().map(|e| rfc3339(e.at)),
        expected_datetime: r.deadlines.as_ref().filter(|_| r.status.is_unfinished()).map(|d| {
            format!(
                "{}T23:59:59{}",
                d.respond.due,
                offset_text(calendar.utc_offset_seconds())
            )
        }),
        address: r.address.clone().filter(|a| !a.is_empty()),
        address_id: None,
        zipcode: None,
        lat: at.map(|l| l.lat),
        long: at.map(|l| l.lon),
        media_url: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn roads() -> Vec<Category> {
        vec![Category {
            id: "jalan".into(),
            name: "Jalan".into(),
            name_en: None,
        }]
    }

    #[test]
    fn form_values_are_the_first_non_blank_trimmed() {
        let form = pairs(&[("a", "  "), ("a", " x "), ("a", "y")]);
        assert_eq!(form_value(&form, "a").as_deref(), None);
        let form = pairs(&[("a", " x "), ("a", "y")]);
        assert_eq!(form_value(&form, "a").as_deref(), Some("x"));
        assert_eq!(form_value(&form, "b"), None);
    }

    #[test]
    fn a_form_becomes_a_report_with_our_attributes() {
        let form = pairs(&[
            ("service_code", "jalan"),
            ("description", "Jalan berlubang"),
            ("attribute[judul]", "Lubang"),
            ("attribute[kecamatan]", "cempaka"),
            ("attribute[tanggal_kejadian]", "2026-01-15T08:00:00+07:00"),
            ("lat", "-6.2"),
            ("long", "106.8"),
            ("first_name", "Siti"),
            ("last_name", "Aminah"),
        ]);
        let report = new_report(&form, &roads()).ok().unwrap();
        assert_eq!(report.title, "Lubang");
        assert_eq!(report.region_id.as_deref(), Some("cempaka"));
        assert_eq!(report.incident_date, "2026-01-15".parse().ok());
        assert_eq!(report.location.map(|l| (l.lat, l.lon)), Some((-6.2, 106.8)));
        assert!(!report.anonymous);
        assert_eq!(report.reporter.unwrap().name, "Siti Aminah");
    }

    #[test]
    fn a_form_naming_nobody_is_anonymous_and_bad_values_are_400() {
        let report = new_report(&pairs(&[("service_code", "jalan")]), &roads()).ok().unwrap();
        assert!(report.anonymous && report.reporter.is_none());
        for bad in [
            vec![("service_code", "nope")],
            vec![],
            vec![("service_code", "jalan"), ("lat", "north")],
            vec![("service_code", "jalan"), ("attribute[tanggal_kejadian]", "kemarin")],
        ] {
            let Err(Open311Failure(status, errors)) = new_report(&pairs(&bad), &roads()) else {
                panic!("{bad:?} was accepted");
            };
            assert_eq!((status, errors.len()), (StatusCode::BAD_REQUEST, 1));
        }
    }

    #[test]
    fn our_fields_are_named_as_attributes() {
        assert_eq!(open311_field("title"), "attribute[judul]");
        assert_eq!(open311_field("region_id"), "attribute[kecamatan]");
    }
}
