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
