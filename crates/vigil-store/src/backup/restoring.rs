//! Restoring a verified backup over the database behind a connection: the copy in (a plain
//! backup through an encrypted copy first), the migrations, the restore's audit entry.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use vigil_core::{ErrorCode, IntegrityStatus, VigilError};

use super::verify_file;
use crate::audit::{self, Action, Entry};
use crate::cipher::{self, DbKey};
use crate::integrity::{self, FileCheck};
use crate::{migrations, StoreError};

/// Replaces the database behind `conn` with the backup at `file`, after verifying the backup;
/// then migrates it to this binary's schema and records the restore (by `by`, `None` for the
/// headless command) as the newest audit entry. The caller backs the current database up first
/// ([`safe_restore::restore_with_safety_copy`] does both).
///
/// Errors: `validation` when the backup does not verify, another error when it cannot be read
/// or copied in (nothing is changed in either case); a `storage` error saying the database was
/// replaced when the restored database could not be migrated or its entry written.
pub fn restore(
    conn: &mut Connection,
    key: &DbKey,
    file: &Path,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
    restore_noting(conn, key, file, by, None, now)
}

/// [`restore`], adding `note` (e.g. where the replaced database was saved) to the entry.
pub fn restore_noting(
    conn: &mut Connection,
    key: &DbKey,
    file: &Path,
    by: Option<i64>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
    let checked = verify_file(file, key, now)?;
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
    copy_in(conn, key, file)?;
    let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
    finish_restore(conn, &name, &checked, by, note, now).map_err(|e| {
        VigilError::new(
            ErrorCode::Storage,
            format!("The database was replaced by the backup {name}, but the restore could not be finished: {e}"),
        )
        .into()
    })
}

/// After the copy: migrates, records the restore, verifies.
fn finish_restore(
    conn: &mut Connection,
    name: &str,
    checked: &IntegrityStatus,
    by: Option<i64>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
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
    let mut detail = format!("from {name} (head {} {})", checked.head_seq, checked.head_hash);
    if let (Some(id), false) = (by, known) {
        detail.push_str(&format!(", by account #{id} of the replaced database"));
    }
    if let Some(note) = note {
        detail.push_str(&format!(", {note}"));
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    audit::append(&tx, now, &Entry::new(Action::Restore, by.filter(|_| known)).detail(&detail))?;
    tx.commit()?;
    integrity::verify(conn, FileCheck::Full, now)
}

/// Copies the backup at `file` in through SQLite's backup API. A plain backup (made before
/// the records were encrypted) is first exported to an encrypted copy beside the database,
/// removed afterwards: SQLCipher copies pages only between databases keyed alike.
fn copy_in(conn: &mut Connection, key: &DbKey, file: &Path) -> Result<(), StoreError> {
    let converted = match cipher::file_kind(file)? {
        cipher::FileKind::Plain => {
            let beside = conn.path().map(PathBuf::from).unwrap_or_default();
            let mut name = beside.into_os_string();
            name.push(".restoring");
            let temp = PathBuf::from(name);
            let _ = std::fs::remove_file(&temp);
            cipher::export(file, cipher::Source::Plain, &temp, key)?;
            Some(temp)
        }
        _ => None,
    };
    let result = (|| {
        let source = cipher::open_keyed_read_only(converted.as_deref().unwrap_or(file), key)?;
        rusqlite::backup::Backup::new(&source, conn)?.run_to_completion(
            64,
            std::time::Duration::ZERO,
            None,
        )?;
        Ok(())
    })();
    if let Some(temp) = converted {
        let _ = std::fs::remove_file(temp);
    }
    result
}
