//! The current time and the portal's calendar date, from the browser's clock.

use std::sync::atomic::{AtomicUsize, Ordering};

use aduan_core::calendar::TimeZone;
use aduan_core::WorkingCalendar;
use chrono::{DateTime, NaiveDate, Utc};

/// The portal's time zone (an index into `TimeZone::ALL`). It is set once, from config.json, before any page
/// is drawn, and read by free functions all over the app, which is why it is not a context value.
static ZONE: AtomicUsize = AtomicUsize::new(0);

pub fn set_zone(zone: TimeZone) {
    ZONE.store(TimeZone::ALL.iter().position(|z| *z == zone).unwrap_or(0), Ordering::Relaxed);
}

/// The portal's time zone: WIB unless config.json names another.
pub fn zone() -> TimeZone {
    TimeZone::ALL.get(ZONE.load(Ordering::Relaxed)).copied().unwrap_or_default()
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Today in the portal's time zone, which is what deadlines are counted in.
pub fn today() -> NaiveDate {
    WorkingCalendar::new([], zone().utc_offset_seconds()).local_date(now())
}
