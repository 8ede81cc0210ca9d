//! One report: writing it, finding it by ticket, and reading it back as the contract's `ReportView` with the
//! confidentiality rules applied in one place.

use aduan_core::ticket::{access_code_from_random, Ticket};
use aduan_core::{
    Actor, Attachment, Channel, Deadline, Deadlines, Event, Kind, NamedRef, NewReport, ReportCreated, ReportView,
    Reporter, SlaRules, Status, WorkingCalendar,
};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::workflow::insert_event;
use super::{attachments, audit, idempotency, timestamp};
use crate::crypto::{secure_random, Secrets};
use crate::problem::ApiError;
use crate::staff::Staff;

pub struct Inserted {
    pub id: i64,
    pub ticket: String,
    pub access_code: String,
}

/// How many tickets [`insert_report`] draws before it gives up.
const TICKET_ATTEMPTS: u32 = 5;

/// Whether `error`, from inserting a report under `ticket`, is a collision with a report that has that ticket.
fn ticket_taken(conn: &Connection, ticket: &str, error: &rusqlite::Error) -> rusqlite::Result<bool> {
    if error.sqlite_error_code() != Some(rusqlite::ErrorCode::ConstraintViolation) {
        return Ok(false);
    }
    conn.prepare_cached("SELECT EXISTS(SELECT 1 FROM reports WHERE ticket = ?1)")?
        .query_row([ticket], |r| r.get(0))
}

/// Inserts a validated report with its first event. `random` supplies the ticket and code bits.
pub fn insert_report(
    conn: &Connection,
    secrets: &Secrets,
    report: &NewReport,
    at: DateTime<Utc>,
    cal: &WorkingCalendar,
    sla: &SlaRules,
    random: &mut impl FnMut() -> u64,
) -> rusqlite::Result<Inserted> {
    let day = cal.local_date(at);
    let verify_due = cal.add_working_days(day, sla.verify_days);
    let respond_due = cal.add_working_days(verify_due, sla.respond_days);
    let escalate_due = cal.add_working_days(day, sla.escalate_days);
    let access_code = access_code_from_random(random());
    let reporter = report.reporter.clone().unwrap_or_default();
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let ts = timestamp(at);
    let code_hash = secrets.access_code_hash(&access_code);
    let mut stmt = conn.prepare_cached(
        "INSERT INTO reports (ticket, access_code_hash, kind, status, title, body, incident_date, category_id, agency_id,
            region_id, address, lat, lon, anonymous, confidential, reporter_name, reporter_email, reporter_phone,
            created_at, created_day, verify_due, respond_due, escalate_due, updated_at)
         VALUES (?1, ?2, ?3, 'submitted', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?18)",
    )?;
    // A collision of 8 random base-31 characters is rare but possible: draw again, a few times. Only a taken
    // ticket is worth another draw; any other constraint (or a collision that keeps coming back, which random
    // tickets do not do) fails the same way every time, so it ends as an error rather than a loop.
    let mut attempts = 0;
    let (id, ticket) = loop {
        attempts += 1;
        let ticket = Ticket::from_random(random()).to_string();
        let res = stmt.execute(params![
            ticket,
            code_hash,
            report.kind.as_str(),
            report.title,
            report.body,
            report.incident_date.map(|d| d.to_string()),
            report.category_id,
            report.agency_id,
            report.region_id,
            report.address,
            report.location.as_ref().map(|l| l.lat),
            report.location.as_ref().map(|l| l.lon),
            report.anonymous,
            report.confidential,
            non_empty(&reporter.name),
            non_empty(&reporter.email),
            non_empty(&reporter.phone),
            ts,
            day.to_string(),
            verify_due.to_string(),
            respond_due.to_string(),
            escalate_due.to_string(),
        ]);
        match res {
            Ok(_) => break (conn.last_insert_rowid(), ticket),
            Err(e) if attempts < TICKET_ATTEMPTS && ticket_taken(conn, &ticket, &e)? => continue,
            Err(e) => return Err(e),
        }
    };
    insert_event(conn, id, at, Status::Submitted, Actor::Citizen, None)?;
    if !report.attachment_ids.is_empty() {
        let mut link =
            conn.prepare_cached("UPDATE attachments SET report_id = ?1 WHERE id = ?2 AND report_id IS NULL")?;
        for a in &report.attachment_ids {
            link.execute(params![id, a])?;
        }
    }
    Ok(Inserted {
        id,
        ticket,
        access_code,
    })
}

/// Why [`submit`] wrote nothing.
#[derive(Debug)]
pub enum SubmitError {
    /// The idempotency key was first used with another body.
    KeyReused,
    /// An attachment does not exist or another report already uses it.
    AttachmentTaken,
    Db(rusqlite::Error),
}

impl From<rusqlite::Error> for SubmitError {
    fn from(e: rusqlite::Error) -> Self {
        SubmitError::Db(e)
    }
}

/// An idempotency key with the SHA-256 of the body it came with.
pub struct Retry<'a> {
    pub key: &'a str,
    pub body_sha256: &'a str,
}

/// Records how a report came in (a new report is `web`, the column's default).
pub fn set_channel(conn: &Connection, report_id: i64, channel: Channel) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE reports SET channel = ?1 WHERE id = ?2")?
        .execute(params![channel.as_str(), report_id])?;
    Ok(())
}

/// Who typed in a report that did not come by the web, and how it came: recorded in the audit trail.
pub struct Desk<'a> {
    pub by: &'a Staff,
    pub channel: Channel,
}

/// A submission, all or nothing: the first answer again when `retry` repeats an earlier submission, else the
/// report with its attachments claimed. A citizen's own when `desk` is `None`, else typed in by an administrator
/// (audited in the same savepoint). Returns the answer and whether it was replayed.
#[allow(clippy::too_many_arguments)]
pub fn submit(
    conn: &mut Connection,
    secrets: &Secrets,
    report: &NewReport,
    desk: Option<Desk<'_>>,
    retry: Option<Retry<'_>>,
    now: DateTime<Utc>,
    cal: &WorkingCalendar,
    sla: &SlaRules,
) -> Result<(ReportCreated, bool), SubmitError> {
    let tx = conn.savepoint()?;
    if let Some(retry) = &retry {
        if let Some(previous) = idempotency::find(&tx, secrets, retry.key, now)? {
            if previous.body_sha256 != retry.body_sha256 {
                return Err(SubmitError::KeyReused);
            }
            return Ok((previous.created, true));
        }
    }
    for id in &report.attachment_ids {
        if !attachments::is_unclaimed(&tx, id)? {
            return Err(SubmitError::AttachmentTaken);
        }
    }
    let inserted = insert_report(&tx, secrets, report, now, cal, sla, &mut secure_random)?;
    if let Some(desk) = &desk {
        set_channel(&tx, inserted.id, desk.channel)?;
        let message = format!("typed in from {}", desk.channel.as_str());
        let record = audit::AuditRecord {
            report_id: Some(inserted.id),
            at: now,
            action: "record",
            status: Some(Status::Submitted),
            message: Some(&message),
            detail: None,
        };
        audit::record(&tx, desk.by, &record)?;
    }
    if let Some(retry) = &retry {
        let answer = idempotency::Answer {
            key: retry.key,
            body_sha256: retry.body_sha256,
            report_id: inserted.id,
            access_code: &inserted.access_code,
        };
        idempotency::record(&tx, secrets, &answer, now)?;
    }
    tx.commit()?;
    let created = ReportCreated {
        ticket: inserted.ticket,
        access_code: inserted.access_code,
        status: Status::Submitted,
        created_at: now,
        notice: None,
    };
    Ok((created, false))
}

/// Whether no report has been written yet (the demo seeder fills only an empty database).
pub fn none_yet(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT NOT EXISTS(SELECT 1 FROM reports)", [], |r| r.get(0))
}

/// What the caller may see of a report.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Audience {
    /// Anyone: no confidential content, no identity, no citizen messages.
    Public,
    /// The reporter, proven by the access code.
    Reporter,
    /// The operator API.
    Operator,
}

pub struct Located {
    pub id: i64,
    pub status: Status,
    pub confidential: bool,
    pub audience: Audience,
}

/// The answer for a ticket that does not exist, and for one the caller may not know exists: the same bytes.
pub fn no_such_ticket() -> ApiError {
    ApiError::not_found().detail("No report has this ticket number.")
}

/// Finds a report by ticket and checks an access code if one was given: a wrong code is a 403, not a leak.
pub fn locate(conn: &Connection, secrets: &Secrets, ticket: &str, code: Option<&str>) -> Result<Located, ApiError> {
    let ticket = Ticket::parse(ticket).map_err(|_| no_such_ticket())?;
    let row: Option<(i64, String, bool, String)> = conn
        .prepare_cached("SELECT id, status, confidential, access_code_hash FROM reports WHERE ticket = ?1")?
        .query_row([ticket.as_str()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let (id, status, confidential, hash) = row.ok_or_else(no_such_ticket)?;
    let audience = match code.map(str::trim).filter(|c| !c.is_empty()) {
        None => Audience::Public,
        Some(c) if secrets.access_code_matches(c, &hash) => Audience::Reporter,
        Some(_) => {
            return Err(ApiError::new(axum::http::StatusCode::FORBIDDEN, "Forbidden")
                .detail("The access code does not match this ticket."))
        }
    };
    let status = Status::parse(&status).ok_or_else(|| ApiError::internal("bad status"))?;
    Ok(Located {
        id,
        status,
        confidential,
        audience,
    })
}

pub fn named(id: Option<String>, name: Option<String>) -> Option<NamedRef> {
    Some(NamedRef {
        id: id?,
        name: name.unwrap_or_default(),
    })
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|d| d.parse().ok())
}

fn deadline(due: &str, done_on: Option<NaiveDate>) -> Deadline {
    let due: NaiveDate = due.parse().unwrap_or_default();
    Deadline {
        due,
        done_on,
        met: done_on.map(|d| d <= due),
    }
}

const VIEW_SQL: &str = "SELECT r.ticket, r.kind, r.status, r.title, r.body, r.agency_id, a.name, r.category_id, c.name, r.region_id, g.name,
    r.address, r.incident_date, r.created_at, r.confidential, r.anonymous, r.reporter_name, r.reporter_email, r.reporter_phone,
    r.supports, r.rating, r.verify_due, r.verified_day, r.respond_due, r.responded_day, r.escalate_due, r.escalated_day, r.completed_day, r.channel,
    m.ticket
  FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN categories c ON c.id = r.category_id
  LEFT JOIN regions g ON g.id = r.region_id LEFT JOIN reports m ON m.id = r.duplicate_of WHERE r.id = ?1";

/// The report as `audience` may see it, with its timeline and (where its content shows) its attachments.
pub fn load(conn: &Connection, report_id: i64, audience: Audience) -> rusqlite::Result<ReportView> {
    let mut view = conn
        .prepare_cached(VIEW_SQL)?
        .query_row([report_id], |r| from_row(r, audience))?;
    let show_content = !view.confidential || audience != Audience::Public;
    let mut events = conn
        .prepare_cached("SELECT at, status, actor, kind, message FROM events WHERE report_id = ?1 ORDER BY at, id")?;
    let events = events
        .query_map([report_id], |r| {
            let actor = Actor::parse(&r.get::<_, String>(2)?).unwrap_or(Actor::System);
            let kind: String = r.get(3)?;
            let message: Option<String> = r.get(4)?;
            // Citizens' own words, and everything about a confidential report, stay with the reporter.
            let visible = show_content && (actor != Actor::Citizen || audience != Audience::Public);
            Ok(Event {
                at: r.get::<_, String>(0)?.parse::<DateTime<Utc>>().unwrap_or_default(),
                status: Status::parse(&r.get::<_, String>(1)?).unwrap_or(Status::Submitted),
                actor,
                kind: Some(kind),
                message: message.filter(|_| visible),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Of a confidential report the public sees neither whether nor when its reporter replied or rated: only the
    // status steps (the submission included) stay in its timeline.
    view.events = events
        .into_iter()
        .filter(|e| show_content || e.actor != Actor::Citizen || e.kind.as_deref() == Some("status"))
        .collect();
    if show_content {
        view.attachments = conn
            .prepare_cached(
                "SELECT id, name, size, content_type FROM attachments WHERE report_id = ?1 ORDER BY created_at, id",
            )?
            .query_map([report_id], |r| {
                Ok(Attachment {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    size: r.get(2)?,
                    content_type: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(view)
}

fn from_row(r: &Row<'_>, audience: Audience) -> rusqlite::Result<ReportView> {
    let confidential: bool = r.get(14)?;
    let anonymous: bool = r.get(15)?;
    let show_content = !confidential || audience != Audience::Public;
    let reporter = (audience != Audience::Public && !anonymous).then(|| -> rusqlite::Result<Reporter> {
        Ok(Reporter {
            name: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
            email: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
            phone: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
        })
    });
    let completed = date(r.get(27)?);
    let escalated = date(r.get(26)?);
    let escalate_due: String = r.get(25)?;
    let mut escalation = deadline(&escalate_due, completed);
    if escalated.is_some() && completed.is_none_or(|c| c > escalation.due) {
        escalation.met = Some(false);
    }
    Ok(ReportView {
        ticket: r.get(0)?,
        kind: Kind::parse(&r.get::<_, String>(1)?).unwrap_or(Kind::Complaint),
        status: Status::parse(&r.get::<_, String>(2)?).unwrap_or(Status::Submitted),
        title: show_content.then(|| r.get(3)).transpose()?,
        body: show_content.then(|| r.get(4)).transpose()?,
        agency: named(r.get(5)?, r.get(6)?),
        category: named(r.get(7)?, r.get(8)?),
        region: named(r.get(9)?, r.get(10)?),
        address: show_content.then(|| r.get(11)).transpose()?,
        incident_date: date(r.get(12)?),
        created_at: r.get::<_, String>(13)?.parse().unwrap_or_default(),
        channel: Channel::parse(&r.get::<_, String>(28)?).unwrap_or_default(),
        confidential,
        anonymous,
        reporter: reporter.transpose()?,
        supports: r.get(19)?,
        rating: show_content.then(|| r.get(20)).transpose()?.flatten(),
        deadlines: Some(Deadlines {
            verify: deadline(&r.get::<_, String>(21)?, date(r.get(22)?)),
            respond: deadline(&r.get::<_, String>(23)?, date(r.get(24)?)),
            escalation,
        }),
        expected_on: None,
        events: vec![],
        attachments: vec![],
        duplicate_of: r.get(29)?,
    })
}
