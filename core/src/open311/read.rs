//! Our portal and report view from an Open311 server's documents, the request ids a citizen types, and
//! the answers that are not JSON at all.

use chrono::{DateTime, Utc};

use super::{instant, status_from_open311, Attribute, RequestCreated, Service, ServiceRequest};
use crate::ticket::TicketError;
use crate::{
    Actor, Category, Event, Holiday, Kind, Limits, NamedRef, Portal, ReportView, SlaRules, Status, WorkingCalendar,
};

/// Longest request id accepted from a citizen; real servers use numbers or short codes.
pub const ID_MAX: usize = 64;

/// A service request id as typed, trimmed. Only characters that are safe in a URL path are accepted, so the
/// id can go into `requests/{id}.json` and `/lacak/{id}` unchanged. There is no check character to test.
pub fn parse_request_id(typed: &str) -> Result<String, TicketError> {
    let id = typed.trim();
    if id.is_empty() {
        return Err(TicketError::Empty);
    }
    if id.chars().count() > ID_MAX {
        return Err(TicketError::Length);
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(TicketError::Character(c));
    }
    Ok(id.to_string())
}

/// The portal an Open311 server implies: its services are the categories; there is one kind, no agency to
/// choose, no region list and no attachments. Limits are those of a description only (required, bounded):
/// the server applies its own rules and answers with an error array, which the form shows.
pub fn portal_from_services(services: &[Service], holidays: Vec<Holiday>) -> Portal {
    Portal {
        name: String::new(),
        kinds: vec![Kind::Complaint],
        categories: services
            .iter()
            .map(|s| Category {
                id: s.service_code.clone(),
                name: s.service_name.clone(),
                name_en: None,
            })
            .collect(),
        agencies: vec![],
        regions: vec![],
        limits: Limits {
            body_min: 1,
            attachments_max_count: 0,
            attachment_types: vec![],
            ..Limits::default()
        },
        sla: SlaRules::default(),
        holidays,
        completion_target: 0.9,
    }
}

pub(super) fn non_empty(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
}

/// What a POST answer says about the new request, for the receipt (`ReportCreated::notice`).
pub fn notice_of(created: &RequestCreated) -> Option<String> {
    non_empty(&created.service_notice)
}

pub(super) fn category_of(r: &ServiceRequest) -> Option<NamedRef> {
    let code = non_empty(&r.service_code);
    let name = non_empty(&r.service_name);
    match (code, name) {
        (Some(id), Some(name)) => Some(NamedRef { id, name }),
        (Some(id), None) => Some(NamedRef { name: id.clone(), id }),
        (None, Some(name)) => Some(NamedRef { id: name.clone(), name }),
        (None, None) => None,
    }
}

pub(super) fn agency_of(r: &ServiceRequest) -> Option<NamedRef> {
    non_empty(&r.agency_responsible).map(|name| NamedRef { id: name.clone(), name })
}

/// The timeline Open311 allows: received (with the service notice), then either closed with the status
/// notes, or, while open, the latest note from the agency when there is one.
fn events_of(r: &ServiceRequest, created_at: DateTime<Utc>, zone: i32) -> Vec<Event> {
    let mut events = vec![Event {
        at: created_at,
        status: Status::Submitted,
        actor: Actor::Citizen,
        kind: Some("status".into()),
        message: non_empty(&r.service_notice),
    }];
    let updated = instant(&r.updated_datetime, zone).unwrap_or(created_at);
    let notes = non_empty(&r.status_notes);
    match status_from_open311(&r.status) {
        Status::Completed => events.push(Event {
            at: updated,
            status: Status::Completed,
            actor: Actor::Agency,
            kind: Some("status".into()),
            message: notes,
        }),
        status if notes.is_some() => events.push(Event {
            at: updated,
            status,
            actor: Actor::Agency,
            kind: Some("update".into()),
            message: notes,
        }),
        _ => {}
    }
    events
}

/// When a request arrived: its request time, else its last update, else `now`.
pub(super) fn created_at(r: &ServiceRequest, now: DateTime<Utc>, zone: i32) -> DateTime<Utc> {
    instant(&r.requested_datetime, zone)
        .or_else(|| instant(&r.updated_datetime, zone))
        .unwrap_or(now)
}

/// One request as the tracking page shows a report. `now` stands in for a missing request time.
pub fn report_from_request(r: &ServiceRequest, cal: &WorkingCalendar, now: DateTime<Utc>) -> ReportView {
    let zone = cal.utc_offset_seconds();
    let created_at = created_at(r, now, zone);
    ReportView {
        ticket: r.service_request_id.clone(),
        kind: Kind::Complaint,
        status: status_from_open311(&r.status),
        title: None,
        body: Some(r.description.clone().unwrap_or_default()),
        agency: agency_of(r),
        category: category_of(r),
        region: None,
        address: non_empty(&r.address),
        incident_date: None,
        created_at,
        channel: crate::Channel::Web,
        confidential: false,
        anonymous: false,
        reporter: None,
        supports: 0,
        rating: None,
        events: events_of(r, created_at, zone),
        deadlines: None,
        expected_on: instant(&r.expected_datetime, zone).map(|at| cal.local_date(at)),
        attachments: vec![],
        duplicate_of: None,
    }
}

/// `items` ordered so that `keeps_before(a, b)` holds for neighbours, keeping the given order among
/// equals. By insertion, because the standard sort would add a copy of itself per element type to the browser
/// build. Items that arrive already in order are appended; others move the tail, which grows with the square
/// of the length: a gathered list can reach [`MAX_LIST_ASKS`](super::MAX_LIST_ASKS) × [`LIST_CAP`](super::LIST_CAP).
pub(super) fn in_order<T>(items: impl IntoIterator<Item = T>, keeps_before: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let mut ordered: Vec<T> = Vec::new();
    for item in items {
        let at = ordered.partition_point(|x| keeps_before(x, &item));
        ordered.insert(at, item);
    }
    ordered
}

/// A service's attributes in their `order`; those without one come last, as the server listed them.
pub fn questions_in_order(attributes: Vec<Attribute>) -> Vec<Attribute> {
    in_order(attributes, |a, b| {
        a.order.unwrap_or(i64::MAX) <= b.order.unwrap_or(i64::MAX)
    })
}

/// Whether an answer that failed to decode as JSON is an XML document (not an HTML page), which this client
/// does not read.
pub fn looks_like_xml(body: &str) -> bool {
    let start = body
        .trim_start()
        .get(..14)
        .unwrap_or(body.trim_start())
        .to_ascii_lowercase();
    start.starts_with('<') && !start.starts_with("<!doctype html") && !start.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WIB_OFFSET_SECONDS;
    use crate::open311::examples::{now, spec_requests};
    use chrono::NaiveDate;

    fn cal() -> WorkingCalendar {
        WorkingCalendar::new(vec![], WIB_OFFSET_SECONDS)
    }

    #[test]
    fn ids_are_accepted_without_a_check_character_but_only_url_safe() {
        assert_eq!(parse_request_id(" 638344 "), Ok("638344".into()));
        assert_eq!(parse_request_id("req_2026-11.a"), Ok("req_2026-11.a".into()));
        assert_eq!(parse_request_id("   "), Err(TicketError::Empty));
        assert_eq!(parse_request_id("../etc"), Err(TicketError::Character('/')));
        assert_eq!(parse_request_id("a b"), Err(TicketError::Character(' ')));
        assert_eq!(parse_request_id(&"9".repeat(ID_MAX + 1)), Err(TicketError::Length));
    }

    #[test]
    fn the_spec_service_list_becomes_categories_of_a_one_kind_portal() {
        let services: Vec<Service> = serde_json::from_str(include_str!("fixtures/services.json")).unwrap();
        let portal = portal_from_services(&services, vec![]);
        assert_eq!(
            portal.categories.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            vec!["001", "002", "003"]
        );
        assert_eq!(portal.categories[0].name, "Cans left out 24x7");
        assert_eq!(portal.kinds, vec![Kind::Complaint]);
        assert!(portal.agencies.is_empty() && portal.regions.is_empty());
        assert_eq!(portal.limits.attachments_max_count, 0);
    }

    #[test]
    fn a_closed_spec_request_tracks_as_completed_with_its_notes() {
        let r = &spec_requests()[0];
        let view = report_from_request(r, &cal(), now());
        assert_eq!(view.ticket, "638344");
        assert_eq!(view.status, Status::Completed);
        assert_eq!(
            view.category,
            Some(NamedRef {
                id: "006".into(),
                name: "Sidewalk and Curb Issues".into()
            })
        );
        assert_eq!(
            view.created_at,
            "2010-04-14T06:37:38-08:00".parse::<DateTime<Utc>>().unwrap()
        );
        assert_eq!(
            (view.title.clone(), view.deadlines.clone(), view.confidential),
            (None, None, false)
        );
        let last = view.events.last().unwrap();
        assert_eq!(
            (last.status, last.actor, last.message.as_deref()),
            (Status::Completed, Actor::Agency, Some("Duplicate request."))
        );
        assert_eq!(last.at, "2010-04-14T06:37:38-08:00".parse::<DateTime<Utc>>().unwrap());
    }

    #[test]
    fn a_blank_service_notice_is_no_notice() {
        let created = |notice: Option<&str>| RequestCreated {
            service_request_id: Some("1".into()),
            token: None,
            service_notice: notice.map(String::from),
            account_id: None,
        };
        assert_eq!(
            notice_of(&created(Some("  Akan diperiksa.  "))).as_deref(),
            Some("Akan diperiksa.")
        );
        assert_eq!(notice_of(&created(Some("   "))), None);
        assert_eq!(notice_of(&created(None)), None);
    }

    #[test]
    fn an_open_request_keeps_its_notice_expected_date_and_latest_note() {
        let mut r = spec_requests()[1].clone();
        r.service_notice = Some("Akan diperiksa dalam 5 hari kerja.".into());
        r.expected_datetime = Some("2026-12-01T23:59:59+07:00".into());
        r.agency_responsible = Some("Dinas PU".into());
        let quiet = report_from_request(&r, &cal(), now());
        assert_eq!(quiet.status, Status::Submitted);
        assert_eq!(quiet.events.len(), 1, "no note, no second event");
        assert_eq!(
            quiet.events[0].message.as_deref(),
            Some("Akan diperiksa dalam 5 hari kerja.")
        );
        assert_eq!(quiet.expected_on, NaiveDate::from_ymd_opt(2026, 12, 1));
        assert_eq!(quiet.agency.unwrap().name, "Dinas PU");
        r.status_notes = Some("Petugas sudah dijadwalkan.".into());
        let noted = report_from_request(&r, &cal(), now());
        assert_eq!(noted.events[1].kind.as_deref(), Some("update"));
        assert_eq!(noted.events[1].status, Status::Submitted);
    }

    #[test]
    fn questions_follow_their_order_and_unordered_ones_keep_theirs_at_the_end() {
        let q = |code: &str, order: Option<i64>| Attribute {
            variable: true,
            code: code.into(),
            datatype: "string".into(),
            required: false,
            datatype_description: None,
            order,
            description: None,
            values: vec![],
        };
        let ordered = questions_in_order(vec![
            q("c", None),
            q("b", Some(2)),
            q("x", None),
            q("a", Some(1)),
            q("b2", Some(2)),
        ]);
        assert_eq!(
            ordered.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(),
            vec!["a", "b", "b2", "c", "x"]
        );
    }

    #[test]
    fn xml_answers_are_recognised() {
        assert!(looks_like_xml("  <?xml version=\"1.0\"?><services/>"));
        assert!(looks_like_xml("<services><service/></services>"));
        assert!(!looks_like_xml("[{\"service_code\":\"001\"}]"));
        assert!(!looks_like_xml("<!DOCTYPE html><html><body>Not found</body></html>"));
    }
}
