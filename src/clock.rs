//! The current time and the portal's calendar date, from the browser's clock.

use aduan_core::calendar::WIB_OFFSET_SECONDS;
use aduan_core::WorkingCalendar;
use chrono::{DateTime, NaiveDate, Utc};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Today in the portal's time zone (WIB), which is what deadlines are counted in.
pub fn today() -> NaiveDate {
    WorkingCalendar::new([], WIB_OFFSET_SECONDS).local_date(now())
}
