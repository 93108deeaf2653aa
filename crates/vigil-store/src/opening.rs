//! The file side of opening the database: the writer lock beside it, owner-only modes on the
//! file and its side files, the reliability pragmas and the quick check.

use rusqlite::Connection;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::{file_modes, StoreError};

/// The lock file beside the database (`vigil.sqlite3.lock`).
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    db.with_file_name(name)
}

/// Creates the database file 0600 when it does not exist yet (SQLite then makes its `-wal`
/// and `-shm` 0600 too) and brings an existing file, its side files and the lock to 0600.
pub(crate) fn make_private(db: &Path) -> Result<(), StoreError> {
    file_modes::ensure_private_file(db).map_err(|e| StoreError::Io(db.to_owned(), e))?;
    let side = |suffix: &str| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    for path in [side("-wal"), side("-shm"), lock_path(db)] {
        file_modes::restrict(&path, file_modes::FILE_MODE)
            .map_err(|e| StoreError::Io(path.clone(), e))?;
    }
    Ok(())
}

/// The single-writer lock of one database: an exclusive advisory lock (flock) on the lock file
/// beside it, holding this process's id. Taken before anything is read or written for the
/// records (at start-up before any key is read, made or kept) and held until the [`crate::Store`]
/// opened with it is dropped. Clones share the one lock: it is released when the last one is
/// dropped (never unlocked explicitly).
#[derive(Debug, Clone)]
pub struct WriterLock {
    _file: Arc<File>,
    path: PathBuf,
}

impl WriterLock {
    /// Takes the writer lock of the database at `db`, making its folder (owner-only) and the
    /// lock file when needed: the lock file holds only the process id, no record.
    ///
    /// Errors: `InUse` (with the holder's process id when it wrote one) when another process,
    /// or another lock taken in this one, holds it; `Io` when the folder or file cannot be made.
    pub fn take(db: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
            file_modes::private_dir(dir).map_err(|e| StoreError::Io(dir.to_owned(), e))?;
        }
        let file = take_writer_lock(db)?;
        Ok(Self { _file: Arc::new(file), path: lock_path(db) })
    }

    /// Whether this is the lock of the database at `db`.
    pub fn is_for(&self, db: &Path) -> bool {
        self.path == lock_path(db)
    }
}

/// Takes the exclusive advisory lock (flock) that makes this process the database's one
/// writer, and writes our pid into the file for the message another process shows.
fn take_writer_lock(db: &Path) -> Result<File, StoreError> {
    use std::os::unix::fs::OpenOptionsExt;
    let path = lock_path(db);
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(file_modes::FILE_MODE)
        .open(&path)
        .map_err(|e| StoreError::Io(path.clone(), e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let holder = std::fs::read_to_string(&path).ok().and_then(|s| s.trim().parse().ok());
            return Err(StoreError::InUse { holder });
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::Io(path, e)),
    }
    file.set_len(0).map_err(|e| StoreError::Io(path.clone(), e))?;
    write!(file, "{}", std::process::id()).map_err(|e| StoreError::Io(path.clone(), e))?;
    Ok(file)
}

/// `PRAGMA quick_check`: refuses a damaged file before anything is written to it.
pub(crate) fn quick_check(conn: &Connection) -> Result<(), StoreError> {
    let result: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if result != "ok" {
        return Err(StoreError::Damaged(result));
    }
    Ok(())
}

/// The time stamped on seeded protocol defaults: the Unix epoch, since they were not made by
/// anyone at any clinical moment (and the store reads no clock).
pub(crate) fn created_at_for_seed() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::UNIX_EPOCH
}

/// The pragmas every connection runs with (reliability.md): WAL, full fsync on commit,
/// enforced foreign keys, no trusted schema, and a busy timeout instead of instant failure.
pub(crate) fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Pragma("journal_mode", mode));
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA trusted_schema = OFF;",
    )?;
    Ok(())
}
