-- Secrets at rest: access-code hashes and idempotency answers become keyed with `<data>/secret-key`, a file
-- that never enters the database. The rows are rewritten by the server at start (db/keyed.rs), which needs
-- the key; its one row records which key the database's hashes need.
CREATE TABLE secret_key_use (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL,
    keyed_at TEXT NOT NULL
);
-- The old table kept every answer's access code in clear, forever: its recent rows are sealed into the new
-- table at start, then it is dropped.
ALTER TABLE idempotency RENAME TO idempotency_unkeyed;
CREATE TABLE idempotency (
    key_hash TEXT PRIMARY KEY,
    body_sha256 TEXT NOT NULL,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    sealed_access_code BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX idempotency_created ON idempotency(created_at);
