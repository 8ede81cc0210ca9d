//! Moving reports through the workflow and recording each step as an event. The seeder and the API both go
//! through here, so demo data obeys exactly the rules that live data does.

use aduan_core::{Actor, SlaRules, Status, WorkingCalendar};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::timestamp;

pub fn insert_event(
    conn: &Connection,
    report_id: i64,
    at: DateTime<Utc>,
    status: Status,
    actor: Actor,
    message: Option<&str>,
) -> rusqlite::Result<()> {
    insert_event_of_kind(conn, report_id, at, status, actor, "status", message)
}

pub fn insert_event_of_kind(
    conn: &Connection,
    report_id: i64,
    at: DateTime<Utc>,
    status: Status,
    actor: Actor,
    kind: &str,
    message: Option<&str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO events (report_id, at, status, actor, kind, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        report_id,
        timestamp(at),
        status.as_str(),
        actor.as_str(),
        kind,
        message
    ])?;
    Ok(())
}

/// The periodic rules: escalate reports open past their escalation date, and close completed reports the
/// reporter has not answered within the auto-close period. Returns (escalated, closed).
pub fn sweep(
    conn: &mut Connection,
    cal: &WorkingCalendar,
    sla: &SlaRules,
    now: DateTime<Utc>,
) -> rusqlite::Result<(usize, usize)> {
    let today = cal.local_date(now);
    let tx = conn.savepoint()?;
    let overdue: Vec<i64> = tx
        .prepare("SELECT id FROM reports WHERE status IN ('submitted', 'verified', 'dispositioned', 'in_progress') AND escalate_due < ?1")?
        .query_map([today.to_string()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let message = format!(
        "Laporan belum diselesaikan dalam {} hari kerja dan dieskalasi ke Ombudsman RI.",
        sla.escalate_days
    );
    for id in &overdue {
        let t = Transition {
            to: Status::Escalated,
            at: now,
            actor: Actor::System,
            message: Some(&message),
            agency_id: None,
        };
        apply_transition(&tx, *id, &t, cal, sla)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(format!("{e:?}").into()))?;
    }
    // Events are stored in UTC and completion days in the portal's zone: a reply is compared by its local date,
    // or one sent after midnight local time (before midnight UTC) would not stop the auto-close.
    let zone = format!("{:+} seconds", cal.utc_offset_seconds());
    let completed: Vec<(i64, String)> = tx
        .prepare(
            "SELECT r.id, r.completed_day FROM reports r WHERE r.status = 'completed' AND r.completed_day IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM events e WHERE e.report_id = r.id AND e.kind = 'reply'
                             AND date(e.at, ?1) >= r.completed_day)",
        )?
        .query_map([zone], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let message = format!(
        "Ditutup otomatis: tidak ada tanggapan pelapor dalam {} hari kerja.",
        sla.auto_close_days
    );
    let mut closed = 0;
    for (id, day) in completed {
        let Ok(day) = day.parse::<NaiveDate>() else { continue };
        if cal.add_working_days(day, sla.auto_close_days) <= today {
            let t = Transition {
                to: Status::Closed,
                at: now,
                actor: Actor::System,
                message: Some(&message),
                agency_id: None,
            };
            apply_transition(&tx, id, &t, cal, sla)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(format!("{e:?}").into()))?;
            closed += 1;
        }
    }
    tx.commit()?;
    Ok((overdue.len(), closed))
}

#[derive(Debug, PartialEq)]
pub enum TransitionError {
    NotFound,
    Illegal { from: Status, to: Status },
    AgencyRequired,
    UnknownAgency,
    Db(String),
}

impl From<rusqlite::Error> for TransitionError {
    fn from(e: rusqlite::Error) -> Self {
        TransitionError::Db(e.to_string())
    }
}

pub struct Transition<'a> {
    pub to: Status,
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub message: Option<&'a str>,
    pub agency_id: Option<&'a str>,
}

/// Moves a report to `t.to` if the status machine allows it, records the event and the figures that the
/// statistics read (response and completion times in working days).
pub fn apply_transition(
    conn: &Connection,
    report_id: i64,
    t: &Transition<'_>,
    cal: &WorkingCalendar,
    sla: &SlaRules,
) -> Result<(), TransitionError> {
    let row = conn
        .prepare_cached("SELECT status, created_day, agency_id, responded_day, handed_back FROM reports WHERE id = ?1")?
        .query_row([report_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, bool>(4)?,
            ))
        })
        .optional()?;
    let (status, created_day, current_agency, responded_day, handed_back) = row.ok_or(TransitionError::NotFound)?;
    let from = Status::parse(&status).ok_or_else(|| TransitionError::Db(format!("bad status {status}")))?;
    if !from.can_move_to(t.to) {
        return Err(TransitionError::Illegal { from, to: t.to });
    }
    let day = cal.local_date(t.at);
    let created: NaiveDate = created_day
        .parse()
        .map_err(|_| TransitionError::Db("bad created_day".into()))?;
    let ts = timestamp(t.at);
    let exec =
        |sql: &str, p: &[&dyn rusqlite::ToSql]| -> rusqlite::Result<usize> { conn.prepare_cached(sql)?.execute(p) };
    match t.to {
        // "Not our remit": back to the administrator, no longer the agency's (its sight, the public view, its
        // statistics) until forwarded again; the hand-back event names it. The verification date stays the first
        // one: the hand-back is not a late verification.
        Status::Verified if from == Status::Dispositioned => {
            exec(
                "UPDATE reports SET handed_back = 1, forwarded = 0, agency_id = NULL WHERE id = ?1",
                &[&report_id],
            )?;
        }
        // Rejecting is the verification decision too: the verify deadline counts it.
        Status::Verified | Status::Rejected => {
            exec(
                "UPDATE reports SET verified_day = ?1 WHERE id = ?2",
                &[&day.to_string(), &report_id],
            )?;
        }
        Status::Dispositioned => {
            let agency = t.agency_id.ok_or(TransitionError::AgencyRequired)?;
            let known: bool = conn
                .prepare_cached("SELECT EXISTS(SELECT 1 FROM agencies WHERE id = ?1)")?
                .query_row([agency], |r| r.get(0))?;
            if !known {
                return Err(TransitionError::UnknownAgency);
            }
            if from == Status::Dispositioned && current_agency.as_deref() == Some(agency) {
                return Err(TransitionError::Illegal { from, to: t.to });
            }
            // The response clock starts at the first disposition; re-routing does not restart it, nor does
            // forwarding again after a hand-back (the citizen was promised that date, whichever desk answers).
            if from == Status::Verified && !handed_back {
                let due = cal.add_working_days(day, sla.respond_days).to_string();
                exec(
                    "UPDATE reports SET agency_id = ?1, respond_due = ?2, forwarded = 1, handed_back = 0 WHERE id = ?3",
                    &[&agency, &due, &report_id],
                )?;
            } else {
                exec(
                    "UPDATE reports SET agency_id = ?1, forwarded = 1, handed_back = 0 WHERE id = ?2",
                    &[&agency, &report_id],
                )?;
            }
        }
        Status::InProgress if responded_day.is_none() => {
            let days = cal.working_days_between(created, day).max(0);
            exec(
                "UPDATE reports SET responded_day = ?1, response_days = ?2 WHERE id = ?3",
                &[&day.to_string(), &days, &report_id],
            )?;
        }
        Status::Completed => {
            let days = cal.working_days_between(created, day).max(0);
            exec(
                "UPDATE reports SET completed_day = ?1, completion_days = ?2 WHERE id = ?3",
                &[&day.to_string(), &days, &report_id],
            )?;
        }
        Status::Closed => {
            exec(
                "UPDATE reports SET closed_day = ?1 WHERE id = ?2",
                &[&day.to_string(), &report_id],
            )?;
        }
        Status::Escalated => {
            exec(
                "UPDATE reports SET escalated_day = ?1 WHERE id = ?2",
                &[&day.to_string(), &report_id],
            )?;
        }
        _ => {}
    }
    exec(
        "UPDATE reports SET status = ?1, updated_at = ?2 WHERE id = ?3",
        &[&t.to.as_str(), &ts, &report_id],
    )?;
    let kind = event_kind(from, t.to, responded_day.is_some());
    insert_event_of_kind(conn, report_id, t.at, t.to, t.actor, kind, t.message)?;
    Ok(())
}

/// How the public timeline names a step: a hand-back and a follow-up are told apart from the status steps,
/// whichever API took them. `responded`: whether the agency had given its initial response before the step.
pub fn event_kind(from: Status, to: Status, responded: bool) -> &'static str {
    match (from, to) {
        (Status::Dispositioned, Status::Verified) => "hand_back",
        (Status::InProgress | Status::Escalated, Status::InProgress) if responded => "follow_up",
        _ => "status",
    }
}
