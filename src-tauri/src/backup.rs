//! The one way the app verifies, backs up and restores its database, for all its callers:
//! Settings' commands (`commands::records`), the scheduled and exit backups
//! (`backup_schedule`), the headless commands (`cli`) and the recovery screen at start-up
//! (`startup::ways_out`). A backup into the clinic's backup folder prunes it down to the
//! clinic's number of backups (the newest verified one always stays); a backup into a folder of
//! the administrator's own (`vigil backup FOLDER`) prunes nothing, nor does the copy taken
//! before a restore. A pruning that fails after a good backup is a warning, never a failed
//! backup. Permission checks stay with the callers: this takes a store (or a database path), an
//! account id and a time, never a signed-in nurse.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use vigil_core::{BackupInfo, IntegrityStatus, VigilError};
use vigil_store::backup::safe_restore::{self, Recovered, Restored};
use vigil_store::backup::{self, Occasion, Taken};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{cipher, settings, DbKey, Store, StoreError, WriterLock};

use crate::state::AppState;

/// Verifies the database at `db` (`depth`: the file check) and its audit chain, then the chain
/// against the newest backup's head in the clinic's backup folder. Reads through a read-only
/// connection of its own, so a long check never holds the connection the app writes through.
pub fn verify(
    db: &Path,
    key: &DbKey,
    depth: FileCheck,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
    let reader = Store::open_read_only(db, key)?;
    let default = reader.default_backup_folder();
    reader.with_conn(|c| {
        let folder = PathBuf::from(settings::backup(c, &default)?.folder);
        integrity::verify_with_backups(c, depth, now, &folder)
    })
}

/// A routine backup of the app's database into the clinic's folder, pruned after: Settings'
/// "Back up now" (`by`: the administrator), the schedule and the exit (`None`: the app itself).
/// A database that does not verify is still backed up, marked unverified.
pub fn routine(state: &AppState, by: Option<i64>) -> Result<BackupInfo, VigilError> {
    let now = state.clock.now();
    Ok(back_up(&state.store, None, Occasion::Routine, by, now)?.backup)
}

/// `vigil backup [FOLDER]`: backs the database at `db` up into `folder` (default: the clinic's
/// folder), as its writer (then recorded in the audit trail), or read-only alongside the app
/// that holds it (the app is the only writer).
pub fn headless(
    db: &Path,
    key: &DbKey,
    folder: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<Taken, StoreError> {
    let store = match Store::open_at(db, key, now) {
        Err(StoreError::InUse { .. }) => Store::open_read_only(db, key)?,
        opened => opened?,
    };
    back_up(&store, folder, Occasion::Headless, None, now)
}

/// Backs the database of `store` up into `folder` (default: the clinic's backup folder), for
/// `occasion`, on behalf of account `by` (`None`: the app itself or a terminal); logs it, and
/// a failed pruning as a warning.
pub fn back_up(
    store: &Store,
    folder: Option<&Path>,
    occasion: Occasion,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Taken, StoreError> {
    let taken = backup::back_up(store, folder, occasion, by, now)?;
    let marked = if taken.backup.unverified.is_some() { ", unverified" } else { "" };
    tracing::info!("backup {} made{marked} ({} old ones pruned)", taken.backup.file, taken.pruned);
    if let Some(why) = &taken.prune_failed {
        tracing::warn!("old backups could not be pruned: {why}");
    }
    Ok(taken)
}

/// Whether a scheduled backup is due at `now`: none in the clinic's folder yet, or the newest
/// is at least the backup interval old.
pub fn is_due(store: &Store, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let default = store.default_backup_folder();
    let chosen = store.with_conn(|c| settings::backup(c, &default))?;
    let newest = backup::list(Path::new(&chosen.folder))?.first().map(|b| b.created_at);
    let interval = chrono::Duration::minutes(chosen.interval_minutes.into());
    Ok(newest.is_none_or(|at| now - at >= interval))
}

/// Replaces the database of `store` with the verified backup at `file`, by account `by`
/// (`None`: a terminal), after copying the current one into the backup folder (kept even when
/// it does not verify; nothing is pruned meanwhile).
pub fn restore(
    store: &Store,
    file: &Path,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Restored, StoreError> {
    let restored = safe_restore::restore_with_safety_copy(store, file, by, now)?;
    let who = by.map_or_else(|| "a terminal".to_owned(), |id| format!("account {id}"));
    tracing::warn!(
        "database restored from a backup by {who}; the replaced one saved as {}",
        restored.safety.file
    );
    Ok(restored)
}

/// Restores the backup at `file` over a database at `db` too damaged to open, which is moved
/// aside first (named with the time); `lock` is `db`'s writer lock, taken by the caller.
pub fn restore_over_damaged(
    lock: WriterLock,
    db: &Path,
    key: &DbKey,
    file: &Path,
    now: DateTime<Utc>,
) -> Result<Recovered, StoreError> {
    let recovered = safe_restore::restore_over_damaged(lock, db, key, file, now)?;
    tracing::warn!(
        "damaged database moved aside as {}; restored from a backup",
        recovered.kept_as.display()
    );
    Ok(recovered)
}

/// What `vigil restore` did.
#[derive(Debug)]
pub enum RestoredFile {
    /// Over a database that opened: the current one copied first.
    OverCurrent(Restored),
    /// Over a database that could not be opened (`why`), moved aside first.
    OverDamaged { why: String, recovered: Recovered },
    /// Where there was no database: the backup is the database now.
    IntoNew(IntegrityStatus),
}

/// `vigil restore FILE`: restores `file` over the database at `db`: [`restore`] when it opens,
/// [`restore_over_damaged`] when it is too damaged to, [`restore_into_new`] when there is none.
///
/// Errors: `InUse` while the app holds the database (nothing changed), and the restore's own.
pub fn restore_file(
    db: &Path,
    key: &DbKey,
    file: &Path,
    now: DateTime<Utc>,
) -> Result<RestoredFile, StoreError> {
    if cipher::file_kind(db)? == cipher::FileKind::Missing {
        return restore_into_new(db, key, file, now).map(RestoredFile::IntoNew);
    }
    // Held from here to the end: nobody opens the file between finding it damaged and the move.
    let lock = WriterLock::take(db)?;
    match Store::open_at_locked(lock.clone(), db, key, now) {
        Ok(store) => restore(&store, file, None, now).map(RestoredFile::OverCurrent),
        Err(e) if safe_restore::is_damage(&e) => {
            let recovered = restore_over_damaged(lock, db, key, file, now)?;
            Ok(RestoredFile::OverDamaged { why: e.to_string(), recovered })
        }
        Err(e) => Err(e),
    }
}

/// Restores the backup at `file` as the database at `db`, where there is none (a new
/// workstation, or a database moved away): a new file encrypted with `key` that the verified
/// backup replaces, recorded with no account. When that fails, the new file and its side files
/// are removed, so the next start finds no half-made records.
///
/// Errors: `validation` on `file` when the backup does not verify; the restore's own.
pub fn restore_into_new(
    db: &Path,
    key: &DbKey,
    file: &Path,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
    let note = "into a data directory that had no database";
    let restored = Store::open_at(db, key, now).and_then(|store| {
        store.with_conn_mut(|c| backup::restore_noting(c, key, file, None, Some(note), now))
    });
    match &restored {
        // Another Vigil made the database meanwhile and holds it: it is not ours to remove.
        Err(StoreError::InUse { .. }) => {}
        Err(_) => remove_new_database(db),
        Ok(_) => tracing::warn!("database restored from a backup {note}"),
    }
    restored
}

/// Removes the database file this process made at `db`, its side files and its lock.
fn remove_new_database(db: &Path) {
    let side = |suffix: &str| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    for path in [db.to_owned(), side("-wal"), side("-shm"), vigil_store::lock_path(db)] {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests;
