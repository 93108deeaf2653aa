//! The record's integrity and its backups: verify on demand, list / make / restore backups.
//! Making and restoring backups is for administrators; anyone may see the integrity status.

use tauri::{AppHandle, State};
use vigil_core::{BackupInfo, IntegrityStatus, Permission, RestoreInput, VigilError};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{backup, settings};

use super::{signal, AUTH_CHANGED, RECORDS_CHANGED};
use crate::state::AppState;

/// The last verification's result.
#[tauri::command(async)]
pub fn load_integrity(state: State<'_, AppState>) -> IntegrityStatus {
    state.integrity()
}

/// Verifies the file and the audit chain now.
#[tauri::command(async)]
pub fn verify_records(state: State<'_, AppState>) -> Result<IntegrityStatus, VigilError> {
    verify(&state)
}

/// The backups in the backup folder, newest first.
#[tauri::command(async)]
pub fn load_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, VigilError> {
    state.nurse_for(Permission::Administer)?;
    Ok(backup::list(&state.backup_folder()?)?)
}

/// Makes a verified backup now.
#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo, VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    back_up(&state, Some(admin.id))
}

/// Replaces the database with a verified backup (the current one is backed up first).
#[tauri::command(async)]
pub fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    input: RestoreInput,
) -> Result<IntegrityStatus, VigilError> {
    let status = restore(&state, &input)?;
    signal(&app, AUTH_CHANGED);
    signal(&app, RECORDS_CHANGED);
    Ok(status)
}

/// Verifies everything now (recorded, with who asked when someone is signed in).
pub fn verify(state: &AppState) -> Result<IntegrityStatus, VigilError> {
    let now = state.clock.now();
    let status = state.store.with_conn(|c| integrity::verify(c, FileCheck::Full, now))?;
    let by = state.workstation().current().map(|s| s.nurse.id);
    let detail = match status.first_bad_seq {
        None => format!("ok, head {}", status.head_seq),
        Some(seq) => format!("broken at entry {seq}"),
    };
    let entry = Entry::new(Action::Verify, by).detail(&detail);
    state.store.with_tx(|tx| audit::append(tx, now, &entry))?;
    state.set_integrity(status.clone());
    Ok(status)
}

/// Makes, verifies and records a backup into the clinic's folder, then prunes old ones.
pub fn back_up(state: &AppState, by: Option<i64>) -> Result<BackupInfo, VigilError> {
    let now = state.clock.now();
    let default = state.store.default_backup_folder();
    let chosen = state.store.with_conn(|c| settings::backup(c, &default))?;
    let folder = std::path::PathBuf::from(&chosen.folder);
    // From a connection of its own, so a long backup never holds up the app's writes.
    let reader = vigil_store::Store::open_read_only(state.store.path())?;
    let made = reader.with_conn(|c| backup::make(c, &folder, now))?;
    let detail = format!("{} head {}", made.file, made.head_hash.as_deref().unwrap_or("?"));
    state
        .store
        .with_tx(|tx| audit::append(tx, now, &Entry::new(Action::Backup, by).detail(&detail)))?;
    let pruned = backup::prune(&folder, chosen.keep as usize)?;
    eprintln!("vigil: backup {} made ({pruned} old ones pruned)", made.file);
    Ok(made)
}

/// Restores `input.file` from the backup folder after backing the current database up.
pub fn restore(state: &AppState, input: &RestoreInput) -> Result<IntegrityStatus, VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    let file = backup::path_of(&state.backup_folder()?, input.file_name()?);
    if !file.is_file() {
        return Err(VigilError::validation("file", "That backup is not in the backup folder."));
    }
    back_up(state, Some(admin.id))?;
    let now = state.clock.now();
    let status = state.store.with_conn_mut(|c| backup::restore(c, &file, Some(admin.id), now))?;
    eprintln!("vigil: database restored from a backup by account {}", admin.id);
    state.set_integrity(status.clone());
    // The restored database may not know the signed-in account: sign in again.
    state.workstation().sign_out();
    Ok(status)
}
