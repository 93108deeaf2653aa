//! Transfer to emergency care: the third way out. Recorded for a patient observed or already
//! cleared, never held up by failing gates, with the gates as they stood; the phase is checked
//! inside the transaction (a second transfer, or one after another departure, is a conflict).

use super::Arg;
use chrono::TimeZone;
use tauri::{AppHandle, Runtime, State};
use vigil_core::discharge::{SessionPhase, TransferInput};
use vigil_core::{payload, Permission, VigilError};
use vigil_store::transfers;

use super::discharge::leaving;

use crate::events::{signal, RECORDS_CHANGED};
use crate::state::AppState;

/// Records a patient's transfer to emergency care.
#[tauri::command(async)]
pub fn record_transfer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<(), VigilError> {
    let input: TransferInput = payload::parse_arg("input", input)?;
    let id = transfer(&state, &input, &chrono::Local)?;
    tracing::info!("session {} transferred to emergency care ({id})", input.session_id);
    signal(&app, RECORDS_CHANGED);
    Ok(())
}

/// Validates the transfer (with the gates as they stand) and records it, reading the typed time
/// in zone `tz`.
pub fn transfer<Tz: TimeZone>(
    state: &AppState,
    input: &TransferInput,
    tz: &Tz,
) -> Result<i64, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    leaving(state, input.session_id, now, SessionPhase::may_transfer, |tx, session, gates| {
        let form = input.validate(session, gates, now, tz)?;
        transfers::record(tx, session.id, &form, nurse.id, now)
    })
}

#[cfg(test)]
mod tests;
