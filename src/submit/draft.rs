//! The report being written, and the steps that ask for it: validated with the same rules as the server
//! (aduan-core), and sent with one idempotency key per draft. `draft_store` keeps it across reloads.

use aduan_core::validation::{validate_new_report, Rule};
use aduan_core::{Attachment, Kind, Location, NewReport, Portal, Reporter};
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::field::Field;

/// The steps of the form, in order (GOV.UK: one thing per page, then check answers).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Kind,
    Details,
    Location,
    Attachments,
    Privacy,
    Review,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Kind,
        Step::Details,
        Step::Location,
        Step::Attachments,
        Step::Privacy,
        Step::Review,
    ];

    /// The steps a backend needs: those with a field it stores, then the review.
    pub fn shown(asked: &[Field]) -> Vec<Step> {
        Step::ALL
            .into_iter()
            .filter(|s| *s == Step::Review || s.fields().iter().any(|f| asked.contains(f)))
            .collect()
    }

    pub fn next(self, steps: &[Step]) -> Step {
        let i = steps.iter().position(|s| *s == self).unwrap_or(0);
        steps[(i + 1).min(steps.len() - 1)]
    }

    pub fn previous(self, steps: &[Step]) -> Step {
        let i = steps.iter().position(|s| *s == self).unwrap_or(0);
        steps[i.saturating_sub(1)]
    }

    /// The fields asked on this step, in form order.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Step::Kind => &[Field::Kind],
            Step::Details => &[Field::Title, Field::Body, Field::IncidentDate],
            Step::Location => &[
                Field::RegionId,
                Field::Address,
                Field::CategoryId,
                Field::AgencyId,
                Field::Location,
            ],
            Step::Attachments => &[Field::AttachmentIds],
            Step::Privacy => &[
                Field::Anonymous,
                Field::Confidential,
                Field::ReporterName,
                Field::ReporterEmail,
                Field::ReporterPhone,
            ],
            Step::Review => &[],
        }
    }

    /// The step that asks a field.
    pub fn of(field: Field) -> Step {
        Step::ALL
            .into_iter()
            .find(|s| s.fields().contains(&field))
            .unwrap_or(Step::Review)
    }

    /// The step that holds a field, so an error found later can send the citizen back to it. A category's
    /// questions are asked under the category.
    pub fn of_field(field: &str) -> Step {
        if field.starts_with("attribute.") || field == "questions" {
            return Step::Location;
        }
        Field::parse(field).map_or(Step::Review, Step::of)
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Draft {
    pub step: Step,
    pub kind: Option<Kind>,
    pub title: String,
    pub body: String,
    /// As the date input gives it, `YYYY-MM-DD`.
    pub incident_date: String,
    pub region_id: String,
    pub address: String,
    pub location: Option<Location>,
    pub category_id: String,
    /// Empty: "not sure — let the administrator choose".
    pub agency_id: String,
    pub attachments: Vec<Attachment>,
    pub anonymous: bool,
    pub confidential: bool,
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Answers to the chosen category's questions (Open311 attributes), by attribute code.
    pub answers: BTreeMap<String, Vec<String>>,
    /// One per draft: a retried send can never make a second report.
    pub idempotency_key: String,
    /// The exact bodies sent with `idempotency_key` while no answer was seen, oldest first: the server may
    /// hold one of them, and a later send finds out which (`submit::resolve`). Kept with the draft so that a
    /// reload does not lose them.
    pub sent_bodies: Vec<String>,
    /// The ticket under which an earlier version of this draft arrived, when what the draft says now was not
    /// sent: sending it makes a new, separate report.
    pub earlier_ticket: Option<String>,
}

fn some_if_filled(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl Draft {
    pub fn new(idempotency_key: String) -> Draft {
        Draft {
            idempotency_key,
            ..Draft::default()
        }
    }

    /// The contract body, plus the date problem the contract cannot express (a date that does not parse).
    pub fn to_new_report(&self) -> (NewReport, Option<Rule>) {
        let date_text = self.incident_date.trim();
        let parsed = date_text.parse::<NaiveDate>().ok();
        let date_error = (!date_text.is_empty() && parsed.is_none()).then_some(Rule::Unknown);
        let report = NewReport {
            kind: self.kind.unwrap_or(Kind::Complaint),
            title: self.title.clone(),
            body: self.body.clone(),
            incident_date: parsed,
            category_id: some_if_filled(&self.category_id),
            agency_id: some_if_filled(&self.agency_id),
            region_id: some_if_filled(&self.region_id),
            address: self.address.clone(),
            location: self.location.clone(),
            attachment_ids: self.attachments.iter().map(|a| a.id.clone()).collect(),
            anonymous: self.anonymous,
            confidential: self.confidential,
            reporter: (!self.anonymous).then(|| Reporter {
                name: self.name.clone(),
                email: self.email.clone(),
                phone: self.phone.clone(),
            }),
        };
        (report, date_error)
    }

    /// The contract body as sent: the exact bytes an idempotency key is checked against.
    pub fn contract_body(&self) -> String {
        serde_json::to_string(&self.to_new_report().0).unwrap_or_default()
    }

    /// Remembers `body` as sent with the draft's key, before it goes.
    pub fn record_sent(&mut self, body: &str) {
        if !self.sent_bodies.iter().any(|b| b == body) {
            self.sent_bodies.push(body.to_string());
        }
    }

    /// After an earlier version arrived as `ticket`: the draft keeps what it says now under a new key, so that
    /// the citizen can still send it, knowingly, as a new report.
    pub fn keep_as_unsent_changes(&mut self, ticket: &str, new_key: String) {
        self.idempotency_key = new_key;
        self.sent_bodies.clear();
        self.earlier_ticket = Some(ticket.to_string());
        self.step = Step::Review;
    }

    /// Every problem in the fields the backend stores (`asked`), in form order, with the same rules the
    /// server applies.
    pub fn problems(&self, portal: &Portal, today: NaiveDate, asked: &[Field]) -> Vec<(&'static str, Rule)> {
        let (report, date_error) = self.to_new_report();
        let mut problems = match validate_new_report(&report, portal, today) {
            Ok(_) => vec![],
            Err(e) => e,
        };
        if self.kind.is_none() {
            problems.insert(0, (Field::Kind.as_str(), Rule::Required));
        }
        if let Some(rule) = date_error {
            problems.retain(|(f, _)| *f != Field::IncidentDate.as_str());
            problems.push((Field::IncidentDate.as_str(), rule));
        }
        problems.retain(|(f, _)| Field::parse(f).is_some_and(|f| asked.contains(&f)));
        let order = |f: &str| {
            Step::ALL
                .iter()
                .flat_map(|s| s.fields())
                .position(|x| x.as_str() == f)
                .unwrap_or(usize::MAX)
        };
        problems.sort_by_key(|(f, _)| order(f));
        problems
    }
}

/// A fresh idempotency key from the browser's random source.
pub fn new_idempotency_key(mut random: impl FnMut() -> f64) -> String {
    (0..4)
        .map(|_| format!("{:08x}", (random() * u32::MAX as f64) as u32))
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use aduan_core::fixtures::portal;

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
    fn idempotency_keys_are_distinct_and_readable() {
        let mut x = 0.1;
        let key = new_idempotency_key(|| {
            x += 0.17;
            x % 1.0
        });
        assert_eq!(key.len(), 35);
        assert!(key.chars().all(|c| c.is_ascii_hexdigit() || c == '-'));
    }
}
