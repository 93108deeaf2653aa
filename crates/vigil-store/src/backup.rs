//! Online backups through SQLite's backup API (never a copy of the live file), each verified
//! (integrity check and audit chain) before it counts, with the chain head written beside it
//! (`<file>.head`); old generations pruned; restore from a verified backup.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use std::path::{Path, PathBuf};
use vigil_core::{BackupInfo, ErrorCode, IntegrityStatus, VigilError};

use crate::audit::{self, Action, Entry};
use crate::integrity::{self, FileCheck};
use crate::{migrations, StoreError};

const PREFIX: &str = "vigil-";
const SUFFIX: &str = ".sqlite3";
const TIME_FORMAT: &str = "%Y%m%dT%H%M%S%3fZ";

/// Backs `conn` up into `folder` at `now`: written under a temporary name, verified, then given
/// its final name `vigil-<UTC time>.sqlite3`, with `<file>.head` holding "<seq> <hash>".
///
/// Errors: the folder cannot be created or written; the copy fails its verification (the
/// temporary file is removed and nothing counts as backed up).
pub fn make(
    conn: &Connection,
    folder: &Path,
    now: DateTime<Utc>,
) -> Result<BackupInfo, StoreError> {
    std::fs::create_dir_all(folder).map_err(|e| StoreError::Io(folder.to_owned(), e))?;
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
    let result = copy_and_verify(conn, &partial, now);
    let status = match result {
        Ok(status) => status,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
    };
    let head = format!("{} {}\n", status.head_seq, status.head_hash);
    let head_path = folder.join(format!("{name}.head"));
    std::fs::write(&head_path, head).map_err(|e| StoreError::Io(head_path.clone(), e))?;
    std::fs::rename(&partial, &target).map_err(|e| StoreError::Io(target.clone(), e))?;
    info(folder, &name)
}

fn copy_and_verify(
    conn: &Connection,
    partial: &Path,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
    conn.backup(MAIN_DB, partial, None)?;
    let status = verify_file(partial, now)?;
    if !status.ok {
        return Err(VigilError::new(
            ErrorCode::Storage,
            format!("The backup did not verify: {}", status.problem.clone().unwrap_or_default()),
        )
        .into());
    }
    Ok(status)
}

/// Verifies a database file (integrity check and chain) without changing it.
pub fn verify_file(path: &Path, now: DateTime<Utc>) -> Result<IntegrityStatus, StoreError> {
    let copy = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
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

/// Deletes all but the newest `keep` backups (and their `.head` files); returns how many went.
pub fn prune(folder: &Path, keep: usize) -> Result<usize, StoreError> {
    let old: Vec<BackupInfo> = list(folder)?.into_iter().skip(keep).collect();
    for backup in &old {
        let path = folder.join(&backup.file);
        std::fs::remove_file(&path).map_err(|e| StoreError::Io(path.clone(), e))?;
        let _ = std::fs::remove_file(folder.join(format!("{}.head", backup.file)));
    }
    Ok(old.len())
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
    Ok(BackupInfo { file: name.to_owned(), created_at, bytes: bytes as i64, head_hash })
}

/// Replaces the database behind `conn` with the backup at `file`, after verifying the backup;
/// then migrates it to this binary's schema and records the restore (by `by`, `None` for the
/// headless command) as the newest audit entry. The caller backs the current database up first.
///
/// Errors: `validation` when the backup does not verify (nothing is changed).
pub fn restore(
    conn: &mut Connection,
    file: &Path,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
    let checked = verify_file(file, now)?;
    if !checked.ok {
        return Err(VigilError::validation(
            "file",
            format!(
                "That backup does not verify and was not restored: {}",
                checked.problem.unwrap_or_default()
            ),
        )
        .into());
    }
    conn.restore(MAIN_DB, file, None::<fn(rusqlite::backup::Progress)>)?;
    migrations::apply(conn)?;
    // The account that restored may not exist in the restored database: then the entry names
    // it in its detail instead (a foreign key to a missing account would refuse the entry).
    let known: bool = match by {
        Some(id) => {
            conn.query_row("SELECT EXISTS (SELECT 1 FROM nurses WHERE id = ?1)", [id], |r| {
                r.get(0)
            })?
        }
        None => false,
    };
    let mut detail = format!(
        "from {} (head {} {})",
        file.file_name().unwrap_or_default().to_string_lossy(),
        checked.head_seq,
        checked.head_hash
    );
    if let (Some(id), false) = (by, known) {
        detail.push_str(&format!(", by account #{id} of the replaced database"));
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    audit::append(&tx, now, &Entry::new(Action::Restore, by.filter(|_| known)).detail(&detail))?;
    tx.commit()?;
    integrity::verify(conn, FileCheck::Full, now)
}

/// The path of a backup named `file` in `folder`.
pub fn path_of(folder: &Path, file: &str) -> PathBuf {
    folder.join(file)
}
