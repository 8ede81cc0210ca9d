//! SQLite in WAL mode: one writer connection and a few readers, used from blocking threads.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use crate::problem::ApiError;

const READERS: usize = 4;

/// Schema versions, applied in order; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE agencies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    grp TEXT
);
CREATE TABLE categories (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_en TEXT
);
CREATE TABLE regions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    ticket TEXT NOT NULL UNIQUE,
    access_code_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    incident_date TEXT,
    category_id TEXT REFERENCES categories(id),
    agency_id TEXT REFERENCES agencies(id),
    region_id TEXT REFERENCES regions(id),
    address TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL,
    anonymous INTEGER NOT NULL DEFAULT 0,
    confidential INTEGER NOT NULL DEFAULT 0,
    reporter_name TEXT,
    reporter_email TEXT,
    reporter_phone TEXT,
    created_at TEXT NOT NULL,
    created_day TEXT NOT NULL,
    verify_due TEXT NOT NULL,
    verified_day TEXT,
    respond_due TEXT NOT NULL,
    responded_day TEXT,
    response_days INTEGER,
    escalate_due TEXT NOT NULL,
    escalated_day TEXT,
    completed_day TEXT,
    completion_days INTEGER,
    closed_day TEXT,
    rating INTEGER,
    rating_comment TEXT,
    supports INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX reports_created ON reports(created_day);
CREATE INDEX reports_agency ON reports(agency_id, created_day);
CREATE INDEX reports_category ON reports(category_id, created_day);
CREATE INDEX reports_region ON reports(region_id, created_day);
CREATE INDEX reports_status ON reports(status, created_day);
CREATE INDEX reports_kind ON reports(kind, created_day);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    at TEXT NOT NULL,
    status TEXT NOT NULL,
    actor TEXT NOT NULL,
    -- 'status' for a workflow step, 'reply' for a citizen's reply, 'rating' for a rating
    kind TEXT NOT NULL DEFAULT 'status',
    message TEXT
);
CREATE INDEX events_report ON events(report_id, at);
CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    report_id INTEGER REFERENCES reports(id),
    created_at TEXT NOT NULL
);
CREATE TABLE idempotency (
    key TEXT PRIMARY KEY,
    body_sha256 TEXT NOT NULL,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    access_code TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE supports (
    report_id INTEGER NOT NULL REFERENCES reports(id),
    device_id TEXT NOT NULL,
    PRIMARY KEY (report_id, device_id)
);
"#,
    r#"
-- Full-text search over public reports only: confidential text is never indexed, so a search cannot reveal it.
CREATE VIRTUAL TABLE reports_fts USING fts5(title, body, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports WHEN new.confidential = 0 BEGIN
    INSERT INTO reports_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
"#,
    r#"
-- Covers every column the statistics read, so /stats scans this index instead of the reports' text.
CREATE INDEX reports_stats ON reports(created_day, agency_id, status, kind, category_id, region_id, response_days,
    completion_days, responded_day, respond_due, escalated_day, completed_day, rating);
ANALYZE;
"#,
];

#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Connection>>,
    readers: Arc<Vec<Mutex<Connection>>>,
    next_reader: Arc<AtomicUsize>,
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
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
        Ok(Db {
            writer: Arc::new(Mutex::new(writer)),
            readers: Arc::new(readers),
            next_reader: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// Runs `f` on the writer connection, on a blocking thread.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let writer = self.writer.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&mut conn)
        })
        .await
        .map_err(ApiError::internal)?
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
