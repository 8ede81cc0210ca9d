//! Open311 dates and times, which carry their offset from UTC as text.

use chrono::{DateTime, Utc};

/// `+07:00` for an offset in seconds, as Open311 dates and times write it.
pub fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// An Open311 date and time. The specification asks for an offset; one written without it is read in the
/// portal's zone (`utc_offset_seconds` east of UTC), and a bare date as its start.
pub fn instant(text: &Option<String>, utc_offset_seconds: i32) -> Option<DateTime<Utc>> {
    let text = text.as_deref()?.trim();
    let read = |t: &str| DateTime::parse_from_rfc3339(t).ok().map(|d| d.with_timezone(&Utc));
    // Most servers write the offset: the zone is spelled out only for those that do not.
    read(text).or_else(|| {
        let zone = offset_text(utc_offset_seconds);
        match text.len() {
            10 => read(&format!("{text}T00:00:00{zone}")),
            _ => read(&format!("{text}{zone}")),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_without_an_offset_are_read_in_the_portals_zone() {
        let wib = crate::calendar::TimeZone::Wib.utc_offset_seconds();
        let t = |s: &str| instant(&Some(s.to_string()), wib);
        assert_eq!(t("2026-11-27T08:00:00+07:00"), t("2026-11-27T01:00:00Z"));
        assert_eq!(t("2026-11-27T08:00:00"), t("2026-11-27T01:00:00Z"));
        assert_eq!(t("2026-11-27"), t("2026-11-26T17:00:00Z"));
        assert_eq!(t("kemarin"), None);
        assert_eq!(instant(&None, wib), None);
        // In a WIT portal, 08:00 is 23:00 UTC the day before; a time with an offset keeps it.
        let wit = crate::calendar::TimeZone::Wit.utc_offset_seconds();
        assert_eq!(
            instant(&Some("2026-11-27T08:00:00".into()), wit),
            t("2026-11-26T23:00:00Z")
        );
        assert_eq!(
            instant(&Some("2026-11-27T08:00:00+07:00".into()), wit),
            t("2026-11-27T01:00:00Z")
        );
    }
}
