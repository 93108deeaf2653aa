//! The one way the app verifies, backs up and restores its database, for all three callers:
//! Settings' commands (`commands::records`), the scheduled and exit backups (`backups`) and the
//! headless commands (`cli`). Every backup, the headless one included, prunes the folder it
//! went to down to the clinic's number of backups (the newest verified one always stays); the
//! copy taken before a restore prunes nothing. Permission checks stay with the callers: this
//! takes a store (or a database path) and a time, never a signed-in nurse.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use vigil_core::IntegrityStatus;
use vigil_store::backup::safe_restore::{self, Recovered, Restored};
use vigil_store::backup::{self, Occasion, Taken};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{settings, Store, StoreError};

/// Verifies the database at `db` (`depth`: the file check) and its audit chain, then the chain
/// against the newest backup's head in the clinic's backup folder. Reads through a read-only
/// connection of its own, so a long check never holds the connection the app writes through.
pub fn verify(
    db: &Path,
    depth: FileCheck,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
    let reader = Store::open_read_only(db)?;
    let default = reader.default_backup_folder();
    reader.with_conn(|c| {
        let folder = PathBuf::from(settings::backup(c, &default)?.folder);
        integrity::verify_with_backups(c, depth, now, &folder)
    })
}

/// Opens the database at `db` to back it up: as its writer (the backup is then recorded in the
/// audit trail), or read-only while the app holds it (the app is the only writer).
pub fn open_for_backup(db: &Path, now: DateTime<Utc>) -> Result<Store, StoreError> {
    match Store::open_at(db, now) {
        Err(StoreError::InUse { .. }) => Store::open_read_only(db),
        opened => opened,
    }
}

/// Backs the database of `store` up into `folder` (default: the clinic's backup folder), for
/// `occasion` (`Routine` or `Headless`), on behalf of account `by` (`None`: the app itself or
/// a terminal), verified or marked unverified; then prunes that folder to the clinic's number.
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
/// aside first (named with the time).
pub fn restore_over_damaged(
    db: &Path,
    file: &Path,
    now: DateTime<Utc>,
) -> Result<Recovered, StoreError> {
    let recovered = safe_restore::restore_over_damaged(db, file, now)?;
    tracing::warn!(
        "damaged database moved aside as {}; restored from a backup",
        recovered.kept_as.display()
    );
    Ok(recovered)
}

#[cfg(test)]
mod tests;
