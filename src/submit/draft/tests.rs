//! The draft's tests: its problems, steps, contract body and keeping.

use super::*;
use aduan_core::fixtures::portal;
use aduan_core::Channel;

const ALL_FIELDS: &[Field] = &Field::ALL;
const OPEN311_FIELDS: &[Field] = &[
    Field::Body,
    Field::Address,
    Field::Location,
    Field::CategoryId,
    Field::ReporterName,
    Field::ReporterEmail,
    Field::ReporterPhone,
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn complete() -> Draft {
    Draft {
        kind: Some(Kind::Complaint),
        title: "Jalan berlubang di depan pasar".into(),
        body: "Lubang besar sudah dua minggu dan membahayakan pengendara motor.".into(),
        incident_date: "2026-11-20".into(),
        region_id: "kec-1".into(),
        category_id: "jalan".into(),
        name: "Siti".into(),
        email: "siti@contoh.id".into(),
        ..Draft::new("k".into())
    }
}

#[test]
fn a_complete_draft_has_no_problems_and_maps_to_the_contract() {
    let d = complete();
    assert_eq!(d.problems(&portal(), today(), ALL_FIELDS), vec![]);
    let (r, _) = d.to_new_report();
    assert_eq!(r.agency_id, None, "empty agency means the administrator chooses");
    assert_eq!(r.incident_date, NaiveDate::from_ymd_opt(2026, 11, 20));
    assert_eq!(r.reporter.unwrap().name, "Siti");
}

#[test]
fn an_empty_draft_lists_problems_in_form_order_and_by_step() {
    let d = Draft::new("k".into());
    let fields: Vec<&str> = d
        .problems(&portal(), today(), ALL_FIELDS)
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(
        fields,
        vec![
            "kind",
            "title",
            "body",
            "incident_date",
            "region_id",
            "category_id",
            "reporter.name",
            "reporter.email"
        ]
    );
    let details: Vec<&str> = d
        .problems(&portal(), today(), ALL_FIELDS)
        .into_iter()
        .map(|(f, _)| f)
        .filter(|f| Step::of_field(f) == Step::Details)
        .collect();
    assert_eq!(details, vec!["title", "body", "incident_date"]);
    assert!(d
        .problems(&portal(), today(), ALL_FIELDS)
        .iter()
        .all(|(f, _)| Step::of_field(f) != Step::Attachments));
}

#[test]
fn future_and_unreadable_dates_have_their_own_problems() {
    let mut d = complete();
    d.incident_date = "2026-11-26".into();
    assert_eq!(
        d.problems(&portal(), today(), ALL_FIELDS),
        vec![("incident_date", Rule::FutureDate)]
    );
    d.incident_date = "26/11/2026".into();
    assert_eq!(
        d.problems(&portal(), today(), ALL_FIELDS),
        vec![("incident_date", Rule::Unknown)]
    );
}

#[test]
fn anonymous_drafts_send_no_identity() {
    let mut d = complete();
    d.anonymous = true;
    d.name.clear();
    d.email.clear();
    assert_eq!(d.problems(&portal(), today(), ALL_FIELDS), vec![]);
    assert!(d.to_new_report().0.reporter.is_none());
}

#[test]
fn drafts_survive_serialisation_and_old_drafts_still_load() {
    let d = complete();
    let back: Draft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(back, d);
    let old: Draft = serde_json::from_str(r#"{"title":"x","step":"details"}"#).unwrap();
    assert_eq!((old.title.as_str(), old.step), ("x", Step::Details));
}

#[test]
fn steps_move_forward_and_back_and_own_their_fields() {
    let all = Step::shown(ALL_FIELDS);
    assert_eq!(all, Step::ALL.to_vec());
    assert_eq!(Step::Kind.previous(&all), Step::Kind);
    assert_eq!(Step::Privacy.next(&all), Step::Review);
    assert_eq!(Step::Review.next(&all), Step::Review);
    assert_eq!(Step::of_field("reporter.email"), Step::Privacy);
    assert_eq!(Step::of_field("category_id"), Step::Location);
    assert_eq!(Step::of_field("attribute.judul"), Step::Location);
}

#[test]
fn a_backend_without_kinds_or_attachments_skips_those_steps_and_their_problems() {
    let steps = Step::shown(OPEN311_FIELDS);
    assert_eq!(steps, vec![Step::Details, Step::Location, Step::Privacy, Step::Review]);
    assert_eq!(Step::Details.next(&steps), Step::Location);
    assert_eq!(Step::Privacy.previous(&steps), Step::Location);
    let d = Draft {
        kind: None,
        title: String::new(),
        incident_date: String::new(),
        region_id: String::new(),
        ..complete()
    };
    assert_eq!(
        d.problems(&portal(), today(), OPEN311_FIELDS),
        vec![],
        "fields the backend does not store are not asked"
    );
    assert_eq!(d.problems(&portal(), today(), ALL_FIELDS).len(), 4);
}

#[test]
fn the_sent_body_is_the_contract_json_and_each_is_kept_once_with_the_draft() {
    let mut d = complete();
    let body = d.contract_body();
    assert_eq!(body, serde_json::to_string(&d.to_new_report().0).unwrap());
    d.record_sent(&body);
    d.record_sent(&body);
    d.title.push_str(" (diubah)");
    assert_ne!(d.contract_body(), body, "an edit changes the body");
    d.record_sent(&d.contract_body());
    assert_eq!(d.sent_bodies.len(), 2);
    let back: Draft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(back.sent_bodies, d.sent_bodies, "a reload keeps them");
    d.keep_as_unsent_changes("ABC234DEF", "new".into());
    assert_eq!(
        (
            d.idempotency_key.as_str(),
            d.sent_bodies.len(),
            d.earlier_ticket.as_deref(),
            d.step
        ),
        ("new", 0, Some("ABC234DEF"), Step::Review)
    );
    assert!(d.title.ends_with("(diubah)"), "what was typed stays");
}

#[test]
fn a_desk_draft_sends_its_channel_and_a_citizens_body_and_kept_draft_have_none() {
    let citizen = complete();
    assert!(!citizen.contract_body().contains("channel"));
    assert!(!serde_json::to_string(&citizen).unwrap().contains("channel"));
    let desk = Draft {
        channel: Some(Channel::Letter.as_str().into()),
        ..complete()
    };
    let sent: serde_json::Value = serde_json::from_str(&desk.contract_body()).unwrap();
    let mut expected = serde_json::to_value(desk.to_new_report().0).unwrap();
    expected["channel"] = "letter".into();
    assert_eq!(sent, expected);
    let by_phone = Draft {
        channel: Some(Channel::Phone.as_str().into()),
        ..desk.clone()
    };
    assert_ne!(
        by_phone.contract_body(),
        desk.contract_body(),
        "another channel is another body"
    );
    let back: Draft = serde_json::from_str(&serde_json::to_string(&desk).unwrap()).unwrap();
    assert_eq!(back.channel.as_deref(), Some("letter"), "a reload keeps it");
}

#[test]
fn idempotency_keys_are_distinct_and_readable() {
    let mut x = 0.1;
    let key = new_idempotency_key(|| {
        x += 0.17;
        x % 1.0
    });
    assert_eq!(key.len(), 35);
    assert!(key.chars().all(|c| c.is_ascii_hexdigit() || c == '-'));
}
