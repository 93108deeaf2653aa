//! Tests of the checks module, one file per rule, sharing the fixtures below. All data is
//! fictional; times are UTC unless a test says otherwise.

mod alerts;
mod combined_alert;
mod correction;
mod lightheadedness;
mod orthostatic;
mod orthostatic_heart_rate;
mod padss;
mod schedule;
mod timeline;
mod timeline_props;
mod validation;
mod validation_time_text;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::{Protocol, VigilError};

/// The clock start of the fixture session: 2026-07-01 10:00 UTC.
pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).single().expect("valid")
}

/// `start() + m` minutes.
pub fn at(m: i64) -> DateTime<Utc> {
    start() + Duration::minutes(m)
}

/// The fixture's `now`: the end of a 60-minute minimum.
pub fn now() -> DateTime<Utc> {
    at(60)
}

/// A local time string (UTC zone) `m` minutes after the clock start.
pub fn local(m: i64) -> String {
    at(m).format("%Y-%m-%d %H:%M").to_string()
}

pub fn ctx() -> CheckContext {
    CheckContext::new(7, Protocol::IvKetamine, start())
}

pub fn sit(base: (f64, f64), standing: (f64, f64)) -> OrthostaticInput {
    OrthostaticInput {
        method: "sit_to_stand".into(),
        baseline_systolic: Some(base.0),
        baseline_diastolic: Some(base.1),
        standing_systolic: Some(standing.0),
        standing_diastolic: Some(standing.1),
        ..OrthostaticInput::default()
    }
}

pub fn lie(base: (f64, f64), one: (f64, f64), three: (f64, f64)) -> OrthostaticInput {
    OrthostaticInput {
        method: "lie_to_stand".into(),
        baseline_systolic: Some(base.0),
        baseline_diastolic: Some(base.1),
        standing1_systolic: Some(one.0),
        standing1_diastolic: Some(one.1),
        standing3_systolic: Some(three.0),
        standing3_diastolic: Some(three.1),
        ..OrthostaticInput::default()
    }
}

pub fn vitals(sys: f64, dia: f64) -> VitalsInput {
    VitalsInput {
        systolic: Some(sys),
        diastolic: Some(dia),
        heart_rate: Some(74.0),
        spo2: Some(97.0),
        oxygen: "room_air".into(),
        respiratory_rate: Some(14.0),
        temperature_c: Some(36.8),
    }
}

/// A complete, valid observation check at +55 min with every section filled in.
pub fn full() -> CheckInput {
    CheckInput {
        session_id: Some(7.0),
        purpose: "observation".into(),
        observed_at: local(55),
        late_reason: String::new(),
        symptom_grade: Some(1.0),
        symptoms: vec!["blurred_vision".into()],
        severe_headache: false,
        chest_pain: false,
        shortness_of_breath: false,
        orthostatic: Some(sit((120.0, 80.0), (118.0, 78.0))),
        gait: Some(2.0),
        vitals: Some(vitals(128.0, 82.0)),
        moaas: Some(5.0),
        cadss: Some(vec![Some(0.0), Some(1.0), Some(0.0), Some(2.0), Some(0.0), Some(0.0)]),
        nausea: Some(0.0),
        pain: Some(1.0),
        note: "Resting comfortably.\nWater given.".into(),
    }
}

/// The smallest valid observation: a symptom grade of 0, now.
pub fn minimal() -> CheckInput {
    CheckInput {
        session_id: Some(7.0),
        purpose: "observation".into(),
        symptom_grade: Some(0.0),
        ..CheckInput::default()
    }
}

/// `full()` changed by `f`.
pub fn with(f: impl FnOnce(&mut CheckInput)) -> CheckInput {
    let mut input = full();
    f(&mut input);
    input
}

pub fn validate(input: &CheckInput) -> Result<Check, VigilError> {
    input.validate(now(), &Utc, &ctx())
}

/// Validates and unwraps (fixture inputs are valid).
pub fn valid(input: &CheckInput) -> Check {
    validate(input).expect("fixture check is valid")
}

pub fn vitals_of(input: &mut CheckInput) -> &mut VitalsInput {
    input.vitals.get_or_insert_with(VitalsInput::default)
}

pub fn orthostatic_of(input: &mut CheckInput) -> &mut OrthostaticInput {
    input.orthostatic.get_or_insert_with(OrthostaticInput::default)
}

/// The field of the validation error `input` gives (it must be refused).
pub fn field_of(input: &CheckInput) -> String {
    let err = validate(input).expect_err("should be rejected");
    assert_eq!(err.code, crate::ErrorCode::Validation, "{err:?}");
    err.field.unwrap_or_default()
}

/// `full()` with a complete, negative lie-to-stand test.
pub fn lie_base() -> CheckInput {
    with(|i| i.orthostatic = Some(lie((130.0, 80.0), (128.0, 79.0), (127.0, 78.0))))
}
