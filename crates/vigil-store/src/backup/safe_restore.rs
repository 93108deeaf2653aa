//! Restoring with the truth told. The chosen backup is verified first (a refusal changes
//! nothing); then the current database is copied into the backup folder, kept even when it does
//! not verify (an altered database is exactly when a restore is needed) and with nothing pruned
//! meanwhile; then the backup replaces it. Every error says what had already happened.
//!
//! A database that cannot be opened at all is moved aside instead, named with the time
//! ([`crate::damaged::move_aside`]), and the backup is restored into a fresh file.
//!
//! A backup that does not verify is never restored: it would make a record that cannot be
//! trusted the current one, and its own break would fail every later verification. The file
//! stays in the folder for whoever examines it.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use vigil_core::{BackupInfo, ErrorCode, IntegrityStatus, VigilError};

use super::occasion::{back_up, Occasion};
use crate::cipher::DbKey;
use crate::{damaged, Store, StoreError, WriterLock};

/// A restore done over a working database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The restored database's verification.
    pub status: IntegrityStatus,
    /// The copy of the database as it was before (marked unverified when it did not verify).
    pub safety: BackupInfo,
}

/// A restore done over a database that could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// The restored database's verification.
    pub status: IntegrityStatus,
    /// Where the damaged database file went (its `-wal` and `-shm` beside it).
    pub kept_as: PathBuf,
}

/// Replaces the database of `store` with the backup at `file`, by account `by` (`None`: a
/// terminal), after copying the current database into the clinic's backup folder.
///
/// Errors: `validation` on `file` when the backup does not verify, an error when it cannot be
/// read or the current database cannot be copied (nothing changed in these cases); after the
/// copy, the restore's own errors, each naming the copy.
pub fn restore_with_safety_copy(
    store: &Store,
    file: &Path,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Restored, StoreError> {
    check_restorable(file, &store.key(), now)?;
    let safety = back_up(store, None, Occasion::BeforeRestore, by, now)
        .map_err(|e| {
            storage(format!(
                "The current database could not be copied first, so nothing was restored: {}",
                VigilError::from(e).message
            ))
        })?
        .backup;
    let mut note = format!("the replaced database saved as {}", safety.file);
    if safety.unverified.is_some() {
        note.push_str(" (unverified)");
    }
    let status = store
        .with_conn_mut(|c| super::restore_noting(c, &store.key(), file, by, Some(&note), now))
        .map_err(|e| naming_the_copy(e, &safety))?;
    Ok(Restored { status, safety })
}

/// Moves the database at `db`, which cannot be opened, aside (named with `now`) and restores
/// the backup at `file` into a fresh database there; for `vigil restore` and the start-up
/// recovery window. The restore is recorded with no account (nobody could sign in). `lock` is
/// the writer lock of `db`, taken by the caller before it found the file damaged (held through
/// the move and the restore; the store opened on the restored file keeps a share of it).
///
/// Errors: `validation` on `file` when the backup does not verify, an error when it cannot be
/// read (nothing was moved in these cases); the move's errors; after the move, errors that say
/// where the damaged file went.
pub fn restore_over_damaged(
    lock: WriterLock,
    db: &Path,
    key: &DbKey,
    file: &Path,
    now: DateTime<Utc>,
) -> Result<Recovered, StoreError> {
    check_restorable(file, key, now)?;
    let kept_as = damaged::move_aside(db, now)?;
    let kept_name = kept_as.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let note = format!("the damaged database moved aside as {kept_name}");
    let status = Store::open_at_locked(lock, db, key, now)
        .and_then(|store| {
            store.with_conn_mut(|c| super::restore_noting(c, key, file, None, Some(&note), now))
        })
        .map_err(|e| {
            let why = VigilError::from(e).message;
            // Never leave a new, empty or half-restored file where the next start would open it
            // as the records: the damaged file goes back, and the ways out are offered again.
            match damaged::put_back(&kept_as, db) {
                Ok(()) => storage(format!(
                    "{why} (The restore did not finish; the damaged database is back in its place.)"
                )),
                Err(back) => storage(format!(
                    "{why} (The restore did not finish, and the damaged database, moved aside as \
                     {kept_name}, could not be put back: {back}.)"
                )),
            }
        })?;
    Ok(Recovered { status, kept_as })
}

/// Whether an error opening a database means the file itself is damaged (not a lock held by
/// another Vigil, a newer schema or a folder that cannot be written), so moving it aside and
/// restoring is the way out.
pub fn is_damage(e: &StoreError) -> bool {
    use rusqlite::ErrorCode as Code;
    match e {
        StoreError::Damaged(_) => true,
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => {
            matches!(f.code, Code::DatabaseCorrupt | Code::NotADatabase)
        }
        _ => false,
    }
}

/// Refuses a backup that does not verify or cannot be read, before anything is touched.
fn check_restorable(file: &Path, key: &DbKey, now: DateTime<Utc>) -> Result<(), StoreError> {
    let status = super::verify_file(file, key, now).map_err(|e| {
        VigilError::validation(
            "file",
            format!("That backup cannot be read ({e}). Nothing was changed."),
        )
    })?;
    if !status.ok {
        return Err(VigilError::validation(
            "file",
            format!(
                "That backup does not verify and was not restored: {}. Nothing was changed.",
                status.problem.unwrap_or_default()
            ),
        )
        .into());
    }
    Ok(())
}

/// The error of a restore that failed after the copy of the current database was made.
fn naming_the_copy(e: StoreError, safety: &BackupInfo) -> StoreError {
    let mut error = VigilError::from(e);
    error.message = format!(
        "{} (The database as it was before the restore is saved as {}.)",
        error.message, safety.file
    );
    error.into()
}

fn storage(message: String) -> StoreError {
    VigilError::new(ErrorCode::Storage, message).into()
}
