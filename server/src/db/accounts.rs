//! Staff accounts, the agencies an officer acts for, and sign-in sessions (kept only as a keyed hash of the
//! token, so a copy of the database signs nobody in).

use aduan_core::{NamedRef, Role, StaffAccount};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::timestamp;
use crate::crypto::Secrets;
use crate::staff::Staff;

/// The account the operator token acts as: an administrator that cannot sign in with a password.
pub const SERVICE_ACCOUNT: &str = "operator";
/// How long a session lasts from sign-in: a working day, then the console asks again.
pub const SESSION_HOURS: i64 = 8;
/// Ended sessions are kept this long before the sweep deletes them, so that a console still holding a stale
/// token is told to sign in again rather than counted as guessing tokens.
pub const ENDED_KEPT_HOURS: i64 = 24;

/// An account as stored, with its agencies.
#[derive(Clone, Debug)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The argon2 PHC string; `None` for the service account.
    pub password_hash: Option<String>,
    pub disabled: bool,
    pub agencies: Vec<NamedRef>,
}

impl Account {
    /// What the API shows of the account: never the hash.
    pub fn view(&self) -> StaffAccount {
        StaffAccount {
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            agencies: self.agencies.clone(),
            disabled: self.disabled,
        }
    }

    pub fn staff(&self) -> Staff {
        Staff {
            account_id: self.id,
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            agencies: self.agencies.iter().map(|a| a.id.clone()).collect(),
        }
    }
}

/// A new account; the password is already hashed.
pub struct NewAccountRow<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub agency_ids: &'a [String],
    pub password_hash: Option<&'a str>,
}

pub fn create(conn: &Connection, account: &NewAccountRow<'_>, now: DateTime<Utc>) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO accounts (username, display_name, role, password_hash, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![
        account.username,
        account.display_name,
        account.role.as_str(),
        account.password_hash,
        timestamp(now)
    ])?;
    let id = conn.last_insert_rowid();
    set_agencies(conn, id, account.agency_ids)?;
    Ok(id)
}

/// Replaces the agencies an account acts for.
pub fn set_agencies(conn: &Connection, account_id: i64, agency_ids: &[String]) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM account_agencies WHERE account_id = ?1")?
        .execute([account_id])?;
    let mut insert =
        conn.prepare_cached("INSERT OR IGNORE INTO account_agencies (account_id, agency_id) VALUES (?1, ?2)")?;
    for agency in agency_ids {
        insert.execute(params![account_id, agency])?;
    }
    Ok(())
}

/// What an administrator may change of an account; `None` leaves a field as it is.
#[derive(Default)]
pub struct AccountUpdate<'a> {
    pub display_name: Option<&'a str>,
    pub role: Option<Role>,
    pub agency_ids: Option<&'a [String]>,
    pub disabled: Option<bool>,
    pub password_hash: Option<&'a str>,
}

pub fn update(
    conn: &Connection,
    account_id: i64,
    change: &AccountUpdate<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE accounts SET display_name = COALESCE(?2, display_name), role = COALESCE(?3, role),
             disabled = COALESCE(?4, disabled), password_hash = COALESCE(?5, password_hash), updated_at = ?6
         WHERE id = ?1",
    )?
    .execute(params![
        account_id,
        change.display_name,
        change.role.map(Role::as_str),
        change.disabled,
        change.password_hash,
        timestamp(now)
    ])?;
    if let Some(ids) = change.agency_ids {
        set_agencies(conn, account_id, ids)?;
    }
    Ok(())
}

fn agencies_of(conn: &Connection, account_id: i64) -> rusqlite::Result<Vec<NamedRef>> {
    conn.prepare_cached(
        "SELECT g.id, g.name FROM account_agencies a JOIN agencies g ON g.id = a.agency_id
         WHERE a.account_id = ?1 ORDER BY g.name",
    )?
    .query_map([account_id], |r| {
        Ok(NamedRef {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?
    .collect()
}

const COLUMNS: &str = "id, username, display_name, role, password_hash, disabled";

fn account_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    let role: String = r.get(3)?;
    Ok(Account {
        id: r.get(0)?,
        username: r.get(1)?,
        display_name: r.get(2)?,
        // The table's CHECK allows only the three roles.
        role: Role::parse(&role).unwrap_or(Role::Supervisor),
        password_hash: r.get(4)?,
        disabled: r.get(5)?,
        agencies: vec![],
    })
}

/// The account named `username` (in any case), with its agencies.
pub fn find(conn: &Connection, username: &str) -> rusqlite::Result<Option<Account>> {
    let found = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM accounts WHERE username = ?1"))?
        .query_row([username], account_row)
        .optional()?;
    found
        .map(|mut account| {
            account.agencies = agencies_of(conn, account.id)?;
            Ok(account)
        })
        .transpose()
}

/// Every account, the service account included, by username.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Account>> {
    let mut accounts: Vec<Account> = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM accounts ORDER BY username"))?
        .query_map([], account_row)?
        .collect::<rusqlite::Result<_>>()?;
    for account in &mut accounts {
        account.agencies = agencies_of(conn, account.id)?;
    }
    Ok(accounts)
}

/// Which of `ids` are not agencies of the portal.
pub fn unknown_agencies(conn: &Connection, ids: &[String]) -> rusqlite::Result<Vec<String>> {
    let mut exists = conn.prepare_cached("SELECT EXISTS(SELECT 1 FROM agencies WHERE id = ?1)")?;
    let mut unknown = vec![];
    for id in ids {
        if !exists.query_row([id], |r| r.get::<_, bool>(0))? {
            unknown.push(id.clone());
        }
    }
    Ok(unknown)
}

/// The service account's id, creating it on first start.
pub fn ensure_service_account(conn: &Connection, now: DateTime<Utc>) -> rusqlite::Result<i64> {
    if let Some(account) = find(conn, SERVICE_ACCOUNT)? {
        return Ok(account.id);
    }
    let row = NewAccountRow {
        username: SERVICE_ACCOUNT,
        display_name: "Operator token",
        role: Role::Admin,
        agency_ids: &[],
        password_hash: None,
    };
    create(conn, &row, now)
}

/// Starts a session for the account: the token to give once, and when it expires.
pub fn create_session(
    conn: &Connection,
    secrets: &Secrets,
    account_id: i64,
    token: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<DateTime<Utc>> {
    // To the second, as stored: the expiry given at sign-in is the one every later answer gives.
    let expires = (now + Duration::hours(SESSION_HOURS)).trunc_subsecs(0);
    conn.prepare_cached(
        "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        secrets.session_token_hash(token),
        account_id,
        timestamp(now),
        timestamp(expires)
    ])?;
    Ok(expires)
}

/// What a bearer token is.
#[derive(Debug)]
pub enum SessionLookup {
    /// A live session of an enabled account: who it is, and when the session ends.
    Valid(Staff, DateTime<Utc>),
    /// A session that expired, was revoked, or whose account is disabled.
    Ended,
    /// No session ever had this token (or it ended long ago).
    Unknown,
}

pub fn session(
    conn: &Connection,
    secrets: &Secrets,
    token: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<SessionLookup> {
    let found: Option<(String, String, bool)> = conn
        .prepare_cached(
            "SELECT a.username, s.expires_at, s.revoked_at IS NOT NULL OR a.disabled
             FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?1",
        )?
        .query_row([secrets.session_token_hash(token)], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((username, expires, ended)) = found else {
        return Ok(SessionLookup::Unknown);
    };
    // An unreadable expiry is treated as past: the session must not outlive what was meant.
    let expires = expires.parse::<DateTime<Utc>>().unwrap_or(now);
    if ended || expires <= now {
        return Ok(SessionLookup::Ended);
    }
    Ok(match find(conn, &username)? {
        Some(account) => SessionLookup::Valid(account.staff(), expires),
        None => SessionLookup::Unknown,
    })
}

/// Ends the session of `token`.
pub fn revoke_session(conn: &Connection, secrets: &Secrets, token: &str, now: DateTime<Utc>) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL")?
        .execute(params![secrets.session_token_hash(token), timestamp(now)])?;
    Ok(())
}

/// Ends every session of the account but the one whose token hash is `keep` (the caller's own, after a
/// password change).
pub fn revoke_all(
    conn: &Connection,
    account_id: i64,
    keep: Option<&str>,
    now: DateTime<Utc>,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "UPDATE sessions SET revoked_at = ?3 WHERE account_id = ?1 AND token_hash IS NOT ?2 AND revoked_at IS NULL",
    )?
    .execute(params![account_id, keep, timestamp(now)])
}

/// Deletes the sessions that ended (expired or revoked) more than [`ENDED_KEPT_HOURS`] before `now`.
pub fn forget_ended_sessions(conn: &Connection, now: DateTime<Utc>) -> rusqlite::Result<usize> {
    let before = timestamp(now - Duration::hours(ENDED_KEPT_HOURS));
    conn.prepare_cached("DELETE FROM sessions WHERE expires_at < ?1 OR revoked_at < ?1")?
        .execute([before])
}
