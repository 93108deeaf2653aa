//! The file side of opening the database: the writer lock beside it, owner-only modes on the
//! file and its side files, the reliability pragmas and the quick check.

use rusqlite::Connection;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
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

/// Takes the exclusive advisory lock (flock) that makes this process the database's one
/// writer, and writes our pid into the file for the message another process shows.
pub(crate) fn take_writer_lock(db: &Path) -> Result<File, StoreError> {
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

/// Whether another process holds the writer lock of the database at `db` (and its process id
/// when it wrote one): asked before anything else at start, so a second copy leaves at once
/// without reading a key or writing a file. `None` when no lock file exists or it is free.
pub fn writer_lock_holder(db: &Path) -> Option<Option<u32>> {
    let path = lock_path(db);
    let file = std::fs::File::open(&path).ok()?;
    match file.try_lock() {
        Ok(()) => None,
        Err(std::fs::TryLockError::WouldBlock) => {
            Some(std::fs::read_to_string(&path).ok().and_then(|s| s.trim().parse().ok()))
        }
        Err(std::fs::TryLockError::Error(_)) => None,
    }
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
