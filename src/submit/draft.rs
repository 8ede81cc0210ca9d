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
    /// How the report came, by the contract's name (`Channel::as_str`), when staff type it in at the desk
    /// (`console::record`); never set on `/lapor`. A name rather than the `Channel` so that the citizen's chunk
    /// does not carry the channels' (de)serialisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
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

    /// The contract body as sent: the exact bytes an idempotency key is checked against. A desk's draft adds
    /// its `channel` (`POST /staff/reports`) as the last member, so that a change of channel is a change of body.
    pub fn contract_body(&self) -> String {
        let body = serde_json::to_string(&self.to_new_report().0).unwrap_or_default();
        match (&self.channel, body.strip_suffix('}')) {
            (Some(channel), Some(open)) => {
                format!(
                    "{open},\"channel\":{}}}",
                    serde_json::to_string(channel).unwrap_or_default()
                )
            }
            _ => body,
        }
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
mod tests;
