//! Recording a check re-reads, inside its own transaction, what the caller validated it
//! against: a departure committed since refuses an observation after it (nothing written), and
//! the orthostatic heart-rate flag is the threshold in force then. The alert sweep's deadlines
//! never read pre-dose decisions, so an unreadable one cannot stop every alert.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{Duration, Utc};
use common::{iv_admission, now, NURSE};
use vigil_core::checks::{
    BloodPressure, Check, CheckContext, CheckInput, OrthostaticInput, Vitals,
};
use vigil_core::discharge::{AgainstAdvice, WillDrive};
use vigil_core::{ErrorCode, Protocol, RecoverySession};
use vigil_store::{alerts, audit, checks, discharge, sessions, thresholds, Store, StoreError};

/// A store with one IV ketamine session whose clock started 70 minutes ago.
fn store_with_session(dir: &std::path::Path) -> (Store, RecoverySession) {
    let store = common::open_in(dir);
    let admission = iv_admission("Bay 4", 70);
    let id = store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("admit");
    let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
    (store, session)
}

/// An observation `minutes_ago`, validated while the patient was still in recovery.
fn observation(session: &RecoverySession, minutes_ago: i64, o: Option<OrthostaticInput>) -> Check {
    let input = CheckInput {
        session_id: Some(session.id as f64),
        purpose: "observation".into(),
        observed_at: (now() - Duration::minutes(minutes_ago)).format("%Y-%m-%d %H:%M").to_string(),
        symptom_grade: Some(0.0),
        orthostatic: o,
        ..CheckInput::default()
    };
    let context = CheckContext::new(session.id, Protocol::IvKetamine, session.clock_started_at);
    input
        .validate(now(), &Utc, &CheckContext { late_entry_minutes: 24 * 60, ..context })
        .expect("valid")
}

/// The patient leaves against advice `minutes_ago`.
fn leave(store: &Store, session: &RecoverySession, minutes_ago: i64) {
    let gates = store
        .with_conn(|c| discharge::gates(c, std::slice::from_ref(session), now()))
        .expect("gates")
        .remove(&session.id)
        .expect("assessed");
    let form = AgainstAdvice {
        risks_explained: true,
        prescriber_notified: false,
        prescriber: None,
        notified_at: None,
        will_drive: WillDrive::No,
        escort_present: false,
        actions_taken: "Risks explained to the patient.".into(),
        signature_refused: false,
        witness: None,
        left_at: now() - Duration::minutes(minutes_ago),
        gates,
    };
    store
        .with_tx(|tx| discharge::leave_against_advice(tx, session.id, &form, NURSE, now()))
        .expect("left");
}

#[test]
fn an_observation_after_a_departure_committed_since_validation_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, session) = store_with_session(dir.path());
    // Validated while the patient was in recovery (no departure known), for 2 minutes ago.
    let check = observation(&session, 2, None);
    leave(&store, &session, 5);
    let entries = store.with_conn(audit::count).expect("count");
    let err = store
        .with_tx(|tx| checks::record(tx, &session, &check, None, NURSE, now()))
        .expect_err("refused");
    match err {
        StoreError::Rule(e) => {
            assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("observedAt")));
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(store.with_conn(audit::count).expect("count"), entries, "no audit entry");
    assert!(store.with_conn(|c| checks::for_session(c, session.id)).expect("read").is_empty());
    // An observation before the departure is still recorded.
    let before = observation(&session, 10, None);
    store
        .with_tx(|tx| checks::record(tx, &session, &before, None, NURSE, now()))
        .expect("before the departure");
}

#[test]
fn the_heart_rate_flag_is_the_threshold_in_force_when_the_check_is_recorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, session) = store_with_session(dir.path());
    let o = OrthostaticInput {
        method: "sit_to_stand".into(),
        baseline_systolic: Some(120.0),
        baseline_diastolic: Some(80.0),
        standing_systolic: Some(118.0),
        standing_diastolic: Some(78.0),
        baseline_heart_rate: Some(70.0),
        standing_heart_rate: Some(96.0),
        ..OrthostaticInput::default()
    };
    let check = observation(&session, 2, Some(o));
    assert_eq!(check.orthostatic.as_ref().and_then(|o| o.hr_rise_flag_at), Some(30));
    let mut settings = store.with_conn(thresholds::current).expect("thresholds");
    settings.orthostatic_hr_rise = 25;
    store.with_tx(|tx| thresholds::set(tx, &settings, NURSE, now())).expect("set");
    store.with_tx(|tx| checks::record(tx, &session, &check, None, NURSE, now())).expect("saved");
    let stored = store.with_conn(|c| checks::for_session(c, session.id)).expect("read");
    let o = stored[0].check.orthostatic.as_ref().expect("kept");
    assert_eq!(o.hr_rise_flag_at, Some(25));
    assert!(o.heart_rate_flagged(), "a rise of 26 is flagged at 25");
}

#[test]
fn an_unreadable_predose_decision_does_not_stop_the_deadlines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, session) = store_with_session(dir.path());
    let mut baseline = observation(&session, 60, None);
    baseline.purpose = vigil_core::checks::CheckPurpose::Baseline;
    baseline.observed_at = session.clock_started_at - Duration::minutes(5);
    // Above the pre-dose limit, so the board's status carries a standing to attach to.
    baseline.vitals = Some(Vitals {
        bp: Some(BloodPressure { systolic: 150, diastolic: 95 }),
        heart_rate: None,
        spo2: None,
        oxygen: None,
        respiratory_rate: None,
        temperature_c: None,
    });
    let id = store
        .with_tx(|tx| checks::record(tx, &session, &baseline, None, NURSE, now()))
        .expect("baseline")
        .check_id;
    // A decision row whose time cannot be read.
    store
        .with_tx(|tx| {
            Ok(tx.execute(
                "INSERT INTO predose_decisions (session_id, check_id, decision, prescriber,
                    decided_at_ms, note, systolic, diastolic, threshold_systolic,
                    threshold_diastolic, recorded_at_ms, recorded_by)
                 VALUES (?1, ?2, 'proceed', 'Dr Test Prescriber', ?3, '', 150, 95, 140, 90,
                    ?4, 1)",
                rusqlite::params![session.id, id, i64::MAX, now().timestamp_millis()],
            )?)
        })
        .expect("inserted");
    let deadlines = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("deadlines");
    assert!(deadlines.iter().any(|d| d.session_id == session.id), "{deadlines:?}");
    // The board, which shows decisions, does report the unreadable row.
    let statuses = store.with_conn(|c| {
        let mut statuses = checks::statuses(c, std::slice::from_ref(&session), now())?;
        assert!(statuses[&session.id].predose.is_some(), "above the limit");
        vigil_store::predose::attach(c, &mut statuses)
    });
    assert!(statuses.is_err(), "the corrupt row is not silently skipped");
}
