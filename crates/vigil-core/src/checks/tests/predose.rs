//! The pre-dose blood pressure decision: when it is needed, which check it refers to, and the
//! form's validation (each bad field named).

use chrono::{Duration, Utc};

use super::super::tests::{at, local, minimal, now, valid};
use super::*;
use crate::checks::{CheckInput, StoredCheck, VitalsInput};
use crate::ErrorCode;

/// A baseline check with blood pressure `sys/dia`, `m` minutes after the clock start.
fn baseline(id: i64, m: i64, sys: f64, dia: f64) -> StoredCheck {
    let input = CheckInput {
        purpose: "baseline".into(),
        observed_at: local(m),
        late_reason: "Typed after the dose was given.".into(),
        vitals: Some(VitalsInput {
            systolic: Some(sys),
            diastolic: Some(dia),
            ..VitalsInput::default()
        }),
        ..minimal()
    };
    StoredCheck {
        id,
        check: valid(&input),
        recorded_at: now(),
        who: None,
        corrects: None,
        corrected_by: None,
    }
}

fn assess(checks: &[StoredCheck]) -> Option<PredoseStanding> {
    PredoseStanding::assess(checks, &ThresholdSettings::default())
}

fn input(check_id: i64) -> PredoseDecisionInput {
    PredoseDecisionInput {
        session_id: Some(7.0),
        check_id: Some(check_id as f64),
        decision: "proceed".into(),
        prescriber: "Dr Test Prescriber".into(),
        decided_at: local(-5),
        note: String::new(),
    }
}

#[test]
fn above_140_90_needs_a_decision_and_140_90_itself_does_not() {
    for (sys, dia, needed) in [
        (150.0, 95.0, true),
        (141.0, 80.0, true),
        (120.0, 91.0, true),
        (140.0, 90.0, false),
        (118.0, 76.0, false),
    ] {
        let standing = assess(&[baseline(1, -10, sys, dia)]);
        assert_eq!(standing.is_some(), needed, "{sys}/{dia}");
    }
    let standing = assess(&[baseline(1, -10, 150.0, 95.0)]).expect("above");
    assert_eq!(standing.headline, "Pre-dose BP 150/95 above 140/90");
    assert_eq!(
        standing.describe(&|_| "09:55".into()),
        format!("{}: prescriber's decision needed", standing.headline)
    );
}

#[test]
fn the_limit_is_a_setting() {
    let strict = ThresholdSettings { predose_systolic: 130, ..ThresholdSettings::default() };
    let checks = [baseline(1, -10, 135.0, 80.0)];
    assert!(assess(&checks).is_none());
    let standing = PredoseStanding::assess(&checks, &strict).expect("above 130/90");
    assert_eq!(standing.headline, "Pre-dose BP 135/80 above 130/90");
}

#[test]
fn a_correction_to_a_normal_reading_removes_the_need() {
    let mut original = baseline(1, -10, 150.0, 95.0);
    original.corrected_by = Some(2);
    let mut correction = baseline(2, -10, 130.0, 85.0);
    correction.corrects = Some((1, "Typed into the wrong field.".into()));
    assert!(assess(&[original.clone(), correction]).is_none());
    let mut still_high = baseline(2, -10, 160.0, 95.0);
    still_high.corrects = Some((1, "Typed into the wrong field.".into()));
    let standing = assess(&[original, still_high]).expect("still above");
    assert_eq!(standing.check_id, 2, "the correction asks for its own decision");
}

#[test]
fn the_latest_baseline_reading_counts() {
    let standing = assess(&[baseline(1, -30, 150.0, 95.0), baseline(2, -10, 160.0, 100.0)]);
    assert_eq!(standing.map(|s| s.check_id), Some(2));
    assert!(assess(&[baseline(1, -30, 150.0, 95.0), baseline(2, -10, 132.0, 84.0)]).is_none());
}

#[test]
fn a_valid_decision_is_attached_and_described() {
    let standing = assess(&[baseline(4, -10, 150.0, 95.0)]).expect("above");
    let decision = input(4).validate(now(), &Utc, Some(&standing)).expect("valid");
    assert_eq!(decision.decision, PredoseChoice::Proceed);
    assert_eq!(decision.decided_at, at(-5));
    assert_eq!((decision.bp.systolic, decision.threshold.diastolic), (150, 90));
    let recorded =
        RecordedPredoseDecision { id: 1, decision, recorded_at: now(), who: None, late: None };
    let standing = standing.with_decisions(&[recorded]);
    assert!(!standing.needs_decision());
    assert_eq!(
        standing.describe(&|_| "09:55".into()),
        "Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at 09:55"
    );
}

#[test]
fn a_decision_for_another_check_is_not_attached() {
    let standing = assess(&[baseline(4, -10, 150.0, 95.0)]).expect("above");
    let mut decision = input(4).validate(now(), &Utc, Some(&standing)).expect("valid");
    decision.check_id = 3;
    let recorded =
        RecordedPredoseDecision { id: 1, decision, recorded_at: now(), who: None, late: None };
    assert!(standing.with_decisions(&[recorded]).needs_decision());
}

#[test]
fn each_bad_field_is_named() {
    let standing = assess(&[baseline(4, -10, 150.0, 95.0)]).expect("above");
    type Change = fn(&mut PredoseDecisionInput);
    let cases: [(&str, Change); 12] = [
        ("checkId", |i| i.check_id = None),
        ("checkId", |i| i.check_id = Some(5.0)),
        ("checkId", |i| i.check_id = Some(4.5)),
        ("decision", |i| i.decision = "maybe".into()),
        ("decision", |i| i.decision = String::new()),
        ("prescriber", |i| i.prescriber = "   ".into()),
        ("prescriber", |i| i.prescriber = "Dr\nTest".into()),
        ("prescriber", |i| i.prescriber = "P".repeat(101)),
        ("decidedAt", |i| i.decided_at = String::new()),
        ("decidedAt", |i| i.decided_at = "yesterday".into()),
        ("decidedAt", |i| i.decided_at = local(62)),
        ("note", |i| i.note = "a\u{202E}b".into()),
    ];
    for (field, change) in cases {
        let mut bad = input(4);
        change(&mut bad);
        let err = bad.validate(now(), &Utc, Some(&standing)).expect_err(field);
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some(field)));
        assert!(!err.message.contains("Test"), "no typed text echoed: {err:?}");
    }
}

#[test]
fn the_decision_time_is_within_12_hours_and_not_before_the_reading() {
    let standing = assess(&[baseline(4, -10, 150.0, 95.0)]).expect("above");
    let check = |m: i64| {
        let mut i = input(4);
        i.decided_at = local(m);
        i.validate(now(), &Utc, Some(&standing)).map(|d| d.decided_at)
    };
    assert_eq!(check(-10), Ok(at(-10)), "the minute of the reading itself");
    assert_eq!(check(-11).expect_err("before").field.as_deref(), Some("decidedAt"));
    assert_eq!(check(61), Ok(now()), "a minute of skew is now");
    let old = {
        let standing = assess(&[baseline(4, -10, 150.0, 95.0)]).expect("above");
        let mut i = input(4);
        i.decided_at = local(-5);
        i.validate(now() + Duration::hours(12), &Utc, Some(&standing))
    };
    assert_eq!(old.expect_err("too old").field.as_deref(), Some("decidedAt"));
}

#[test]
fn no_decision_is_taken_when_none_is_needed() {
    let normal = assess(&[baseline(4, -10, 130.0, 85.0)]);
    let err = input(4).validate(now(), &Utc, normal.as_ref()).expect_err("not needed");
    assert_eq!(err.field.as_deref(), Some("checkId"));
}

fn recorded(decision: PredoseDecision, late: Option<String>) -> RecordedPredoseDecision {
    RecordedPredoseDecision { id: 1, decision, recorded_at: now(), who: None, late }
}

#[test]
fn a_decision_after_the_dose_started_is_marked() {
    let standing = assess(&[baseline(4, -10, 150.0, 95.0)]).expect("above");
    let start = at(0);
    let mut early = PredoseDecisionInput { decided_at: local(-1), ..input(4) };
    let before = early.validate(now(), &Utc, Some(&standing)).expect("valid");
    assert_eq!(before.lateness(start), None);
    // The minute of the clock start itself is not after it (typed to the minute).
    early.decided_at = local(0);
    assert_eq!(early.validate(now(), &Utc, Some(&standing)).expect("valid").lateness(start), None);
    // A minute after: accepted (late truth is recorded), and marked wherever it is shown.
    let late_input = PredoseDecisionInput { decided_at: local(1), ..input(4) };
    let late = late_input.validate(now(), &Utc, Some(&standing)).expect("accepted");
    assert_eq!(late.lateness(start), Some(LATE_DECISION));
    let shown = standing.with_decisions(&[recorded(late, Some(LATE_DECISION.into()))]);
    assert_eq!(
        shown.describe(&|_| "10:01".into()),
        "Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at 10:01, \
         decided after the dose started"
    );
}

#[test]
fn a_recorded_decision_outlives_a_raised_limit_and_a_later_normal_baseline() {
    let checks = [baseline(4, -10, 150.0, 95.0)];
    let standing = assess(&checks).expect("above");
    let decision = input(4).validate(now(), &Utc, Some(&standing)).expect("valid");
    let decisions = [recorded(decision, None)];
    let line = "Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at 09:55";
    // The limit raised to 160/100: no live standing, the decision still shows as made.
    let raised = ThresholdSettings {
        predose_systolic: 160,
        predose_diastolic: 100,
        ..ThresholdSettings::default()
    };
    let live = PredoseStanding::assess(&checks, &raised);
    assert_eq!(live, None);
    let papers = PredoseStanding::on_record(live.as_ref(), &decisions, &checks);
    assert_eq!(papers.len(), 1);
    assert_eq!(papers[0].describe(&|_| "09:55".into()), line);
    let shown = PredoseStanding::shown(None, &decisions, &checks).expect("still shown");
    assert_eq!(shown.describe(&|_| "09:55".into()), line);
    // A limit lowered to 130/85 while still above: the stored limit is printed, not today's.
    let lowered = ThresholdSettings {
        predose_systolic: 130,
        predose_diastolic: 85,
        ..ThresholdSettings::default()
    };
    let live = PredoseStanding::assess(&checks, &lowered).expect("above");
    assert_eq!(live.with_decisions(&decisions).describe(&|_| "09:55".into()), line);
    // A later normal baseline: the decision on the earlier one is still on the papers.
    let later = [checks[0].clone(), baseline(5, -5, 120.0, 80.0)];
    let live = assess(&later);
    assert_eq!(live, None);
    let papers = PredoseStanding::on_record(None, &decisions, &later);
    assert_eq!(papers.iter().map(|p| p.check_id).collect::<Vec<_>>(), [4]);
    // A later baseline still above without a decision: both lines, the decision first.
    let higher = [checks[0].clone(), baseline(5, -5, 170.0, 100.0)];
    let live = assess(&higher);
    let papers = PredoseStanding::on_record(live.as_ref(), &decisions, &higher);
    assert_eq!(papers.iter().map(|p| p.needs_decision()).collect::<Vec<_>>(), [false, true]);
}
