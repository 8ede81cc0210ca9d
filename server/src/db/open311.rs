//! What Open311 shows of a report beyond the public `ReportView`: its coordinates.

use aduan_core::Location;
use rusqlite::{Connection, OptionalExtension};

/// Where the report was made, as the public may see it: like its address, never for a confidential report.
pub fn public_coordinates(conn: &Connection, ticket: &str) -> rusqlite::Result<Option<Location>> {
    conn.prepare_cached(
        "SELECT lat, lon FROM reports WHERE ticket = ?1 AND confidential = 0 AND lat IS NOT NULL AND lon IS NOT NULL",
    )?
    .query_row([ticket], |r| {
        Ok(Location {
            lat: r.get(0)?,
            lon: r.get(1)?,
        })
    })
    .optional()
}
