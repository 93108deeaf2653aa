//! Transfer to emergency care: the third way out. Recorded for a patient observed or already
//! cleared, never held up by failing gates, with the gates as they stood; the phase is checked
//! inside the transaction (a second transfer, or one after another departure, is a conflict).

use super::Arg;
use chrono::TimeZone;
use tauri::{AppHandle, Runtime, State};
use vigil_core::discharge::TransferInput;
use vigil_core::{payload, Permission, VigilError};
use vigil_store::{discharge, sessions, transfers};

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
    Ok(state.store.with_tx(|tx| {
        let session = sessions::get(tx, input.session_id)?;
        discharge::standing(tx, session.id)?.phase.may_transfer()?;
        let gates = discharge::gates(tx, std::slice::from_ref(&session), now)?
            .remove(&session.id)
            .ok_or_else(|| VigilError::internal("the gates could not be assessed"))?;
        let form = input.validate(&session, gates, now, tz)?;
        transfers::record(tx, session.id, &form, nurse.id, now)
    })?)
}

#[cfg(test)]
mod tests;
