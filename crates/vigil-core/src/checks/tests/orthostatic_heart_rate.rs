//! Heart rate on standing: the rise at the flag threshold, one bpm either side, for both
//! methods; a flagged rise alone is not a positive check, with symptoms it is; the rates are
//! validated like any reading; and checks stored before heart rates still load.

use super::*;

use OrthostaticOutcome::{Incomplete, Negative, Positive};

/// Sit-to-stand with a negative blood pressure (120/80 → 118/78) and the heart rates given.
fn sit_hr(base: Option<f64>, standing: Option<f64>) -> OrthostaticInput {
    OrthostaticInput {
        baseline_heart_rate: base,
        standing_heart_rate: standing,
        ..sit((120.0, 80.0), (118.0, 78.0))
    }
}

/// Lie-to-stand with a negative blood pressure and the heart rates given.
fn lie_hr(base: f64, one: Option<f64>, three: Option<f64>) -> OrthostaticInput {
    OrthostaticInput {
        baseline_heart_rate: Some(base),
        standing1_heart_rate: one,
        standing3_heart_rate: three,
        ..lie((130.0, 80.0), (128.0, 78.0), (126.0, 78.0))
    }
}

fn check_with(o: OrthostaticInput, grade: f64, symptoms: &[&str]) -> Check {
    valid(&with(|i| {
        i.orthostatic = Some(o);
        i.symptom_grade = Some(grade);
        i.symptoms = symptoms.iter().map(|s| (*s).to_owned()).collect();
    }))
}

#[test]
fn the_rise_is_flagged_at_the_threshold_for_both_methods() {
    // (sitting or lying rate, highest standing rate, flagged)
    for (base, standing, flagged) in [(70.0, 99.0, false), (70.0, 100.0, true), (70.0, 101.0, true)]
    {
        let rise = (standing - base) as i32;
        let want = Some(HeartRateRise { rise, flag_at: 30, flagged });
        let sit = check_with(sit_hr(Some(base), Some(standing)), 0.0, &[]);
        let o = sit.orthostatic.as_ref().expect("kept");
        assert_eq!(o.heart_rate_rise(), want, "sit {base} → {standing}");
        assert_eq!(o.result().heart_rate, want);
        // Lie-to-stand: the highest of the 1- and 3-minute rates counts, either way round.
        for (one, three) in [(standing, base + 5.0), (base + 5.0, standing)] {
            let lie = check_with(lie_hr(base, Some(one), Some(three)), 0.0, &[]);
            assert_eq!(lie.orthostatic.as_ref().expect("kept").heart_rate_rise(), want);
        }
    }
}

#[test]
fn the_flag_follows_the_threshold_in_force() {
    let input = with(|i| i.orthostatic = Some(sit_hr(Some(70.0), Some(95.0))));
    let strict = CheckContext { orthostatic_hr_rise: 25, ..ctx() };
    let c = input.validate(now(), &Utc, &strict).expect("valid");
    let o = c.orthostatic.as_ref().expect("kept");
    assert_eq!(o.hr_rise_flag_at, Some(25));
    assert!(o.heart_rate_flagged());
    assert!(!valid(&input).orthostatic.expect("kept").heart_rate_flagged(), "30 by default");
    // The preview compares with the threshold it is given.
    let preview = sit_hr(Some(70.0), Some(95.0)).preview(25);
    assert_eq!(preview.heart_rate.map(|h| h.flagged), Some(true));
    assert_eq!(
        sit_hr(Some(70.0), Some(95.0)).preview(30).heart_rate.map(|h| h.flagged),
        Some(false)
    );
}

#[test]
fn a_check_is_stored_with_the_threshold_in_force_when_written() {
    // Validated under 30, written after the clinic changed it to 25: stored flagged at 25.
    let c = check_with(sit_hr(Some(70.0), Some(95.0)), 0.0, &[]);
    let settings = ThresholdSettings { orthostatic_hr_rise: 25, ..ThresholdSettings::default() };
    let stored = c.with_threshold_in_force(&settings);
    let o = stored.orthostatic.as_ref().expect("kept");
    assert_eq!((o.hr_rise_flag_at, o.heart_rate_flagged()), (Some(25), true));
    assert_eq!(Check { orthostatic: c.orthostatic.clone(), ..stored }, c, "nothing else changes");
    let without = Check { orthostatic: None, ..c };
    assert_eq!(without.with_threshold_in_force(&settings), without);
}

#[test]
fn a_flagged_rise_alone_is_not_a_positive_check() {
    let c = check_with(sit_hr(Some(70.0), Some(104.0)), 0.0, &[]);
    let r = c.orthostatic_result().expect("test");
    assert_eq!(r.outcome, Negative);
    assert!(r.heart_rate.is_some_and(|h| h.flagged && h.rise == 34));
    assert!(!c.lightheadedness_positive());
    assert!(c.lightheadedness_reasons().is_empty());
    assert_eq!(c.heart_rate_rise_with_symptoms(), None);
    // The flag still shows in the timeline line.
    let summary = c.summary();
    assert!(summary.contains("(sitting 120/80 HR 70, standing 118/78 HR 104)"), "{summary}");
    assert!(
        summary.contains("FLAGGED: heart rate rose 34 bpm on standing (flag at 30)"),
        "{summary}"
    );
    assert!(!summary.contains("POSITIVE"), "{summary}");
}

#[test]
fn a_flagged_rise_with_symptoms_is_a_positive_check() {
    // A lightheadedness symptom with the rise: both are named.
    let c = check_with(sit_hr(Some(70.0), Some(100.0)), 1.0, &["lightheaded"]);
    assert!(c.lightheadedness_positive());
    assert_eq!(
        c.lightheadedness_reasons(),
        [
            "symptoms: lightheaded (mild)",
            "heart rate rose 30 bpm on standing (flag at 30), with symptoms"
        ]
    );
    // Symptoms on standing: the test is positive and names the rise among its reasons.
    let on_standing =
        OrthostaticInput { symptoms_on_standing: true, ..lie_hr(60.0, Some(95.0), None) };
    let c = check_with(on_standing, 0.0, &[]);
    let r = c.orthostatic_result().expect("test");
    assert_eq!(r.outcome, Positive);
    assert_eq!(
        r.reasons,
        ["symptoms on standing", "heart rate rose 35 bpm on standing (flag at 30)"]
    );
    assert!(c.lightheadedness_positive());
}

#[test]
fn a_missing_rate_gives_no_rise_and_never_blocks_a_verdict() {
    for input in [sit_hr(None, Some(110.0)), sit_hr(Some(70.0), None), sit_hr(None, None)] {
        let r = valid(&with(|i| i.orthostatic = Some(input.clone())))
            .orthostatic_result()
            .expect("test");
        assert_eq!((r.outcome, r.heart_rate), (Negative, None));
    }
    // Lie-to-stand with only the 1-minute rate: the rise is known.
    let one = lie_hr(70.0, Some(72.0), None).preview(30);
    assert_eq!(one.heart_rate.map(|h| h.rise), Some(2));
    // The blood pressure still decides completeness.
    let partial = OrthostaticInput { standing_systolic: None, ..sit_hr(Some(70.0), Some(110.0)) };
    let r = partial.preview(30);
    assert_eq!(r.outcome, Incomplete);
    assert!(r.heart_rate.is_some_and(|h| h.flagged), "the flag shows while typing");
    assert_eq!(
        HeartRateRise { rise: -4, flag_at: 30, flagged: false }.text(),
        "heart rate fell 4 bpm on standing (flag at 30)"
    );
}

#[test]
fn heart_rates_are_refused_naming_the_field() {
    let cases: Vec<(OrthostaticInput, &str)> = vec![
        (sit_hr(Some(29.0), Some(80.0)), "orthostatic.baselineHeartRate"),
        (sit_hr(Some(70.0), Some(221.0)), "orthostatic.standingHeartRate"),
        (sit_hr(Some(70.0), Some(80.5)), "orthostatic.standingHeartRate"),
        (lie_hr(70.0, Some(f64::NAN), None), "orthostatic.standing1HeartRate"),
        (lie_hr(70.0, Some(80.0), Some(10.0)), "orthostatic.standing3HeartRate"),
        // A rate of the other method.
        (
            OrthostaticInput { standing3_heart_rate: Some(90.0), ..sit_hr(Some(70.0), None) },
            "orthostatic.standing3HeartRate",
        ),
        (
            OrthostaticInput { standing_heart_rate: Some(90.0), ..lie_hr(70.0, None, None) },
            "orthostatic.standingHeartRate",
        ),
        (
            OrthostaticInput {
                method: "not_done".into(),
                not_done_reason: "Fall risk".into(),
                baseline_heart_rate: Some(70.0),
                ..OrthostaticInput::default()
            },
            "orthostatic.baselineHeartRate",
        ),
    ];
    for (n, (o, field)) in cases.into_iter().enumerate() {
        assert_eq!(field_of(&with(|i| i.orthostatic = Some(o.clone()))), field, "case {n}");
    }
    // The plausible limits themselves are accepted.
    assert!(check_with(sit_hr(Some(30.0), Some(220.0)), 0.0, &[]).orthostatic.is_some());
}

#[test]
fn a_check_stored_before_heart_rates_still_loads() {
    // The orthostatic part as stored before heart rates existed (no rates, no threshold).
    let old = r#"{"method":"sit_to_stand","notDoneReason":null,"readings":{
        "baselineSystolic":120,"baselineDiastolic":80,"standingSystolic":104,
        "standingDiastolic":80,"standing1Systolic":null,"standing1Diastolic":null,
        "standing3Systolic":null,"standing3Diastolic":null,"symptomsOnStanding":false}}"#;
    let o: Orthostatic = serde_json::from_str(old).expect("old JSON loads");
    assert_eq!(o.readings.baseline_heart_rate, None);
    assert_eq!(o.hr_rise_flag_at, None);
    let r = o.result();
    assert_eq!((r.outcome, r.heart_rate), (Positive, None));
    // And a stored result without the heart rate.
    let old_result = r#"{"outcome":"negative","reasons":[]}"#;
    let r: OrthostaticResult = serde_json::from_str(old_result).expect("loads");
    assert_eq!(r.heart_rate, None);
    // What is written now reads back the same.
    let c = check_with(sit_hr(Some(70.0), Some(104.0)), 0.0, &[]);
    let json = serde_json::to_string(&c).expect("encodes");
    assert_eq!(serde_json::from_str::<Check>(&json).expect("decodes"), c);
}

#[test]
fn only_the_symptoms_that_count_for_lightheadedness_make_a_rise_count() {
    // Blurred vision or nausea are not lightheadedness (lightheadedness.rs): with a flagged
    // rise they still do not make the check positive.
    for symptoms in [&["blurred_vision"][..], &["nausea"], &["blurred_vision", "nausea"]] {
        let c = check_with(sit_hr(Some(70.0), Some(104.0)), 2.0, symptoms);
        assert_eq!(c.heart_rate_rise_with_symptoms(), None, "{symptoms:?}");
        assert!(!c.lightheadedness_positive(), "{symptoms:?}");
        assert!(c.lightheadedness_reasons().is_empty(), "{symptoms:?}");
    }
    // Grade 0 never counts, whatever is ticked.
    let c = check_with(sit_hr(Some(70.0), Some(104.0)), 0.0, &[]);
    assert_eq!(c.heart_rate_rise_with_symptoms(), None);
    for symptom in ["lightheaded", "spinning", "near_faint"] {
        let c = check_with(sit_hr(Some(70.0), Some(104.0)), 1.0, &[symptom]);
        assert!(c.heart_rate_rise_with_symptoms().is_some(), "{symptom}");
    }
    // Symptoms on standing count (they make the test positive too).
    let on_standing =
        OrthostaticInput { symptoms_on_standing: true, ..sit_hr(Some(70.0), Some(104.0)) };
    let c = check_with(on_standing, 0.0, &[]);
    assert!(c.heart_rate_rise_with_symptoms().is_some());
}

#[test]
fn a_rise_with_symptoms_is_named_when_the_test_is_positive_on_blood_pressure() {
    // Systolic fell 20 (positive on BP) and the rate rose 34 with lightheadedness.
    let o = OrthostaticInput {
        baseline_heart_rate: Some(70.0),
        standing_heart_rate: Some(104.0),
        ..sit((120.0, 80.0), (100.0, 78.0))
    };
    let c = check_with(o, 1.0, &["lightheaded"]);
    assert_eq!(c.orthostatic_result().expect("test").outcome, Positive);
    assert_eq!(
        c.lightheadedness_reasons(),
        [
            "orthostatic sit-to-stand: systolic fell 20 mmHg (≥ 15)",
            "symptoms: lightheaded (mild)",
            "heart rate rose 34 bpm on standing (flag at 30), with symptoms",
        ]
    );
    // Symptoms on standing: the test's reasons name the rise already, so it is not repeated.
    let o = OrthostaticInput {
        symptoms_on_standing: true,
        baseline_heart_rate: Some(70.0),
        standing_heart_rate: Some(104.0),
        ..sit((120.0, 80.0), (100.0, 78.0))
    };
    let reasons = check_with(o, 0.0, &[]).lightheadedness_reasons();
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert_eq!(reasons[0].matches("heart rate rose 34 bpm").count(), 1, "{reasons:?}");
}
