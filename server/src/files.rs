//! Files the server writes outside the database, so that they are private and survive a crash.

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Writes a file only the server's user can read (mode 0600 at creation: no moment where it is readable by
/// others). `new` refuses to replace an existing file; otherwise an existing file keeps its own mode. The file
/// and its directory entry are synced: a key lost in a crash after the database used it would lock every
/// confidential report.
pub fn write_private(path: &Path, bytes: &[u8], new: bool) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let mut options = std::fs::OpenOptions::new();
    options.write(true).mode(0o600);
    if new {
        options.create_new(true);
    } else {
        options.create(true).truncate(true);
    }
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    if let Some(dir) = path.parent() {
        sync_dir(dir).map_err(fail)?;
    }
    Ok(())
}

/// Creates an empty file with mode 0600 if there is none, so that a program that opens it afterwards (SQLite,
/// which gives its -wal and -shm files the database's mode) keeps it private. An existing file is left as is.
pub fn create_private_if_missing(path: &Path) -> Result<(), String> {
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(format!("cannot create {}: {e}", path.display())),
    }
}

/// Makes the entries of `dir` durable: a file created or renamed there is on disk only once its directory is
/// synced.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}
