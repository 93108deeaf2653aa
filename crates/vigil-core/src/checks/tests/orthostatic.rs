//! The orthostatic verdict at every cut-off, one mmHg either side, for both methods.

use super::*;

fn readings(base: (u32, u32)) -> OrthostaticReadings {
    OrthostaticReadings {
        baseline_systolic: Some(base.0),
        baseline_diastolic: Some(base.1),
        ..OrthostaticReadings::default()
    }
}

fn sit_result(base: (u32, u32), standing: (u32, u32)) -> OrthostaticResult {
    let r = OrthostaticReadings {
        standing_systolic: Some(standing.0),
        standing_diastolic: Some(standing.1),
        ..readings(base)
    };
    orthostatic_result(OrthostaticMethod::SitToStand, &r, 30)
}

fn lie_result(base: (u32, u32), one: (u32, u32), three: (u32, u32)) -> OrthostaticResult {
    let r = OrthostaticReadings {
        standing1_systolic: Some(one.0),
        standing1_diastolic: Some(one.1),
        standing3_systolic: Some(three.0),
        standing3_diastolic: Some(three.1),
        ..readings(base)
    };
    orthostatic_result(OrthostaticMethod::LieToStand, &r, 30)
}

use OrthostaticOutcome::{Incomplete, Negative, NotDone, Positive};

#[test]
fn sit_to_stand_cut_offs() {
    // (systolic fall, diastolic fall, expected)
    let cases = [
        (14, 0, Negative),
        (15, 0, Positive),
        (16, 0, Positive),
        (0, 6, Negative),
        (0, 7, Positive),
        (0, 8, Positive),
        (14, 6, Negative),
        (-10, -5, Negative),
    ];
    for (sys_fall, dia_fall, want) in cases {
        let standing = ((120 - sys_fall) as u32, (80 - dia_fall) as u32);
        let r = sit_result((120, 80), standing);
        assert_eq!(r.outcome, want, "fall {sys_fall}/{dia_fall}: {r:?}");
        // The same through validation of the form, for the check's verdict.
        let input = with(|i| {
            i.orthostatic = Some(sit((120.0, 80.0), (f64::from(standing.0), f64::from(standing.1))))
        });
        assert_eq!(
            valid(&input).lightheadedness_positive(),
            want == Positive,
            "{sys_fall}/{dia_fall}"
        );
    }
}

#[test]
fn sit_to_stand_reasons_name_the_fall_and_the_limit() {
    assert_eq!(sit_result((120, 80), (104, 80)).reasons, ["systolic fell 16 mmHg (≥ 15)"]);
    assert_eq!(sit_result((120, 80), (120, 73)).reasons, ["diastolic fell 7 mmHg (≥ 7)"]);
    assert_eq!(
        sit_result((120, 80), (100, 70)).reasons,
        ["systolic fell 20 mmHg (≥ 15)", "diastolic fell 10 mmHg (≥ 7)"]
    );
    assert_eq!(
        sit_result((120, 80), (126, 80)).reasons,
        ["systolic rose 6 mmHg (positive at ≥ 15)", "diastolic did not change (positive at ≥ 7)"]
    );
}

#[test]
fn lie_to_stand_cut_offs_at_one_and_three_minutes() {
    let base = (130, 80);
    let same = base;
    for (fall, want) in [(19, Negative), (20, Positive), (21, Positive)] {
        let drop = (130 - fall, 80);
        assert_eq!(lie_result(base, drop, same).outcome, want, "1 min systolic fall {fall}");
        assert_eq!(lie_result(base, same, drop).outcome, want, "3 min systolic fall {fall}");
    }
    for (fall, want) in [(9, Negative), (10, Positive), (11, Positive)] {
        let drop = (130, 80 - fall);
        assert_eq!(lie_result(base, drop, same).outcome, want, "1 min diastolic fall {fall}");
        assert_eq!(lie_result(base, same, drop).outcome, want, "3 min diastolic fall {fall}");
    }
    // Standing systolic below 90, with falls below 20.
    let low = (105, 70);
    for (standing, want) in [(89, Positive), (90, Negative), (91, Negative)] {
        let s = (standing, 65);
        assert_eq!(lie_result(low, s, (105, 70)).outcome, want, "1 min standing {standing}");
        assert_eq!(lie_result(low, (105, 70), s).outcome, want, "3 min standing {standing}");
    }
    assert_eq!(
        lie_result(low, (89, 65), (105, 70)).reasons,
        ["at 1 min: standing systolic 89 mmHg (< 90)"]
    );
    assert_eq!(
        lie_result(base, same, (110, 80)).reasons,
        ["at 3 min: systolic fell 20 mmHg (≥ 20)"]
    );
}

#[test]
fn lie_to_stand_limits_are_not_sit_to_stand_limits() {
    // A 15/7 fall is positive sitting, negative lying.
    assert_eq!(sit_result((130, 80), (115, 73)).outcome, Positive);
    assert_eq!(lie_result((130, 80), (115, 73), (115, 73)).outcome, Negative);
    // Below 90 standing counts lying only.
    assert_eq!(sit_result((100, 70), (89, 65)).outcome, Negative);
}

#[test]
fn symptoms_on_standing_are_positive_regardless() {
    for method in [OrthostaticMethod::SitToStand, OrthostaticMethod::LieToStand] {
        let none =
            OrthostaticReadings { symptoms_on_standing: true, ..OrthostaticReadings::default() };
        let r = orthostatic_result(method, &none, 30);
        assert_eq!(
            (r.outcome, r.reasons.clone()),
            (Positive, vec!["symptoms on standing".to_owned()])
        );
        let unchanged = OrthostaticReadings {
            standing_systolic: Some(120),
            standing_diastolic: Some(80),
            standing1_systolic: Some(120),
            standing1_diastolic: Some(80),
            standing3_systolic: Some(120),
            standing3_diastolic: Some(80),
            symptoms_on_standing: true,
            ..readings((120, 80))
        };
        assert_eq!(orthostatic_result(method, &unchanged, 30).outcome, Positive, "{method:?}");
    }
}

#[test]
fn partial_readings_are_incomplete_until_decisive() {
    let r = orthostatic_result(OrthostaticMethod::SitToStand, &readings((120, 80)), 30);
    assert_eq!(r.outcome, Incomplete);
    assert_eq!(r.reasons, ["still needed: standing systolic, standing diastolic"]);
    let r = orthostatic_result(OrthostaticMethod::LieToStand, &OrthostaticReadings::default(), 30);
    assert_eq!(r.outcome, Incomplete);
    assert!(
        r.reasons[0].contains("lying systolic")
            && r.reasons[0].contains("3-min standing diastolic")
    );
    // Positive already at 1 min: the 3-minute readings are not needed.
    let one = OrthostaticReadings {
        standing1_systolic: Some(100),
        standing1_diastolic: Some(78),
        ..readings((130, 80))
    };
    assert_eq!(orthostatic_result(OrthostaticMethod::LieToStand, &one, 30).outcome, Positive);
    // Negative at 1 min is not yet a negative test.
    let one =
        OrthostaticReadings { standing1_systolic: Some(128), standing1_diastolic: Some(78), ..one };
    assert_eq!(orthostatic_result(OrthostaticMethod::LieToStand, &one, 30).outcome, Incomplete);
    // A systolic alone can decide.
    let sys_only = OrthostaticReadings {
        baseline_systolic: Some(130),
        standing_systolic: Some(110),
        ..Default::default()
    };
    assert_eq!(orthostatic_result(OrthostaticMethod::SitToStand, &sys_only, 30).outcome, Positive);
}

#[test]
fn not_done_is_its_own_outcome() {
    let r = orthostatic_result(OrthostaticMethod::NotDone, &OrthostaticReadings::default(), 30);
    assert_eq!(r.outcome, NotDone);
}

#[test]
fn preview_ignores_what_is_still_being_typed() {
    let typing = |standing_systolic: f64| OrthostaticInput {
        standing_systolic: Some(standing_systolic),
        ..sit((120.0, 80.0), (0.0, 78.0))
    };
    // "1", "10" on the way to "104": implausible values count as not entered.
    assert_eq!(typing(1.0).preview(30).outcome, Incomplete);
    assert_eq!(typing(10.0).preview(30).outcome, Incomplete);
    assert_eq!(typing(104.0).preview(30).outcome, Positive);
    assert_eq!(typing(f64::NAN).preview(30).outcome, Incomplete);
    assert_eq!(typing(110.5).preview(30).outcome, Incomplete);
    assert_eq!(typing(118.0).preview(30).outcome, Negative);
    let unknown =
        OrthostaticInput { method: "walking".into(), ..sit((120.0, 80.0), (100.0, 70.0)) };
    assert_eq!(unknown.preview(30).outcome, Incomplete);
    let not_done = OrthostaticInput { method: "not_done".into(), ..OrthostaticInput::default() };
    assert_eq!(not_done.preview(30).outcome, NotDone);
}

#[test]
fn a_not_done_test_is_recorded_but_does_not_count_as_a_lightheadedness_check() {
    let c = valid(&with(|i| {
        i.orthostatic = Some(OrthostaticInput {
            method: "not_done".into(),
            not_done_reason: "Still sedated".into(),
            ..OrthostaticInput::default()
        })
    }));
    let o = c.orthostatic.as_ref().expect("kept");
    assert_eq!(o.result().outcome, NotDone);
    assert!(!c.has_lightheadedness());
    assert!(!valid(&with(|i| i.gait = None)).has_lightheadedness(), "gait is needed");
    assert!(valid(&with(|i| i.orthostatic = None)).has_lightheadedness(), "test optional");
}

#[test]
fn orthostatic_readings_must_fit_the_method() {
    let cases: Vec<(CheckInput, &str)> = vec![
        (
            with(|i| orthostatic_of(i).standing1_systolic = Some(110.0)),
            "orthostatic.standing1Systolic",
        ),
        (
            with(|i| orthostatic_of(i).standing3_diastolic = Some(70.0)),
            "orthostatic.standing3Diastolic",
        ),
        (
            {
                let mut i = lie_base();
                orthostatic_of(&mut i).standing_systolic = Some(110.0);
                i
            },
            "orthostatic.standingSystolic",
        ),
        (
            with(|i| {
                let o = orthostatic_of(i);
                o.method = "not_done".into();
                o.not_done_reason = "Fall risk".into();
            }),
            "orthostatic.baselineSystolic",
        ),
        (
            with(|i| {
                *orthostatic_of(i) = OrthostaticInput {
                    method: "not_done".into(),
                    not_done_reason: "Fall risk".into(),
                    symptoms_on_standing: true,
                    ..OrthostaticInput::default()
                }
            }),
            "orthostatic.symptomsOnStanding",
        ),
        (
            with(|i| {
                (orthostatic_of(i).standing_systolic, orthostatic_of(i).standing_diastolic) =
                    (None, None)
            }),
            "orthostatic.standingSystolic",
        ),
        (
            {
                let mut i = lie_base();
                let o = orthostatic_of(&mut i);
                (o.standing3_systolic, o.standing3_diastolic) = (None, None);
                i
            },
            "orthostatic.standing3Systolic",
        ),
        (
            {
                let mut i = lie_base();
                let o = orthostatic_of(&mut i);
                (o.baseline_systolic, o.baseline_diastolic) = (None, None);
                i
            },
            "orthostatic.baselineSystolic",
        ),
    ];
    for (n, (input, field)) in cases.into_iter().enumerate() {
        assert_eq!(field_of(&input), field, "case {n}");
    }
}

#[test]
fn a_positive_orthostatic_test_may_stop_early() {
    // Dizzy at 1 minute: the 3-minute reading was never taken.
    let input = with(|i| {
        i.orthostatic = Some(OrthostaticInput {
            standing3_systolic: None,
            standing3_diastolic: None,
            ..lie((130.0, 80.0), (105.0, 75.0), (0.0, 0.0))
        })
    });
    let c = valid(&input);
    assert!(c.lightheadedness_positive());
    // Symptoms on standing with no reading at all.
    let input = with(|i| {
        i.orthostatic = Some(OrthostaticInput {
            method: "sit_to_stand".into(),
            symptoms_on_standing: true,
            ..OrthostaticInput::default()
        })
    });
    assert!(valid(&input).lightheadedness_positive());
}

#[test]
fn lightheadedness_positive_needs_a_lightheadedness_symptom_or_a_positive_test() {
    let graded = |grade: f64, symptoms: &[&str]| {
        valid(&with(|i| {
            i.symptom_grade = Some(grade);
            i.symptoms = symptoms.iter().map(|s| (*s).to_owned()).collect();
        }))
        .lightheadedness_positive()
    };
    assert!(!graded(0.0, &[]));
    for s in ["lightheaded", "spinning", "near_faint"] {
        assert!(graded(1.0, &[s]), "{s}");
    }
    for s in ["blurred_vision", "nausea"] {
        assert!(!graded(3.0, &[s]), "{s}");
    }
    assert!(valid(&with(|i| i.orthostatic = Some(sit((120.0, 80.0), (104.0, 80.0)))))
        .lightheadedness_positive());
}
