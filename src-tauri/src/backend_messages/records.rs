//! The refusals of a patient's records (admission, checks and their corrections, notes, the
//! pre-dose decision): each made by calling the real core function on an input as the page
//! sends it.

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::{json, Value};
use vigil_core::checks::{
    BloodPressure, CheckContext, CheckInput, CorrectionInput, PredoseDecisionInput, PredoseStanding,
};
use vigil_core::notes::{NoteContext, NoteInput};
use vigil_core::{AdmitInput, Protocol, SessionPhase, VigilError};

use super::rules::{input, refused};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap()
}

/// The clock start of the session these records belong to, an hour before [`now`].
fn started() -> DateTime<Utc> {
    now() - Duration::hours(1)
}

/// An observation check of session 1, now, with nothing in it but `fields`.
fn check(fields: Value) -> Value {
    let mut check = json!({ "sessionId": 1, "purpose": "observation", "symptomGrade": 0 });
    for (key, value) in fields.as_object().expect("fields") {
        check[key] = value.clone();
    }
    check
}

fn refused_check(fields: Value) -> VigilError {
    let context = CheckContext::new(1, Protocol::IvKetamine, started());
    refused(input::<CheckInput>(check(fields)).validate(now(), &Utc, &context))
}

/// A correction of check 13 whose corrected check has `fields`.
fn refused_correction(fields: Value) -> VigilError {
    let context = CheckContext::new(1, Protocol::IvKetamine, started());
    let correction: CorrectionInput = input(json!({
        "originalCheckId": 13, "reason": "Typed the wrong systolic", "check": check(fields),
    }));
    refused(correction.validate(now(), &Utc, &context))
}

/// A note typed 50 minutes after the time it is about, without a reason.
fn late_note_without_reason() -> VigilError {
    let note: NoteInput = input(json!({
        "sessionId": 1, "observedAt": "2026-03-02 09:10", "lateReason": "", "text": "Vomited once",
    }));
    let context =
        NoteContext { session_id: 1, clock_started_at: started(), late_entry_minutes: 15 };
    refused(note.validate(now(), &Utc, &context))
}

/// A decision on a pre-dose blood pressure of 150/95 without the prescriber's name.
fn predose_without_prescriber() -> VigilError {
    let standing = PredoseStanding {
        check_id: 7,
        observed_at: started(),
        bp: BloodPressure { systolic: 150, diastolic: 95 },
        threshold: BloodPressure { systolic: 140, diastolic: 90 },
        headline: "Pre-dose BP 150/95 above 140/90".into(),
        decision: None,
    };
    let decision: PredoseDecisionInput = input(json!({
        "sessionId": 1, "checkId": 7, "decision": "do_not_dose", "prescriber": " ",
        "decidedAt": "", "note": "Kept as typed",
    }));
    refused(decision.validate(now(), &Utc, Some(&standing)))
}

/// An admission without the patient's name.
fn admission_without_name() -> VigilError {
    let admission: AdmitInput = input(json!({
        "patientName": "", "chartNumber": "", "dateOfBirth": "", "bay": "7",
        "protocol": "iv_ketamine", "recoveryMinutes": null, "doseMg": 35, "weightKg": 70,
        "clockStartedAt": "", "note": "",
    }));
    refused(admission.validate(now(), &Utc, &[]))
}

/// The refusals of the patient's records.
pub fn messages() -> Vec<(&'static str, VigilError)> {
    vec![
        ("patientNameMissing", admission_without_name()),
        (
            "diastolicNotBelowSystolic",
            refused_check(json!({ "vitals": { "systolic": 120, "diastolic": 130 } })),
        ),
        ("symptomsNotTicked", refused_check(json!({ "symptomGrade": 2 }))),
        (
            "correctedSystolicOutOfRange",
            refused_correction(json!({ "vitals": { "systolic": 300, "diastolic": 90 } })),
        ),
        ("lateReasonMissing", late_note_without_reason()),
        ("nothingMoreAfterLeaving", refused(SessionPhase::Departed.may_record())),
        ("predosePrescriberMissing", predose_without_prescriber()),
    ]
}
