//! Everything that knows SQL: the connections (SQLite in WAL mode: one writer thread that commits the waiting
//! writes together, see [`writer`], and a few readers used from blocking threads), the schema's migrations (`migrations/*.sql`) and the queries, one module per subject.
//! Handlers and the seeder call the functions here and never hold SQL of their own.

pub mod accounts;
pub mod attachments;
pub mod audit;
pub mod citizen;
pub mod duplicates;
pub mod filter;
pub mod idempotency;
pub mod keyed;
pub mod listing;
pub mod monitoring;
pub mod open311;
pub mod portal;
pub mod reports;
pub mod staff_corrections;
pub mod staff_queue;
pub mod staff_reports;
pub mod stats;
pub mod templates;
pub mod workflow;
mod writer;

#[cfg(test)]
mod durability_tests;
#[cfg(test)]
mod staff_fixtures;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::Connection;

use crate::problem::ApiError;

const READERS: usize = 4;

/// Schema versions, applied in order; `PRAGMA user_version` records how many have run. A database only ever
/// gains migrations at the end: an edited or reordered file would leave existing databases behind.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_schema.sql"),
    include_str!("migrations/0002_search.sql"),
    include_str!("migrations/0003_stats_index.sql"),
    include_str!("migrations/0004_keyed_secrets.sql"),
    include_str!("migrations/0005_staff.sql"),
    include_str!("migrations/0006_staff_queue.sql"),
    include_str!("migrations/0007_channels.sql"),
    include_str!("migrations/0008_response_templates.sql"),
    include_str!("migrations/0009_escalated_due.sql"),
    include_str!("migrations/0010_confidential_search.sql"),
    include_str!("migrations/0011_duplicates.sql"),
];

#[derive(Clone)]
pub struct Db {
    /// The one connection that writes; the writer thread holds it for a batch, start-up work in between.
    writer: Arc<Mutex<Connection>>,
    /// Where [`Db::write`] queues its work for the writer thread.
    writes: mpsc::Sender<writer::Job>,
    readers: Arc<Vec<Mutex<Connection>>>,
    next_reader: Arc<AtomicUsize>,
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: in WAL mode the log is synced at every COMMIT, so a write that was acknowledged survives an OS crash
    // or a power cut (NORMAL syncs only at checkpoints and can lose the last commits). Group commit in
    // `writer` pays for it: one sync per batch of writes, not per request.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 32 MiB of page cache (SQLite's default is 2 MiB): with eight indexes on the reports, a smaller cache
    // makes every insert of a large import re-read index pages, and seeding grows worse than linearly.
    conn.pragma_update(None, "cache_size", -32768)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let done: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(())
}

impl Db {
    pub fn open(path: &Path) -> rusqlite::Result<Db> {
        let mut writer = Connection::open(path)?;
        configure(&writer)?;
        migrate(&mut writer)?;
        let readers = (0..READERS)
            .map(|_| {
                let c = Connection::open(path)?;
                configure(&c)?;
                Ok(Mutex::new(c))
            })
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let writer = Arc::new(Mutex::new(writer));
        // The OS refusing a thread is not an SQLite error, but it makes the database as unusable as one.
        let writes = writer::spawn(writer.clone()).map_err(|e| {
            let cannot_open = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN);
            rusqlite::Error::SqliteFailure(cannot_open, Some(format!("cannot start the writer thread: {e}")))
        })?;
        Ok(Db {
            writer,
            writes,
            readers: Arc::new(readers),
            next_reader: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// Runs `f` on the writer connection, in a batch with the other writes waiting, and answers once the batch's
    /// COMMIT is on disk. `f` runs inside a savepoint of a transaction it shares: an `Err` (or a panic) undoes
    /// only `f`'s own changes. For all-or-nothing steps of its own, `f` nests `conn.savepoint()`, never
    /// `conn.transaction()` (which cannot begin inside a transaction).
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let (job, answer) = writer::job(f);
        self.writes
            .send(job)
            .map_err(|_| ApiError::internal("the database writer has stopped"))?;
        answer
            .await
            .map_err(|_| ApiError::internal("the database writer dropped a write"))?
    }

    /// Runs `f` on one of the reader connections, on a blocking thread.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let readers = self.readers.clone();
        let i = self.next_reader.fetch_add(1, Ordering::Relaxed) % readers.len();
        tokio::task::spawn_blocking(move || {
            let conn = readers[i].lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&conn)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Synchronous access to the writer, for start-up work before serving.
    pub fn with_writer<T>(&self, f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>) -> rusqlite::Result<T> {
        let mut conn = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut conn)
    }
}

/// How every time is stored: RFC 3339 in UTC to the second, so that text order is time order.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_once_and_record_their_count() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("aduan.sqlite3");
        let version = |db: &Db| -> usize {
            db.with_writer(|conn| conn.pragma_query_value(None, "user_version", |r| r.get(0)))
                .unwrap()
        };
        let db = Db::open(&path).unwrap();
        assert_eq!(version(&db), MIGRATIONS.len());
        drop(db);
        // A second open finds nothing to do: running a migration twice would fail on its CREATE statements.
        let db = Db::open(&path).unwrap();
        assert_eq!(version(&db), MIGRATIONS.len());
        let tables: Vec<String> = db
            .with_writer(|conn| {
                conn.prepare(
                    "SELECT name FROM sqlite_master WHERE name IN ('reports', 'reports_fts', 'reports_stats')",
                )?
                .query_map([], |r| r.get(0))?
                .collect()
            })
            .unwrap();
        assert_eq!(tables.len(), 3, "{tables:?}");
    }

    #[test]
    fn times_are_stored_to_the_second_in_utc() {
        let at = "2026-03-01T08:15:30.750+07:00"
            .parse::<DateTime<chrono::FixedOffset>>()
            .unwrap();
        assert_eq!(timestamp(at.with_timezone(&Utc)), "2026-03-01T01:15:30Z");
    }
}
