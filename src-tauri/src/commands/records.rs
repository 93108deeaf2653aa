//! The record's integrity and its backups: verify on demand, list / make / restore backups.
//! Verifying, making and restoring backups is for administrators; anyone may see the last
//! integrity status.

use super::Arg;
use tauri::{AppHandle, Runtime, State};
use vigil_core::payload;
use vigil_core::{BackupInfo, IntegrityStatus, Permission, RestoreInput, VigilError};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::backup;
use vigil_store::integrity::FileCheck;

use crate::backup as backup_service;
use crate::events::{signal, AUTH_CHANGED, RECORDS_CHANGED};
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
    backup_service::routine(&state, Some(admin.id))
}

/// Replaces the database with a verified backup (the current one is backed up first).
#[tauri::command(async)]
pub fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<IntegrityStatus, VigilError> {
    let input: RestoreInput = payload::parse_arg("input", input)?;
    let status = restore(&state, &input)?;
    signal(&app, AUTH_CHANGED);
    signal(&app, RECORDS_CHANGED);
    Ok(status)
}

/// Verifies everything now ([`check`]) and records who asked. Administrators only.
pub fn verify(state: &AppState) -> Result<IntegrityStatus, VigilError> {
    let (admin, status) = check(state)?;
    let detail = match status.first_bad_seq {
        None if status.ok => format!("ok, head {}", status.head_seq),
        None => "broken".to_owned(),
        Some(seq) => format!("broken at entry {seq}"),
    };
    let entry = Entry::new(Action::Verify, Some(admin)).detail(&detail);
    state.store.with_tx(|tx| audit::append(tx, state.clock.now(), &entry))?;
    state.set_integrity(status.clone());
    Ok(status)
}

/// The full check, the chain against the newest backup's head included, for the signed-in
/// administrator (returned by id). It reads through a read-only connection of its own, so the
/// long `integrity_check` never holds the connection the scheduler writes through.
///
/// Errors: `forbidden` unless an administrator is signed in (with a PIN).
pub fn check(state: &AppState) -> Result<(i64, IntegrityStatus), VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    let status = backup_service::verify(
        state.store.path(),
        &state.store.key(),
        FileCheck::Full,
        state.clock.now(),
    )?;
    Ok((admin.id, status))
}

/// Restores `input.file` from the backup folder after copying the current database into it
/// (kept even when it does not verify; nothing is pruned meanwhile).
pub fn restore(state: &AppState, input: &RestoreInput) -> Result<IntegrityStatus, VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    let file = backup::path_of(&state.backup_folder()?, input.file_name()?);
    if !file.is_file() {
        return Err(VigilError::validation(
            "file",
            "That backup is not in the backup folder. Nothing was changed.",
        ));
    }
    let restored = backup_service::restore(&state.store, &file, Some(admin.id), state.clock.now())?;
    state.set_integrity(restored.status.clone());
    // The restored database may not know the signed-in account: sign in again.
    state.workstation().sign_out();
    Ok(restored.status)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod verify_tests;
