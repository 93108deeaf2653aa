//! The Settings screen: protocol versions, the alert repeat interval, the idle lock and the
//! backups. Changes are for administrators; each is a new record with its audit entry, and
//! running sessions keep the protocol version they started with.

use super::Arg;
use serde::de::DeserializeOwned;
use tauri::{AppHandle, Runtime, State};
use vigil_core::checks::{CheckPlanSettingsEdit, ThresholdSettingsEdit};
use vigil_core::payload;
use vigil_core::PapersKeptEdit;
use vigil_core::{
    AlertRepeatEdit, BackupSettingsEdit, ClinicSettings, IdleLockEdit, ProtocolEdit, VigilError,
};
use vigil_store::{plans, protocols, settings, thresholds};

use crate::events::{signal, AUTH_CHANGED, RECORDS_CHANGED};
use crate::state::AppState;

mod admin;
pub mod encryption;
pub use admin::{admin_change, change_settings};

/// The current protocol versions and clinic settings.
#[tauri::command(async)]
pub fn load_settings(state: State<'_, AppState>) -> Result<ClinicSettings, VigilError> {
    load(&state)
}

/// Adds a new version of one protocol; returns the settings as they now stand.
#[tauri::command(async)]
pub fn update_protocol<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<ClinicSettings, VigilError> {
    edited(&app, &state, edit, change_protocol, RECORDS_CHANGED)
}

/// Changes the alert repeat interval; returns the settings as they now stand.
#[tauri::command(async)]
pub fn update_alert_repeat<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<ClinicSettings, VigilError> {
    edited(&app, &state, edit, change_alert_repeat, RECORDS_CHANGED)
}

/// Changes the idle lock time; returns the settings as they now stand.
#[tauri::command(async)]
pub fn update_idle_lock<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<ClinicSettings, VigilError> {
    edited(&app, &state, edit, change_idle_lock, AUTH_CHANGED)
}

/// Changes where, how often and how many backups are kept.
#[tauri::command(async)]
pub fn update_backup_settings(
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<ClinicSettings, VigilError> {
    let edit: BackupSettingsEdit = payload::parse_arg("edit", edit)?;
    change_backup(&state, &edit)
}

/// The encryption section: SQLCipher's version, where the key is kept, the plain backups left.
#[tauri::command(async)]
pub fn load_encryption(
    state: State<'_, AppState>,
) -> Result<vigil_core::startup::EncryptionInfo, VigilError> {
    encryption::load(&state)
}

/// The person shown the newest recovery key (Settings, or the card at first start) kept it:
/// an audit entry, after which Settings stops warning.
#[tauri::command(async)]
pub fn recovery_key_kept(
    state: State<'_, AppState>,
    recovery: State<'_, crate::startup::Recovery>,
) -> Result<(), VigilError> {
    let at_start = recovery.take_key_shown();
    encryption::kept(&state, at_start).inspect_err(|_| {
        if at_start {
            recovery.note_key_shown();
        }
    })
}

/// Issues a new recovery key (a new database key); returns its text, shown once.
#[tauri::command(async)]
pub fn reissue_recovery_key(
    state: State<'_, AppState>,
) -> Result<vigil_core::startup::ReissuedKey, VigilError> {
    encryption::reissue(&state)
}

/// Deletes the backups that are still not encrypted; returns how many went.
#[tauri::command(async)]
pub fn remove_plain_backups(state: State<'_, AppState>) -> Result<u32, VigilError> {
    encryption::remove_plain(&state)
}

/// Changes the clinical alert thresholds; returns the settings as they now stand.
#[tauri::command(async)]
pub fn update_thresholds<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<ClinicSettings, VigilError> {
    edited(&app, &state, edit, change_thresholds, RECORDS_CHANGED)
}

/// Validates and records new thresholds.
pub fn change_thresholds(
    state: &AppState,
    edit: &ThresholdSettingsEdit,
) -> Result<ClinicSettings, VigilError> {
    change_settings(state, || edit.validate(), thresholds::set)
}

/// Changes the check-plan timings (for sessions admitted from now on).
#[tauri::command(async)]
pub fn update_check_plan<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<ClinicSettings, VigilError> {
    edited(&app, &state, edit, change_check_plan, RECORDS_CHANGED)
}

/// Validates and records new check-plan timings.
pub fn change_check_plan(
    state: &AppState,
    edit: &CheckPlanSettingsEdit,
) -> Result<ClinicSettings, VigilError> {
    change_settings(state, || edit.validate(), plans::set)
}

/// What every settings command does: parses `edit` (a wrong shape names the field `edit`),
/// applies `change`, then signals `event` once it succeeded. Returns the settings as they now
/// stand.
pub fn edited<R: Runtime, E: DeserializeOwned>(
    app: &AppHandle<R>,
    state: &AppState,
    edit: Arg,
    change: impl FnOnce(&AppState, &E) -> Result<ClinicSettings, VigilError>,
    event: &str,
) -> Result<ClinicSettings, VigilError> {
    let edit: E = payload::parse_arg("edit", edit)?;
    let settings = change(state, &edit)?;
    signal(app, event);
    Ok(settings)
}

/// The settings as they stand.
pub fn load(state: &AppState) -> Result<ClinicSettings, VigilError> {
    let default = state.store.default_backup_folder();
    Ok(state.store.with_conn(|c| settings::load(c, &default))?)
}

/// Validates and records a protocol edit.
pub fn change_protocol(
    state: &AppState,
    edit: &ProtocolEdit,
) -> Result<ClinicSettings, VigilError> {
    let id = admin_change(state, || edit.validate(), protocols::add_version)?;
    tracing::info!("protocol version {id} added");
    load(state)
}

/// Validates and records an alert repeat change.
pub fn change_alert_repeat(
    state: &AppState,
    edit: &AlertRepeatEdit,
) -> Result<ClinicSettings, VigilError> {
    change_settings(
        state,
        || edit.validate(),
        |tx, minutes, by, now| settings::set_alert_repeat_minutes(tx, *minutes, by, now),
    )
}

/// Validates and records an idle lock change.
pub fn change_idle_lock(
    state: &AppState,
    edit: &IdleLockEdit,
) -> Result<ClinicSettings, VigilError> {
    change_settings(
        state,
        || edit.validate(),
        |tx, seconds, by, now| settings::set_idle_lock_seconds(tx, *seconds, by, now),
    )
}

/// Changes how many days unsaved drafts are kept; returns the settings as they now
/// stand.
#[tauri::command(async)]
pub fn update_papers_kept(
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<ClinicSettings, VigilError> {
    let edit: PapersKeptEdit = payload::parse_arg("edit", edit)?;
    change_papers_kept(&state, &edit)
}

/// Validates and records how many days drafts are kept.
pub fn change_papers_kept(
    state: &AppState,
    edit: &PapersKeptEdit,
) -> Result<ClinicSettings, VigilError> {
    change_settings(
        state,
        || edit.validate(),
        |tx, days, by, now| settings::set_papers_kept_days(tx, *days, by, now),
    )
}

/// Validates and records backup settings; the folder must be creatable and writable.
pub fn change_backup(
    state: &AppState,
    edit: &BackupSettingsEdit,
) -> Result<ClinicSettings, VigilError> {
    let validate = || {
        let valid = edit.validate()?;
        let folder = std::path::Path::new(&valid.folder);
        std::fs::create_dir_all(folder).and_then(|()| tempfile_in(folder)).map_err(|e| {
            VigilError::validation("folder", format!("Vigil cannot write there: {e}."))
        })?;
        Ok(valid)
    };
    change_settings(state, validate, settings::set_backup)
}

/// Proves a folder is writable by creating and removing a file in it.
fn tempfile_in(folder: &std::path::Path) -> std::io::Result<()> {
    let probe = folder.join(".vigil-write-test");
    std::fs::write(&probe, b"")?;
    std::fs::remove_file(probe)
}

#[cfg(test)]
mod tests;
