//! Discharge: the escort, the discharge view with its live gates, clearing a patient (signed
//! with the PIN), the departure, leaving against advice, and the discharge policy. Each write
//! checks the session's phase inside its transaction (a second discharge is a conflict), and
//! takes its form's draft with it in that transaction.

use super::Arg;
use chrono::{DateTime, TimeZone, Utc};
use tauri::{AppHandle, Runtime, State};
use vigil_core::discharge::view::{DepartedRow, DischargeView};
use vigil_core::discharge::{
    ready_without_minimum_minutes, AgainstAdviceInput, DischargeGates, DischargeInput,
    DischargePolicyEdit, EscortInput, SessionPhase,
};
use vigil_core::draft::DraftForm;
use vigil_core::{payload, ClinicSettings, Permission, Protocol, RecoverySession, VigilError};
use vigil_store::{checks, discharge, drafts, papers, sessions, thresholds};
use vigil_store::{StoreError, Transaction};

use super::{auth, settings};
use crate::events::{signal, RECORDS_CHANGED};
use crate::state::AppState;

/// How far back "left in the last day" looks.
const RECENT_HOURS: i64 = 24;

/// Saves the escort (a new version; the latest is in force).
#[tauri::command(async)]
pub fn save_escort<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<(), VigilError> {
    let input: EscortInput = payload::parse_arg("input", input)?;
    let id = escort(&state, &input, &chrono::Local)?;
    tracing::info!("escort version {id} saved");
    signal(&app, RECORDS_CHANGED);
    Ok(())
}

/// One session's discharge view.
#[tauri::command(async)]
pub fn load_discharge(
    state: State<'_, AppState>,
    session_id: Arg,
) -> Result<DischargeView, VigilError> {
    let session_id: i64 = payload::parse_arg("sessionId", session_id)?;
    view(&state, session_id)
}

/// Clears a patient for discharge, signed with the nurse's PIN.
#[tauri::command(async)]
pub fn confirm_discharge<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<(), VigilError> {
    let input: DischargeInput = payload::parse_arg("input", input)?;
    let id = clear(&state, &input)?;
    tracing::info!("session {} cleared for discharge ({id})", input.session_id);
    signal(&app, RECORDS_CHANGED);
    Ok(())
}

/// Records that a cleared patient left with the escort, now.
#[tauri::command(async)]
pub fn record_departure<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: Arg,
) -> Result<(), VigilError> {
    let session_id: i64 = payload::parse_arg("sessionId", session_id)?;
    depart(&state, session_id)?;
    tracing::info!("session {session_id} departed");
    signal(&app, RECORDS_CHANGED);
    Ok(())
}

/// Records a patient leaving against advice (never refused for failed gates).
#[tauri::command(async)]
pub fn record_against_advice<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<(), VigilError> {
    let input: AgainstAdviceInput = payload::parse_arg("input", input)?;
    against_advice(&state, &input, &chrono::Local)?;
    tracing::info!("session {} left against advice", input.session_id);
    signal(&app, RECORDS_CHANGED);
    Ok(())
}

/// Patients who left in the last day (names only while open).
#[tauri::command(async)]
pub fn load_recent_departures(state: State<'_, AppState>) -> Result<Vec<DepartedRow>, VigilError> {
    state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    Ok(state.store.with_conn(|c| papers::recent_departures(c, now, RECENT_HOURS))?)
}

/// Changes the discharge policy (administrators).
#[tauri::command(async)]
pub fn update_discharge_policy<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    edit: Arg,
) -> Result<ClinicSettings, VigilError> {
    let edit: DischargePolicyEdit = payload::parse_arg("edit", edit)?;
    settings::admin_change(&state, || edit.validate(), discharge::set_policy)?;
    signal(&app, RECORDS_CHANGED);
    settings::load(&state)
}

/// Validates and stores an escort, reading typed local times in zone `tz`.
pub fn escort<Tz: TimeZone>(
    state: &AppState,
    input: &EscortInput,
    tz: &Tz,
) -> Result<i64, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    let (session, policy) = state
        .store
        .with_conn(|c| Ok((sessions::get(c, input.session_id)?, discharge::policy(c)?)))?;
    let escort = input.validate(&policy, session.clock_started_at, now, tz)?;
    Ok(state.store.with_tx(|tx| {
        let id = discharge::save_escort(tx, input.session_id, &escort, nurse.id, now)?;
        drafts::clear(tx, DraftForm::Escort)?;
        Ok(id)
    })?)
}

/// The discharge view at the clock's now: live gates while observed, the snapshot once cleared.
pub fn view(state: &AppState, session_id: i64) -> Result<DischargeView, VigilError> {
    state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    Ok(state.store.with_conn(|c| {
        let session = sessions::get(c, session_id)?;
        let standing = discharge::standing(c, session_id)?;
        let gates = match discharge::snapshot(c, session_id)? {
            Some(cleared) if standing.phase != SessionPhase::Observing => cleared.gates,
            _ => discharge::gates_of(c, &session, now)?,
        };
        let policy = discharge::policy(c)?;
        let ready = if session.protocol == Protocol::Spravato {
            let stored = checks::for_session(c, session_id)?;
            ready_without_minimum_minutes(&session, &stored, &thresholds::current(c)?, &policy)
        } else {
            None
        };
        Ok(DischargeView {
            session_id,
            bay: session.bay.clone(),
            patient_name: session.patient_name.clone(),
            protocol: session.protocol,
            phase: standing.phase,
            gates,
            escort: discharge::escort(c, session_id)?,
            policy,
            cleared_at: standing.cleared_at,
            cleared_by: standing.cleared_by,
            departed_at: standing.left_at,
            ready_without_minimum_minutes: ready,
        })
    })?)
}

/// Checks the signature, decides against the live gates and records the clearance.
pub fn clear(state: &AppState, input: &DischargeInput) -> Result<i64, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    auth::verify_signature(state, &nurse, &input.pin)?;
    let now = state.clock.now();
    leaving(state, input.session_id, now, SessionPhase::may_clear, |tx, session, gates| {
        let escort = discharge::escort(tx, session.id)?;
        let snapshot = input.decide(&gates, escort.as_ref())?;
        let id = discharge::clear(tx, session.id, &snapshot, nurse.id, now)?;
        drafts::clear(tx, DraftForm::Discharge)?;
        Ok(id)
    })
}

/// Records the departure of a cleared patient.
pub fn depart(state: &AppState, session_id: i64) -> Result<i64, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    Ok(state.store.with_tx(|tx| discharge::depart(tx, session_id, nurse.id, now))?)
}

/// Validates the against-advice form (with the gates as they stand) and records it.
pub fn against_advice<Tz: TimeZone>(
    state: &AppState,
    input: &AgainstAdviceInput,
    tz: &Tz,
) -> Result<i64, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    let allowed = SessionPhase::may_leave_against_advice;
    leaving(state, input.session_id, now, allowed, |tx, session, gates| {
        let form = input.validate(session, gates, now, tz)?;
        let id = discharge::leave_against_advice(tx, session.id, &form, nurse.id, now)?;
        drafts::clear(tx, DraftForm::AgainstAdvice)?;
        Ok(id)
    })
}

/// One way out of recovery, in one transaction: the session, refused unless its phase is
/// `allowed`, and its gates as they stand at `now`, handed to `write`.
pub(crate) fn leaving<T>(
    state: &AppState,
    session_id: i64,
    now: DateTime<Utc>,
    allowed: fn(SessionPhase) -> Result<(), VigilError>,
    write: impl FnOnce(&Transaction<'_>, &RecoverySession, DischargeGates) -> Result<T, StoreError>,
) -> Result<T, VigilError> {
    Ok(state.store.with_tx(|tx| {
        let session = sessions::get(tx, session_id)?;
        allowed(discharge::standing(tx, session.id)?.phase)?;
        let gates = discharge::gates_of(tx, &session, now)?;
        write(tx, &session, gates)
    })?)
}

#[cfg(test)]
mod tests;
