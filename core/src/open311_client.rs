//! How the SPA reads and writes an Open311 GeoReport v2 server, as pure functions so that the mapping is
//! tested natively: our portal, report view and list page from Open311 documents, and the form-encoded
//! request from our report. Open311 has no kinds, titles, regions, confidentiality, access codes,
//! attachments, ratings or workflow deadlines; those stay empty here and the pages do not ask or show them.

use chrono::{DateTime, Utc};

use std::collections::BTreeMap;

use crate::open311::{
    field_of, instant, offset_text, status_from_open311, Attribute, Open311Error, RequestCreated, Service,
    ServiceRequest,
};
use crate::ticket::TicketError;
use crate::validation::Rule;
use crate::{
    Actor, Category, Event, FieldError, Holiday, Kind, Limits, NamedRef, NewReport, Page, Portal, Problem,
    ReportFilter, ReportSummary, ReportView, SlaRules, Status, WorkingCalendar,
};

/// Longest request id accepted from a citizen; real servers use numbers or short codes.
pub const ID_MAX: usize = 64;
/// Longest list-row title cut from a description.
const SUMMARY_TITLE_MAX: usize = 120;

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

fn non_empty(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
}

/// What a POST answer says about the new request, for the receipt (`ReportCreated::notice`).
pub fn notice_of(created: &RequestCreated) -> Option<String> {
    non_empty(&created.service_notice)
}

fn category_of(r: &ServiceRequest) -> Option<NamedRef> {
    let code = non_empty(&r.service_code);
    let name = non_empty(&r.service_name);
    match (code, name) {
        (Some(id), Some(name)) => Some(NamedRef { id, name }),
        (Some(id), None) => Some(NamedRef { name: id.clone(), id }),
        (None, Some(name)) => Some(NamedRef { id: name.clone(), name }),
        (None, None) => None,
    }
}

fn agency_of(r: &ServiceRequest) -> Option<NamedRef> {
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
fn created_at(r: &ServiceRequest, now: DateTime<Utc>, zone: i32) -> DateTime<Utc> {
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
        confidential: false,
        anonymous: false,
        reporter: None,
        supports: 0,
        rating: None,
        events: events_of(r, created_at, zone),
        deadlines: None,
        expected_on: instant(&r.expected_datetime, zone).map(|at| cal.local_date(at)),
        attachments: vec![],
    }
}

/// The first line of a description, cut to a list row's length at a character boundary.
fn summary_title(description: &str) -> Option<String> {
    let line = description.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.chars().count() <= SUMMARY_TITLE_MAX {
        return Some(line.to_string());
    }
    let cut: String = line.chars().take(SUMMARY_TITLE_MAX - 1).collect();
    Some(format!("{}…", cut.trim_end()))
}

pub fn summary_from_request(r: &ServiceRequest, now: DateTime<Utc>, utc_offset_seconds: i32) -> ReportSummary {
    ReportSummary {
        ticket: r.service_request_id.clone(),
        kind: Kind::Complaint,
        status: status_from_open311(&r.status),
        title: r
            .description
            .as_deref()
            .and_then(summary_title)
            .or_else(|| non_empty(&r.service_name)),
        agency: agency_of(r),
        category: category_of(r),
        region: None,
        created_at: created_at(r, now, utc_offset_seconds),
        confidential: false,
        supports: 0,
    }
}

/// `items` ordered so that `keeps_before(a, b)` holds for neighbours, keeping the given order among
/// equals. By insertion: lists here are at most a thousand long, and the standard sort would add a copy of
/// itself per element type to the browser build.
fn in_order<T>(items: impl IntoIterator<Item = T>, keeps_before: impl Fn(&T, &T) -> bool) -> Vec<T> {
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

/// One page of the public list from a whole `requests.json` answer: Open311 has neither search nor paging,
/// so the words of `q` (all of them, any case) are looked for in the description, service and id here.
pub fn list_page(
    requests: &[ServiceRequest],
    q: &str,
    page: u32,
    per_page: u32,
    now: DateTime<Utc>,
    utc_offset_seconds: i32,
) -> Page<ReportSummary> {
    let words: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
    let matching = requests.iter().filter(|r| {
        let text = format!(
            "{} {} {}",
            r.description.as_deref().unwrap_or(""),
            r.service_name.as_deref().unwrap_or(""),
            r.service_request_id
        )
        .to_lowercase();
        words.iter().all(|w| text.contains(w.as_str()))
    });
    let found = in_order(
        matching.map(|r| summary_from_request(r, now, utc_offset_seconds)),
        |a, b| a.created_at >= b.created_at,
    );
    let per_page = per_page.max(1);
    let page = page.max(1);
    let start = ((page - 1) as usize).saturating_mul(per_page as usize);
    let total = found.len() as u64;
    let items = found.into_iter().skip(start).take(per_page as usize).collect();
    Page {
        items,
        total,
        page,
        per_page,
    }
}

/// The query of `GET requests.json` for a filter and an optional status: inclusive local dates become the
/// first and last second of those days in the portal's time zone. Agency, region and kind have no Open311
/// parameter and are not offered as filters with this backend.
pub fn requests_query(
    filter: &ReportFilter,
    status: Option<Status>,
    utc_offset_seconds: i32,
) -> Vec<(&'static str, String)> {
    let zone = offset_text(utc_offset_seconds);
    let mut q = Vec::new();
    if let Some(from) = filter.from {
        q.push(("start_date", format!("{from}T00:00:00{zone}")));
    }
    if let Some(to) = filter.to {
        q.push(("end_date", format!("{to}T23:59:59{zone}")));
    }
    if let Some(code) = &filter.category {
        q.push(("service_code", code.clone()));
    }
    if let Some(s) = status {
        q.push(("status", crate::open311::status_of(s).to_string()));
    }
    q
}

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

/// Whether an answer reads as a decimal number (`12`, `-3,5`, `0.25`), checked by its characters rather
/// than by the standard float parser, which the browser build would otherwise carry only for this.
fn reads_as_number(v: &str) -> bool {
    let digits = v.strip_prefix(['-', '+']).unwrap_or(v);
    let mut parts = digits.splitn(2, ['.', ',']);
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(|f| all_digits(f) && !f.is_empty()) && !whole.is_empty()
}

/// An answer to one of a service's attributes, as it will be sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub code: String,
    pub values: Vec<String>,
    /// A `multivaluelist`: sent as `attribute[code][]` even with one value.
    pub list: bool,
}

/// The answers to send for the current questions, in their order: empty ones and any left over from another
/// category are left out, and a number's decimal comma becomes the point servers parse.
pub fn answers_to_send(questions: &[Attribute], given: &BTreeMap<String, Vec<String>>) -> Vec<Answer> {
    questions
        .iter()
        .filter(|q| q.variable)
        .filter_map(|q| {
            let values: Vec<String> = given
                .get(&q.code)?
                .iter()
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .map(|v| {
                    if q.datatype == "number" {
                        v.replace(',', ".")
                    } else {
                        v.to_string()
                    }
                })
                .collect();
            (!values.is_empty()).then(|| Answer {
                code: q.code.clone(),
                values,
                list: q.datatype == "multivaluelist",
            })
        })
        .collect()
}

/// Longest date range GeoReport v2 servers are asked for in one `requests.json`: the specification lets
/// them refuse or cut longer ones.
pub const WINDOW_DAYS: i64 = 90;

/// The filter split into ranges of at most [`WINDOW_DAYS`] days from `from` to `to` (or today), newest
/// range first. Without a start there is one request, and the server applies its own default (usually the
/// last 90 days).
pub fn request_windows(filter: &ReportFilter, today: chrono::NaiveDate) -> Vec<ReportFilter> {
    let Some(from) = filter.from else {
        return vec![filter.clone()];
    };
    let to = filter.to.unwrap_or(today).max(from);
    let mut windows = Vec::new();
    let mut end = to;
    loop {
        let start = (end - chrono::Duration::days(WINDOW_DAYS - 1)).max(from);
        windows.push(ReportFilter {
            from: Some(start),
            to: Some(end),
            ..filter.clone()
        });
        if start == from {
            return windows;
        }
        end = start - chrono::Duration::days(1);
    }
}

/// The most requests a GeoReport v2 server lists in one answer ("the first 1000 requests").
pub const LIST_CAP: usize = 1000;

/// The most `requests.json` asked for one view, however full the answers are.
pub const MAX_LIST_ASKS: usize = 64;

/// The requests for a filter, gathered window by window (see [`request_windows`]). A window whose answer
/// reached the server's cap was cut, so it is asked again as two halves, until a period is listed whole, a
/// window is a single day, or [`MAX_LIST_ASKS`] is reached.
pub struct RequestGathering {
    /// Windows still to ask for; the newest last, so that it comes first.
    pending: Vec<ReportFilter>,
    asked: usize,
    found: Vec<ServiceRequest>,
}

impl RequestGathering {
    pub fn new(filter: &ReportFilter, today: chrono::NaiveDate) -> RequestGathering {
        let mut pending = request_windows(filter, today);
        pending.reverse();
        RequestGathering {
            pending,
            asked: 0,
            found: Vec::new(),
        }
    }

    /// The next window to ask for, newest first.
    pub fn next_window(&mut self) -> Option<ReportFilter> {
        let window = self.pending.pop()?;
        self.asked += 1;
        Some(window)
    }

    /// What the server listed for `window`.
    pub fn add(&mut self, window: &ReportFilter, listed: Vec<ServiceRequest>) {
        let room = self.asked + self.pending.len() + 2 <= MAX_LIST_ASKS;
        if let Some((newer, older)) = (listed.len() >= LIST_CAP && room).then(|| halves(window)).flatten() {
            self.pending.push(older);
            self.pending.push(newer);
            return;
        }
        self.found.extend(listed);
    }

    /// Every request found, each once: a server that ignores the dates lists the same ones in every window.
    pub fn finish(self) -> Vec<ServiceRequest> {
        let mut seen = std::collections::BTreeSet::new();
        self.found
            .into_iter()
            .filter(|r| seen.insert(r.service_request_id.clone()))
            .collect()
    }
}

/// A window of more than one day as its newer and older half.
fn halves(window: &ReportFilter) -> Option<(ReportFilter, ReportFilter)> {
    let (from, to) = (window.from?, window.to?);
    if from >= to {
        return None;
    }
    let middle = from + chrono::Duration::days((to - from).num_days() / 2);
    let newer = ReportFilter {
        from: Some(middle + chrono::Duration::days(1)),
        ..window.clone()
    };
    let older = ReportFilter {
        to: Some(middle),
        ..window.clone()
    };
    Some((newer, older))
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

/// Our form's field for an Open311 parameter named at the start of an error description
/// (`"description: too short"`), so the error summary can link to the input.
fn field_of_parameter(parameter: &str) -> Option<String> {
    if let Some(field) = field_of(parameter) {
        return Some(field.to_string());
    }
    let code = parameter.strip_prefix("attribute[")?.strip_suffix(']')?;
    Some(answer_field(code.trim_end_matches("][")))
}

/// Code of a [`FieldError`] read from an Open311 error array: its message is the server's own words.
pub const SERVER_WORDS: &str = "open311";

/// A problem document from an Open311 error array, so pages show it like one of ours. An error that names
/// a parameter becomes a field error for the matching input; any other keeps an empty field.
pub fn problem_from_errors(status: u16, errors: &[Open311Error]) -> Problem {
    let fields = errors
        .iter()
        .map(|e| {
            let named = e
                .description
                .split_once(':')
                .and_then(|(p, rest)| field_of_parameter(p.trim()).map(|f| (f, rest.trim().to_string())));
            let (field, message) = named.unwrap_or_else(|| (String::new(), e.description.trim().to_string()));
            FieldError {
                field,
                code: SERVER_WORDS.into(),
                message,
            }
        })
        .collect();
    Problem {
        kind: "about:blank".into(),
        title: errors
            .iter()
            .map(|e| e.description.trim())
            .collect::<Vec<_>>()
            .join(" "),
        status,
        detail: None,
        errors: fields,
    }
}

/// The field name of a service attribute in our form's problems (`attribute.{code}`).
pub fn answer_field(code: &str) -> String {
    format!("attribute.{code}")
}

/// Problems with the answers to a service's attributes, in the attributes' order: a required one left empty,
/// a number or date that does not read as one, a choice that is not on the list. Informational attributes
/// (`variable: false`) ask nothing.
pub fn answer_problems(attributes: &[Attribute], answers: &BTreeMap<String, Vec<String>>) -> Vec<(String, Rule)> {
    let mut problems = Vec::new();
    for a in attributes.iter().filter(|a| a.variable) {
        let given: Vec<&str> = answers
            .get(&a.code)
            .map(|v| v.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        let fits = |v: &str| match a.datatype.as_str() {
            "number" => reads_as_number(v),
            "datetime" => v.get(..10).is_some_and(|d| d.parse::<chrono::NaiveDate>().is_ok()),
            "singlevaluelist" | "multivaluelist" => a.values.iter().any(|choice| choice.key == v),
            _ => true,
        };
        let problem = if given.is_empty() {
            a.required.then_some(Rule::Required)
        } else if a.datatype == "singlevaluelist" && given.len() > 1 {
            Some(Rule::TooMany)
        } else if !given.iter().all(|v| fits(v)) {
            Some(Rule::Unknown)
        } else {
            None
        };
        if let Some(rule) = problem {
            problems.push((answer_field(&a.code), rule));
        }
    }
    problems
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
    use crate::{Location, Reporter};
    use chrono::NaiveDate;

    fn cal() -> WorkingCalendar {
        WorkingCalendar::new(vec![], WIB_OFFSET_SECONDS)
    }

    fn now() -> DateTime<Utc> {
        "2026-11-27T03:00:00Z".parse().unwrap()
    }

    fn spec_requests() -> Vec<ServiceRequest> {
        serde_json::from_str(include_str!("open311_fixtures/requests.json")).unwrap()
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
        let services: Vec<Service> = serde_json::from_str(include_str!("open311_fixtures/services.json")).unwrap();
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
    fn the_list_searches_every_word_sorts_newest_first_and_pages() {
        let mut requests = spec_requests();
        let mut third = requests[1].clone();
        third.service_request_id = "700001".into();
        third.description = Some("Lampu jalan mati\nsudah seminggu".into());
        third.requested_datetime = Some("2026-11-26T08:00:00+07:00".into());
        requests.push(third);
        let all = list_page(&requests, "", 1, 2, now(), WIB_OFFSET_SECONDS);
        assert_eq!((all.total, all.items.len()), (3, 2));
        assert_eq!(all.items[0].ticket, "700001");
        assert_eq!(all.items[0].title.as_deref(), Some("Lampu jalan mati"));
        assert_eq!(list_page(&requests, "", 2, 2, now(), WIB_OFFSET_SECONDS).items.len(), 1);
        let found = list_page(&requests, "JALAN seminggu", 1, 20, now(), WIB_OFFSET_SECONDS);
        assert_eq!(
            found.items.iter().map(|i| i.ticket.as_str()).collect::<Vec<_>>(),
            vec!["700001"]
        );
        assert_eq!(
            list_page(&requests, "jalan banjir", 1, 20, now(), WIB_OFFSET_SECONDS).total,
            0
        );
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
    fn long_descriptions_are_cut_for_the_list_and_missing_ones_use_the_service() {
        let mut r = spec_requests()[1].clone();
        r.description = Some("é".repeat(300));
        let title = summary_from_request(&r, now(), WIB_OFFSET_SECONDS).title.unwrap();
        assert_eq!(title.chars().count(), SUMMARY_TITLE_MAX);
        assert!(title.ends_with('…'));
        r.description = None;
        assert_eq!(
            summary_from_request(&r, now(), WIB_OFFSET_SECONDS).title,
            r.service_name
        );
    }

    #[test]
    fn filters_become_open311_parameters_in_the_portal_zone() {
        let filter = ReportFilter {
            from: NaiveDate::from_ymd_opt(2026, 11, 1),
            to: NaiveDate::from_ymd_opt(2026, 11, 27),
            category: Some("jalan".into()),
            ..Default::default()
        };
        assert_eq!(
            requests_query(&filter, Some(Status::InProgress), WIB_OFFSET_SECONDS),
            vec![
                ("start_date", "2026-11-01T00:00:00+07:00".to_string()),
                ("end_date", "2026-11-27T23:59:59+07:00".to_string()),
                ("service_code", "jalan".to_string()),
                ("status", "open".to_string()),
            ]
        );
        assert_eq!(offset_text(-5 * 3600 - 1800), "-05:30");
        assert_eq!(
            (
                coordinate(-6.2),
                coordinate(106.8),
                coordinate(0.0000004),
                coordinate(-0.1234567)
            ),
            ("-6.2".into(), "106.8".into(), "0".into(), "-0.123457".into())
        );
        for (text, ok) in [
            ("12", true),
            ("-3,5", true),
            ("+0.25", true),
            ("1.", false),
            (".5", false),
            ("1.2.3", false),
            ("tiga", false),
            ("", false),
            ("1e3", false),
        ] {
            assert_eq!(reads_as_number(text), ok, "{text}");
        }
        assert!(requests_query(&ReportFilter::default(), None, 0).is_empty());
    }

    #[test]
    fn long_ranges_are_asked_in_windows_of_at_most_90_days_that_cover_it_exactly() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let today = d("2026-11-27");
        let year = ReportFilter {
            from: Some(d("2026-01-01")),
            to: Some(today),
            category: Some("jalan".into()),
            ..Default::default()
        };
        let windows = request_windows(&year, today);
        assert_eq!(windows.len(), 4);
        assert_eq!((windows[0].from, windows[0].to), (Some(d("2026-08-30")), Some(today)));
        assert_eq!(windows.last().unwrap().from, Some(d("2026-01-01")));
        for pair in windows.windows(2) {
            assert_eq!(
                pair[1].to.unwrap() + chrono::Duration::days(1),
                pair[0].from.unwrap(),
                "no gap, no overlap"
            );
        }
        assert!(windows
            .iter()
            .all(|w| (w.to.unwrap() - w.from.unwrap()).num_days() < WINDOW_DAYS
                && w.category.as_deref() == Some("jalan")));
        let month = ReportFilter {
            from: Some(d("2026-11-01")),
            ..Default::default()
        };
        assert_eq!(
            request_windows(&month, today),
            vec![ReportFilter {
                from: Some(d("2026-11-01")),
                to: Some(today),
                ..Default::default()
            }]
        );
        assert_eq!(
            request_windows(&ReportFilter::default(), today),
            vec![ReportFilter::default()]
        );
        let backwards = ReportFilter {
            from: Some(today),
            to: Some(d("2026-01-01")),
            ..Default::default()
        };
        assert_eq!(request_windows(&backwards, today).len(), 1);
    }

    fn listed(ids: std::ops::Range<usize>) -> Vec<ServiceRequest> {
        ids.map(|i| {
            serde_json::from_value(serde_json::json!({ "service_request_id": i.to_string(), "status": "open" }))
                .unwrap()
        })
        .collect()
    }

    #[test]
    fn a_window_the_server_cut_at_its_cap_is_asked_again_in_halves_until_it_is_listed_whole() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let today = d("2026-11-27");
        let filter = ReportFilter {
            from: Some(d("2026-10-01")),
            to: Some(d("2026-10-30")),
            category: Some("jalan".into()),
            ..Default::default()
        };
        let mut gathering = RequestGathering::new(&filter, today);
        let whole = gathering.next_window().unwrap();
        assert_eq!((whole.from, whole.to), (filter.from, filter.to));
        gathering.add(&whole, listed(0..LIST_CAP));
        // The newer half first; together the halves cover the window exactly and keep its filter.
        let newer = gathering.next_window().unwrap();
        assert_eq!(
            (newer.from, newer.to, newer.category.as_deref()),
            (Some(d("2026-10-16")), Some(d("2026-10-30")), Some("jalan"))
        );
        gathering.add(&newer, listed(0..600));
        let older = gathering.next_window().unwrap();
        assert_eq!((older.from, older.to), (Some(d("2026-10-01")), Some(d("2026-10-15"))));
        gathering.add(&older, listed(600..1500));
        assert_eq!(gathering.next_window(), None);
        assert_eq!(gathering.finish().len(), 1500, "the cut first answer is not counted");
    }

    #[test]
    fn a_full_single_day_or_a_server_that_ignores_dates_ends_the_halving() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let day = ReportFilter {
            from: Some(d("2026-10-01")),
            to: Some(d("2026-10-01")),
            ..Default::default()
        };
        let mut gathering = RequestGathering::new(&day, d("2026-11-27"));
        let window = gathering.next_window().unwrap();
        gathering.add(&window, listed(0..LIST_CAP));
        assert_eq!(gathering.next_window(), None);
        assert_eq!(gathering.finish().len(), LIST_CAP);
        // The same 1000 for every window: a bounded number of asks, and each request counted once.
        let year = ReportFilter {
            from: Some(d("2026-01-01")),
            ..Default::default()
        };
        let mut gathering = RequestGathering::new(&year, d("2026-11-27"));
        let mut asks = 0;
        while let Some(window) = gathering.next_window() {
            asks += 1;
            gathering.add(&window, listed(0..LIST_CAP));
        }
        assert!(asks <= MAX_LIST_ASKS, "{asks}");
        assert_eq!(gathering.finish().len(), LIST_CAP);
        // Without a start date there is one window, which cannot be halved.
        let mut gathering = RequestGathering::new(&ReportFilter::default(), d("2026-11-27"));
        let window = gathering.next_window().unwrap();
        gathering.add(&window, listed(0..LIST_CAP));
        assert_eq!(gathering.next_window(), None);
    }

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
    fn the_spec_error_and_named_parameters_become_a_problem() {
        let spec: Vec<Open311Error> = serde_json::from_str(include_str!("open311_fixtures/errors.json")).unwrap();
        let p = problem_from_errors(403, &spec);
        assert_eq!(p.status, 403);
        assert_eq!(p.errors[0].field, "", "the spec's api_key error names no form field");
        assert!(p.errors[0].message.starts_with("Invalid api_key"));
        let named = vec![
            Open311Error {
                code: "400".into(),
                description: "description: Terlalu pendek.".into(),
            },
            Open311Error {
                code: "400".into(),
                description: "attribute[judul]: Wajib diisi.".into(),
            },
            Open311Error {
                code: "400".into(),
                description: "Service is closed: try later".into(),
            },
        ];
        let p = problem_from_errors(400, &named);
        let got: Vec<(&str, &str, &str)> = p
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("body", SERVER_WORDS, "Terlalu pendek."),
                ("attribute.judul", SERVER_WORDS, "Wajib diisi."),
                ("", SERVER_WORDS, "Service is closed: try later")
            ]
        );
    }

    #[test]
    fn answers_are_checked_against_the_spec_definition() {
        let def: crate::open311::ServiceDefinition =
            serde_json::from_str(include_str!("open311_fixtures/service_definition.json")).unwrap();
        let answers = |pairs: &[(&str, &[&str])]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.iter().map(ToString::to_string).collect()))
                .collect::<BTreeMap<_, _>>()
        };
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[])),
            vec![("attribute.WHISHETN".to_string(), Rule::Required)]
        );
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[("WHISHETN", &["  "])])),
            vec![("attribute.WHISHETN".to_string(), Rule::Required)]
        );
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[("WHISHETN", &["999"])])),
            vec![("attribute.WHISHETN".to_string(), Rule::Unknown)]
        );
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[("WHISHETN", &["123", "124"])])),
            vec![("attribute.WHISHETN".to_string(), Rule::TooMany)]
        );
        assert_eq!(
            answer_problems(&def.attributes, &answers(&[("WHISHETN", &["124"])])),
            vec![]
        );
        let typed = |datatype: &str, required: bool| Attribute {
            variable: true,
            code: "x".into(),
            datatype: datatype.into(),
            required,
            datatype_description: None,
            order: None,
            description: None,
            values: vec![],
        };
        assert_eq!(
            answer_problems(&[typed("number", false)], &answers(&[("x", &["3,5"])])),
            vec![]
        );
        assert_eq!(
            answer_problems(&[typed("number", false)], &answers(&[("x", &["tiga"])])).len(),
            1
        );
        assert_eq!(
            answer_problems(&[typed("datetime", true)], &answers(&[("x", &["2026-11-20"])])),
            vec![]
        );
        assert_eq!(
            answer_problems(&[typed("datetime", true)], &answers(&[("x", &["20/11/2026"])])).len(),
            1
        );
        assert_eq!(
            answer_problems(&[typed("text", false)], &answers(&[])),
            vec![],
            "optional and empty is fine"
        );
        let shown_only = Attribute {
            variable: false,
            ..typed("string", true)
        };
        assert_eq!(
            answer_problems(&[shown_only], &answers(&[])),
            vec![],
            "information asks nothing"
        );
    }

    #[test]
    fn only_current_non_empty_answers_are_sent_with_numbers_in_point_notation() {
        let question = |code: &str, datatype: &str, variable: bool| Attribute {
            variable,
            code: code.into(),
            datatype: datatype.into(),
            required: false,
            datatype_description: None,
            order: None,
            description: None,
            values: vec![],
        };
        let given: BTreeMap<String, Vec<String>> = [
            ("judul", vec![" Jalan rusak "]),
            ("kosong", vec!["  "]),
            ("lama", vec!["dari kategori lain"]),
            ("lebar", vec!["3,5"]),
            ("jenis", vec!["a"]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
        .collect();
        let questions = [
            question("judul", "string", true),
            question("kosong", "string", true),
            question("info", "string", false),
            question("lebar", "number", true),
            question("jenis", "multivaluelist", true),
        ];
        let sent = answers_to_send(&questions, &given);
        let expected = vec![
            Answer {
                code: "judul".into(),
                values: vec!["Jalan rusak".into()],
                list: false,
            },
            Answer {
                code: "lebar".into(),
                values: vec!["3.5".into()],
                list: false,
            },
            Answer {
                code: "jenis".into(),
                values: vec!["a".into()],
                list: true,
            },
        ];
        assert_eq!(sent, expected);
    }

    #[test]
    fn xml_answers_are_recognised() {
        assert!(looks_like_xml("  <?xml version=\"1.0\"?><services/>"));
        assert!(looks_like_xml("<services><service/></services>"));
        assert!(!looks_like_xml("[{\"service_code\":\"001\"}]"));
        assert!(!looks_like_xml("<!DOCTYPE html><html><body>Not found</body></html>"));
    }
}
