//! Whether Vigil starts with the desktop session (issue 17): the clinic's setting (on by
//! default, changed by administrators, audited) and its effect on the XDG autostart files
//! (`crate::autostart`). A file that could not be written leaves the setting saved and says
//! why in the status's `problem`.

use super::Arg;
use tauri::{AppHandle, Runtime, State};
use vigil_core::desktop::{AutostartEdit, AutostartStatus};
use vigil_core::{payload, Permission, VigilError};
use vigil_store::settings;

use crate::autostart::Autostart;
use crate::events::{signal, RECORDS_CHANGED};
use crate::state::AppState;

/// The setting and what the autostart files make of it (administrators: the panel is theirs).
#[tauri::command(async)]
pub fn load_autostart(
    state: State<'_, AppState>,
    autostart: State<'_, Autostart>,
) -> Result<AutostartStatus, VigilError> {
    load(&state, &autostart)
}

/// Changes the setting (administrators) and applies it to the files; returns the status.
#[tauri::command(async)]
pub fn update_autostart<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    autostart: State<'_, Autostart>,
    edit: Arg,
) -> Result<AutostartStatus, VigilError> {
    let edit: AutostartEdit = payload::parse_arg("edit", edit)?;
    let (status, written) = change(&state, &autostart, &edit)?;
    if written {
        signal(&app, RECORDS_CHANGED);
    }
    Ok(status)
}

/// [`load_autostart`]. Errors: `forbidden` without `Administer`.
pub fn load(state: &AppState, autostart: &Autostart) -> Result<AutostartStatus, VigilError> {
    state.nurse_for(Permission::Administer)?;
    let enabled = state.store.with_conn(settings::autostart)?;
    Ok(autostart.status(enabled))
}

/// Records the setting (one row and one audit entry, only when it changes) by the
/// administrator signed in, then applies it to the files (also when unchanged: a removed
/// override comes back). Returns the status and whether a row was written.
/// Errors: `forbidden` without `Administer` (nothing written, no file touched).
pub fn change(
    state: &AppState,
    autostart: &Autostart,
    edit: &AutostartEdit,
) -> Result<(AutostartStatus, bool), VigilError> {
    let nurse = state.nurse_for(Permission::Administer)?;
    let now = state.clock.now();
    // Saved and applied under the autostart lock: the files follow the last setting saved.
    let (written, status) = autostart.save_then_apply(edit.enabled, || {
        state.store.with_tx(|tx| settings::set_autostart(tx, edit.enabled, nurse.id, now))
    })?;
    tracing::info!("autostart set to {} by nurse {}", edit.enabled, nurse.id);
    Ok((status, written))
}

#[cfg(test)]
mod tests;
