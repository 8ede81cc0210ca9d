//! Start-up data: the reference lists when the database has none, and on request the demo city's reports.

mod demo;
mod reference;
pub mod templates;

use aduan_core::WorkingCalendar;

use crate::crypto::Secrets;
use crate::db::{self, Db};

/// Writes the demo city's agencies, categories and regions when there are none yet.
pub fn ensure_reference_data(db: &Db) -> rusqlite::Result<()> {
    db.with_writer(|conn| db::portal::insert_reference_data_if_empty(conn, &reference::reference_data()))
}

/// Seeds `count` demo reports over the last 24 months when there are none yet. Returns how many it made.
pub fn seed_demo_if_empty(
    db: &Db,
    secrets: &Secrets,
    cal: &WorkingCalendar,
    count: usize,
    seed: u64,
) -> rusqlite::Result<usize> {
    db.with_writer(|conn| {
        if count == 0 || !db::reports::none_yet(conn)? {
            return Ok(0);
        }
        demo::seed(conn, secrets, cal, count, seed)?;
        Ok(count)
    })
}
