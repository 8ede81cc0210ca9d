//! The current time and the portal's calendar date, from the browser's clock.

use std::cell::Cell;

use aduan_core::calendar::TimeZone;
use aduan_core::{Holiday, WorkingCalendar};
use chrono::{DateTime, NaiveDate, Utc};

thread_local! {
    /// The portal's time zone. It is set once, from config.json, before any page is drawn, and read by free
    /// functions all over the app, which is why it is not a context value.
    static ZONE: Cell<TimeZone> = const { Cell::new(TimeZone::Wib) };
}

pub fn set_zone(zone: TimeZone) {
    ZONE.with(|z| z.set(zone));
}

/// The portal's time zone: WIB unless config.json names another.
pub fn zone() -> TimeZone {
    ZONE.with(Cell::get)
}

/// The working-day calendar of the portal's holidays, in its time zone.
pub fn calendar(holidays: Vec<Holiday>) -> WorkingCalendar {
    WorkingCalendar::new(holidays, zone().utc_offset_seconds())
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Today in the portal's time zone, which is what deadlines are counted in.
pub fn today() -> NaiveDate {
    calendar(vec![]).local_date(now())
}
