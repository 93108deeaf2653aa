//! No discharge time before the admission (issue 12, item 15): an escort's arrival or ETA,
//! or the prescriber's notification on leaving against advice, typed before the recovery
//! clock started is refused on its field and nothing is written.

use super::*;

fn local(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

#[test]
fn times_before_the_clock_start_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = session_commands::admit(&state, &admit_input(&clock), &Utc).expect("admit");
    clock.advance(Duration::minutes(30));
    let before_start = local(t0() - Duration::minutes(10));
    let before = everything(&state);

    let arrived = EscortInput {
        arrived_at: before_start.clone(),
        ..escort_input(id, EscortKind::ArrivedIdentified)
    };
    let err = escort(&state, &arrived, &Utc).expect_err("arrival before admission");
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("arrivedAt")));
    let expected = EscortInput {
        status: "expected".into(),
        eta: before_start.clone(),
        ..escort_input(id, EscortKind::ArrivedIdentified)
    };
    let err = escort(&state, &expected, &Utc).expect_err("ETA before admission");
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("eta")));
    let notified = AgainstAdviceInput {
        prescriber_notified: true,
        prescriber: "Dr Test Prescriber".into(),
        notified_at: before_start,
        ..against_advice_input(id)
    };
    let err = against_advice(&state, &notified, &Utc).expect_err("notified before admission");
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("notifiedAt")));
    assert_eq!(everything(&state), before, "nothing written");

    let on_time = EscortInput { arrived_at: local(t0()), ..arrived };
    escort(&state, &on_time, &Utc).expect("an arrival at the clock start is accepted");
}
