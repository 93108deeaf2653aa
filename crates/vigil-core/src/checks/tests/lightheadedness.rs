//! Why a lightheadedness check is positive (issue 11, bug 3): exactly the reasons that make it
//! positive, never the numbers of a negative orthostatic test, in the reasons, the timeline
//! line and (see discharge tests) the gate.

use super::*;

/// `full()` with `grade`, `symptoms` and a sit-to-stand test from 120/80 to `standing`.
fn case(grade: f64, symptoms: &[&str], standing: (f64, f64)) -> Check {
    valid(&with(|i| {
        i.symptom_grade = Some(grade);
        i.symptoms = symptoms.iter().map(|s| (*s).to_owned()).collect();
        i.orthostatic = Some(sit((120.0, 80.0), standing));
    }))
}

#[test]
fn each_reason_is_exactly_why_the_check_is_positive() {
    let fell = (104.0, 80.0);
    let steady = (118.0, 78.0);
    let orthostatic = "orthostatic sit-to-stand: systolic fell 16 mmHg (≥ 15)";
    let table: [(Check, &[&str]); 6] = [
        // Symptoms only: the negative test's numbers are not a reason.
        (
            case(1.0, &["lightheaded", "spinning"], steady),
            &["symptoms: lightheaded, spinning (mild)"],
        ),
        (case(3.0, &["near_faint", "blurred_vision"], steady), &["symptoms: near faint (severe)"]),
        // The orthostatic test only: blurred vision and nausea do not count as symptoms.
        (case(1.0, &["blurred_vision", "nausea"], fell), &[orthostatic]),
        (case(0.0, &[], fell), &[orthostatic]),
        // Both.
        (case(2.0, &["spinning"], fell), &[orthostatic, "symptoms: spinning (moderate)"]),
        // Neither.
        (case(1.0, &["blurred_vision"], steady), &[]),
    ];
    for (check, expected) in table {
        let reasons = check.lightheadedness_reasons();
        assert_eq!(reasons, expected, "{:?}", check.symptoms);
        assert_eq!(check.lightheadedness_positive(), !expected.is_empty());
    }
}

#[test]
fn a_check_positive_by_symptoms_only_never_quotes_the_negative_test() {
    let check = case(1.0, &["lightheaded"], (118.0, 78.0));
    let reasons = check.lightheadedness_reasons().join("; ");
    assert!(!reasons.contains("systolic") && !reasons.contains("mmHg"), "{reasons}");
    let summary = check.summary();
    let positive = summary.split("lightheadedness POSITIVE").nth(1).expect("marked positive");
    assert_eq!(positive, " (symptoms: lightheaded (mild))");
}

#[test]
fn symptoms_on_standing_are_an_orthostatic_reason() {
    let check = valid(&with(|i| {
        i.symptom_grade = Some(0.0);
        i.symptoms = Vec::new();
        let mut test = sit((120.0, 80.0), (118.0, 78.0));
        test.symptoms_on_standing = true;
        i.orthostatic = Some(test);
    }));
    assert_eq!(check.lightheadedness_reasons(), ["orthostatic sit-to-stand: symptoms on standing"]);
}
