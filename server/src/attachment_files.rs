//! The bytes of uploads on disk: one file per content, named by its SHA-256, in `<data>/attachments/`.
//!
//! A file reaches its name only complete and on disk (written to a temporary file, synced, renamed, directory
//! synced), and a file already under the name is trusted only after its size and hash are checked: a crash of an
//! older version could leave an empty or partial file there, and the next upload of that content repairs it.
//!
//! Rows come first: an upload records its row before it stores the file, and [`remove_unused`] deletes a file
//! only when no row names its hash. Both hold [`FILES`], so a file is never removed between an upload's
//! check that it exists and the answer that the upload is stored.

use std::fs::File;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use tokio::sync::Mutex;

use crate::crypto::{secure_random, sha256_hex};

/// Serialises storing and removing files (uploads are few; their fsyncs need no parallelism). Its guard moves into
/// the blocking work, so an upload whose request is dropped midway still holds it until its file is written.
static FILES: LazyLock<Arc<Mutex<()>>> = LazyLock::new(Arc::default);

/// The directory of the attachment files under the data directory.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("attachments")
}

/// Stores `bytes` under `hash` (their SHA-256) unless an intact copy is already there.
pub async fn store(dir: PathBuf, hash: String, bytes: Vec<u8>) -> std::io::Result<()> {
    let files = FILES.clone().lock_owned().await;
    tokio::task::spawn_blocking(move || {
        let stored = store_blocking(&dir, &hash, &bytes);
        drop(files);
        stored
    })
    .await
    .map_err(std::io::Error::other)?
}

fn store_blocking(dir: &Path, hash: &str, bytes: &[u8]) -> std::io::Result<()> {
    let path = dir.join(hash);
    match std::fs::read(&path) {
        Ok(found) if found.len() == bytes.len() && sha256_hex(&found) == hash => {
            // Intact, but maybe written by a version that did not sync it: make sure it is on disk.
            return File::open(&path)?.sync_all();
        }
        Ok(found) => tracing::warn!(hash, size = found.len(), "a damaged attachment file is rewritten"),
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!("{hash}.{:x}.tmp", secure_random()));
    let written = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, &path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    crate::files::sync_dir(dir)
}

/// Deletes the files of `hashes` that `in_use` says no row names any more, and temporary files that a crash
/// left behind. Returns how many content files were deleted.
pub async fn remove_unused<F, Fut>(dir: PathBuf, hashes: Vec<String>, in_use: F) -> std::io::Result<usize>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = std::io::Result<bool>>,
{
    let files = FILES.clone().lock_owned().await;
    let mut unused = Vec::new();
    for hash in hashes {
        // Asked again under the lock: an upload of the same content may have recorded its row since.
        if !in_use(hash.clone()).await? {
            unused.push(hash);
        }
    }
    tokio::task::spawn_blocking(move || {
        let removed = remove_blocking(&dir, &unused);
        drop(files);
        removed
    })
    .await
    .map_err(std::io::Error::other)?
}

fn remove_blocking(dir: &Path, unused: &[String]) -> std::io::Result<usize> {
    let mut removed = 0;
    for hash in unused {
        match std::fs::remove_file(dir.join(hash)) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    // Under the lock no upload is being written, so every temporary file is a crashed upload's.
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            for entry in entries {
                let path = entry?.path();
                if path.extension().is_some_and(|e| e == "tmp") {
                    std::fs::remove_file(&path)?;
                }
            }
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    Ok(removed)
}
