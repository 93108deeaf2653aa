//! Recovery sessions: admitting a patient and loading the board.

use super::Arg;
use tauri::{AppHandle, Runtime, State};
use vigil_core::draft::DraftForm;
use vigil_core::payload;
use vigil_core::{AdmitInput, Permission, RecoveryBoard, VigilError};
use vigil_store::{alerts, checks, discharge, drafts, protocols, sessions};

use crate::events::{signal, RECORDS_CHANGED};
use crate::state::AppState;

/// Admits a patient; returns the new session id once the row is committed.
#[tauri::command(async)]
pub fn admit_patient<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<i64, VigilError> {
    let input: AdmitInput = payload::parse_arg("input", input)?;
    let id = admit(&state, &input, &chrono::Local)?;
    tracing::info!("admitted session {id}");
    signal(&app, RECORDS_CHANGED);
    Ok(id)
}

/// Everyone in recovery, as of now (initials only while locked or signed out).
#[tauri::command(async)]
pub fn load_board(state: State<'_, AppState>) -> Result<RecoveryBoard, VigilError> {
    board(&state)
}

/// Validates and stores an admission, reading typed local times in zone `tz`; the admit
/// form's draft goes in the same transaction.
pub fn admit<Tz: chrono::TimeZone>(
    state: &AppState,
    input: &AdmitInput,
    tz: &Tz,
) -> Result<i64, VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    let current = state.store.with_conn(protocols::current)?;
    let admission = input.validate(now, tz, &current)?;
    Ok(state.store.with_tx(|tx| {
        // One patient per bay, checked in the write transaction so two admissions cannot race.
        vigil_store::bays::refuse_occupied(tx, &admission.bay, now)?;
        let id = sessions::insert(tx, &admission, nurse.id, now)?;
        drafts::clear(tx, DraftForm::Admit)?;
        Ok(id)
    })?)
}

/// Builds the board from stored sessions at the clock's now; redacted unless the workstation
/// is open.
pub fn board(state: &AppState) -> Result<RecoveryBoard, VigilError> {
    let now = state.clock.now();
    // A record that does not decode affects only its own patient's row (`unreadable`).
    let (rows, alerted, statuses, standing, unreadable) = state.store.with_conn(|c| {
        let mut unreadable = vigil_store::unreadable::Unreadable::default();
        let u = &mut unreadable;
        let alerted = alerts::active_each(c, now, u)?.into_iter().map(|a| a.session_id).collect();
        let rows = sessions::on_board_each(c, now, u)?;
        let mut statuses = checks::statuses_each(c, &rows, now, u)?;
        vigil_store::predose::attach_each(c, &mut statuses, u)?;
        let standing = discharge::board(c, &rows, now, u)?;
        Ok((rows, alerted, statuses, standing, unreadable.for_board()))
    })?;
    let board = RecoveryBoard::build(&rows, &alerted, &statuses, now)
        .with_discharge(&standing)
        .with_unreadable(&unreadable.0, unreadable.1);
    Ok(if state.is_open() { board } else { board.redacted() })
}

#[cfg(test)]
mod bay_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};
    use std::sync::Arc;
    use vigil_core::{ErrorCode, FixedClock, RecoveryState};

    fn state(dir: &std::path::Path, clock: Arc<FixedClock>) -> AppState {
        crate::test_support::admin_state(dir, clock)
    }

    fn input(clock_started_at: &str) -> AdmitInput {
        AdmitInput {
            patient_name: "Testy McTestface".into(),
            bay: "Bay 1".into(),
            protocol: "im_ketamine".into(),
            recovery_minutes: Some(50.0),
            clock_started_at: clock_started_at.into(),
            chart_number: "TEST-0001".into(),
            date_of_birth: "1980-02-29".into(),
            dose_mg: Some(35.0),
            weight_kg: None,
            later_device_times: Vec::new(),
            note: String::new(),
        }
    }

    #[test]
    fn admitted_patient_appears_and_reaches_minimum_with_the_clock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let t0 = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        let clock = Arc::new(FixedClock::new(t0));
        let state = state(dir.path(), clock.clone());
        let id = admit(&state, &input("2026-07-01T11:30"), &Utc).expect("admit");
        let row = &board(&state).expect("board").rows[0];
        assert_eq!((row.session_id, row.state), (id, RecoveryState::Recovering));
        assert_eq!(row.ends_at, t0 + Duration::minutes(20));
        clock.advance(Duration::minutes(20));
        assert_eq!(board(&state).expect("board").rows[0].minimum_minutes, 50);
        assert_eq!(board(&state).expect("board").rows[0].state, RecoveryState::MinimumReached);
    }

    #[test]
    fn rejected_admission_writes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let t0 = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        let state = state(dir.path(), Arc::new(FixedClock::new(t0)));
        let err = admit(&state, &input("2026-07-01T12:10"), &Utc).expect_err("future");
        assert_eq!(err.code, ErrorCode::Validation);
        assert_eq!(err.field.as_deref(), Some("clockStartedAt"));
        assert!(board(&state).expect("board").rows.is_empty());
    }

    #[test]
    fn an_admission_takes_its_draft_with_it_and_a_refusal_keeps_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let t0 = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        let state = state(dir.path(), Arc::new(FixedClock::new(t0)));
        let draft =
            |s: &AppState| s.store.with_conn(|c| drafts::load(c, DraftForm::Admit)).expect("load");
        state
            .store
            .with_tx(|tx| drafts::save(tx, DraftForm::Admit, "{\"bay\":\"Bay 1\"}", t0))
            .expect("save");
        admit(&state, &input("2026-07-01T12:10"), &Utc).expect_err("future");
        assert!(draft(&state).is_some(), "a refused admission keeps the draft");
        admit(&state, &input("2026-07-01T11:30"), &Utc).expect("admit");
        assert_eq!(draft(&state), None, "the saved admission cleared it");
    }
}
