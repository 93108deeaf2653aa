//! The pre-dose decision through the command functions: a real database file, a fake clock,
//! the signed-in test administrator. When it is asked for, what an accepted one writes, and
//! refusals that change nothing.

use super::*;
use chrono::{Duration, Utc};
use vigil_core::checks::{CorrectionInput, PredoseChoice, PredoseStanding, TimelineKind};
use vigil_core::{Clock, ErrorCode, FixedClock};

use crate::commands::discharge::against_advice;
use crate::commands::{checks as check_commands, sessions as session_commands};
use crate::discharge_inputs::{admit_input, against_advice_input, baseline, vitals};
use crate::test_support::{admin_state_at_t0, everything};

/// Admits an IV patient at the clock's now with a pre-dose baseline of `sys/dia`; returns the
/// session and the baseline check.
fn admit_with_baseline(state: &AppState, clock: &FixedClock, sys: f64, dia: f64) -> (i64, i64) {
    let id = session_commands::admit(state, &admit_input(clock), &Utc).expect("admit");
    let input =
        vigil_core::checks::CheckInput { vitals: Some(vitals(sys, dia)), ..baseline(id, clock) };
    let (saved, _) = check_commands::record(state, &input, &Utc).expect("baseline");
    (id, saved.check_id)
}

fn decision(session: i64, check: i64, clock: &FixedClock) -> PredoseDecisionInput {
    PredoseDecisionInput {
        session_id: Some(session as f64),
        check_id: Some(check as f64),
        decision: "proceed".into(),
        prescriber: "Dr Test Prescriber".into(),
        decided_at: clock.now().format("%Y-%m-%dT%H:%M").to_string(),
        note: String::new(),
    }
}

/// The standing on the board row and on the patient's record (they must agree).
fn standing(state: &AppState, id: i64) -> Option<PredoseStanding> {
    let board = session_commands::board(state).expect("board");
    let row = board.rows.into_iter().find(|r| r.session_id == id).expect("on the board");
    let detail = check_commands::detail(state, id).expect("detail");
    assert_eq!(row.predose, detail.status.predose, "board and record agree");
    row.predose
}

#[test]
fn a_baseline_above_140_90_asks_for_the_decision_and_140_90_does_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let (high, check) = admit_with_baseline(&state, &clock, 150.0, 95.0);
    let needed = standing(&state, high).expect("a decision is needed");
    assert_eq!((needed.check_id, needed.decision.as_ref()), (check, None));
    assert_eq!(
        needed.describe(&|_| String::new()),
        "Pre-dose BP 150/95 above 140/90: prescriber's decision needed"
    );
    let (at_limit, check) = admit_with_baseline(&state, &clock, 140.0, 90.0);
    assert_eq!(standing(&state, at_limit), None);
    let before = everything(&state);
    let err = record(&state, &decision(at_limit, check, &clock), &Utc).expect_err("not needed");
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("checkId")));
    assert_eq!(everything(&state), before);
}

#[test]
fn an_accepted_decision_is_attributed_audited_and_in_the_timeline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let (id, check) = admit_with_baseline(&state, &clock, 150.0, 95.0);
    clock.advance(Duration::minutes(3));
    let decision_id = record(&state, &decision(id, check, &clock), &Utc).expect("recorded");
    let decided = standing(&state, id).expect("still shown").decision.expect("decided");
    assert_eq!(decided.id, decision_id);
    assert_eq!(decided.decision.decision, PredoseChoice::Proceed);
    assert_eq!(decided.who.as_deref(), Some("Test Admin, RN"));
    let (action, records, nurse): (String, String, Option<i64>) = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT action, records, nurse_id FROM audit_events ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .expect("audit");
    assert_eq!(action, "predose_decision");
    assert!(records.contains("predose_decisions"), "{records}");
    assert!(nurse.is_some());
    let detail = check_commands::detail(&state, id).expect("detail");
    let entry = detail
        .timeline
        .iter()
        .find(|e| e.kind == TimelineKind::PredoseDecision)
        .expect("in the timeline");
    // Decided 3 minutes after the clock started (the dose): accepted, and marked as late.
    assert_eq!(
        entry.summary,
        "Pre-dose BP 150/95 above 140/90: prescriber's decision: proceed (Dr Test Prescriber) \
         (decided after the dose started)"
    );
    assert_eq!(entry.who.as_deref(), Some("Test Admin, RN"));
}

#[test]
fn bad_input_names_its_field_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let (id, check) = admit_with_baseline(&state, &clock, 150.0, 95.0);
    let before = everything(&state);
    type Change = fn(&mut PredoseDecisionInput);
    let cases: [(&str, Change); 7] = [
        ("sessionId", |i| i.session_id = None),
        ("checkId", |i| i.check_id = Some(9999.0)),
        ("decision", |i| i.decision = "later".into()),
        ("prescriber", |i| i.prescriber = " ".into()),
        ("decidedAt", |i| i.decided_at = "2026-07-01T13:30".into()),
        ("decidedAt", |i| i.decided_at = "2026-06-30T23:00".into()),
        ("note", |i| i.note = "\u{7}".into()),
    ];
    for (field, change) in cases {
        let mut bad = decision(id, check, &clock);
        change(&mut bad);
        let err = record(&state, &bad, &Utc).expect_err(field);
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some(field)));
    }
    let wrong_type = serde_json::json!({"sessionId": id, "checkId": "the first"});
    let err = payload::parse::<PredoseDecisionInput>(wrong_type).expect_err("wrong type");
    assert_eq!(err.field.as_deref(), Some("checkId"));
    assert_eq!(everything(&state), before, "no row, no audit entry");
    assert!(standing(&state, id).expect("still needed").needs_decision());
}

#[test]
fn a_second_decision_is_a_conflict_and_a_correction_asks_again_or_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let (id, check) = admit_with_baseline(&state, &clock, 150.0, 95.0);
    record(&state, &decision(id, check, &clock), &Utc).expect("first");
    let before = everything(&state);
    let mut second = decision(id, check, &clock);
    second.decision = "do_not_dose".into();
    let err = record(&state, &second, &Utc).expect_err("second");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(err.message.contains("already recorded"), "{}", err.message);
    assert_eq!(everything(&state), before);
    let correct = |check: i64, sys: f64, dia: f64| {
        let input = CorrectionInput {
            original_check_id: Some(check as f64),
            reason: "Typed into the wrong field.".into(),
            check: vigil_core::checks::CheckInput {
                vitals: Some(vitals(sys, dia)),
                ..baseline(id, &clock)
            },
        };
        check_commands::correct(&state, &input, &Utc).expect("corrected").0.check_id
    };
    let still_high = correct(check, 160.0, 95.0);
    let again = standing(&state, id).expect("a new decision is needed");
    assert_eq!((again.check_id, again.decision), (still_high, None));
    correct(still_high, 130.0, 85.0);
    assert_eq!(standing(&state, id), None, "a normal reading needs no decision");
}

#[test]
fn no_decision_after_the_patient_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let (id, check) = admit_with_baseline(&state, &clock, 150.0, 95.0);
    clock.advance(Duration::minutes(2));
    against_advice(&state, &against_advice_input(id), &Utc).expect("left");
    let before = everything(&state);
    let err = record(&state, &decision(id, check, &clock), &Utc).expect_err("left");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(everything(&state), before);
}
