//! The refusals of the core's discharge, papers and PADSS rules, each made by calling the real
//! core function, and the ones whose words carry their case (minutes left, a gate, a score).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::{json, Value};
use vigil_core::checks::{Padss, PadssConfirmInput};
use vigil_core::discharge::{
    AgainstAdviceInput, DischargeGates, DischargeInput, DischargePolicyEdit, EscortInput, Gate,
    Readiness, SessionPhase, TransferInput,
};
use vigil_core::papers::rems::RemsDetailsInput;
use vigil_core::{Protocol, RecoverySession, VigilError};

use super::rules::{input, refused};
use super::ts::Template;

/// A fictional patient's session, its clock started an hour before [`now`].
fn session() -> RecoverySession {
    RecoverySession {
        id: 1,
        patient_name: "Test Patient".into(),
        bay: "Bay 1".into(),
        protocol: Protocol::Spravato,
        minimum_minutes: 120,
        clock_started_at: now() - chrono::Duration::hours(1),
        recorded_at: now() - chrono::Duration::hours(1),
        admitted_by: None,
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap()
}

fn gates() -> DischargeGates {
    DischargeGates {
        readiness: Readiness::NotReady,
        gates: vec![],
        missing: vec![],
        minutes_left: 60,
        ends_at: session().ends_at(),
    }
}

/// A transfer to emergency care with `field` set to `value`.
fn transfer(field: &str, value: Value) -> VigilError {
    let mut edit = json!({
        "sessionId": 1, "destination": "City Hospital ED", "handedOverTo": "Paramedic crew",
        "emergencyServicesCalled": "yes", "transferredAt": "", "note": "",
    });
    edit[field] = value;
    refused(input::<TransferInput>(edit).validate(&session(), gates(), now(), &Utc))
}

/// REMS details with a dose of `dose_mg`.
fn rems_dose(dose_mg: &str) -> VigilError {
    let details: RemsDetailsInput = input(json!({
        "sessionId": 1, "dateOfBirth": "", "sex": "", "doseMg": dose_mg, "lot": "",
        "benzodiazepines": false, "nonBenzodiazepineSedatives": false, "psychostimulants": false,
        "maois": false, "opioids": false, "seriousAdverseEvents": "None",
    }));
    refused(details.validate(NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date")))
}

/// An escort who drives the patient home, with `field` set to `value`.
fn escort(field: &str, value: Value) -> VigilError {
    let policy = input::<DischargePolicyEdit>(json!({
        "allowRideshareAlone": false, "allowPublicTransportAlone": false,
        "escortLateMinutes": 30, "maxNausea": 1, "remsWarnFromDay": 5,
    }))
    .validate()
    .expect("a valid policy");
    let mut escort = json!({
        "sessionId": 1, "fullName": "Jordan Example", "relationship": "Sister",
        "phone": "555-0100", "adultAttested": true, "transport": "escort_drives",
        "status": "expected", "eta": "", "arrivedAt": "", "knownToStaff": false,
        "nameConfirmed": false, "photoId": false,
    });
    escort[field] = value;
    refused(input::<EscortInput>(escort).validate(&policy, session().clock_started_at, now(), &Utc))
}

/// The refusals of the discharge forms and the REMS details.
pub fn messages() -> Vec<(&'static str, VigilError)> {
    let against: AgainstAdviceInput = input(json!({
        "sessionId": 1, "risksExplained": true, "prescriberNotified": false, "prescriber": "",
        "notifiedAt": "", "willDrive": "maybe", "escortPresent": false,
        "actionsTaken": "Risks explained.", "signatureRefused": false, "witness": "", "leftAt": "",
    }));
    vec![
        ("escortFullNameMissing", escort("fullName", json!(" "))),
        ("escortPhoneMalformed", escort("phone", json!("1"))),
        ("escortTransportMissing", escort("transport", json!(""))),
        ("overridePrescriberMissing", override_without_prescriber()),
        ("willDriveUnknown", refused(against.validate(&session(), gates(), now(), &Utc))),
        ("transferDestinationTooShort", transfer("destination", json!("E"))),
        ("transferEmergencyServicesUnknown", transfer("emergencyServicesCalled", json!(""))),
        ("patientAlreadyLeft", refused(SessionPhase::Departed.may_transfer())),
        ("clearForDischargeFirst", refused(SessionPhase::Observing.may_depart())),
        ("remsDoseOutOfRange", rems_dose("12.5")),
    ]
}

/// A discharge signature with everything given, refused by `gates`.
fn sign_against(gates: Vec<Value>, minutes_left: u32) -> VigilError {
    let signature: DischargeInput = input(json!({
        "sessionId": 1, "pin": "1234", "escortConfirmed": true, "instructionsNoDriving": true,
        "instructionsRideHome": true, "instructionsEmergency": true,
        "acknowledgedByPatient": true, "acknowledgedByEscort": true, "overrides": [],
    }));
    let gates = DischargeGates {
        gates: gates.into_iter().map(input::<Gate>).collect(),
        minutes_left,
        ..self::gates()
    };
    refused(signature.decide(&gates, None))
}

/// A discharge overriding its failed SpO2 gate with a reason but no prescriber.
fn override_without_prescriber() -> VigilError {
    let signature: DischargeInput = input(json!({
        "sessionId": 1, "pin": "1234", "escortConfirmed": true, "instructionsNoDriving": true,
        "instructionsRideHome": true, "instructionsEmergency": true,
        "acknowledgedByPatient": true, "acknowledgedByEscort": true,
        "overrides": [{ "gate": "spo2", "reason": "Chronic lung disease, baseline 93",
                        "prescriber": "" }],
    }));
    let gates = DischargeGates {
        gates: [
            gate("minimum", true, "Minimum", ""),
            gate("escort", true, "Escort", ""),
            gate("spo2", false, "SpO2", "93 %"),
        ]
        .into_iter()
        .map(input::<Gate>)
        .collect(),
        minutes_left: 0,
        ..self::gates()
    };
    refused(signature.decide(&gates, None))
}

/// A gate as the page receives it.
fn gate(key: &str, passed: bool, label: &str, detail: &str) -> Value {
    json!({ "key": key, "hard": key == "minimum" || key == "escort", "passed": passed,
            "label": label, "detail": detail })
}

/// The refusal of confirming a PADSS of `seen` when it is `now`.
fn padss_changed(now: u8, seen: u8) -> VigilError {
    let padss = Padss { items: vec![], total: now, complete: true, fit: Some(now >= 9) };
    refused(PadssConfirmInput { session_id: 1, total: seen }.check_against(&padss))
}

/// The refusals whose words carry the case (minutes left, the gate's name, the score).
pub fn templates() -> Vec<Template> {
    let minimum_met = gate("minimum", true, "Minimum", "");
    vec![
        Template {
            name: "minimumNotOver",
            params: &[("minutesLeft", "4242")],
            error: sign_against(vec![gate("minimum", false, "Minimum", "4242 min left")], 4242),
        },
        Template {
            name: "escortNotPresent",
            params: &[("detail", "DETAIL~")],
            error: sign_against(
                vec![minimum_met.clone(), gate("escort", false, "E", "DETAIL~")],
                0,
            ),
        },
        Template {
            name: "gateNotMet",
            params: &[("label", "LABEL~"), ("detail", "DETAIL~"), ("key", "padss")],
            error: sign_against(
                vec![
                    minimum_met,
                    gate("escort", true, "Escort", ""),
                    gate("padss", false, "LABEL~", "DETAIL~"),
                ],
                0,
            ),
        },
        Template {
            name: "padssChanged",
            params: &[("now", "97"), ("seen", "83")],
            error: padss_changed(97, 83),
        },
    ]
}
