//! Staff accounts outside the HTTP routes: the rules a username meets, the demo accounts, and the first
//! administrator (`aduan-server create-admin`).

use std::path::Path;

use aduan_core::Role;
use chrono::Utc;

use crate::db::accounts::{self, NewAccountRow};
use crate::db::{audit, Db};
use crate::password;

pub const USERNAME_MIN: usize = 3;
pub const USERNAME_MAX: usize = 32;

/// Why `username` cannot name an account, as a validation rule code: 3–32 of `a-z 0-9 . _ -`.
pub fn username_problem(username: &str) -> Option<&'static str> {
    let chars = username.chars().count();
    if username.is_empty() {
        Some("required")
    } else if !username
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
    {
        Some("invalid")
    } else if chars < USERNAME_MIN {
        Some("too_short")
    } else if chars > USERNAME_MAX {
        Some("too_long")
    } else {
        None
    }
}

/// A demo account: username, password, role, agencies, display name.
type DemoAccount = (&'static str, &'static str, Role, &'static [&'static str], &'static str);

/// The `--demo` accounts: one per role, and an officer for each of two agencies. Their passwords are public.
pub const DEMO_ACCOUNTS: [DemoAccount; 4] = [
    ("admin", "demo-admin-2026", Role::Admin, &[], "Admin Demo"),
    ("pengawas", "demo-pengawas-2026", Role::Supervisor, &[], "Pengawas Demo"),
    (
        "petugas-pupr",
        "demo-petugas-2026",
        Role::Officer,
        &["dinas-pupr"],
        "Petugas PUPR Demo",
    ),
    (
        "petugas-dinkes",
        "demo-petugas-2026",
        Role::Officer,
        &["dinkes"],
        "Petugas Dinkes Demo",
    ),
];

/// Creates the demo accounts, and the demo response templates, when none of the accounts exists (an operator who removed or renamed one keeps it so).
/// Returns whether it created them.
pub fn ensure_demo_accounts(db: &Db) -> Result<bool, String> {
    let any = db
        .with_writer(|conn| {
            DEMO_ACCOUNTS
                .iter()
                .map(|(username, ..)| accounts::find(conn, username).map(|a| a.is_some()))
                .collect::<rusqlite::Result<Vec<bool>>>()
        })
        .map_err(|e| format!("cannot read the accounts: {e}"))?
        .into_iter()
        .any(|exists| exists);
    if any {
        return Ok(false);
    }
    let hashes = DEMO_ACCOUNTS
        .iter()
        .map(|(_, password, ..)| password::hash_blocking(password))
        .collect::<Result<Vec<_>, _>>()?;
    db.with_writer(|conn| {
        let tx = conn.transaction()?;
        for ((username, _, role, agencies, display_name), hash) in DEMO_ACCOUNTS.iter().zip(&hashes) {
            let agency_ids: Vec<String> = agencies.iter().map(ToString::to_string).collect();
            let row = NewAccountRow {
                username,
                display_name,
                role: *role,
                agency_ids: &agency_ids,
                password_hash: Some(hash),
            };
            accounts::create(&tx, &row, Utc::now())?;
        }
        if let Some(admin) = accounts::find(&tx, DEMO_ACCOUNTS[0].0)? {
            crate::seed::templates::seed(&tx, admin.id)?;
        }
        tx.commit()
    })
    .map_err(|e| format!("cannot create the demo accounts: {e}"))?;
    Ok(true)
}

/// Says in the log how to sign in to the console of a demo portal.
pub fn log_demo_accounts(addr: &std::net::SocketAddr) {
    tracing::info!("Staff console: http://{addr}/petugas — demo accounts (username / password):");
    for (username, password, role, agencies, _) in DEMO_ACCOUNTS {
        let role = role.as_str();
        let agencies = agencies.join(", ");
        tracing::info!(
            "  {username} / {password} ({role}{}{agencies})",
            if agencies.is_empty() { "" } else { ", " }
        );
    }
}

/// `aduan-server create-admin`: creates an administrator in the database of `data`, or with `reset` gives an
/// existing account a new password (and ends its sessions). Returns what was done, for the log.
pub fn create_admin(
    data: &Path,
    username: &str,
    display_name: &str,
    password: &str,
    reset: bool,
) -> Result<String, String> {
    let username = username.trim().to_lowercase();
    if let Some(problem) = username_problem(&username) {
        return Err(format!(
            "the username {username:?} is {problem}: use 3–32 of a-z, 0-9, '.', '_', '-'"
        ));
    }
    if username == accounts::SERVICE_ACCOUNT {
        return Err(format!("{username} is the operator token's service account"));
    }
    let display_name = display_name.trim();
    if display_name.is_empty() {
        return Err("the display name is required".into());
    }
    if let Some(problem) = password::weakness(password, &username) {
        let min = password::MIN_CHARS;
        return Err(format!(
            "the password is {problem}: at least {min} characters, and not the username"
        ));
    }
    std::fs::create_dir_all(data).map_err(|e| format!("cannot create data dir {}: {e}", data.display()))?;
    let db_path = data.join("aduan.sqlite3");
    crate::files::create_private_if_missing(&db_path)?;
    let db = Db::open(&db_path).map_err(|e| format!("cannot open database: {e}"))?;
    let hash = password::hash_blocking(password)?;
    db.with_writer(|conn| {
        let tx = conn.transaction()?;
        let now = Utc::now();
        let outcome = match accounts::find(&tx, &username)? {
            Some(_) if !reset => {
                return Ok(Err(format!(
                    "{username} exists already: add --reset-password to give it a new password"
                )))
            }
            Some(existing) => {
                let change = accounts::AccountUpdate {
                    password_hash: Some(&hash),
                    disabled: Some(false),
                    ..Default::default()
                };
                accounts::update(&tx, existing.id, &change, now)?;
                accounts::revoke_all(&tx, existing.id, None, now)?;
                let by = accounts::find(&tx, &username)?.map(|a| a.staff());
                record(&tx, by, "account_password_reset", &username, now)?;
                format!("{username}: new password set, its sessions ended")
            }
            None => {
                let row = NewAccountRow {
                    username: &username,
                    display_name,
                    role: Role::Admin,
                    agency_ids: &[],
                    password_hash: Some(&hash),
                };
                accounts::create(&tx, &row, now)?;
                let by = accounts::find(&tx, &username)?.map(|a| a.staff());
                record(&tx, by, "account_created", &username, now)?;
                format!("{username}: administrator created")
            }
        };
        tx.commit()?;
        Ok(Ok(outcome))
    })
    .map_err(|e| format!("cannot write the account: {e}"))?
}

/// The audit row of a command-line action, recorded against the account itself (no one is signed in).
fn record(
    conn: &rusqlite::Connection,
    by: Option<crate::staff::Staff>,
    action: &str,
    username: &str,
    at: chrono::DateTime<Utc>,
) -> rusqlite::Result<()> {
    let Some(by) = by else { return Ok(()) };
    let detail = serde_json::json!({ "account": username, "via": "create-admin" }).to_string();
    audit::record(
        conn,
        &by,
        &audit::AuditRecord {
            report_id: None,
            at,
            action,
            status: None,
            message: None,
            detail: Some(&detail),
        },
    )
}

/// Creates an account directly in the database, as `create-admin` does: for tests and start-up code.
pub async fn create_account(
    db: &Db,
    username: &str,
    display_name: &str,
    role: Role,
    agencies: &[&str],
    password: &str,
) -> Result<(), String> {
    let hash = password::hash(password.to_string()).await?;
    let (username, display_name) = (username.to_string(), display_name.to_string());
    let agency_ids: Vec<String> = agencies.iter().map(ToString::to_string).collect();
    db.write(move |conn| {
        let row = NewAccountRow {
            username: &username,
            display_name: &display_name,
            role,
            agency_ids: &agency_ids,
            password_hash: Some(&hash),
        };
        accounts::create(conn, &row, Utc::now())?;
        Ok(())
    })
    .await
    .map_err(|e| format!("{e:?}"))
}
