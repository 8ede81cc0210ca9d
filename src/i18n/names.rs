//! Words for the contract's values and dates, in the current language.

use aduan_core::calendar::TimeZone;
use aduan_core::{Actor, Category, Kind, Status};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::{lookup, Lang};

pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::Submitted => "status.submitted",
        Status::Verified => "status.verified",
        Status::Rejected => "status.rejected",
        Status::Dispositioned => "status.dispositioned",
        Status::InProgress => "status.in_progress",
        Status::Completed => "status.completed",
        Status::Closed => "status.closed",
        Status::Escalated => "status.escalated",
    }
}

pub fn kind_key(k: Kind) -> &'static str {
    match k {
        Kind::Complaint => "kind.complaint",
        Kind::Aspiration => "kind.aspiration",
        Kind::Information => "kind.information",
    }
}

/// A category's name in the current language (English where the portal gives one).
pub fn category_name(c: &Category, lang: Lang) -> String {
    match (lang, &c.name_en) {
        (Lang::En, Some(en)) => en.clone(),
        _ => c.name.clone(),
    }
}

pub fn actor_key(a: Actor) -> &'static str {
    match a {
        Actor::Citizen => "actor.citizen",
        Actor::Admin => "actor.admin",
        Actor::Agency => "actor.agency",
        Actor::System => "actor.system",
    }
}

const MONTHS_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// 3 Des 2026 / 3 Dec 2026. By hand, because chrono's formatter costs kilobytes of wasm.
pub fn format_date(d: NaiveDate, lang: Lang) -> String {
    let months = if lang == Lang::Id { MONTHS_ID } else { MONTHS_EN };
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

/// "2026-11" as Nov 2026 / Nov 2026 (Mei, Agu, Okt, Des in Indonesian).
pub fn format_month(month: &str, lang: Lang) -> String {
    let months = if lang == Lang::Id { MONTHS_ID } else { MONTHS_EN };
    match (month.get(..4), month.get(5..7).and_then(|m| m.parse::<usize>().ok())) {
        (Some(year), Some(m @ 1..=12)) => format!("{} {year}", months[m - 1]),
        _ => month.to_string(),
    }
}

/// The portal's local time: 3 Des 2026, 09.05 WIB / 3 Dec 2026, 09:05 WIB.
pub fn format_local_time(at: DateTime<Utc>, lang: Lang) -> String {
    format_time_in(at, lang, crate::clock::zone())
}

fn format_time_in(at: DateTime<Utc>, lang: Lang, zone: TimeZone) -> String {
    let local = at + chrono::Duration::seconds(zone.utc_offset_seconds().into());
    let sep = if lang == Lang::Id { '.' } else { ':' };
    format!(
        "{}, {:02}{sep}{:02} {}",
        format_date(local.date_naive(), lang),
        local.hour(),
        local.minute(),
        zone.label()
    )
}

/// "1 working day", "3 working days", "3 hari kerja".
pub fn format_working_days(n: i64, lang: Lang) -> String {
    let key = if n == 1 { "days.one" } else { "days.other" };
    lookup(lang, key).replace("{n}", &super::format_count(n.unsigned_abs(), lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_the_citizen_pages_write_them() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(format_date(d, Lang::Id), "3 Des 2026");
        assert_eq!(format_date(d, Lang::En), "3 Dec 2026");
    }

    #[test]
    fn dates_and_times_read_naturally_in_each_language() {
        let d: NaiveDate = "2026-12-03".parse().unwrap();
        assert_eq!(format_date(d, Lang::Id), "3 Des 2026");
        assert_eq!(format_date(d, Lang::En), "3 Dec 2026");
        let at: DateTime<Utc> = "2026-12-02T17:05:00Z".parse().unwrap();
        assert_eq!(format_local_time(at, Lang::Id), "3 Des 2026, 00.05 WIB");
        assert_eq!(format_local_time(at, Lang::En), "3 Dec 2026, 00:05 WIB");
        assert_eq!(format_time_in(at, Lang::Id, TimeZone::Wita), "3 Des 2026, 01.05 WITA");
        assert_eq!(format_time_in(at, Lang::En, TimeZone::Wit), "3 Dec 2026, 02:05 WIT");
    }

    #[test]
    fn months_are_named() {
        assert_eq!(format_month("2026-05", Lang::Id), "Mei 2026");
        assert_eq!(format_month("2026-05", Lang::En), "May 2026");
        assert_eq!(format_month("garbage", Lang::En), "garbage");
    }

    #[test]
    fn working_days_agree_in_number() {
        assert_eq!(format_working_days(1, Lang::En), "1 working day");
        assert_eq!(format_working_days(4, Lang::En), "4 working days");
        assert_eq!(format_working_days(1, Lang::Id), "1 hari kerja");
        assert_eq!(format_working_days(1200, Lang::Id), "1.200 hari kerja");
    }
}
