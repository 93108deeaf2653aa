//! One "not ready" list (issue 11, bug 3): the board's row, the patient's record and the
//! discharge dialog show the same failing items, from the same gates, for one session on a
//! real database file; a check positive only by symptoms is explained by its symptoms.

use super::*;
use vigil_core::checks::CheckInput;

#[test]
fn the_board_the_record_and_the_discharge_dialog_give_the_same_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = session_commands::admit(&state, &admit_input(&clock), &Utc).expect("admit");
    check_commands::record(&state, &baseline(id, &clock), &Utc).expect("baseline");
    clock.advance(Duration::minutes(20));
    // Positive by symptoms only: the orthostatic test (120/80, then 118/78) is negative.
    let dizzy = CheckInput {
        symptom_grade: Some(1.0),
        symptoms: vec!["lightheaded".into(), "blurred_vision".into()],
        ..recovery_check(id, true)
    };
    check_commands::record(&state, &dizzy, &Utc).expect("check");
    // +41 min: the +30 vitals and the re-check of the positive check (+35) are overdue.
    clock.advance(Duration::minutes(21));

    let (_, board) = readiness(&state, id);
    let record = check_commands::detail(&state, id).expect("detail").gates.missing;
    let view = view(&state, id).expect("discharge view");
    let dialog: Vec<String> = view
        .gates
        .gates
        .iter()
        .filter(|g| !g.passed)
        .map(|g| format!("{}: {}", g.label, g.detail))
        .collect();
    assert_eq!(
        board,
        [
            "Minimum period: 19 min left",
            "Escort: No escort recorded",
            "Lightheadedness and gait: Check positive (symptoms: lightheaded (mild))",
            "Planned checks: 2 checks overdue: Vitals at +30 min, \
             Lightheadedness re-check (positive check)",
        ]
    );
    assert_eq!(record, board, "the patient's record");
    assert_eq!(view.gates.missing, board, "the discharge view");
    assert_eq!(dialog, board, "the dialog's failed gates");
    assert!(board.iter().all(|item| !item.contains("systolic")), "{board:?}");
}
