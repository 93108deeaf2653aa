//! Quitting and counting through the command functions, on a real database file: the quit's
//! recount (a changed board is refused and writes nothing), its one audit entry, the refusals
//! with patients while locked or signed out (with nobody, no nurse is needed), when storage
//! refuses, and the entries of window closes. Fictional patients only.

use super::*;
use chrono::Duration;
use vigil_core::deadline::Deadline;
use vigil_core::{DeadlineKind, FixedClock};

use crate::commands::{auth, sessions as admit};
use crate::discharge_inputs::admit_input;
use crate::test_support::{admin_state_at_t0, everything, t0};
use crate::tray::close_guard::record_window_close;

/// Admits one patient whose clock starts now; returns the session id.
fn admit_one(state: &AppState, clock: &FixedClock) -> i64 {
    admit::admit(state, &admit_input(clock), &chrono::Utc).expect("admit")
}

/// An alert fired now for `session`.
fn fire(state: &AppState, session: i64) {
    let deadline = Deadline {
        session_id: session,
        kind: DeadlineKind::MinimumReached,
        key: "minimum".into(),
        due_at: t0(),
        detail: String::new(),
    };
    state.store.with_tx(|tx| alerts::record_firing(tx, &deadline, t0())).expect("fire");
}

/// The `app_quit` entries as (nurse, detail).
fn quits(state: &AppState) -> Vec<(Option<i64>, String)> {
    state
        .store
        .with_conn(|c| {
            let mut s = c.prepare(
                "SELECT nurse_id, detail FROM audit_events WHERE action = 'app_quit' ORDER BY seq",
            )?;
            let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("entries")
}

fn quit(patients: u32) -> QuitInput {
    QuitInput { patients_in_recovery: patients }
}

#[test]
fn the_counts_are_the_patients_on_the_board_and_their_open_alerts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    assert_eq!(counts(&state).expect("counts"), Counts::default());
    let first = admit_one(&state, &clock);
    admit_one(&state, &clock);
    fire(&state, first);
    assert_eq!(counts(&state).expect("counts"), Counts { patients: 2, open_alerts: 1 });
    clock.advance(Duration::hours(25));
    assert_eq!(counts(&state).expect("counts"), Counts::default(), "off the board after 24 h");
}

#[test]
fn a_quit_with_the_count_the_nurse_saw_is_recorded_once_by_that_nurse() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let session = admit_one(&state, &clock);
    fire(&state, session);
    let (_, counted) = confirm_quit(&state, &quit(1)).expect("quit");
    assert_eq!(counted, Counts { patients: 1, open_alerts: 1 });
    let nurse = state.workstation().current().map(|s| s.nurse.id);
    let detail = "quit; patients left on the board: 1; open alerts: 1".to_owned();
    assert_eq!(quits(&state), vec![(nurse, detail)]);
}

#[test]
fn a_quit_after_the_board_changed_is_a_conflict_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    admit_one(&state, &clock);
    admit_one(&state, &clock);
    let before = everything(&state);
    let e = confirm_quit(&state, &quit(1)).expect_err("the board has two");
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(
        e.message,
        "The board changed: 2 patients are in recovery now. Look again before quitting."
    );
    assert_eq!(everything(&state), before);
}

#[test]
fn a_quit_with_patients_while_locked_or_signed_out_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    admit_one(&state, &clock);
    auth::lock(&state, Action::Lock).expect("lock");
    let before = everything(&state);
    assert_eq!(confirm_quit(&state, &quit(1)).expect_err("locked").code, ErrorCode::Forbidden);
    assert_eq!(everything(&state), before);
    auth::leave(&state).expect("sign out");
    let before_out = everything(&state);
    assert_eq!(confirm_quit(&state, &quit(1)).expect_err("signed out").code, ErrorCode::Forbidden);
    assert_eq!(everything(&state), before_out);
    assert!(quits(&state).is_empty());
}

#[test]
fn a_quit_with_nobody_in_recovery_needs_no_nurse_and_is_by_the_unlocked_nurse_or_nobody() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let nurse = state.workstation().current().map(|s| s.nurse.id);
    confirm_quit(&state, &quit(0)).expect("unlocked");
    auth::lock(&state, Action::Lock).expect("lock");
    confirm_quit(&state, &quit(0)).expect("locked");
    auth::leave(&state).expect("sign out");
    confirm_quit(&state, &quit(0)).expect("signed out");
    let detail = "quit; patients left on the board: 0; open alerts: 0".to_owned();
    assert_eq!(
        quits(&state),
        vec![(nurse, detail.clone()), (None, detail.clone()), (None, detail)]
    );
}

#[test]
fn a_quit_for_nobody_while_signed_out_is_a_conflict_once_a_patient_is_on_the_board() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    admit_one(&state, &clock);
    auth::leave(&state).expect("sign out");
    let before = everything(&state);
    let e = confirm_quit(&state, &quit(0)).expect_err("one in recovery");
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(everything(&state), before);
}

#[test]
fn a_quit_storage_refuses_says_vigil_is_still_running_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let refuse = |on: bool| {
        state.store.with_conn(|c| Ok(c.pragma_update(None, "query_only", on)?)).expect("pragma")
    };
    refuse(true);
    let e = confirm_quit(&state, &quit(0)).expect_err("storage refuses");
    refuse(false);
    assert_eq!(e.code, ErrorCode::Storage);
    assert!(e.message.starts_with("Vigil is still running: the quit was not recorded."), "{e:?}");
    assert!(quits(&state).is_empty());
}

#[test]
fn a_window_closed_with_nobody_in_recovery_is_recorded_by_the_unlocked_nurse_or_nobody() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let nurse = state.workstation().current().map(|s| s.nurse.id);
    record_window_close(&state, Some(0), false);
    auth::lock(&state, Action::Lock).expect("lock");
    record_window_close(&state, Some(2), true);
    let detail = "window closed; patients on the board: 0".to_owned();
    let silent =
        "window closed; the page did not answer the close question; patients on the board: 2";
    assert_eq!(quits(&state), vec![(nurse, detail), (None, silent.to_owned())]);
}
