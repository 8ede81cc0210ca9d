//! The form-encoded request that carries our report to an Open311 server.

use super::Answer;
use crate::NewReport;

/// A coordinate to six decimals (about 10 cm), trailing zeros dropped. By hand, because the standard float
/// formatting would add kilobytes to the browser build for this one use.
fn coordinate(x: f64) -> String {
    let micro = (x * 1e6).round() as i64;
    let (whole, fraction) = (micro.unsigned_abs() / 1_000_000, micro.unsigned_abs() % 1_000_000);
    let sign = if micro < 0 { "-" } else { "" };
    let fraction = format!("{fraction:06}");
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// The form-encoded body of `POST requests.json` for our report and the answers to the service's
/// attributes (a list answer is sent as repeated `attribute[code][]`). The name is split at the first space
/// into Open311's first and last name.
pub fn request_form(report: &NewReport, answers: &[Answer]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = Vec::new();
    let mut put = |key: &str, value: &str| {
        if !value.trim().is_empty() {
            form.push((key.to_string(), value.trim().to_string()));
        }
    };
    put("service_code", report.category_id.as_deref().unwrap_or(""));
    put("description", &report.body);
    put("address_string", &report.address);
    if let Some(l) = &report.location {
        put("lat", &coordinate(l.lat));
        put("long", &coordinate(l.lon));
    }
    if let Some(who) = report.reporter.as_ref().filter(|_| !report.anonymous) {
        let (first, last) = who.name.trim().split_once(' ').unwrap_or((who.name.trim(), ""));
        put("first_name", first);
        put("last_name", last);
        put("email", &who.email);
        put("phone", &who.phone);
    }
    for answer in answers {
        let key = if answer.list {
            format!("attribute[{}][]", answer.code)
        } else {
            format!("attribute[{}]", answer.code)
        };
        answer.values.iter().for_each(|v| put(&key, v));
    }
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Kind, Location, Reporter};

    #[test]
    fn a_report_becomes_the_form_open311_expects() {
        let report = NewReport {
            kind: Kind::Complaint,
            title: String::new(),
            body: " Lubang besar di depan pasar. ".into(),
            incident_date: None,
            category_id: Some("jalan".into()),
            agency_id: None,
            region_id: None,
            address: "Jl. Merdeka 1".into(),
            location: Some(Location { lat: -6.2, lon: 106.8 }),
            attachment_ids: vec![],
            anonymous: false,
            confidential: false,
            reporter: Some(Reporter {
                name: "Siti Nur Aisyah".into(),
                email: "siti@contoh.id".into(),
                phone: String::new(),
            }),
        };
        let answer = |code: &str, values: &[&str], list: bool| Answer {
            code: code.into(),
            values: values.iter().map(ToString::to_string).collect(),
            list,
        };
        let attributes = vec![
            answer("judul", &["Jalan berlubang"], false),
            answer("jenis", &["a", "b"], true),
            answer("satu", &["c"], true),
        ];
        let form = request_form(&report, &attributes);
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            pairs,
            vec![
                ("service_code", "jalan"),
                ("description", "Lubang besar di depan pasar."),
                ("address_string", "Jl. Merdeka 1"),
                ("lat", "-6.2"),
                ("long", "106.8"),
                ("first_name", "Siti"),
                ("last_name", "Nur Aisyah"),
                ("email", "siti@contoh.id"),
                ("attribute[judul]", "Jalan berlubang"),
                ("attribute[jenis][]", "a"),
                ("attribute[jenis][]", "b"),
                ("attribute[satu][]", "c"),
            ]
        );
        let anonymous = NewReport {
            anonymous: true,
            ..report
        };
        assert!(request_form(&anonymous, &[])
            .iter()
            .all(|(k, _)| k != "email" && k != "first_name"));
    }

    #[test]
    fn coordinates_are_written_to_six_decimals_without_trailing_zeros() {
        assert_eq!(
            (
                coordinate(-6.2),
                coordinate(106.8),
                coordinate(0.0000004),
                coordinate(-0.1234567)
            ),
            ("-6.2".into(), "106.8".into(), "0".into(), "-0.123457".into())
        );
    }
}
