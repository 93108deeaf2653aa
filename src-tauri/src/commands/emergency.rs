//! Emergency access after it started: how long it may last (an administrator's setting) and
//! the review of each use by the next administrator who signs in with a PIN (the lock when a
//! use has run its time is `services::idle_lock::lock_if_emergency_over`). Reviews need
//! `Administer`, which emergency access never gives, so nobody reviews their own emergency
//! access from inside it.

use super::Arg;
use tauri::{AppHandle, Runtime, State};
use vigil_core::{
    payload, ClinicSettings, EmergencyAction, EmergencyLimitEdit, EmergencyUse, EmergencyUseInput,
    Permission, VigilError,
};
use vigil_store::{emergency, settings};

use super::settings::admin_change;
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
    super::settings::edited(&app, &state, edit, change_limit, AUTH_CHANGED)
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
    let (id, seq, admin) = admin_change(
        state,
        || input.seq(),
        |tx, seq, by, now| Ok((emergency::review(tx, *seq, by, now)?, *seq, by)),
    )?;
    tracing::info!("emergency access {seq} reviewed by account {admin} (review {id})");
    unreviewed(state)
}

/// Validates and records how long emergency access lasts.
pub fn change_limit(
    state: &AppState,
    edit: &EmergencyLimitEdit,
) -> Result<ClinicSettings, VigilError> {
    super::settings::change_settings(
        state,
        || edit.validate(),
        |tx, minutes, by, now| settings::set_emergency_minutes(tx, *minutes, by, now),
    )
}

#[cfg(test)]
mod tests;
