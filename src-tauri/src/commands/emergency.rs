//! Emergency access after it started: how long it may last (an administrator's setting), the
//! lock when it has run its time (checked by the scheduler loop and by every command that asks
//! who may act, so a stalled scheduler does not extend it), and the review of each use by
//! the next administrator who signs in with a PIN. Reviews need `Administer`, which emergency
//! access never gives, so nobody reviews their own emergency access from inside it.

use super::Arg;
use tauri::{AppHandle, Runtime, State};
use vigil_core::emergency::DEFAULT_EMERGENCY_MINUTES;
use vigil_core::{
    payload, ClinicSettings, EmergencyAction, EmergencyLimitEdit, EmergencyUse, EmergencyUseInput,
    Permission, VigilError,
};
use vigil_store::audit::Action;
use vigil_store::{emergency, settings};

use crate::events::{signal, AUTH_CHANGED, RECORDS_CHANGED};
use crate::state::AppState;

/// The uses of emergency access not yet reviewed, oldest first (administrators).
#[tauri::command(async)]
pub fn load_emergency_uses(state: State<'_, AppState>) -> Result<Vec<EmergencyUse>, VigilError> {
    unreviewed(&state)
}

/// The actions done under one use (administrators).
#[tauri::command(async)]
pub fn load_emergency_actions(
    state: State<'_, AppState>,
    input: Arg,
) -> Result<Vec<EmergencyAction>, VigilError> {
    let input: EmergencyUseInput = payload::parse_arg("input", input)?;
    actions(&state, &input)
}

/// Marks one use reviewed; returns the uses still unreviewed.
#[tauri::command(async)]
pub fn review_emergency_use<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<Vec<EmergencyUse>, VigilError> {
    let input: EmergencyUseInput = payload::parse_arg("input", input)?;
    let uses = review(&state, &input)?;
    signal(&app, RECORDS_CHANGED);
    Ok(uses)
}

/// Changes how long emergency access lasts; returns the settings as they now stand.
#[tauri::command(async)]
pub fn update_emergency_limit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<ClinicSettings, VigilError> {
    let edit: EmergencyLimitEdit = payload::parse_arg("edit", edit)?;
    let settings = change_limit(&state, &edit)?;
    signal(&app, AUTH_CHANGED);
    Ok(settings)
}

/// The unreviewed uses. Errors: `forbidden` unless an administrator signed in with a PIN.
pub fn unreviewed(state: &AppState) -> Result<Vec<EmergencyUse>, VigilError> {
    state.nurse_for(Permission::Administer)?;
    Ok(state.store.with_conn(|c| emergency::uses(c, true))?)
}

/// The actions of one use. Errors: `forbidden` as [`unreviewed`]; `validation` on `seq`;
/// `not_found` when it is not a use of emergency access.
pub fn actions(
    state: &AppState,
    input: &EmergencyUseInput,
) -> Result<Vec<EmergencyAction>, VigilError> {
    state.nurse_for(Permission::Administer)?;
    let seq = input.seq()?;
    Ok(state.store.with_conn(|c| emergency::actions(c, seq))?)
}

/// Records the review of one use by the signed-in administrator. Errors: as [`actions`], and
/// `conflict` when it was already reviewed.
pub fn review(
    state: &AppState,
    input: &EmergencyUseInput,
) -> Result<Vec<EmergencyUse>, VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    let seq = input.seq()?;
    let now = state.clock.now();
    let id = state.store.with_tx(|tx| emergency::review(tx, seq, admin.id, now))?;
    eprintln!("vigil: emergency access {seq} reviewed by account {} (review {id})", admin.id);
    unreviewed(state)
}

/// Validates and records how long emergency access lasts.
pub fn change_limit(
    state: &AppState,
    edit: &EmergencyLimitEdit,
) -> Result<ClinicSettings, VigilError> {
    let admin = state.nurse_for(Permission::Administer)?;
    let minutes = edit.validate()?;
    let now = state.clock.now();
    state.store.with_tx(|tx| settings::set_emergency_minutes(tx, minutes, admin.id, now))?;
    super::settings::load(state)
}

/// Locks the workstation if the emergency access in use has run its time (recorded as
/// `emergency_expired`); returns whether it did. A lock needs a PIN to undo. The limit is the
/// default one when the setting cannot be read: an unreadable setting never extends a use.
pub fn lock_if_emergency_over(state: &AppState) -> Result<bool, VigilError> {
    if !state.workstation().current().is_some_and(|s| s.emergency) {
        return Ok(false); // the common case: no setting to read
    }
    let now = state.clock.now();
    let minutes = state.store.with_conn(settings::emergency_minutes).unwrap_or_else(|e| {
        eprintln!("vigil: emergency access limit unreadable, using the default: {e}");
        DEFAULT_EMERGENCY_MINUTES
    });
    let due = |w: &vigil_core::Workstation| w.emergency_expired(now, minutes);
    Ok(super::auth::lock_when(state, Action::EmergencyExpired, due))
}

#[cfg(test)]
mod tests;
