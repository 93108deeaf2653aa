//! The display and sound settings (theme, dim hours, volume, escalation): read by anyone,
//! signed out and locked too (the sign-in screen is dim as well); changed by any signed-in
//! nurse, under emergency access too: it is comfort, not clinical policy. A change is a
//! setting change attributed to that nurse, audited in its transaction.

use super::Arg;
use crate::events::{signal, RECORDS_CHANGED};
use tauri::{AppHandle, Runtime, State};
use vigil_core::{payload, DisplaySettings, DisplaySettingsEdit, Permission, VigilError};
use vigil_store::settings;

use crate::state::AppState;

#[cfg(test)]
mod tests;

/// The display and sound settings in force (no sign-in needed).
#[tauri::command(async)]
pub fn load_display_settings(state: State<'_, AppState>) -> Result<DisplaySettings, VigilError> {
    load(&state)
}

/// Changes the display and sound settings; returns them as they now stand.
#[tauri::command(async)]
pub fn update_display_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<DisplaySettings, VigilError> {
    let edit: DisplaySettingsEdit = payload::parse_arg("edit", edit)?;
    let settings = change(&state, &edit)?;
    signal(&app, RECORDS_CHANGED);
    Ok(settings)
}

/// The settings as they stand.
pub fn load(state: &AppState) -> Result<DisplaySettings, VigilError> {
    Ok(state.store.with_conn(settings::display)?)
}

/// Validates and records a change by the signed-in nurse. Errors: `forbidden` when signed out
/// or locked, `validation` naming the field (nothing written).
pub fn change(state: &AppState, edit: &DisplaySettingsEdit) -> Result<DisplaySettings, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let valid = edit.validate()?;
    let now = state.clock.now();
    if state.store.with_tx(|tx| settings::set_display(tx, &valid, nurse.id, now))? {
        tracing::info!("display settings changed by account #{}", nurse.id);
    }
    load(state)
}
