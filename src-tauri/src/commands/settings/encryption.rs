//! The Settings' encryption section, for administrators: what it shows (SQLCipher's version,
//! where the key is kept, the plain backups and plain databases set aside left, whether a
//! recovery key was ever shown), a new recovery key (a new database key: kept in the key home
//! first, then the records rekeyed, then the clinic's backups re-encrypted to it), and removing
//! the plain files. Each change has its audit entry, attributed to the administrator; the key
//! itself is never in one.

use std::path::{Path, PathBuf};
use vigil_core::startup::{EncryptionInfo, KeyHome as Choice, ReissuedKey};
use vigil_core::{ErrorCode, Permission, VigilError};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::{cipher, DbKey, StoreError};

use crate::backup_keys;
use crate::key_home::{self, KeyHome};
use crate::state::AppState;

/// The encryption section. Errors: `forbidden` unless an administrator is signed in.
pub fn load(state: &AppState) -> Result<EncryptionInfo, VigilError> {
    state.nurse_for(Permission::Administer)?;
    let (key_home, key_file) = match home(state)? {
        KeyHome::Keystore => (Choice::Keystore, None),
        KeyHome::KeyFile(path) => (Choice::KeyFile, Some(path.display().to_string())),
    };
    let plain = backup_keys::plain_backups(&folders(state)?);
    let set_aside = backup_keys::plain_set_aside(&data_dir(state));
    let mut plain_backups: Vec<String> = plain.iter().map(|p| p.display().to_string()).collect();
    plain_backups
        .extend(set_aside.iter().map(|p| format!("{}{}", p.display(), backup_keys::SET_ASIDE)));
    Ok(EncryptionInfo {
        cipher_version: cipher::cipher_version()?,
        key_home,
        key_file,
        plain_backups,
        recovery_key_shown: recovery_key_shown(state)?,
    })
}

/// A new key: kept in the key home, then the records rekeyed (if that fails the old key is
/// put back), then the backups of the clinic's folder re-encrypted to it. Returns the new
/// recovery key, shown once.
///
/// Errors: `forbidden` unless an administrator is signed in; `unavailable` when no keystore
/// answers; `storage` when the key cannot be kept or the records cannot be rekeyed (nothing
/// changed).
pub fn reissue(state: &AppState) -> Result<ReissuedKey, VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    let dir = data_dir(state);
    let home = home(state)?;
    let old = state.store.key();
    let new = DbKey::generate();
    crate::startup::keep_key(&dir, &new, &home)?;
    if let Err(e) = state.store.rekey(&new) {
        tracing::error!("the records could not be rekeyed: {e}");
        if let Err(p) = key_home::store(&dir, &old, &home) {
            tracing::error!("the old key could not be put back: {p}");
        }
        return Err(VigilError::new(
            ErrorCode::Storage,
            format!("The records could not be re-encrypted ({e}). Nothing was changed."),
        ));
    }
    let now = state.clock.now();
    let converted = backup_keys::rekey_folder(&state.backup_folder()?, &old, &new, now);
    let detail = format!(
        "backups re-encrypted: {}; left with the old key: {}",
        converted.done,
        converted.left.len()
    );
    let entry = Entry::new(Action::RecoveryKeyReissued, Some(admin.id)).detail(&detail);
    if let Err(e) = state.store.with_tx(|tx| audit::append(tx, now, &entry)) {
        // The records are rekeyed already: the new recovery key must still be shown.
        tracing::error!("the new recovery key's audit entry was not written: {e}");
    }
    Ok(ReissuedKey {
        recovery_key: vigil_core::recovery_key::encode(new.as_bytes()),
        backups_reencrypted: converted.done,
        backups_not_reencrypted: converted.left.iter().map(|p| p.display().to_string()).collect(),
        records: dir.display().to_string(),
        issued_at: now,
    })
}

/// Deletes the plain backups (and their side files) in the default and the clinic's backup
/// folders, and the plain databases set aside in the data directory (with their `-wal` and
/// `-shm`); returns how many went. Errors: `forbidden` unless an administrator is signed in;
/// `storage` when one cannot be deleted (the entry counts those that went).
pub fn remove_plain(state: &AppState) -> Result<u32, VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    let (backups, failed) = backup_keys::remove_plain(&folders(state)?);
    let (set_aside, failed_aside) = backup_keys::remove_set_aside(&data_dir(state));
    let failed = failed.or(failed_aside);
    let removed = backups + set_aside;
    if removed > 0 {
        let mut detail = format!("plain backups removed: {backups}");
        if set_aside > 0 {
            detail.push_str(&format!("; damaged databases set aside removed: {set_aside}"));
        }
        let entry = Entry::new(Action::PlainBackupsRemoved, Some(admin.id)).detail(&detail);
        let now = state.clock.now();
        state.store.with_tx(|tx| audit::append(tx, now, &entry))?;
    }
    match failed {
        Some(e) => Err(e.into()),
        None => Ok(removed),
    }
}

fn data_dir(state: &AppState) -> PathBuf {
    state.store.path().parent().unwrap_or(Path::new(".")).to_owned()
}

fn home(state: &AppState) -> Result<KeyHome, VigilError> {
    key_home::read_home(&data_dir(state))
        .map_err(|p| VigilError::new(ErrorCode::Storage, p.message()))
}

/// The default backup folder and the clinic's.
fn folders(state: &AppState) -> Result<Vec<PathBuf>, StoreError> {
    Ok(vec![state.store.default_backup_folder(), state.backup_folder()?])
}

/// The person shown the newest recovery key said it was kept: a `recovery_key_kept` entry,
/// attributed to the signed-in administrator, or to no nurse when `at_start` (the card shown
/// at start-up, before anyone signed in; see `startup::Recovery::take_key_shown`).
///
/// Errors: `forbidden` unless an administrator is signed in or `at_start`; `storage`.
pub fn kept(state: &AppState, at_start: bool) -> Result<(), VigilError> {
    let nurse = match state.nurse_for(Permission::Administer) {
        Ok(admin) => Some(admin.id),
        Err(_) if at_start => None,
        Err(e) => return Err(e),
    };
    let entry = Entry::new(Action::RecoveryKeyKept, nurse).detail("recovery key kept safe");
    let now = state.clock.now();
    state.store.with_tx(|tx| audit::append(tx, now, &entry))?;
    Ok(())
}

/// Whether the newest recovery key was said kept ([`audit::recovery_key_kept`]).
fn recovery_key_shown(state: &AppState) -> Result<bool, StoreError> {
    state.store.with_conn(audit::recovery_key_kept)
}

#[cfg(test)]
#[path = "encryption_tests.rs"]
mod tests;
