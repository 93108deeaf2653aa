//! Corrections: validated like a check, with their own reason and the original's id.

use super::*;

fn correction() -> CorrectionInput {
    CorrectionInput {
        original_check_id: Some(41.0),
        reason: "Systolic mistyped: 182 was 128.".into(),
        check: with(|i| (i.observed_at, i.late_reason) = (local(20), String::new())),
    }
}

fn field_of(input: &CorrectionInput) -> Option<String> {
    input.validate(now(), &Utc, &ctx()).expect_err("refused").field
}

#[test]
fn a_correction_keeps_the_clinical_time_without_a_late_reason() {
    let c = correction().validate(now(), &Utc, &ctx()).expect("valid");
    assert_eq!((c.original_check_id, c.reason.as_str()), (41, "Systolic mistyped: 182 was 128."));
    assert_eq!((c.check.observed_at, c.check.late_reason.clone()), (at(20), None));
    assert_eq!(correction().original_check_id(), Ok(41));
}

#[test]
fn each_bad_correction_field_is_named() {
    let cases: Vec<(CorrectionInput, &str)> = vec![
        (CorrectionInput { original_check_id: None, ..correction() }, "originalCheckId"),
        (CorrectionInput { original_check_id: Some(0.0), ..correction() }, "originalCheckId"),
        (CorrectionInput { original_check_id: Some(4.5), ..correction() }, "originalCheckId"),
        (CorrectionInput { original_check_id: Some(f64::NAN), ..correction() }, "originalCheckId"),
        (CorrectionInput { reason: String::new(), ..correction() }, "reason"),
        (CorrectionInput { reason: "Typo".into(), ..correction() }, "reason"),
        (CorrectionInput { reason: "x".repeat(501), ..correction() }, "reason"),
        (CorrectionInput { reason: "x".repeat(100_000), ..correction() }, "reason"),
        (CorrectionInput { reason: "Mistyped\tvalue here".into(), ..correction() }, "reason"),
        (
            CorrectionInput { reason: "Mistyped \u{202E}value here".into(), ..correction() },
            "reason",
        ),
    ];
    for (input, field) in cases {
        assert_eq!(field_of(&input).as_deref(), Some(field), "{:.20?}", input.reason);
    }
}

#[test]
fn errors_in_the_corrected_check_are_prefixed() {
    let mut input = correction();
    vitals_of(&mut input.check).systolic = Some(300.0);
    assert_eq!(field_of(&input).as_deref(), Some("check.vitals.systolic"));
    let mut input = correction();
    input.check.cadss = Some(vec![Some(1.0); 5]);
    assert_eq!(field_of(&input).as_deref(), Some("check.cadss"));
    let mut input = correction();
    input.check.observed_at = local(-5);
    assert_eq!(field_of(&input).as_deref(), Some("check.observedAt"));
    // A late-entry reason given anyway is still checked.
    let mut input = correction();
    input.check.late_reason = "late".into();
    assert_eq!(field_of(&input).as_deref(), Some("check.lateReason"));
}
