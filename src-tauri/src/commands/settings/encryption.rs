//! The Settings' encryption section, for administrators: what it shows (SQLCipher's version,
//! where the key is kept, the plain backups left, whether a recovery key was ever shown), a new
//! recovery key (a new database key: kept in the key home first, then the records rekeyed, then
//! the clinic's backups re-encrypted to it), and removing the plain backups. Each change has
//! its audit entry, attributed to the administrator; the key itself is never in one.

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
    Ok(EncryptionInfo {
        cipher_version: cipher::cipher_version()?,
        key_home,
        key_file,
        plain_backups: plain.iter().map(|p| p.display().to_string()).collect(),
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
    })
}

/// Deletes the plain backups (and their side files) in the default and the clinic's backup
/// folders; returns how many went. Errors: `forbidden` unless an administrator is signed in;
/// `storage` when one cannot be deleted (the entry counts those that went).
pub fn remove_plain(state: &AppState) -> Result<u32, VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    let (removed, failed) = backup_keys::remove_plain(&folders(state)?);
    if removed > 0 {
        let detail = format!("plain backups removed: {removed}");
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

/// False only while the newest of the key's entries is the encryption of plain records at
/// start-up (no person saw a key then).
fn recovery_key_shown(state: &AppState) -> Result<bool, StoreError> {
    let newest: Option<String> = state.store.with_conn(|c| {
        let sql = "SELECT action FROM audit_events WHERE action IN (?1, ?2, ?3) \
                   ORDER BY seq DESC LIMIT 1";
        let found = c.query_row(
            sql,
            [
                Action::RecordsEncrypted.as_str(),
                Action::RecoveryKeyReissued.as_str(),
                Action::KeyHomeChanged.as_str(),
            ],
            |r| r.get(0),
        );
        match found {
            Ok(action) => Ok(Some(action)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    })?;
    Ok(newest.as_deref() != Some(Action::RecordsEncrypted.as_str()))
}

#[cfg(test)]
#[path = "encryption_tests.rs"]
mod tests;
