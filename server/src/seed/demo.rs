//! The demo reports: deterministic for a given seed and seeding day, moved through the workflow by the same
//! code as live reports, so their deadlines and figures follow the real rules.

use aduan_core::{Actor, Channel, Kind, NewReport, Reporter, SlaRules, Status, WorkingCalendar};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rusqlite::Connection;

use super::reference::{
    CategorySeed, AGENCIES, ASPIRATIONS, CATEGORIES, DETAILS, INFORMATION, NAMES, PLACES, REGIONS, REJECT_REASONS,
    RESOLUTIONS,
};
use crate::crypto::Secrets;
use crate::db::citizen::set_rating;
use crate::db::reports::{insert_report, set_channel};
use crate::db::workflow::{apply_transition, Transition};

struct Gen {
    rng: fastrand::Rng,
}

impl Gen {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.usize(..items.len())]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.f64() < p
    }

    /// An agency for a category's agency list, where "kel"/"puskesmas" mean the one of the report's region.
    fn agency_for(&mut self, cat: &CategorySeed, region: &str) -> String {
        match *self.pick(cat.agencies) {
            "kel" => format!("kel-{region}"),
            "puskesmas" => {
                let ps: Vec<&str> = AGENCIES
                    .iter()
                    .map(|a| a.0)
                    .filter(|a| a.starts_with("puskesmas-"))
                    .collect();
                self.pick(&ps).to_string()
            }
            other => other.to_string(),
        }
    }

    /// A moment during office hours (08:00–16:00 WIB) on `day`, strictly after `after`.
    fn office_time(&mut self, day: NaiveDate, after: DateTime<Utc>) -> DateTime<Utc> {
        let minutes = self.rng.i64(8 * 60..16 * 60);
        let local = day.and_hms_opt(0, 0, 0).unwrap() + Duration::minutes(minutes);
        let at = Utc.from_utc_datetime(&(local - Duration::hours(7)));
        if at > after {
            at
        } else {
            after + Duration::minutes(self.rng.i64(10..180))
        }
    }
}

/// Writes `count` demo reports over the 24 months before now, the same ones for the same seed and day.
pub fn seed(
    conn: &mut Connection,
    secrets: &Secrets,
    cal: &WorkingCalendar,
    count: usize,
    seed: u64,
) -> rusqlite::Result<()> {
    let now = Utc::now();
    let start = now - Duration::days(730);
    let sla = SlaRules::default();
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(seed),
    };
    let span = (now - start).num_seconds();
    // Reports grow over time as the portal becomes known: draw with a density rising by half.
    let mut times: Vec<DateTime<Utc>> = (0..count)
        .map(|_| {
            let u = g.rng.f64();
            // Inverse of the distribution function of the density (1 + x) / 1.5 on [0, 1].
            let x = (1.0 + 3.0 * u).sqrt() - 1.0;
            start + Duration::seconds((x.min(1.0) * span as f64) as i64)
        })
        .collect();
    times.sort();
    let tx = conn.transaction()?;
    for created in times {
        seed_one(&tx, secrets, &mut g, cal, &sla, created, now)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(format!("{e:?}").into()))?;
    }
    tx.commit()
}

fn seed_one(
    conn: &Connection,
    secrets: &Secrets,
    g: &mut Gen,
    cal: &WorkingCalendar,
    sla: &SlaRules,
    created: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let region = g.pick(REGIONS).0;
    let place = *g.pick(PLACES);
    let kind_roll = g.rng.f64();
    let cat = {
        let total: u32 = CATEGORIES.iter().map(|c| c.weight).sum();
        let mut n = g.rng.u32(..total);
        CATEGORIES
            .iter()
            .find(|c| {
                if n < c.weight {
                    true
                } else {
                    n -= c.weight;
                    false
                }
            })
            .unwrap()
    };
    let (kind, title, natural_agency) = if kind_roll < 0.76 {
        (
            Kind::Complaint,
            g.pick(cat.titles).to_string(),
            g.agency_for(cat, region),
        )
    } else if kind_roll < 0.9 {
        let (t, a) = *g.pick(ASPIRATIONS);
        (Kind::Aspiration, t.to_string(), a.to_string())
    } else {
        let (t, a) = *g.pick(INFORMATION);
        (Kind::Information, t.to_string(), a.to_string())
    };
    let title = title.replace("{place}", place);
    let region_name = REGIONS.iter().find(|r| r.0 == region).unwrap().1;
    let body = format!(
        "{title}. Lokasi di sekitar {place}, Kecamatan {region_name}. {} Mohon segera ditindaklanjuti. Terima kasih.",
        g.pick(DETAILS)
    );
    let anonymous = g.chance(0.15);
    let name = *g.pick(NAMES);
    let reporter = (!anonymous).then(|| Reporter {
        name: name.to_string(),
        email: if g.chance(0.7) {
            format!("{}@contoh.id", name.to_lowercase().replace(' ', "."))
        } else {
            String::new()
        },
        phone: format!("0812{:08}", g.rng.u32(..100_000_000)),
    });
    let report = NewReport {
        kind,
        title,
        body,
        incident_date: Some(cal.local_date(created) - Duration::days(g.rng.i64(0..10))),
        category_id: Some(cat.id.to_string()),
        agency_id: g.chance(0.3).then(|| natural_agency.clone()),
        region_id: Some(region.to_string()),
        address: place.to_string(),
        location: None,
        attachment_ids: vec![],
        anonymous,
        confidential: g.chance(0.08),
        reporter,
    };
    let mut bits = || g.rng.u64(..);
    let inserted = insert_report(conn, secrets, &report, created, cal, sla, &mut bits).map_err(|e| e.to_string())?;
    if let Some(channel) = demo_channel(inserted.id) {
        set_channel(conn, inserted.id, channel).map_err(|e| e.to_string())?;
    }

    let day0 = cal.local_date(created);
    let mut at = created;
    let step = |g: &mut Gen,
                wd: u32,
                to: Status,
                actor: Actor,
                message: Option<String>,
                agency: Option<&str>,
                at: &mut DateTime<Utc>|
     -> Result<bool, String> {
        let day = cal.add_working_days(cal.local_date(*at).max(day0), wd);
        let when = g.office_time(day, *at);
        if when > now {
            return Ok(false);
        }
        *at = when;
        let t = Transition {
            to,
            at: when,
            actor,
            message: message.as_deref(),
            agency_id: agency,
        };
        apply_transition(conn, inserted.id, &t, cal, sla).map_err(|e| format!("{e:?}"))?;
        Ok(true)
    };

    if g.chance(0.06) {
        let reason = g.pick(REJECT_REASONS).to_string();
        let wd = g.rng.u32(1..=3);
        step(g, wd, Status::Rejected, Actor::Admin, Some(reason), None, &mut at)?;
        return Ok(());
    }
    let verify_wd = *g.pick(&[0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5]);
    if !step(
        g,
        verify_wd,
        Status::Verified,
        Actor::Admin,
        Some("Laporan telah diverifikasi dan akan diteruskan ke instansi yang berwenang.".into()),
        None,
        &mut at,
    )? {
        return Ok(());
    }
    let mut agency = natural_agency;
    let agency_name = |id: &str| {
        AGENCIES
            .iter()
            .find(|a| a.0 == id)
            .map(|a| a.1)
            .unwrap_or(id)
            .to_string()
    };
    let msg = format!("Laporan didisposisikan ke {}.", agency_name(&agency));
    let wd = g.rng.u32(0..=1);
    if !step(
        g,
        wd,
        Status::Dispositioned,
        Actor::Admin,
        Some(msg),
        Some(&agency),
        &mut at,
    )? {
        return Ok(());
    }
    if g.chance(0.05) {
        let other = AGENCIES[g.rng.usize(..AGENCIES.len())].0.to_string();
        if other != agency {
            let msg = format!(
                "Dikembalikan oleh {} karena bukan kewenangannya; didisposisikan ulang ke {}.",
                agency_name(&agency),
                agency_name(&other)
            );
            let wd = g.rng.u32(1..=2);
            if !step(
                g,
                wd,
                Status::Dispositioned,
                Actor::Admin,
                Some(msg),
                Some(&other),
                &mut at,
            )? {
                return Ok(());
            }
            agency = other;
        }
    }
    let escalate_due = cal.add_working_days(day0, sla.escalate_days);
    let escalate = |g: &mut Gen, at: &mut DateTime<Utc>| -> Result<(), String> {
        let when = g.office_time(escalate_due, *at);
        if when <= now {
            let t = Transition {
                to: Status::Escalated,
                at: when,
                actor: Actor::System,
                message: Some("Laporan belum diselesaikan dalam 60 hari kerja dan dieskalasi ke Ombudsman RI."),
                agency_id: None,
            };
            apply_transition(conn, inserted.id, &t, cal, sla).map_err(|e| format!("{e:?}"))?;
        }
        Ok(())
    };
    let response_roll = g.rng.f64();
    if response_roll < 0.07 {
        return escalate(g, &mut at);
    }
    let respond_wd = if response_roll < 0.55 {
        g.rng.u32(1..=5)
    } else if response_roll < 0.85 {
        g.rng.u32(6..=10)
    } else {
        g.rng.u32(11..=20)
    };
    let msg = format!("{} sedang menindaklanjuti laporan ini.", agency_name(&agency));
    if !step(
        g,
        respond_wd,
        Status::InProgress,
        Actor::Agency,
        Some(msg),
        None,
        &mut at,
    )? {
        return Ok(());
    }
    if g.chance(0.06) {
        return escalate(g, &mut at);
    }
    let finish_wd = g.rng.u32(0..=10);
    let resolution = g.pick(RESOLUTIONS).to_string();
    if !step(
        g,
        finish_wd,
        Status::Completed,
        Actor::Agency,
        Some(resolution),
        None,
        &mut at,
    )? {
        return Ok(());
    }
    if g.chance(0.45) {
        let rating = *g.pick(&[5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1]);
        set_rating(conn, inserted.id, rating, None).map_err(|e| e.to_string())?;
    }
    step(
        g,
        sla.auto_close_days,
        Status::Closed,
        Actor::System,
        Some("Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja.".into()),
        None,
        &mut at,
    )?;
    Ok(())
}

/// The offline channel a demo report came by, or none for the website. As at a real desk, most reports come by
/// the website and a minority (about one in six) by the offline channels, phone and walk-in more often than a
/// letter, the suggestion box or an SMS. Chosen from the id, not drawn, so that the rest of the demo city stays
/// what it was.
fn demo_channel(id: i64) -> Option<Channel> {
    match id % 50 {
        3 | 17 | 31 | 44 => Some(Channel::Phone),
        9 | 38 => Some(Channel::WalkIn),
        22 => Some(Channel::Letter),
        27 => Some(Channel::SuggestionBox),
        13 => Some(Channel::Sms),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_one_demo_report_in_six_comes_by_an_offline_channel_phone_and_walk_in_most() {
        let count = |channel: Option<Channel>| (1..=5_000).filter(|id| demo_channel(*id) == channel).count();
        let web = count(None);
        let offline = 5_000 - web;
        assert!((5_000 / 8..=5_000 / 5).contains(&offline), "{offline} of 5 000 offline");
        let by = |c| count(Some(c));
        for rarer in [Channel::Letter, Channel::SuggestionBox, Channel::Sms] {
            assert!(
                by(Channel::Phone) > by(rarer) && by(Channel::WalkIn) > by(rarer),
                "{rarer:?}"
            );
            assert!(by(rarer) > 0, "{rarer:?}");
        }
        assert_eq!(count(Some(Channel::Web)), 0, "the website is no offline channel");
    }
}
