//! The soft gates computed from the checks, each passing and failing at its boundaries.

use super::*;
use crate::checks::{Orthostatic, OrthostaticMethod, OrthostaticReadings, Symptom};

fn bp(systolic: u32, diastolic: u32) -> Case {
    Case::latest(good_with(55, |c| c.vitals = Some(vitals(systolic, diastolic))))
}

#[test]
fn blood_pressure_limits_at_160_over_100() {
    // Baseline 124/80: a rise to 159 is 35 (under 40), to 99 is 19 (under 25).
    assert_gate(
        &bp(159, 80),
        GateKey::BloodPressure,
        true,
        "159/80 at the latest reading, below 160/100, not rising",
    );
    let high = |s, d| format!("{s}/{d} at the latest reading, at or above 160/100");
    assert_gate(&bp(160, 80), GateKey::BloodPressure, false, &high(160, 80));
    assert!(bp(130, 99).gate(GateKey::BloodPressure).passed);
    assert_gate(&bp(130, 100), GateKey::BloodPressure, false, &high(130, 100));
    let mut case = bp(150, 80);
    case.thresholds.high_systolic = 150;
    assert!(!case.gate(GateKey::BloodPressure).passed, "the limit is a setting");
}

#[test]
fn blood_pressure_marked_rise_over_baseline() {
    let low_base = |latest: Check| {
        let base = Check { vitals: Some(vitals(100, 60)), ..baseline() };
        Case { checks: stored_all(vec![base, latest]), ..Case::ready() }
    };
    let rise = |s, d| format!("{s}/{d} at the latest reading, a marked rise over baseline 100/60");
    let at_bp = |s, d| good_with(55, |c| c.vitals = Some(vitals(s, d)));
    assert!(low_base(at_bp(139, 84)).gate(GateKey::BloodPressure).passed);
    assert_gate(&low_base(at_bp(140, 70)), GateKey::BloodPressure, false, &rise(140, 70));
    assert_gate(&low_base(at_bp(120, 85)), GateKey::BloodPressure, false, &rise(120, 85));
    // Without a baseline there is nothing to rise over.
    let no_base = Case { checks: stored_all(vec![at_bp(150, 95)]), ..Case::ready() };
    assert!(no_base.gate(GateKey::BloodPressure).passed);
}

#[test]
fn blood_pressure_rising_against_the_previous_reading() {
    let pair = |before: u32, latest: u32| {
        let first = good_with(40, |c| c.vitals = Some(vitals(before, 80)));
        let second = good_with(55, |c| c.vitals = Some(vitals(latest, 80)));
        Case { checks: stored_all(vec![baseline(), first, second]), ..Case::ready() }
    };
    let rising = "131/80 at the latest reading, rising (systolic 130 before)";
    assert_gate(&pair(130, 131), GateKey::BloodPressure, false, rising);
    assert!(pair(130, 130).gate(GateKey::BloodPressure).passed, "equal is not rising");
    assert!(pair(140, 130).gate(GateKey::BloodPressure).passed, "falling");
    // A later check without a blood pressure does not hide the latest reading.
    let mut case = pair(130, 131);
    case.checks.push(stored(9, bare(58)));
    assert!(!case.gate(GateKey::BloodPressure).passed);
}

#[test]
fn blood_pressure_latest_is_by_clinical_time_then_id() {
    // Entered out of order: the check observed later wins even with a smaller id.
    let later = good_with(55, |c| c.vitals = Some(vitals(120, 80)));
    let earlier = good_with(40, |c| c.vitals = Some(vitals(150, 80)));
    let case = Case { checks: stored_all(vec![baseline(), later, earlier]), ..Case::ready() };
    assert_eq!(
        case.gate(GateKey::BloodPressure).detail,
        "120/80 at the latest reading, below 160/100, not rising"
    );
    // Same instant: the larger id is the latest.
    let a = good_with(55, |c| c.vitals = Some(vitals(120, 80)));
    let b = good_with(55, |c| c.vitals = Some(vitals(121, 80)));
    let case = Case { checks: stored_all(vec![baseline(), a, b]), ..Case::ready() };
    assert!(!case.gate(GateKey::BloodPressure).passed, "121 after 120 is rising");
}

#[test]
fn blood_pressure_needs_an_observation() {
    let none = "No blood pressure recorded after the dose";
    let case = Case::latest(good_with(55, |c| c.vitals = None));
    assert_gate(&case, GateKey::BloodPressure, false, none);
    // The baseline's reading is not an observation.
    let only_baseline = Case { checks: stored_all(vec![baseline()]), ..Case::ready() };
    assert_gate(&only_baseline, GateKey::BloodPressure, false, none);
    assert!(case.gates().missing.contains(&format!("Blood pressure: {none}")));
}

fn spo2(value: u32, oxygen: OxygenSupport) -> Case {
    let v = Vitals { spo2: Some(value), oxygen: Some(oxygen), ..vitals(128, 82) };
    Case::latest(good_with(55, |c| c.vitals = Some(v)))
}

#[test]
fn spo2_on_room_air_at_92_or_more() {
    assert_gate(
        &spo2(92, OxygenSupport::RoomAir),
        GateKey::Spo2,
        true,
        "92 % on room air (needs 92 % or more)",
    );
    assert_gate(
        &spo2(91, OxygenSupport::RoomAir),
        GateKey::Spo2,
        false,
        "91 % on room air, below 92 %",
    );
    assert_gate(&spo2(99, OxygenSupport::Oxygen), GateKey::Spo2, false, "On supplemental oxygen");
    let none = Vitals { spo2: None, oxygen: None, ..vitals(128, 82) };
    let case = Case::latest(good_with(55, |c| c.vitals = Some(none)));
    assert_gate(&case, GateKey::Spo2, false, "No SpO2 recorded after the dose");
}

fn sedation(base: Option<u8>, latest: Option<u8>) -> Case {
    let b = Check { moaas: base, ..baseline() };
    let c = good_with(55, |c| c.moaas = latest);
    Case { checks: stored_all(vec![b, c]), ..Case::ready() }
}

#[test]
fn sedation_back_to_baseline() {
    assert_gate(
        &sedation(Some(5), Some(5)),
        GateKey::Sedation,
        true,
        "MOAA/S 5, back to baseline 5",
    );
    assert_gate(
        &sedation(Some(5), Some(4)),
        GateKey::Sedation,
        false,
        "MOAA/S 4, below baseline 5",
    );
    assert!(sedation(Some(4), Some(4)).gate(GateKey::Sedation).passed, "equal to a low baseline");
    let normal = "normal (no baseline recorded)";
    assert_gate(
        &sedation(None, Some(4)),
        GateKey::Sedation,
        false,
        &format!("MOAA/S 4, below {normal} 5"),
    );
    assert_gate(
        &sedation(None, Some(5)),
        GateKey::Sedation,
        true,
        &format!("MOAA/S 5, back to {normal} 5"),
    );
    assert_gate(&sedation(Some(5), None), GateKey::Sedation, false, "Not assessed after the dose");
}

#[test]
fn dissociation_resolved_at_cadss_4_or_less() {
    let case = |total| Case::latest(good_with(55, |c| c.cadss = Some(cadss(total))));
    assert_gate(&case(4), GateKey::Dissociation, true, "CADSS 4, resolved (present above 4)");
    assert_gate(&case(5), GateKey::Dissociation, false, "CADSS 5, dissociation present (above 4)");
    let none = Case::latest(good_with(55, |c| c.cadss = None));
    assert_gate(&none, GateKey::Dissociation, false, "Not assessed after the dose");
}

fn sit_to_stand(standing_systolic: u32) -> Orthostatic {
    Orthostatic {
        method: OrthostaticMethod::SitToStand,
        not_done_reason: None,
        readings: OrthostaticReadings {
            baseline_systolic: Some(120),
            baseline_diastolic: Some(80),
            standing_systolic: Some(standing_systolic),
            standing_diastolic: Some(78),
            ..OrthostaticReadings::default()
        },
        hr_rise_flag_at: None,
    }
}

#[test]
fn lightheadedness_negative_with_gait_2() {
    let gait = |g| Case::latest(good_with(55, |c| c.gait = Some(g)));
    assert_gate(&gait(2), GateKey::Lightheadedness, true, "Check negative, gait 2 of 2");
    assert_gate(&gait(1), GateKey::Lightheadedness, false, "Gait 1 of 2 (needs 2)");
    assert_gate(&gait(0), GateKey::Lightheadedness, false, "Gait 0 of 2 (needs 2)");
    let tested = Case::latest(good_with(55, |c| c.orthostatic = Some(sit_to_stand(110))));
    assert!(tested.gate(GateKey::Lightheadedness).passed, "a fall of 10 is negative");
}

#[test]
fn lightheadedness_positive_or_missing_fails() {
    let dropped = Case::latest(good_with(55, |c| c.orthostatic = Some(sit_to_stand(104))));
    assert_gate(
        &dropped,
        GateKey::Lightheadedness,
        false,
        "Check positive (orthostatic sit-to-stand: systolic fell 16 mmHg (≥ 15))",
    );
    let dizzy = Case::latest(good_with(55, |c| {
        c.symptom_grade = 1;
        c.symptoms = vec![Symptom::Lightheaded];
    }));
    let why = "Check positive (symptoms: lightheaded (mild))";
    assert_gate(&dizzy, GateKey::Lightheadedness, false, why);
    // Symptoms with a negative test: the symptoms are the reason, not the test's numbers.
    let dizzy_tested = Case::latest(good_with(55, |c| {
        c.symptom_grade = 1;
        c.symptoms = vec![Symptom::Lightheaded, Symptom::Spinning];
        c.orthostatic = Some(sit_to_stand(118));
    }));
    let why = "Check positive (symptoms: lightheaded, spinning (mild))";
    assert_gate(&dizzy_tested, GateKey::Lightheadedness, false, why);
    let none = "No lightheadedness check yet";
    assert_gate(
        &Case::latest(good_with(55, |c| c.gait = None)),
        GateKey::Lightheadedness,
        false,
        none,
    );
    // A test not done does not count as a lightheadedness check.
    let not_done = Orthostatic {
        method: OrthostaticMethod::NotDone,
        not_done_reason: Some("Too sedated to stand".into()),
        readings: OrthostaticReadings::default(),
        hr_rise_flag_at: None,
    };
    let case = Case::latest(good_with(55, |c| c.orthostatic = Some(not_done)));
    assert_gate(&case, GateKey::Lightheadedness, false, none);
}

#[test]
fn lightheadedness_uses_the_latest_check() {
    let positive = good_with(40, |c| c.orthostatic = Some(sit_to_stand(100)));
    let negative = good_with(55, |c| c.orthostatic = Some(sit_to_stand(118)));
    let case = Case {
        checks: stored_all(vec![baseline(), positive.clone(), negative.clone()]),
        ..Case::ready()
    };
    assert!(case.gate(GateKey::Lightheadedness).passed);
    let later_positive = Check { observed_at: at(58), ..positive };
    let case =
        Case { checks: stored_all(vec![baseline(), negative, later_positive]), ..Case::ready() };
    assert!(!case.gate(GateKey::Lightheadedness).passed);
}

#[test]
fn nausea_at_most_the_policy_limit() {
    let case = |n| Case::latest(good_with(55, |c| c.nausea = Some(n)));
    assert_gate(&case(1), GateKey::Nausea, true, "Nausea 1 of 3 (needs 1 or less)");
    assert_gate(&case(2), GateKey::Nausea, false, "Nausea 2 of 3 (needs 1 or less)");
    let mut lenient = case(2);
    lenient.policy.max_nausea = 2;
    assert_gate(&lenient, GateKey::Nausea, true, "Nausea 2 of 3 (needs 2 or less)");
    let none = Case::latest(good_with(55, |c| c.nausea = None));
    assert_gate(&none, GateKey::Nausea, false, "Not assessed");
}

#[test]
fn padss_needs_9_of_10() {
    // Pain moderate scores 1 (total 9), severe scores 0 (total 8).
    let pain = |p| Case::latest(good_with(55, |c| c.pain = Some(p)));
    assert_gate(&pain(2), GateKey::Padss, true, "9/10 (needs 9)");
    assert_gate(&pain(3), GateKey::Padss, false, "8/10 (needs 9)");
    assert_gate(&pain(0), GateKey::Padss, true, "10/10 (needs 9)");
    let incomplete = Case::latest(good_with(55, |c| c.pain = None));
    assert_gate(&incomplete, GateKey::Padss, false, "Not complete");
    let no_baseline = Case { checks: stored_all(vec![good(55)]), ..Case::ready() };
    assert_gate(&no_baseline, GateKey::Padss, false, "Not complete");
}

#[test]
fn corrected_originals_are_left_out() {
    // The original (id 2) read 170/95; its correction (id 3) reads 128/82.
    let mut original = stored(2, good_with(55, |c| c.vitals = Some(vitals(170, 95))));
    original.corrected_by = Some(3);
    let mut correction = stored(3, good(55));
    correction.corrects = Some((2, "Mistyped systolic".into()));
    let case = Case { checks: vec![stored(1, baseline()), original, correction], ..Case::ready() };
    assert_eq!(case.gates().readiness, Readiness::Ready);
}
