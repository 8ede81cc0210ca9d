//! Working days: Monday to Friday, minus Indonesian national holidays and collective leave (cuti bersama).
//!
//! Deadlines in SP4N-LAPOR! are counted in working days in the portal's local time (WIB, UTC+7 by
//! default). The built-in table follows the joint ministerial decrees (SKB 3 Menteri) for 2024–2026; 2027 is
//! provisional until its decree is published, which is why a server may replace the table by configuration.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Utc, Weekday};

use crate::contract::Holiday;

/// (date, name, collective leave)
const INDONESIA: &[(&str, &str, bool)] = &[
    ("2024-01-01", "Tahun Baru 2024 Masehi", false),
    ("2024-02-08", "Isra Mikraj Nabi Muhammad SAW", false),
    ("2024-02-09", "Cuti bersama Tahun Baru Imlek", true),
    ("2024-02-10", "Tahun Baru Imlek 2575 Kongzili", false),
    ("2024-03-11", "Hari Suci Nyepi Tahun Baru Saka 1946", false),
    ("2024-03-12", "Cuti bersama Hari Suci Nyepi", true),
    ("2024-03-29", "Wafat Isa Almasih", false),
    ("2024-03-31", "Hari Paskah", false),
    ("2024-04-08", "Cuti bersama Idul Fitri", true),
    ("2024-04-09", "Cuti bersama Idul Fitri", true),
    ("2024-04-10", "Hari Raya Idul Fitri 1445 H", false),
    ("2024-04-11", "Hari Raya Idul Fitri 1445 H", false),
    ("2024-04-12", "Cuti bersama Idul Fitri", true),
    ("2024-04-15", "Cuti bersama Idul Fitri", true),
    ("2024-05-01", "Hari Buruh Internasional", false),
    ("2024-05-09", "Kenaikan Isa Almasih", false),
    ("2024-05-10", "Cuti bersama Kenaikan Isa Almasih", true),
    ("2024-05-23", "Hari Raya Waisak 2568 BE", false),
    ("2024-05-24", "Cuti bersama Hari Raya Waisak", true),
    ("2024-06-01", "Hari Lahir Pancasila", false),
    ("2024-06-17", "Hari Raya Idul Adha 1445 H", false),
    ("2024-06-18", "Cuti bersama Idul Adha", true),
    ("2024-07-07", "Tahun Baru Islam 1446 H", false),
    ("2024-08-17", "Hari Kemerdekaan Republik Indonesia", false),
    ("2024-09-16", "Maulid Nabi Muhammad SAW", false),
    ("2024-12-25", "Hari Raya Natal", false),
    ("2024-12-26", "Cuti bersama Hari Raya Natal", true),
    ("2025-01-01", "Tahun Baru 2025 Masehi", false),
    ("2025-01-27", "Isra Mikraj Nabi Muhammad SAW", false),
    ("2025-01-28", "Cuti bersama Tahun Baru Imlek", true),
    ("2025-01-29", "Tahun Baru Imlek 2576 Kongzili", false),
    ("2025-03-28", "Cuti bersama Hari Suci Nyepi", true),
    ("2025-03-29", "Hari Suci Nyepi Tahun Baru Saka 1947", false),
    ("2025-03-31", "Hari Raya Idul Fitri 1446 H", false),
    ("2025-04-01", "Hari Raya Idul Fitri 1446 H", false),
    ("2025-04-02", "Cuti bersama Idul Fitri", true),
    ("2025-04-03", "Cuti bersama Idul Fitri", true),
    ("2025-04-04", "Cuti bersama Idul Fitri", true),
    ("2025-04-07", "Cuti bersama Idul Fitri", true),
    ("2025-04-18", "Wafat Isa Almasih", false),
    ("2025-04-20", "Hari Paskah", false),
    ("2025-05-01", "Hari Buruh Internasional", false),
    ("2025-05-12", "Hari Raya Waisak 2569 BE", false),
    ("2025-05-13", "Cuti bersama Hari Raya Waisak", true),
    ("2025-05-29", "Kenaikan Isa Almasih", false),
    ("2025-05-30", "Cuti bersama Kenaikan Isa Almasih", true),
    ("2025-06-01", "Hari Lahir Pancasila", false),
    ("2025-06-06", "Hari Raya Idul Adha 1446 H", false),
    ("2025-06-09", "Cuti bersama Idul Adha", true),
    ("2025-06-27", "Tahun Baru Islam 1447 H", false),
    ("2025-08-17", "Hari Kemerdekaan Republik Indonesia", false),
    ("2025-08-18", "Cuti bersama Hari Kemerdekaan", true),
    ("2025-09-05", "Maulid Nabi Muhammad SAW", false),
    ("2025-12-25", "Hari Raya Natal", false),
    ("2025-12-26", "Cuti bersama Hari Raya Natal", true),
    ("2026-01-01", "Tahun Baru 2026 Masehi", false),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", false),
    ("2026-02-16", "Cuti bersama Tahun Baru Imlek", true),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", false),
    ("2026-03-18", "Cuti bersama Hari Suci Nyepi", true),
    ("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948", false),
    ("2026-03-20", "Hari Raya Idul Fitri 1447 H", false),
    ("2026-03-21", "Hari Raya Idul Fitri 1447 H", false),
    ("2026-03-23", "Cuti bersama Idul Fitri", true),
    ("2026-03-24", "Cuti bersama Idul Fitri", true),
    ("2026-04-03", "Wafat Isa Almasih", false),
    ("2026-04-05", "Hari Paskah", false),
    ("2026-05-01", "Hari Buruh Internasional", false),
    ("2026-05-14", "Kenaikan Isa Almasih", false),
    ("2026-05-15", "Cuti bersama Kenaikan Isa Almasih", true),
    ("2026-05-27", "Hari Raya Idul Adha 1447 H", false),
    ("2026-05-28", "Cuti bersama Idul Adha", true),
    ("2026-05-31", "Hari Raya Waisak 2570 BE", false),
    ("2026-06-01", "Hari Lahir Pancasila", false),
    ("2026-06-16", "Tahun Baru Islam 1448 H", false),
    ("2026-08-17", "Hari Kemerdekaan Republik Indonesia", false),
    ("2026-08-25", "Maulid Nabi Muhammad SAW", false),
    ("2026-12-24", "Cuti bersama Hari Raya Natal", true),
    ("2026-12-25", "Hari Raya Natal", false),
    ("2027-01-01", "Tahun Baru 2027 Masehi", false),
    ("2027-01-05", "Isra Mikraj Nabi Muhammad SAW", false),
    ("2027-02-06", "Tahun Baru Imlek 2578 Kongzili", false),
    ("2027-03-09", "Hari Raya Idul Fitri 1448 H", false),
    ("2027-03-10", "Hari Raya Idul Fitri 1448 H", false),
    ("2027-03-11", "Cuti bersama Idul Fitri", true),
    ("2027-03-12", "Cuti bersama Idul Fitri", true),
    ("2027-03-26", "Wafat Isa Almasih", false),
    ("2027-03-28", "Hari Paskah", false),
    ("2027-04-08", "Hari Suci Nyepi Tahun Baru Saka 1949", false),
    ("2027-05-01", "Hari Buruh Internasional", false),
    ("2027-05-06", "Kenaikan Isa Almasih", false),
    ("2027-05-16", "Hari Raya Idul Adha 1448 H", false),
    ("2027-05-20", "Hari Raya Waisak 2571 BE", false),
    ("2027-06-01", "Hari Lahir Pancasila", false),
    ("2027-06-06", "Tahun Baru Islam 1449 H", false),
    ("2027-08-15", "Maulid Nabi Muhammad SAW", false),
    ("2027-08-17", "Hari Kemerdekaan Republik Indonesia", false),
    ("2027-12-25", "Hari Raya Natal", false),
];

/// WIB, the default portal time zone.
pub const WIB_OFFSET_SECONDS: i32 = 7 * 3600;

/// Indonesia's three time zones. A portal counts deadlines in its own, and shows times in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeZone {
    /// Western Indonesia, UTC+7 (Sumatra, Java, West and Central Kalimantan).
    #[default]
    Wib,
    /// Central Indonesia, UTC+8 (Bali, Nusa Tenggara, Sulawesi, East, North and South Kalimantan).
    Wita,
    /// Eastern Indonesia, UTC+9 (Maluku, Papua).
    Wit,
}

impl TimeZone {
    pub const ALL: [TimeZone; 3] = [TimeZone::Wib, TimeZone::Wita, TimeZone::Wit];

    pub fn utc_offset_seconds(self) -> i32 {
        match self {
            TimeZone::Wib => WIB_OFFSET_SECONDS,
            TimeZone::Wita => 8 * 3600,
            TimeZone::Wit => 9 * 3600,
        }
    }

    /// The abbreviation written after a time, the same in Indonesian and English.
    pub fn label(self) -> &'static str {
        match self {
            TimeZone::Wib => "WIB",
            TimeZone::Wita => "WITA",
            TimeZone::Wit => "WIT",
        }
    }

    /// `WIB`, `WITA` or `WIT`, in any case.
    pub fn parse(text: &str) -> Option<TimeZone> {
        Self::ALL
            .into_iter()
            .find(|z| z.label().eq_ignore_ascii_case(text.trim()))
    }
}

#[derive(Clone, Debug)]
pub struct WorkingCalendar {
    holidays: BTreeMap<NaiveDate, Holiday>,
    offset: FixedOffset,
}

impl Default for WorkingCalendar {
    fn default() -> Self {
        Self::indonesia()
    }
}

impl WorkingCalendar {
    /// The built-in Indonesian table, in WIB.
    pub fn indonesia() -> Self {
        Self::indonesia_in(TimeZone::Wib)
    }

    /// The built-in Indonesian table, in a portal's time zone.
    pub fn indonesia_in(zone: TimeZone) -> Self {
        let holidays = INDONESIA.iter().map(|(d, name, leave)| Holiday {
            date: d.parse().expect("built-in holiday dates are valid"),
            name: (*name).to_string(),
            collective_leave: *leave,
        });
        Self::new(holidays, zone.utc_offset_seconds())
    }

    /// The portal's offset from UTC, in seconds.
    pub fn utc_offset_seconds(&self) -> i32 {
        self.offset.local_minus_utc()
    }

    pub fn new(holidays: impl IntoIterator<Item = Holiday>, utc_offset_seconds: i32) -> Self {
        WorkingCalendar {
            holidays: holidays.into_iter().map(|h| (h.date, h)).collect(),
            offset: FixedOffset::east_opt(utc_offset_seconds).unwrap_or_else(|| FixedOffset::east_opt(0).unwrap()),
        }
    }

    pub fn holidays(&self) -> impl Iterator<Item = &Holiday> {
        self.holidays.values()
    }

    /// The calendar date of an instant in the portal's time zone.
    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.offset).date_naive()
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains_key(&d)
    }

    /// The date that is `n` working days after `start` (the start day itself is not counted).
    /// With `n == 0`, the first working day on or after `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut d = start;
        if n == 0 {
            while !self.is_working_day(d) {
                d += Duration::days(1);
            }
            return d;
        }
        let mut left = n;
        while left > 0 {
            d += Duration::days(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days after `from` up to and including `to`; negative when `to` is before `from`.
    /// A report submitted on Friday and answered on Monday took 1 working day.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        if to == from {
            return 0;
        }
        // Whole weeks have 5 weekdays; only the remainder and the holidays need walking.
        let days = (to - from).num_days();
        let weeks = days / 7;
        let mut count = weeks * 5;
        let mut d = from + Duration::days(weeks * 7);
        while d < to {
            d += Duration::days(1);
            if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                count += 1;
            }
        }
        let holidays_on_weekdays = self
            .holidays
            .range(from.succ_opt().unwrap_or(from)..=to)
            .filter(|(d, _)| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as i64;
        count - holidays_on_weekdays
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_portal_in_wita_or_wit_turns_the_day_earlier_than_one_in_wib() {
        assert_eq!(
            TimeZone::ALL.map(|z| TimeZone::parse(&z.label().to_lowercase())),
            TimeZone::ALL.map(Some)
        );
        assert_eq!(TimeZone::parse(" WITA "), Some(TimeZone::Wita));
        assert_eq!(TimeZone::parse("UTC+8"), None);
        // 16:30 UTC on 1 December is 23:30 WIB, but already 2 December at 00:30 WITA and 01:30 WIT.
        let at: DateTime<Utc> = "2026-12-01T16:30:00Z".parse().unwrap();
        let dates = TimeZone::ALL.map(|z| WorkingCalendar::indonesia_in(z).local_date(at));
        assert_eq!(dates, [d("2026-12-01"), d("2026-12-02"), d("2026-12-02")]);
        assert_eq!(
            WorkingCalendar::indonesia_in(TimeZone::Wit).utc_offset_seconds(),
            9 * 3600
        );
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekends_are_skipped() {
        let cal = WorkingCalendar::new([], 0);
        // Friday + 1 working day = Monday.
        assert_eq!(cal.add_working_days(d("2026-11-20"), 1), d("2026-11-23"));
        assert_eq!(cal.add_working_days(d("2026-11-20"), 5), d("2026-11-27"));
        assert_eq!(cal.working_days_between(d("2026-11-20"), d("2026-11-23")), 1);
        // Submitted on Saturday: the first working day is Monday.
        assert_eq!(cal.add_working_days(d("2026-11-21"), 0), d("2026-11-23"));
        assert_eq!(cal.add_working_days(d("2026-11-21"), 1), d("2026-11-23"));
    }

    #[test]
    fn national_holidays_and_collective_leave_are_skipped() {
        let cal = WorkingCalendar::indonesia();
        // Idul Fitri 2025: 31 Mar–1 Apr holidays, 2–4 and 7 Apr collective leave.
        assert_eq!(cal.add_working_days(d("2025-03-27"), 1), d("2025-04-08"));
        assert!(!cal.is_working_day(d("2025-04-03")));
        assert!(cal.is_working_day(d("2025-04-08")));
        assert_eq!(cal.working_days_between(d("2025-03-27"), d("2025-04-08")), 1);
        // Independence Day 2026 is a Monday.
        assert_eq!(cal.add_working_days(d("2026-08-14"), 1), d("2026-08-18"));
    }

    #[test]
    fn year_boundaries_are_crossed_correctly() {
        let cal = WorkingCalendar::indonesia();
        // 24 Dec 2026 (collective leave, Thu), 25 Dec (Christmas, Fri), 1 Jan 2027 (Fri) are not working days.
        assert_eq!(cal.add_working_days(d("2026-12-23"), 1), d("2026-12-28"));
        assert_eq!(cal.add_working_days(d("2026-12-31"), 1), d("2027-01-04"));
        // 28–31 Dec 2026 then 4 Jan 2027: five working days.
        assert_eq!(cal.working_days_between(d("2026-12-25"), d("2027-01-04")), 5);
    }

    #[test]
    fn sixty_working_days_and_between_agree() {
        let cal = WorkingCalendar::indonesia();
        for start in ["2024-03-01", "2025-03-20", "2025-12-15", "2026-11-25", "2027-02-01"] {
            let s = d(start);
            for n in [0u32, 1, 3, 10, 60] {
                let due = cal.add_working_days(s, n);
                if n > 0 {
                    assert_eq!(cal.working_days_between(s, due), n as i64, "{start} + {n}");
                }
                assert!(cal.is_working_day(due));
            }
        }
    }

    #[test]
    fn between_matches_a_day_by_day_count() {
        let cal = WorkingCalendar::indonesia();
        let from = d("2024-01-01");
        let mut count = 0;
        let mut day = from;
        for _ in 0..1200 {
            day += Duration::days(1);
            if cal.is_working_day(day) {
                count += 1;
            }
            assert_eq!(cal.working_days_between(from, day), count, "{day}");
            assert_eq!(cal.working_days_between(day, from), -count);
        }
    }

    #[test]
    fn the_same_day_is_zero_working_days() {
        let cal = WorkingCalendar::indonesia();
        for day in ["2026-11-25", "2026-11-28", "2026-12-25"] {
            assert_eq!(cal.working_days_between(d(day), d(day)), 0);
        }
    }

    #[test]
    fn local_date_uses_wib() {
        let cal = WorkingCalendar::indonesia();
        let late_evening_utc: DateTime<Utc> = "2026-11-24T18:30:00Z".parse().unwrap();
        assert_eq!(cal.local_date(late_evening_utc), d("2026-11-25"));
    }
}
