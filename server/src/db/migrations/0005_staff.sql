-- Named staff accounts, their sessions, and the audit trail every staff action writes (issue #17).
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'supervisor')),
    -- An argon2 PHC string; NULL for an account that cannot sign in (the operator token's service account).
    password_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- The agencies an officer acts for.
CREATE TABLE account_agencies (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    agency_id TEXT NOT NULL REFERENCES agencies(id),
    PRIMARY KEY (account_id, agency_id)
);
CREATE INDEX account_agencies_agency ON account_agencies(agency_id);
-- Opaque bearer tokens, kept only as a keyed hash; revoked or expired ones are refused and swept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX sessions_account ON sessions(account_id);
-- Every staff action, against the named account and the role it had then. report_id is NULL for actions on
-- accounts (created, changed, disabled). Never read by a public endpoint.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    report_id INTEGER REFERENCES reports(id),
    at TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    status TEXT,
    message TEXT,
    -- What the action was about beyond the report: the account changed, the fields corrected (JSON).
    detail TEXT
);
CREATE INDEX audit_report ON audit(report_id, at);
-- Internal notes on a report: staff only.
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id),
    at TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    text TEXT NOT NULL
);
CREATE INDEX notes_report ON notes(report_id, at);
