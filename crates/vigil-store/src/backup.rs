//! Online backups through SQLite's backup API (never a copy of the live file), each verified
//! (integrity check and audit chain) before it counts, with the chain head written beside it
//! (`<file>.head`); old generations pruned; restore from a verified backup.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use vigil_core::{BackupInfo, IntegrityStatus};

use crate::cipher::{self, DbKey};
use crate::integrity::{self, FileCheck};
use crate::{file_modes, StoreError};

mod leftovers;
mod occasion;
mod restoring;
pub mod safe_restore;

pub use leftovers::clean_leftovers;
pub use occasion::{back_up, Occasion, Taken};
pub use restoring::{restore, restore_noting};

const PREFIX: &str = "vigil-";
const SUFFIX: &str = ".sqlite3";
const TIME_FORMAT: &str = "%Y%m%dT%H%M%S%3fZ";
/// The side file that marks a backup that did not verify (it holds the reason).
const UNVERIFIED: &str = ".unverified";

/// Backs `conn` up into `folder` at `now`: written under a temporary name, verified, then given
/// its final name `vigil-<UTC time>.sqlite3`, with `<file>.head` holding "<seq> <hash>". A copy
/// that does not verify (the database itself is damaged or altered) is still kept: a record
/// that cannot be trusted in full is better than none. It gets `<file>.unverified` holding the
/// reason (and a `.head` when its chain could be read). The copy is a single file (rollback
/// journal), so neither making nor reading it leaves `-wal` / `-shm` files behind.
///
/// Errors: the folder cannot be created or written, or SQLite cannot copy the database (the
/// temporary files are removed and nothing counts as backed up).
pub fn make(
    conn: &Connection,
    key: &DbKey,
    folder: &Path,
    now: DateTime<Utc>,
) -> Result<BackupInfo, StoreError> {
    file_modes::private_dir(folder).map_err(|e| StoreError::Io(folder.to_owned(), e))?;
    let stamp = now.format(TIME_FORMAT).to_string();
    let name = (1..)
        .map(|n| match n {
            1 => format!("{PREFIX}{stamp}{SUFFIX}"),
            n => format!("{PREFIX}{stamp}-{n}{SUFFIX}"),
        })
        .find(|name| !folder.join(name).exists())
        .unwrap_or_default();
    let target = folder.join(&name);
    let partial = folder.join(format!("{name}.partial"));
    let _ = std::fs::remove_file(&partial);
    let result = copy_and_verify(conn, key, &partial, now)
        .and_then(|checked| write_side_files(folder, &name, &checked))
        .and_then(|()| {
            std::fs::rename(&partial, &target).map_err(|e| StoreError::Io(target.clone(), e))
        });
    leftovers::remove_side_files(&partial);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    info(folder, &name)
}

/// What the verification of a fresh copy found.
struct Checked {
    /// The chain head, when the chain could be read.
    status: Option<IntegrityStatus>,
    /// Why the copy does not verify, if it does not.
    unverified: Option<String>,
}

/// Writes `<name>.head` (when the head is known) and `<name>.unverified` (when it did not
/// verify), before the copy takes its final name.
fn write_side_files(folder: &Path, name: &str, checked: &Checked) -> Result<(), StoreError> {
    if let Some(status) = &checked.status {
        let head = format!("{} {}\n", status.head_seq, status.head_hash);
        let head_path = folder.join(format!("{name}.head"));
        file_modes::write_private(&head_path, head.as_bytes())
            .map_err(|e| StoreError::Io(head_path.clone(), e))?;
    }
    let mark = folder.join(format!("{name}{UNVERIFIED}"));
    match &checked.unverified {
        Some(why) => file_modes::write_private(&mark, format!("{why}\n").as_bytes())
            .map_err(|e| StoreError::Io(mark.clone(), e)),
        None => match std::fs::remove_file(&mark) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::Io(mark, e)),
            _ => Ok(()),
        },
    }
}

fn copy_and_verify(
    conn: &Connection,
    key: &DbKey,
    partial: &Path,
    now: DateTime<Utc>,
) -> Result<Checked, StoreError> {
    // Created 0600 first: SQLite writes into it and gives its side files the same mode.
    file_modes::private_file(partial).map_err(|e| StoreError::Io(partial.to_owned(), e))?;
    // The copy is encrypted with the same key (SQLCipher copies pages between two databases
    // keyed alike).
    let mut copy = cipher::open_keyed(partial, key)?;
    rusqlite::backup::Backup::new(conn, &mut copy)?.run_to_completion(
        64,
        std::time::Duration::ZERO,
        None,
    )?;
    // The copy carries the live database's WAL flag: make it a plain single file.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    drop(copy);
    Ok(match verify_file(partial, key, now) {
        Ok(status) if status.ok => Checked { status: Some(status), unverified: None },
        Ok(status) => {
            let why = status.problem.clone().unwrap_or_else(|| "does not verify".into());
            Checked { status: Some(status), unverified: Some(why) }
        }
        Err(e) => Checked { status: None, unverified: Some(format!("cannot be read: {e}")) },
    })
}

/// Verifies a database file (integrity check and chain) without changing it.
/// A plain file (a backup made before the records were encrypted) is checked as it is.
///
/// Errors: `WrongKey` when `key` does not open it (another database's backup, or damaged).
pub fn verify_file(
    path: &Path,
    key: &DbKey,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
    let copy = match cipher::file_kind(path)? {
        // A backup made before the records were encrypted: checked as it is.
        cipher::FileKind::Plain => Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?,
        _ => cipher::open_keyed_read_only(path, key)?,
    };
    integrity::verify(&copy, FileCheck::Full, now)
}

/// The backups in `folder`, newest first. A folder that does not exist has none.
pub fn list(folder: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::Io(folder.to_owned(), e)),
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        .collect();
    // Newest first: by time stamp, then by the "-N" suffix of a same-millisecond backup.
    names.sort_unstable_by_key(|n| {
        std::cmp::Reverse((n.get(..25).map(str::to_owned), n.len(), n.clone()))
    });
    names.iter().filter_map(|n| info(folder, n).ok()).map(Ok).collect()
}

/// Deletes all but the newest `keep` backups (and their side files); returns how many went.
/// The newest verified backup is always kept, even past `keep`, so a run of unverified backups
/// (of a database altered since) never pushes the last good copy out.
pub fn prune(folder: &Path, keep: usize) -> Result<usize, StoreError> {
    let all = list(folder)?;
    let last_good = all.iter().find(|b| b.unverified.is_none()).map(|b| b.file.clone());
    let old: Vec<BackupInfo> =
        all.into_iter().skip(keep).filter(|b| Some(&b.file) != last_good.as_ref()).collect();
    let mut removed = 0;
    for backup in &old {
        removed += usize::from(remove(folder, &backup.file)?);
    }
    Ok(removed)
}

/// Removes the backup `name` in `folder` and its side files; `false` when it was already gone
/// (the app's schedule and `vigil backup` may prune the same folder at once).
fn remove(folder: &Path, name: &str) -> Result<bool, StoreError> {
    let path = folder.join(name);
    let removed = match std::fs::remove_file(&path) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(StoreError::Io(path, e)),
    };
    for side in [".head", UNVERIFIED] {
        let _ = std::fs::remove_file(folder.join(format!("{name}{side}")));
    }
    Ok(removed)
}

fn info(folder: &Path, name: &str) -> Result<BackupInfo, StoreError> {
    let path = folder.join(name);
    // "20261127T031500123Z", possibly followed by "-2" when two backups share a millisecond.
    let stamp = name.strip_prefix(PREFIX).and_then(|n| n.get(..19)).unwrap_or_default();
    let created_at = chrono::NaiveDateTime::parse_from_str(stamp, TIME_FORMAT)
        .map(|t| t.and_utc())
        .map_err(|_| StoreError::Io(path.clone(), std::io::ErrorKind::InvalidData.into()))?;
    let bytes = std::fs::metadata(&path).map_err(|e| StoreError::Io(path.clone(), e))?.len();
    let head_hash = std::fs::read_to_string(folder.join(format!("{name}.head")))
        .ok()
        .and_then(|h| h.split_whitespace().nth(1).map(str::to_owned));
    let unverified = std::fs::read_to_string(folder.join(format!("{name}{UNVERIFIED}")))
        .ok()
        .map(|why| why.trim().to_owned());
    Ok(BackupInfo { file: name.to_owned(), created_at, bytes: bytes as i64, head_hash, unverified })
}

/// The path of a backup named `file` in `folder`.
pub fn path_of(folder: &Path, file: &str) -> PathBuf {
    folder.join(file)
}

#[cfg(test)]
mod prune_tests;
