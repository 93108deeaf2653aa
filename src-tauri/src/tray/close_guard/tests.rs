//! The close guard's decisions, the question without a count, the entry's detail, and the
//! real `answer` on records that refuse to be read (a mock app): it asks with no count and
//! never exits. Fictional records only.

use super::*;
use std::sync::mpsc;
use std::time::Duration;
use tauri::Listener;

use crate::test_support::admin_state_at_t0;

#[test]
fn a_close_asks_while_patients_are_in_recovery_or_the_count_is_unknown() {
    assert_eq!(decide(true, Some(1), false), CloseDecision::Ask);
    assert_eq!(decide(true, Some(12), false), CloseDecision::Ask);
    assert_eq!(decide(true, None, false), CloseDecision::Ask);
}

#[test]
fn a_close_with_nobody_in_recovery_is_recorded_and_before_the_records_open_it_just_closes() {
    assert_eq!(decide(true, Some(0), false), CloseDecision::RecordAndExit);
    assert_eq!(decide(false, Some(3), false), CloseDecision::Close);
    assert_eq!(decide(false, None, true), CloseDecision::Close);
}

#[test]
fn a_close_after_the_page_left_a_question_unanswered_exits_whatever_the_count() {
    assert_eq!(decide(true, Some(2), true), CloseDecision::ExitUnanswered);
    assert_eq!(decide(true, None, true), CloseDecision::ExitUnanswered);
    assert_eq!(decide(true, Some(0), true), CloseDecision::ExitUnanswered);
}

#[test]
fn the_question_without_a_count_says_none_not_zero() {
    let request = question(None, CloseReason::Window, true);
    assert_eq!(request.patients_in_recovery, None);
    assert_eq!(
        (request.reason, request.open_alerts, request.tray_available),
        (CloseReason::Window, 0, true)
    );
    let counted =
        question(Some(Counts { patients: 0, open_alerts: 1 }), CloseReason::TrayQuit, false);
    assert_eq!((counted.patients_in_recovery, counted.open_alerts), (Some(0), 1));
}

#[test]
fn the_entry_of_a_window_close_says_whether_the_page_answered_and_the_count() {
    assert_eq!(close_detail(Some(0), false), "window closed; patients on the board: 0");
    assert_eq!(
        close_detail(Some(2), true),
        "window closed; the page did not answer the close question; patients on the board: 2"
    );
    assert_eq!(
        close_detail(None, true),
        "window closed; the page did not answer the close question; patients on the board: \
         not counted"
    );
}

#[test]
fn a_close_when_the_patients_cannot_be_counted_asks_with_no_count_and_never_exits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    // A view in the connection's temp schema hides the sessions table: every count fails.
    state
        .store
        .with_conn(|c| Ok(c.execute_batch("CREATE TEMP VIEW recovery_sessions AS SELECT 1 AS x")?))
        .expect("hide the sessions");
    assert!(crate::commands::tray::counts(&state).is_err(), "the records refuse reads");
    let app = tauri::test::mock_builder()
        .build(tauri::test::mock_context(tauri::test::noop_assets()))
        .expect("mock app");
    app.manage(state);
    app.manage(Closing::default());
    let (heard, payloads) = mpsc::channel();
    app.listen_any(CLOSE_REQUESTED, move |event| {
        let _ = heard.send(event.payload().to_owned());
    });
    answer(app.handle(), CloseReason::Window);
    let payload = payloads.recv_timeout(Duration::from_secs(5)).expect("the question");
    assert!(payload.contains(r#""patientsInRecovery":null"#), "{payload}");
    assert!(payload.contains(r#""reason":"window""#), "{payload}");
    let closing = app.state::<Closing>();
    assert!(!closing.exiting(), "a failed count never exits");
    assert!(closing.page_silent(Instant::now() + Duration::from_secs(11)), "the ask is remembered");
    let state = app.state::<AppState>();
    state
        .store
        .with_conn(|c| Ok(c.execute_batch("DROP VIEW temp.recovery_sessions")?))
        .expect("show");
    let quits: i64 = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM audit_events WHERE action = 'app_quit'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    assert_eq!(quits, 0, "nothing recorded");
}
