//! Verifying on demand: administrators only, on a read-only connection of its own (never the
//! writer the scheduler uses), and against the newest backup's head.

use vigil_core::{ErrorCode, SignInInput};

use super::{check, verify};
use crate::backup::routine as back_up;
use crate::commands::{auth, people, sessions};
use crate::discharge_inputs::admit_input;
use crate::state::AppState;
use crate::test_support::{account, admin_state_at_t0, everything};

fn verify_entries(state: &AppState) -> i64 {
    state
        .store
        .with_conn(|c| {
            Ok(c.query_row("SELECT count(*) FROM audit_events WHERE action = 'verify'", [], |r| {
                r.get(0)
            })?)
        })
        .expect("count")
}

#[test]
fn signed_out_or_as_a_nurse_verification_is_forbidden_and_records_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let nurses = people::create(&state, &account("Test Nurse", "nurse", "2468")).expect("nurse");
    let nurse = nurses.iter().find(|n| n.display_name == "Test Nurse").expect("created").id;
    auth::leave(&state).expect("sign out");
    let before = everything(&state);
    let err = verify(&state).expect_err("signed out");
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(everything(&state), before, "a refused verification writes nothing");
    auth::sign_in_with_pin(&state, &SignInInput { nurse_id: nurse, pin: "2468".into() })
        .expect("nurse signs in");
    let err = verify(&state).expect_err("not an administrator");
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(verify_entries(&state), 0);
}

#[test]
fn an_administrator_verifies_and_the_check_is_recorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let status = verify(&state).expect("verify");
    assert!(status.ok, "{status:?}");
    assert_eq!(verify_entries(&state), 1);
    assert_eq!(state.integrity(), status);
}

#[test]
fn the_check_runs_while_the_writer_connection_is_held() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        // Hold the store's one writer connection (as a long write would) while checking.
        let held = state.store.with_conn(|_writer| {
            scope.spawn(|| {
                let _ = done.send(check(&state).map(|(_, status)| status.ok));
            });
            Ok(finished.recv_timeout(std::time::Duration::from_secs(30)))
        });
        let outcome = held.expect("writer").expect("the check finished while the writer was held");
        assert!(outcome.expect("checked"), "the database verifies");
    });
}

#[test]
fn a_lost_entry_the_last_backup_holds_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = sessions::admit(&state, &admit_input(&clock), &chrono::Utc).expect("admit");
    let made = back_up(&state, None).expect("backup");
    state
        .store
        .with_conn(|c| {
            Ok(c.execute_batch(&format!(
                "DROP TRIGGER audit_events_no_delete; DROP TRIGGER recovery_sessions_no_delete;
                 DELETE FROM audit_events WHERE seq >= (SELECT seq FROM audit_events
                                                          WHERE action = 'admit');
                 DELETE FROM recovery_sessions WHERE id = {id};"
            ))?)
        })
        .expect("tamper");
    let status = verify(&state).expect("verify");
    assert!(!status.ok);
    let problem = status.problem.unwrap_or_default();
    assert!(problem.contains(&made.file), "{problem}");
}
