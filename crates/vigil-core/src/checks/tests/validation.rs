//! Validation of the check form's numbers, pairs and choices: every field at and beyond its
//! limits, with the exact field path of each error.

use super::*;

type Setter = fn(&mut CheckInput, Option<f64>);

/// `(field, setter, lo, hi, required, base input)` of a whole-number field.
type NumericField = (&'static str, Setter, u32, u32, bool, fn() -> CheckInput);

fn numeric_fields() -> Vec<NumericField> {
    vec![
        ("sessionId", |i, v| i.session_id = v, 1, u32::MAX, true, full),
        ("symptomGrade", |i, v| i.symptom_grade = v, 0, 3, true, full),
        ("gait", |i, v| i.gait = v, 0, 2, false, full),
        ("moaas", |i, v| i.moaas = v, 0, 5, false, full),
        ("nausea", |i, v| i.nausea = v, 0, 3, false, full),
        ("pain", |i, v| i.pain = v, 0, 3, false, full),
        ("cadss.0", |i, v| set_cadss(i, 0, v), 0, 4, true, full),
        ("cadss.3", |i, v| set_cadss(i, 3, v), 0, 4, true, full),
        ("cadss.5", |i, v| set_cadss(i, 5, v), 0, 4, true, full),
        ("vitals.systolic", |i, v| vitals_of(i).systolic = v, 50, 260, false, full),
        ("vitals.diastolic", |i, v| vitals_of(i).diastolic = v, 30, 160, false, full),
        ("vitals.heartRate", |i, v| vitals_of(i).heart_rate = v, 30, 220, false, full),
        ("vitals.spo2", |i, v| vitals_of(i).spo2 = v, 50, 100, false, full),
        ("vitals.respiratoryRate", |i, v| vitals_of(i).respiratory_rate = v, 4, 60, false, full),
        (
            "orthostatic.baselineSystolic",
            |i, v| orthostatic_of(i).baseline_systolic = v,
            50,
            260,
            false,
            full,
        ),
        (
            "orthostatic.baselineDiastolic",
            |i, v| orthostatic_of(i).baseline_diastolic = v,
            30,
            160,
            false,
            full,
        ),
        (
            "orthostatic.standingSystolic",
            |i, v| orthostatic_of(i).standing_systolic = v,
            50,
            260,
            false,
            full,
        ),
        (
            "orthostatic.standingDiastolic",
            |i, v| orthostatic_of(i).standing_diastolic = v,
            30,
            160,
            false,
            full,
        ),
        (
            "orthostatic.baselineSystolic",
            |i, v| orthostatic_of(i).baseline_systolic = v,
            50,
            260,
            false,
            lie_base,
        ),
        (
            "orthostatic.standing1Systolic",
            |i, v| orthostatic_of(i).standing1_systolic = v,
            50,
            260,
            false,
            lie_base,
        ),
        (
            "orthostatic.standing1Diastolic",
            |i, v| orthostatic_of(i).standing1_diastolic = v,
            30,
            160,
            false,
            lie_base,
        ),
        (
            "orthostatic.standing3Systolic",
            |i, v| orthostatic_of(i).standing3_systolic = v,
            50,
            260,
            false,
            lie_base,
        ),
        (
            "orthostatic.standing3Diastolic",
            |i, v| orthostatic_of(i).standing3_diastolic = v,
            30,
            160,
            false,
            lie_base,
        ),
    ]
}

fn set_cadss(i: &mut CheckInput, item: usize, v: Option<f64>) {
    if let Some(items) = i.cadss.as_mut() {
        items[item] = v;
    }
}

#[test]
fn a_full_check_is_valid_and_kept_as_typed() {
    let c = valid(&full());
    assert_eq!((c.session_id, c.purpose, c.observed_at), (7, CheckPurpose::Observation, at(55)));
    assert_eq!((c.symptom_grade, c.symptoms.clone()), (1, vec![Symptom::BlurredVision]));
    let v = c.vitals.expect("vitals");
    assert_eq!(v.bp, Some(BloodPressure { systolic: 128, diastolic: 82 }));
    assert_eq!(
        (v.heart_rate, v.spo2, v.oxygen),
        (Some(74), Some(97), Some(OxygenSupport::RoomAir))
    );
    assert_eq!((v.respiratory_rate, v.temperature_c), (Some(14), Some(36.8)));
    assert_eq!(c.cadss.as_ref().map(|c| c.total), Some(3));
    assert_eq!((c.gait, c.moaas, c.nausea, c.pain), (Some(2), Some(5), Some(0), Some(1)));
    assert_eq!(c.note, "Resting comfortably.\nWater given.");
    assert_eq!(c.late_reason, None);
    assert!(!c.lightheadedness_positive(), "blurred vision alone is not lightheadedness");
    assert!(c.has_bp() && c.has_vitals() && c.has_sedation() && c.has_lightheadedness());
}

#[test]
fn a_symptom_grade_alone_is_a_check() {
    let c = minimal().validate(now(), &Utc, &ctx()).expect("valid");
    assert_eq!(c.observed_at, now(), "an empty time means now");
    assert!(c.vitals.is_none() && c.orthostatic.is_none() && c.cadss.is_none());
    assert!(!c.has_bp() && !c.has_lightheadedness());
}

#[test]
fn every_whole_number_field_refuses_out_of_range_fractions_nan_and_infinity() {
    for (field, set, lo, hi, _, base) in numeric_fields() {
        let mut bad = vec![
            f64::from(lo) + 0.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::from(hi) + 1.0,
        ];
        bad.push(f64::from(lo) - 1.0);
        for value in bad {
            let mut input = base();
            set(&mut input, Some(value));
            assert_eq!(field_of(&input), field, "{field} = {value}");
        }
    }
}

#[test]
fn required_numbers_name_their_field_when_missing() {
    for (field, set, _, _, required, base) in numeric_fields() {
        let mut input = base();
        set(&mut input, None);
        if required {
            assert_eq!(field_of(&input), field, "{field} missing");
        }
    }
}

#[test]
fn optional_numbers_may_be_missing() {
    let input = with(|i| {
        (i.gait, i.moaas, i.nausea, i.pain, i.cadss, i.orthostatic, i.vitals) =
            (None, None, None, None, None, None, None);
    });
    assert!(validate(&input).is_ok());
    let input = with(|i| {
        let v = vitals_of(i);
        (v.heart_rate, v.respiratory_rate, v.temperature_c) = (None, None, None);
    });
    assert!(validate(&input).is_ok());
}

#[test]
fn limits_themselves_are_accepted() {
    let ok = |f: fn(&mut CheckInput)| validate(&with(f)).map(|_| ()).map_err(|e| e.field);
    let cases: [fn(&mut CheckInput); 12] = [
        |i| (vitals_of(i).systolic, vitals_of(i).diastolic) = (Some(260.0), Some(160.0)),
        |i| (vitals_of(i).systolic, vitals_of(i).diastolic) = (Some(50.0), Some(30.0)),
        |i| (vitals_of(i).heart_rate, vitals_of(i).spo2) = (Some(30.0), Some(50.0)),
        |i| (vitals_of(i).heart_rate, vitals_of(i).spo2) = (Some(220.0), Some(100.0)),
        |i| (vitals_of(i).respiratory_rate, vitals_of(i).temperature_c) = (Some(4.0), Some(33.0)),
        |i| (vitals_of(i).respiratory_rate, vitals_of(i).temperature_c) = (Some(60.0), Some(42.0)),
        |i| vitals_of(i).temperature_c = Some(37.25),
        |i| i.orthostatic = Some(sit((260.0, 160.0), (260.0, 159.0))),
        |i| i.orthostatic = Some(lie((50.0, 30.0), (50.0, 30.0), (50.0, 30.0))),
        |i| (i.gait, i.moaas, i.nausea, i.pain) = (Some(0.0), Some(0.0), Some(3.0), Some(3.0)),
        |i| i.cadss = Some(vec![Some(4.0); 6]),
        |i| (i.symptom_grade, i.symptoms) = (Some(3.0), vec!["near_faint".into()]),
    ];
    for (n, f) in cases.into_iter().enumerate() {
        assert_eq!(ok(f), Ok(()), "case {n}");
    }
    assert_eq!(
        valid(&with(|i| i.cadss = Some(vec![Some(4.0); 6]))).cadss.map(|c| c.total),
        Some(24)
    );
}

#[test]
fn temperature_refuses_out_of_range_nan_and_infinity() {
    for value in [32.9, 42.01, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -37.0] {
        let input = with(|i| vitals_of(i).temperature_c = Some(value));
        assert_eq!(field_of(&input), "vitals.temperatureC", "{value}");
    }
}

#[test]
fn blood_pressure_is_a_pair_with_diastolic_below_systolic() {
    let cases: Vec<(CheckInput, &str)> = vec![
        (with(|i| vitals_of(i).diastolic = None), "vitals.diastolic"),
        (with(|i| vitals_of(i).systolic = None), "vitals.systolic"),
        (
            with(|i| (vitals_of(i).systolic, vitals_of(i).diastolic) = (Some(120.0), Some(120.0))),
            "vitals.diastolic",
        ),
        (
            with(|i| (vitals_of(i).systolic, vitals_of(i).diastolic) = (Some(100.0), Some(130.0))),
            "vitals.diastolic",
        ),
        (with(|i| orthostatic_of(i).baseline_diastolic = None), "orthostatic.baselineDiastolic"),
        (with(|i| orthostatic_of(i).baseline_systolic = None), "orthostatic.baselineSystolic"),
        (
            with(|i| orthostatic_of(i).standing_diastolic = Some(118.0)),
            "orthostatic.standingDiastolic",
        ),
        (
            with(|i| orthostatic_of(i).baseline_diastolic = Some(121.0)),
            "orthostatic.baselineDiastolic",
        ),
        (
            with(|i| i.orthostatic = Some(lie((130.0, 80.0), (128.0, 79.0), (90.0, 90.0)))),
            "orthostatic.standing3Diastolic",
        ),
    ];
    for (input, field) in cases {
        assert_eq!(field_of(&input), field);
    }
}

#[test]
fn spo2_must_say_room_air_or_oxygen() {
    assert_eq!(field_of(&with(|i| vitals_of(i).oxygen = String::new())), "vitals.oxygen");
    for bad in ["nasal", "ROOM_AIR", "room air", &"x".repeat(100_000)] {
        assert_eq!(
            field_of(&with(|i| vitals_of(i).oxygen = bad.into())),
            "vitals.oxygen",
            "{:.10}",
            bad
        );
    }
    let on_oxygen = valid(&with(|i| vitals_of(i).oxygen = "oxygen".into()));
    assert_eq!(on_oxygen.vitals.and_then(|v| v.oxygen), Some(OxygenSupport::Oxygen));
    let no_spo2 = valid(&with(|i| {
        (vitals_of(i).spo2, vitals_of(i).oxygen) = (None, String::new());
    }));
    assert_eq!(no_spo2.vitals.and_then(|v| v.spo2), None);
}

#[test]
fn empty_vitals_are_no_vitals() {
    let c = valid(&with(|i| i.vitals = Some(VitalsInput::default())));
    assert!(c.vitals.is_none());
}

#[test]
fn unknown_enum_strings_name_their_field() {
    let long = "y".repeat(100_000);
    for bad in ["", "Baseline", "pre-dose", "observation ", long.as_str()] {
        let input = with(|i| i.purpose = bad.into());
        // "observation " is trimmed and accepted.
        if bad == "observation " {
            assert!(validate(&input).is_ok());
            continue;
        }
        assert_eq!(field_of(&input), "purpose", "{:.12}", bad);
    }
    for bad in ["", "standing", "SIT_TO_STAND", "sit-to-stand", long.as_str()] {
        let input = with(|i| orthostatic_of(i).method = bad.into());
        assert_eq!(field_of(&input), "orthostatic.method", "{:.12}", bad);
    }
    for bad in ["dizzy", "Lightheaded", "near faint", long.as_str()] {
        let input = with(|i| i.symptoms = vec!["spinning".into(), bad.into()]);
        assert_eq!(field_of(&input), "symptoms.1", "{:.12}", bad);
    }
}

#[test]
fn symptoms_are_listed_once_and_match_the_grade() {
    let twice = with(|i| i.symptoms = vec!["nausea".into(), "spinning".into(), "nausea".into()]);
    assert_eq!(field_of(&twice), "symptoms.2");
    let none_graded = with(|i| i.symptom_grade = Some(0.0));
    assert_eq!(field_of(&none_graded), "symptoms");
    let graded_without = with(|i| (i.symptom_grade, i.symptoms) = (Some(2.0), Vec::new()));
    assert_eq!(field_of(&graded_without), "symptoms");
    let all: Vec<String> = Symptom::ALL.iter().map(|s| s.as_str().to_owned()).collect();
    assert_eq!(valid(&with(|i| i.symptoms = all)).symptoms, Symptom::ALL.to_vec());
}

#[test]
fn cadss_has_exactly_six_items() {
    for n in [0, 1, 5, 7, 12] {
        let input = with(|i| i.cadss = Some(vec![Some(1.0); n]));
        assert_eq!(field_of(&input), "cadss", "{n} items");
    }
}

#[test]
fn session_id_must_match_the_session() {
    assert_eq!(field_of(&with(|i| i.session_id = Some(8.0))), "sessionId");
    assert_eq!(full().session_id(), Ok(7));
}

#[test]
fn errors_come_in_form_order_and_never_echo_input() {
    let input = with(|i| {
        i.purpose = "SECRET-PURPOSE".into();
        i.note = "\u{7}".into();
    });
    let err = validate(&input).expect_err("bad");
    assert_eq!(err.field.as_deref(), Some("purpose"));
    assert!(!err.message.contains("SECRET"), "{}", err.message);
    let err =
        validate(&with(|i| i.late_reason = "Busy\u{202E}SECRET-NAME".into())).expect_err("bad");
    assert!(!err.message.contains("SECRET"), "{}", err.message);
}
