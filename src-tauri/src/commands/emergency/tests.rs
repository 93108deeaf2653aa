//! Emergency access through the command functions (issue 12, item 1): a real database file, a
//! fake clock. As an administrator account it still gives clinical work only; it locks when
//! its time is up; what is done under it is stamped in the audit trail; the next administrator
//! who signs in with a PIN reviews it, once, audited.

use super::*;
use chrono::Duration;
use vigil_core::{
    AdmitInput, BackupSettingsEdit, Clock, EmergencyInput, ErrorCode, PinResetInput, RestoreInput,
    SignInInput,
};
use vigil_store::audit::Action;

use crate::commands::{auth, people, records, sessions, settings as settings_commands};
use crate::locks::lock_if_emergency_over;
use crate::test_support::{account, admin_state_at_t0, everything, ADMIN_PIN};

const REASON: &str = "Administrator PIN forgotten, patient in Bay 2 needs care";

fn break_glass(state: &AppState, nurse_id: i64) -> i64 {
    auth::break_glass(state, &EmergencyInput { nurse_id, reason: REASON.into() })
        .expect("emergency access");
    state.store.emergency_use().expect("a use in force")
}

fn pin_sign_in(state: &AppState, nurse_id: i64, pin: &str) {
    auth::sign_in_with_pin(state, &SignInInput { nurse_id, pin: pin.into() }).expect("sign in");
}

fn assert_refused(result: Result<impl std::fmt::Debug, VigilError>) {
    let err = result.expect_err("refused under emergency access");
    assert_eq!(err.code, ErrorCode::Forbidden, "{err:?}");
    assert!(err.message.contains("clinical work only"), "{}", err.message);
}

fn admit(bay: &str) -> AdmitInput {
    AdmitInput {
        patient_name: "Testy McTestface".into(),
        bay: bay.into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        clock_started_at: "2026-07-01T11:58".into(),
        chart_number: "TEST-0001".into(),
        date_of_birth: "1980-02-29".into(),
        dose_mg: Some(35.0),
        weight_kg: Some(70.0),
        later_device_times: Vec::new(),
        note: String::new(),
    }
}

/// (action, emergency_use) of every audit entry after `after`, in order.
fn entries_after(state: &AppState, after: i64) -> Vec<(String, Option<i64>)> {
    state
        .store
        .with_conn(|c| {
            let mut s = c.prepare(
                "SELECT action, emergency_use FROM audit_events WHERE seq > ?1 ORDER BY seq",
            )?;
            let rows = s.query_map([after], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("entries")
}

#[test]
fn emergency_access_as_an_administrator_cannot_reset_that_administrators_pin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    auth::leave(&state).expect("signed out");
    break_glass(&state, 1);
    let before = everything(&state);
    let input = PinResetInput { nurse_id: 1, pin: "13572468".into(), pin_again: "13572468".into() };
    assert_refused(people::new_pin(&state, &input));
    assert_eq!(everything(&state), before, "no new PIN, no audit entry");
}

#[test]
fn emergency_access_as_an_administrator_cannot_create_an_administrator() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    auth::leave(&state).expect("signed out");
    break_glass(&state, 1);
    let before = everything(&state);
    assert_refused(people::create(&state, &account("Test Intruder", "admin", "86421357")));
    assert_eq!(everything(&state), before);
}

#[test]
fn emergency_access_as_an_administrator_cannot_restore_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let made = crate::backup::routine(&state, Some(1)).expect("a backup with no patient");
    sessions::admit(&state, &admit("Bay 2"), &chrono::Utc).expect("admitted after it");
    auth::leave(&state).expect("signed out");
    break_glass(&state, 1);
    assert_refused(records::restore(&state, &RestoreInput { file: made.file }));
    let board = sessions::board(&state).expect("board");
    assert_eq!(board.rows.len(), 1, "the patient is still on the board");
}

#[test]
fn emergency_access_as_an_administrator_cannot_keep_only_one_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    auth::leave(&state).expect("signed out");
    break_glass(&state, 1);
    let before = everything(&state);
    let folder = dir.path().join("backups").to_string_lossy().into_owned();
    let edit = BackupSettingsEdit { folder, interval_minutes: 60.0, keep: 1.0 };
    assert_refused(settings_commands::change_backup(&state, &edit));
    assert_eq!(everything(&state), before);
}

#[test]
fn every_administrator_action_is_refused_and_clinical_work_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    auth::leave(&state).expect("signed out");
    break_glass(&state, 1);
    // Every administrator command asks this first (grep `Permission::Administer`).
    assert_refused(state.nurse_for(Permission::Administer));
    assert_refused(people::set_active(
        &state,
        &vigil_core::AccountStatusInput { nurse_id: 1, active: false },
    ));
    let edit = vigil_core::ProtocolEdit { protocol: "iv_ketamine".into(), minimum_minutes: 15.0 };
    assert_refused(settings_commands::change_protocol(&state, &edit));
    let edit = vigil_core::IdleLockEdit { seconds: 3600.0 };
    assert_refused(settings_commands::change_idle_lock(&state, &edit));
    assert_refused(change_limit(&state, &EmergencyLimitEdit { minutes: 120.0 }));
    assert_refused(unreviewed(&state));
    assert_refused(review(&state, &EmergencyUseInput { seq: 1.0 }));
    assert!(sessions::admit(&state, &admit("Bay 2"), &chrono::Utc).is_ok(), "clinical work");
}

#[test]
fn emergency_access_locks_when_its_time_is_up_and_a_pin_is_needed_after() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    change_limit(&state, &EmergencyLimitEdit { minutes: 10.0 }).expect("10 minutes");
    auth::leave(&state).expect("signed out");
    break_glass(&state, 1);
    let status = auth::status(&state).expect("status");
    assert_eq!(status.emergency_ends_at, Some(clock.now() + Duration::minutes(10)));
    clock.advance(Duration::seconds(599));
    assert!(!lock_if_emergency_over(&state).expect("checked"));
    clock.advance(Duration::seconds(1));
    assert!(lock_if_emergency_over(&state).expect("checked"));
    assert!(state.workstation().is_locked() && !state.is_open());
    assert_eq!(state.store.emergency_use(), None, "the use ended with the lock");
    let expired = entries_after(&state, 0).into_iter().filter(|(a, _)| a == "emergency_expired");
    assert_eq!(expired.count(), 1);
    assert!(sessions::admit(&state, &admit("Bay 2"), &chrono::Utc).is_err(), "locked");
    pin_sign_in(&state, 1, ADMIN_PIN);
    assert!(state.nurse_for(Permission::Administer).is_ok(), "with the PIN, all of it");
}

#[test]
fn the_limit_defaults_to_30_minutes_and_refuses_bad_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    assert_eq!(super::super::settings::load(&state).expect("load").emergency_minutes, 30);
    let before = everything(&state);
    for bad in [4.0, 121.0, 12.5, f64::NAN] {
        let err = change_limit(&state, &EmergencyLimitEdit { minutes: bad }).expect_err("bad");
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("minutes")));
    }
    assert_eq!(everything(&state), before, "nothing changed");
    let s = change_limit(&state, &EmergencyLimitEdit { minutes: 45.0 }).expect("45");
    assert_eq!(s.emergency_minutes, 45);
}

#[test]
fn actions_under_emergency_access_are_stamped_with_its_use_and_the_chain_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    people::create(&state, &account("Test Nurse", "nurse", "135790")).expect("account");
    auth::leave(&state).expect("signed out");
    let (head, _) = state.store.with_conn(vigil_store::audit::head).expect("head");
    let use_seq = break_glass(&state, 2);
    sessions::admit(&state, &admit("Bay 2"), &chrono::Utc).expect("admit");
    auth::lock(&state, Action::Lock).expect("lock");
    pin_sign_in(&state, 1, ADMIN_PIN);
    sessions::admit(&state, &admit("Bay 3"), &chrono::Utc).expect("admit after");
    let got = entries_after(&state, head);
    let stamped: Vec<&str> =
        got.iter().filter(|(_, u)| *u == Some(use_seq)).map(|(a, _)| a.as_str()).collect();
    assert!(stamped.contains(&"admit"), "{got:?}");
    assert_eq!(got.iter().filter(|(a, _)| a == "admit").count(), 2);
    assert_eq!(
        got.iter().filter(|(a, u)| a == "admit" && u.is_none()).count(),
        1,
        "after the PIN sign-in nothing is stamped: {got:?}"
    );
    assert!(got.iter().any(|(a, u)| a == "emergency_access" && u.is_none()));
    let report = state.store.with_conn(|c| vigil_store::audit::verify(c, true)).expect("verify");
    assert_eq!(report.first_bad, None);
}

#[test]
fn the_next_administrator_reviews_each_use_once_and_the_review_is_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    people::create(&state, &account("Test Nurse", "nurse", "135790")).expect("account");
    auth::leave(&state).expect("signed out");
    let use_seq = break_glass(&state, 2);
    sessions::admit(&state, &admit("Bay 2"), &chrono::Utc).expect("admit");
    auth::leave(&state).expect("signed out");
    pin_sign_in(&state, 1, ADMIN_PIN);

    let uses = unreviewed(&state).expect("uses");
    assert_eq!(uses.len(), 1);
    let u = &uses[0];
    assert_eq!(
        (u.seq, u.nurse.id, u.reason.as_str(), u.reviewed_by.clone()),
        (use_seq, 2, REASON, None)
    );
    assert_eq!(u.actions, 2, "the admission and the sign-out: {u:?}");
    let done = actions(&state, &EmergencyUseInput { seq: use_seq as f64 }).expect("actions");
    assert_eq!(done.iter().map(|a| a.action.as_str()).collect::<Vec<_>>(), ["admit", "sign_out"]);

    let left = review(&state, &EmergencyUseInput { seq: use_seq as f64 }).expect("reviewed");
    assert!(left.is_empty());
    let audited =
        entries_after(&state, use_seq).into_iter().filter(|(a, _)| a == "emergency_review");
    assert_eq!(audited.count(), 1);
    let detail: String = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT detail FROM audit_events WHERE action = 'emergency_review'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("detail");
    assert!(detail.contains(&format!("#{use_seq}")), "{detail}");

    let before = everything(&state);
    let again = review(&state, &EmergencyUseInput { seq: use_seq as f64 }).expect_err("once");
    assert_eq!(again.code, ErrorCode::Conflict);
    let not_a_use = review(&state, &EmergencyUseInput { seq: 1.0 }).expect_err("not a use");
    assert_eq!(not_a_use.code, ErrorCode::NotFound);
    let bad = review(&state, &EmergencyUseInput { seq: -3.0 }).expect_err("bad");
    assert_eq!((bad.code, bad.field.as_deref()), (ErrorCode::Validation, Some("seq")));
    assert_eq!(everything(&state), before);
}

#[test]
fn only_the_emergency_nurses_own_entries_are_stamped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    people::create(&state, &account("Test Nurse", "nurse", "135790")).expect("account");
    auth::leave(&state).expect("signed out");
    let use_seq = break_glass(&state, 2);
    let wrong = SignInInput { nurse_id: 1, pin: "97531086".into() };
    auth::sign_in_with_pin(&state, &wrong).expect_err("the administrator's wrong PIN");
    sessions::admit(&state, &admit("Bay 2"), &chrono::Utc).expect("the emergency nurse admits");
    pin_sign_in(&state, 1, ADMIN_PIN); // the administrator switches in with a PIN
    let got = entries_after(&state, use_seq);
    assert_eq!(
        got,
        [
            ("sign_in_failed".to_string(), None),
            ("admit".to_string(), Some(use_seq)),
            ("switch_nurse".to_string(), None)
        ]
    );
    assert_eq!(state.store.emergency_use(), None, "the PIN sign-in ended the use");
}

#[test]
fn a_lock_left_waiting_is_written_before_emergency_access_and_not_stamped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let (head, _) = state.store.with_conn(vigil_store::audit::head).expect("head");
    refuse_writes(&state, true);
    auth::lock(&state, Action::Lock).expect("locked, its entry waiting");
    refuse_writes(&state, false);
    let use_seq = break_glass(&state, 1);
    state.pending_audit.retry(&state.store); // the scheduler loop
    let got = entries_after(&state, head);
    assert_eq!(got, [("lock".to_string(), None), ("emergency_access".to_string(), None)]);
    assert_eq!(use_seq, head + 2);
}

#[test]
fn a_sign_out_left_waiting_keeps_the_stamp_of_its_emergency_access() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    people::create(&state, &account("Test Nurse", "nurse", "135790")).expect("account");
    auth::leave(&state).expect("signed out");
    let use_seq = break_glass(&state, 2);
    refuse_writes(&state, true);
    auth::leave(&state).expect("signed out, its entry waiting");
    refuse_writes(&state, false);
    pin_sign_in(&state, 1, ADMIN_PIN);
    let got = entries_after(&state, use_seq);
    assert_eq!(got, [("sign_out".to_string(), Some(use_seq)), ("sign_in".to_string(), None)]);
}

#[test]
fn past_its_limit_emergency_access_refuses_clinical_work_without_the_scheduler() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    auth::leave(&state).expect("signed out");
    break_glass(&state, 1);
    clock.advance(Duration::minutes(30));
    let err = sessions::admit(&state, &admit("Bay 2"), &chrono::Utc).expect_err("ended");
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(err.message, "Emergency access has ended: sign in with your PIN.");
    assert!(state.workstation().is_locked() && state.store.emergency_use().is_none());
    let expired = entries_after(&state, 0).into_iter().filter(|(a, _)| a == "emergency_expired");
    assert_eq!(expired.count(), 1);
    let again = sessions::admit(&state, &admit("Bay 2"), &chrono::Utc).expect_err("locked");
    assert_eq!(again.code, ErrorCode::Forbidden, "a PIN is needed now");
}

#[test]
fn an_unreadable_limit_ends_emergency_access_at_the_default() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    change_limit(&state, &EmergencyLimitEdit { minutes: 120.0 }).expect("120 minutes");
    auth::leave(&state).expect("signed out");
    break_glass(&state, 1);
    state
        .store
        .with_conn(|c| Ok(c.execute_batch("ALTER TABLE setting_changes RENAME TO unreadable")?))
        .expect("the settings made unreadable");
    clock.advance(Duration::minutes(30));
    assert!(lock_if_emergency_over(&state).expect("checked"), "the default 30 minutes");
    assert!(state.workstation().is_locked());
}

/// Makes the store refuse (or take again) every write: a read-only handle.
fn refuse_writes(state: &AppState, refuse: bool) {
    state
        .store
        .with_conn(|c| Ok(c.pragma_update(None, "query_only", refuse)?))
        .expect("query_only");
}
