//! The text rule holds for every free-text field outside discharge (see
//! `discharge/tests/hidden_text.rs` for those): an invisible or text-direction character
//! inserted anywhere into an otherwise valid value is refused with a `validation` error naming
//! that field.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::tests::{insert_at, REFUSED_SAMPLES};
use crate::checks::{
    BloodPressure, CheckContext, CheckInput, CorrectionInput, OrthostaticInput,
    PredoseDecisionInput, PredoseStanding,
};
use crate::notes::{NoteContext, NoteInput};
use crate::papers::rems::{FormSubmittedInput, RemsDetailsInput};
use crate::{
    AdmitInput, BackupSettingsEdit, EmergencyInput, ErrorCode, NewNurseInput, Protocol,
    ProtocolVersion, VigilError,
};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).single().expect("valid")
}

fn now() -> DateTime<Utc> {
    start() + Duration::minutes(60)
}

fn local(m: i64) -> String {
    (start() + Duration::minutes(m)).format("%Y-%m-%d %H:%M").to_string()
}

fn admit(f: impl FnOnce(&mut AdmitInput)) -> Result<(), VigilError> {
    let mut input = AdmitInput {
        patient_name: "Testy McTestface".into(),
        chart_number: "TEST-0001".into(),
        date_of_birth: "1980-02-29".into(),
        bay: "Bay 2".into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        dose_mg: Some(35.0),
        weight_kg: Some(70.0),
        clock_started_at: local(30),
        later_device_times: Vec::new(),
        note: "Arrived calm.\nWater given.".into(),
    };
    f(&mut input);
    let protocols = [ProtocolVersion {
        id: 1,
        protocol: Protocol::IvKetamine,
        version: 1,
        minimum_minutes: 60,
        created_at: DateTime::<Utc>::UNIX_EPOCH,
    }];
    input.validate(now(), &Utc, &protocols).map(drop)
}

fn check_input() -> CheckInput {
    CheckInput {
        session_id: Some(7.0),
        purpose: "observation".into(),
        observed_at: local(0),
        late_reason: "Entered after the rounds.".into(),
        symptom_grade: Some(0.0),
        orthostatic: Some(OrthostaticInput {
            method: "not_done".into(),
            not_done_reason: "Asleep, not woken".into(),
            ..OrthostaticInput::default()
        }),
        note: "Resting comfortably.\nWater given.".into(),
        ..CheckInput::default()
    }
}

fn check(f: impl FnOnce(&mut CheckInput)) -> Result<(), VigilError> {
    let mut input = check_input();
    f(&mut input);
    input.validate(now(), &Utc, &CheckContext::new(7, Protocol::IvKetamine, start())).map(drop)
}

fn correction(reason: String) -> Result<(), VigilError> {
    let input = CorrectionInput { original_check_id: Some(1.0), reason, check: check_input() };
    input.validate(now(), &Utc, &CheckContext::new(7, Protocol::IvKetamine, start())).map(drop)
}

fn predose(f: impl FnOnce(&mut PredoseDecisionInput)) -> Result<(), VigilError> {
    let mut input = PredoseDecisionInput {
        session_id: Some(7.0),
        check_id: Some(1.0),
        decision: "proceed".into(),
        prescriber: "Dr Test Prescriber".into(),
        decided_at: local(-5),
        note: "Repeat reading\nwas lower.".into(),
    };
    f(&mut input);
    let standing = PredoseStanding {
        check_id: 1,
        observed_at: start() - Duration::minutes(10),
        bp: BloodPressure { systolic: 150, diastolic: 95 },
        threshold: BloodPressure { systolic: 140, diastolic: 90 },
        headline: String::new(),
        decision: None,
    };
    input.validate(now(), &Utc, Some(&standing)).map(drop)
}

fn note(f: impl FnOnce(&mut NoteInput)) -> Result<(), VigilError> {
    let mut input = NoteInput {
        session_id: Some(7.0),
        observed_at: local(0),
        late_reason: "Entered after the rounds.".into(),
        text: "Patient asked for water.\nGiven.".into(),
    };
    f(&mut input);
    let context = NoteContext { session_id: 7, clock_started_at: start(), late_entry_minutes: 15 };
    input.validate(now(), &Utc, &context).map(drop)
}

fn nurse(f: impl FnOnce(&mut NewNurseInput)) -> Result<(), VigilError> {
    let mut input = NewNurseInput {
        display_name: "Test Nurse".into(),
        credentials: "RN".into(),
        role: "nurse".into(),
        pin: "24681357".into(),
        pin_again: "24681357".into(),
    };
    f(&mut input);
    input.validate().map(drop)
}

fn rems(f: impl FnOnce(&mut RemsDetailsInput)) -> Result<(), VigilError> {
    let mut input = RemsDetailsInput {
        session_id: 7,
        date_of_birth: String::new(),
        sex: String::new(),
        dose_mg: String::new(),
        lot: "LOT-123".into(),
        benzodiazepines: false,
        non_benzodiazepine_sedatives: false,
        psychostimulants: false,
        maois: false,
        opioids: false,
        serious_adverse_events: "None".into(),
    };
    f(&mut input);
    let today = NaiveDate::from_ymd_opt(2026, 7, 1).expect("valid");
    input.validate(today).map(drop)
}

/// Every free-text field here: its IPC field name, a valid value, and the whole form's
/// validation with that value in the field.
type Case = (&'static str, &'static str, fn(String) -> Result<(), VigilError>);

const CASES: &[Case] = &[
    ("patientName", "Testy McTestface", |v| admit(|i| i.patient_name = v)),
    ("chartNumber", "TEST-0001", |v| admit(|i| i.chart_number = v)),
    ("bay", "Bay 2", |v| admit(|i| i.bay = v)),
    ("note", "Arrived calm.\nWater given.", |v| admit(|i| i.note = v)),
    ("note", "Resting comfortably.\nWater given.", |v| check(|i| i.note = v)),
    ("lateReason", "Entered after the rounds.", |v| check(|i| i.late_reason = v)),
    ("orthostatic.notDoneReason", "Asleep, not woken", |v| {
        check(|i| {
            if let Some(o) = i.orthostatic.as_mut() {
                o.not_done_reason = v;
            }
        })
    }),
    ("reason", "Wrong patient's values typed.", correction),
    ("prescriber", "Dr Test Prescriber", |v| predose(|i| i.prescriber = v)),
    ("note", "Repeat reading\nwas lower.", |v| predose(|i| i.note = v)),
    ("text", "Patient asked for water.\nGiven.", |v| note(|i| i.text = v)),
    ("lateReason", "Entered after the rounds.", |v| note(|i| i.late_reason = v)),
    ("displayName", "Test Nurse", |v| nurse(|i| i.display_name = v)),
    ("credentials", "RN", |v| nurse(|i| i.credentials = v)),
    ("lot", "LOT-123", |v| rems(|i| i.lot = v)),
    ("seriousAdverseEvents", "None", |v| rems(|i| i.serious_adverse_events = v)),
    ("reference", "PORTAL-42", |v| {
        FormSubmittedInput { session_id: 7, channel: "portal".into(), reference: v }
            .validate()
            .map(drop)
    }),
    ("reason", "Sign-in screen frozen during an alert", |v| {
        EmergencyInput { nurse_id: 1, reason: v }.reason().map(drop)
    }),
    ("folder", "/srv/vigil-backups", |v| {
        BackupSettingsEdit { folder: v, interval_minutes: 240.0, keep: 30.0 }.validate().map(drop)
    }),
];

#[test]
fn every_case_accepts_its_valid_value() {
    for (field, valid, validate) in CASES {
        assert_eq!(validate((*valid).to_owned()), Ok(()), "{field}");
    }
}

proptest! {
    #[test]
    fn every_free_text_field_refuses_hidden_characters(
        case in 0..CASES.len(),
        hidden in prop::sample::select(REFUSED_SAMPLES),
        at in any::<prop::sample::Index>(),
    ) {
        let (field, valid, validate) = CASES[case];
        let err = validate(insert_at(valid, hidden, at)).expect_err("refused");
        prop_assert_eq!(err.code, ErrorCode::Validation);
        prop_assert_eq!(err.field.as_deref(), Some(field), "U+{:04X}", hidden as u32);
    }
}
