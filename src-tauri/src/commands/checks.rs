//! Bedside checks: record one, correct one (a new record pointing at the original), load a
//! patient's detail view, and the orthostatic verdict for the form as the nurse types. A saved
//! check's clinical alerts are raised like any other alert once the transaction has committed.
//! A saved check takes the check form's draft with it, in its transaction.
//! Check payloads are parsed here (not by the IPC layer) so a wrong type names its field.

use super::Arg;
use chrono::{TimeZone, Timelike};
use tauri::{AppHandle, Manager, Runtime, State};
use vigil_core::checks::{
    CheckContext, CheckInput, CheckSaved, CorrectionInput, OrthostaticInput, OrthostaticResult,
    PadssConfirmInput, SessionDetail,
};
use vigil_core::draft::DraftForm;
use vigil_core::{payload, Deadline, DeadlineKind, Permission, VigilError};
use vigil_store::checks::{self as stored, Recorded};
use vigil_store::{discharge, drafts, session_detail, sessions, thresholds};

use crate::alerting;
use crate::events::{signal, RECORDS_CHANGED};
use crate::scheduler::Fired;
use crate::state::AppState;

/// Records a check; returns its id and the clinical alerts it raised.
#[tauri::command(async)]
pub fn record_check<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<CheckSaved, VigilError> {
    let input: CheckInput = payload::parse_arg("input", input)?;
    let (saved, fired) = record(&state, &input, &chrono::Local)?;
    tracing::info!("check {} recorded", saved.check_id);
    raise(&app, &fired);
    signal(&app, RECORDS_CHANGED);
    Ok(saved)
}

/// Records a correction of an earlier check.
#[tauri::command(async)]
pub fn correct_check<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<CheckSaved, VigilError> {
    let input: CorrectionInput = payload::parse_arg("input", input)?;
    let (saved, fired) = correct(&state, &input, &chrono::Local)?;
    tracing::info!("check {} recorded as a correction", saved.check_id);
    raise(&app, &fired);
    signal(&app, RECORDS_CHANGED);
    Ok(saved)
}

/// One patient's detail view.
#[tauri::command(async)]
pub fn load_session(
    state: State<'_, AppState>,
    session_id: Arg,
) -> Result<SessionDetail, VigilError> {
    let session_id: i64 = payload::parse_arg("sessionId", session_id)?;
    detail(&state, session_id)
}

/// Records that the signed-in nurse confirmed the Modified PADSS shown.
#[tauri::command(async)]
pub fn confirm_padss<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<SessionDetail, VigilError> {
    let input: PadssConfirmInput = payload::parse_arg("input", input)?;
    let detail = confirm(&state, &input)?;
    signal(&app, RECORDS_CHANGED);
    Ok(detail)
}

/// Checks the confirmed total against the score computed now and records it.
pub fn confirm(state: &AppState, input: &PadssConfirmInput) -> Result<SessionDetail, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    let detail = state.store.with_conn(|c| session_detail::load(c, input.session_id, now))?;
    input.check_against(&detail.status.padss)?;
    let padss = detail.status.padss.clone();
    state.store.with_tx(|tx| stored::confirm_padss(tx, input.session_id, &padss, nurse.id, now))?;
    Ok(state.store.with_conn(|c| session_detail::load(c, input.session_id, now))?)
}

/// The orthostatic verdict of readings typed so far, the heart-rate rise compared with the
/// clinic's threshold in force.
#[tauri::command(async)]
pub fn preview_orthostatic(
    state: State<'_, AppState>,
    input: Arg,
) -> Result<OrthostaticResult, VigilError> {
    let input: OrthostaticInput = payload::parse_arg("input", input)?;
    preview(&state, &input)
}

/// [`preview_orthostatic`] without the IPC layer.
pub fn preview(
    state: &AppState,
    input: &OrthostaticInput,
) -> Result<OrthostaticResult, VigilError> {
    let settings = state.store.with_conn(thresholds::current)?;
    Ok(input.preview(settings.orthostatic_hr_rise))
}

/// The detail of a session (patient data: needs an open workstation).
pub fn detail(state: &AppState, session_id: i64) -> Result<SessionDetail, VigilError> {
    state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    Ok(state.store.with_conn(|c| session_detail::load(c, session_id, now))?)
}

/// Validates and stores a check, reading typed local times in zone `tz`.
pub fn record<Tz: TimeZone>(
    state: &AppState,
    input: &CheckInput,
    tz: &Tz,
) -> Result<(CheckSaved, Vec<Fired>), VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let session_id = input.session_id()?;
    let session = state.store.with_conn(|c| sessions::get(c, session_id))?;
    let now = state.clock.now();
    let context = context(state, &session)?;
    let check = input.validate(now, tz, &context)?;
    let recorded = state.store.with_tx(|tx| {
        let recorded = stored::record(tx, &session, &check, None, nurse.id, now)?;
        drafts::clear(tx, DraftForm::Check)?;
        Ok(recorded)
    })?;
    Ok(outcome(&session, recorded))
}

/// Validates and stores a correction of the check `input.originalCheckId`.
pub fn correct<Tz: TimeZone>(
    state: &AppState,
    input: &CorrectionInput,
    tz: &Tz,
) -> Result<(CheckSaved, Vec<Fired>), VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let original = input.original_check_id()?;
    let session_id = state
        .store
        .with_conn(|c| stored::session_of(c, original))?
        .ok_or_else(|| VigilError::validation("originalCheckId", "That check does not exist."))?;
    let session = state.store.with_conn(|c| sessions::get(c, session_id))?;
    let now = state.clock.now();
    let context = context(state, &session)?;
    let correction = input.validate(now, tz, &context)?;
    let recorded = state.store.with_tx(|tx| {
        let corrects = Some((correction.original_check_id, correction.reason.as_str()));
        let recorded = stored::record(tx, &session, &correction.check, corrects, nurse.id, now)?;
        drafts::clear(tx, DraftForm::Check)?;
        Ok(recorded)
    })?;
    Ok(outcome(&session, recorded))
}

/// What validation must know about `session`, with when the patient left (checks observed
/// after it are refused).
fn context(
    state: &AppState,
    session: &vigil_core::RecoverySession,
) -> Result<CheckContext, VigilError> {
    let mut context = CheckContext::new(session.id, session.protocol, session.clock_started_at);
    let left_at = state.store.with_conn(|c| discharge::standing(c, session.id))?.left_at;
    // Clinical times are whole seconds: a check typed for "now" just after the departure
    // must not slip under a departure recorded with its milliseconds.
    context.ended_at = left_at.map(|t| t.with_nanosecond(0).unwrap_or(t));
    context.orthostatic_hr_rise = state.store.with_conn(thresholds::current)?.orthostatic_hr_rise;
    Ok(context)
}

fn outcome(session: &vigil_core::RecoverySession, recorded: Recorded) -> (CheckSaved, Vec<Fired>) {
    let fired = recorded
        .alerts
        .iter()
        .map(|(firing_id, alert)| Fired {
            firing_id: *firing_id,
            deadline: Deadline {
                session_id: session.id,
                kind: DeadlineKind::Clinical,
                key: format!("{}:{}", recorded.check_id, alert.kind.as_str()),
                due_at: alert.observed_at,
                detail: alert.message.clone(),
            },
            bay: session.bay.clone(),
            patient_name: session.patient_name.clone(),
        })
        .collect();
    let saved = CheckSaved {
        check_id: recorded.check_id,
        alerts: recorded.alerts.into_iter().map(|(_, a)| a).collect(),
    };
    (saved, fired)
}

/// Raises the clinical alerts a saved check set off (in-app first, then the notification).
fn raise<R: Runtime>(app: &AppHandle<R>, fired: &[Fired]) {
    let state = app.state::<AppState>();
    // Being raised before it is raised, as the sweep does: a sweep in between (the firing
    // older than its grace) must not raise it a second time.
    state.alert_ledger.raising(fired.iter().map(|f| f.firing_id));
    if let Some(notifier) = &state.notifier {
        for f in fired {
            alerting::raise(app, notifier, f);
        }
    }
    // Once raised (a sweep raises a firing that has no raising, after a crash too).
    state.alert_ledger.write_marks(&state.store, state.clock.now());
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod heart_rate_tests;

#[cfg(test)]
mod alert_tests;
