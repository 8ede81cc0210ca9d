//! The submission rules' tests.

use super::*;
use crate::contract::*;

use crate::fixtures::portal;

fn valid() -> NewReport {
    NewReport {
        kind: Kind::Complaint,
        title: "  Jalan berlubang di depan pasar  ".into(),
        body: "Lubang besar sudah dua minggu dan membahayakan pengendara motor.".into(),
        incident_date: NaiveDate::from_ymd_opt(2026, 11, 20),
        category_id: Some("jalan".into()),
        agency_id: None,
        region_id: Some("kec-1".into()),
        address: "Jl. Merdeka 1".into(),
        location: None,
        attachment_ids: vec![],
        anonymous: false,
        confidential: false,
        reporter: Some(Reporter {
            name: "Siti".into(),
            email: "siti@example.id".into(),
            phone: String::new(),
        }),
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn fields(r: &NewReport) -> Vec<(&'static str, &'static str)> {
    match validate_new_report(r, &portal(), today()) {
        Ok(_) => vec![],
        Err(e) => e.into_iter().map(|(f, rule)| (f, rule.code())).collect(),
    }
}

#[test]
fn a_valid_report_is_trimmed() {
    let ok = validate_new_report(&valid(), &portal(), today()).unwrap();
    assert_eq!(ok.title, "Jalan berlubang di depan pasar");
}

#[test]
fn empty_report_lists_every_missing_field() {
    let mut r = valid();
    r.title = "   ".into();
    r.body.clear();
    r.incident_date = None;
    r.category_id = None;
    r.region_id = None;
    r.reporter = None;
    let f = fields(&r);
    for expected in [
        ("title", "required"),
        ("body", "required"),
        ("incident_date", "required"),
        ("category_id", "required"),
        ("region_id", "required"),
        ("reporter.name", "required"),
        ("reporter.email", "required"),
    ] {
        assert!(f.contains(&expected), "{expected:?} missing from {f:?}");
    }
}

#[test]
fn future_dates_unknown_ids_and_lengths_are_refused() {
    let mut r = valid();
    r.incident_date = NaiveDate::from_ymd_opt(2026, 11, 26);
    r.category_id = Some("nope".into());
    r.agency_id = Some("nope".into());
    r.title = "x".repeat(151);
    assert_eq!(
        fields(&r),
        vec![
            ("title", "too_long"),
            ("incident_date", "future_date"),
            ("category_id", "unknown"),
            ("agency_id", "unknown")
        ]
    );
    r = valid();
    r.title = "pendek".into();
    assert_eq!(fields(&r), vec![("title", "too_short")]);
}

#[test]
fn control_characters_are_refused_but_newlines_in_body_are_fine() {
    let mut r = valid();
    r.title = "Judul dengan \u{0007} bel".into();
    r.body = "Baris pertama yang cukup panjang.\r\nBaris kedua\tdengan tab.".into();
    assert_eq!(fields(&r), vec![("title", "control_characters")]);
    assert_eq!(
        clean_text("a\u{202E}b", 0, 10, false),
        Ok("a\u{202E}b".into()),
        "clean_text leaves format characters to the fields that refuse them"
    );
}

#[test]
fn a_channel_may_leave_out_the_district_and_date_but_not_send_wrong_ones() {
    let optional = Required {
        incident_date: false,
        region: false,
    };
    let mut r = valid();
    r.incident_date = None;
    r.region_id = None;
    let ok = validate_report(&r, &portal(), today(), optional).unwrap();
    assert_eq!((ok.incident_date, ok.region_id), (None, None));
    r.region_id = Some("tidak-ada".into());
    r.incident_date = NaiveDate::from_ymd_opt(2030, 1, 1);
    let refused: Vec<_> = validate_report(&r, &portal(), today(), optional).unwrap_err();
    assert!(refused.contains(&("region_id", Rule::Unknown)), "{refused:?}");
    assert!(refused.contains(&("incident_date", Rule::FutureDate)), "{refused:?}");
}

#[test]
fn incident_dates_before_1945_are_refused() {
    let mut r = valid();
    r.incident_date = NaiveDate::from_ymd_opt(1944, 12, 31);
    assert_eq!(fields(&r), vec![("incident_date", "too_early_date")]);
    r.incident_date = NaiveDate::from_ymd_opt(202, 5, 1);
    assert_eq!(fields(&r), vec![("incident_date", "too_early_date")]);
    r.incident_date = Some(EARLIEST_INCIDENT_DATE);
    assert_eq!(fields(&r), vec![]);
    r.incident_date = Some(today());
    assert_eq!(fields(&r), vec![]);
}

#[test]
fn text_of_only_invisible_characters_is_empty() {
    let mut r = valid();
    r.title = "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF} \u{200B}".into();
    r.body = "\u{200B}".repeat(40);
    assert_eq!(fields(&r), vec![("title", "required"), ("body", "required")]);
    assert_eq!(
        clean_text("\u{FEFF} Jalan rusak \u{200B}", 1, 50, false),
        Ok("Jalan rusak".into()),
        "invisible characters at the ends are trimmed like spaces"
    );
    assert_eq!(
        clean_text("a\u{200D}b", 1, 50, false),
        Ok("a\u{200D}b".into()),
        "joiners inside stay"
    );
}

#[test]
fn direction_controls_are_refused_in_titles_and_names() {
    for c in [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        '\u{200E}', '\u{200F}',
    ] {
        let mut r = valid();
        r.title = format!("Jalan berlubang {c}di depan pasar");
        r.reporter.as_mut().unwrap().name = format!("Siti{c}");
        assert_eq!(
            fields(&r),
            vec![
                ("title", "direction_characters"),
                ("reporter.name", "direction_characters")
            ],
            "{c:?}"
        );
    }
    let mut r = valid();
    r.body = "Isi laporan dengan kutipan \u{202B}نص\u{202C} yang cukup panjang.".into();
    r.title = "Jalan berlubang di depan pasar نص".into();
    assert_eq!(
        fields(&r),
        vec![],
        "right-to-left words, and marks in the body, are fine"
    );
    assert!(!is_direction_control('a') && is_direction_control('\u{2067}'));
}

#[test]
fn anonymous_reports_need_no_identity_and_drop_it() {
    let mut r = valid();
    r.anonymous = true;
    r.reporter = Some(Reporter {
        name: "x".into(),
        email: "bad".into(),
        phone: String::new(),
    });
    let ok = validate_new_report(&r, &portal(), today()).unwrap();
    assert!(ok.reporter.is_none());
}

#[test]
fn contact_is_email_or_phone_and_each_is_checked() {
    let mut r = valid();
    r.reporter = Some(Reporter {
        name: "Budi".into(),
        email: String::new(),
        phone: "0812-3456-7890".into(),
    });
    assert_eq!(fields(&r), vec![]);
    r.reporter = Some(Reporter {
        name: "Budi".into(),
        email: "budi@".into(),
        phone: "12".into(),
    });
    assert_eq!(
        fields(&r),
        vec![("reporter.email", "invalid_email"), ("reporter.phone", "invalid_phone")]
    );
    assert!(is_plausible_phone("+62 812 3456 7890"));
    assert!(!is_plausible_phone("08a1234567"));
    assert!(is_plausible_email("a.b@kota.go.id"));
    assert!(!is_plausible_email("a b@kota.go.id"));
}
