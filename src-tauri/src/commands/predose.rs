//! The prescriber's decision on a pre-dose blood pressure above the clinic's limit (proceed or
//! do not dose). Validated against the session's standing inside the transaction that stores
//! it, so a reading corrected meanwhile cannot be decided on. "Do not dose" ends nothing: the
//! nurse records how the patient leaves through the usual paths.

use super::Arg;
use chrono::TimeZone;
use tauri::{AppHandle, Runtime, State};
use vigil_core::checks::PredoseDecisionInput;
use vigil_core::{payload, Permission, VigilError};
use vigil_store::{predose, sessions};

use crate::events::{signal, RECORDS_CHANGED};
use crate::state::AppState;

/// Records the decision; returns its id once committed.
#[tauri::command(async)]
pub fn record_predose_decision<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<i64, VigilError> {
    let input: PredoseDecisionInput = payload::parse_arg("input", input)?;
    let id = record(&state, &input, &chrono::Local)?;
    tracing::info!("pre-dose decision {id} recorded");
    signal(&app, RECORDS_CHANGED);
    Ok(id)
}

/// Validates (typed local time read in zone `tz`) and stores a decision, by the signed-in
/// nurse. Errors: `validation` naming the field, `not_found` for an unknown session,
/// `conflict` when already decided or the patient has left; nothing is written then.
pub fn record<Tz: TimeZone>(
    state: &AppState,
    input: &PredoseDecisionInput,
    tz: &Tz,
) -> Result<i64, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let session_id = input.session_id()?;
    let now = state.clock.now();
    Ok(state.store.with_tx(|tx| {
        sessions::get(tx, session_id)?;
        let standing = predose::standing(tx, session_id)?;
        let decision = input.validate(now, tz, standing.as_ref())?;
        predose::record(tx, session_id, &decision, nurse.id, now)
    })?)
}

#[cfg(test)]
mod tests;
