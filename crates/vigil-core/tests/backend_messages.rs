//! The refusals the UI tests' fake IPC answers with, taken from the real core functions
//! (`ui/src/test/backendMessages.ts`), so the fakes never copy a message by hand. Like the
//! bindings test it fails when the committed file is stale; regenerate it with
//! `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil-core --test backend_messages`.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

use chrono::{DateTime, TimeZone, Utc};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::path::PathBuf;
use vigil_core::checks::{CheckPlanSettingsEdit, ThresholdSettingsEdit};
use vigil_core::discharge::{
    AgainstAdviceInput, DischargeGates, DischargeInput, DischargePolicyEdit, EscortInput, Gate,
    Readiness, SessionPhase, TransferInput,
};
use vigil_core::papers::rems::FormSubmittedInput;
use vigil_core::{
    DisplaySettingsEdit, EmergencyInput, EmergencyLimitEdit, IdleLockEdit, PapersKeptEdit,
    Permission, PinResetInput, ProtocolEdit, RestoreInput, Role, VigilError, Workstation,
};
use vigil_core::{Protocol, RecoverySession};

/// An input as the page sends it.
fn input<T: DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).expect("a well-formed input")
}

/// The refusal of `result`, which must be one.
fn refused<T: std::fmt::Debug>(result: Result<T, VigilError>) -> VigilError {
    result.expect_err("a refusal")
}

/// A valid display edit with `field` set to `value`.
fn display(field: &str, value: Value) -> VigilError {
    let mut edit = json!({
        "theme": "scheduled", "dimFrom": "21:00", "dimUntil": "07:00",
        "volume": 50, "escalateAfterMinutes": 5,
    });
    edit[field] = value;
    refused(input::<DisplaySettingsEdit>(edit).validate())
}

/// A valid discharge policy edit with `field` set to `value`.
fn policy(field: &str, value: Value) -> VigilError {
    let mut edit = json!({
        "allowRideshareAlone": false, "allowPublicTransportAlone": false,
        "escortLateMinutes": 30, "maxNausea": 1, "remsWarnFromDay": 5,
    });
    edit[field] = value;
    refused(input::<DischargePolicyEdit>(edit).validate())
}

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
    let session = session();
    DischargeGates {
        readiness: Readiness::NotReady,
        gates: vec![],
        missing: vec![],
        minutes_left: 60,
        ends_at: session.ends_at(),
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

/// The refusals of the discharge forms.
fn discharge_messages() -> Vec<(&'static str, VigilError)> {
    let policy = input::<DischargePolicyEdit>(json!({
        "allowRideshareAlone": false, "allowPublicTransportAlone": false,
        "escortLateMinutes": 30, "maxNausea": 1, "remsWarnFromDay": 5,
    }))
    .validate()
    .expect("a valid policy");
    let escort: EscortInput = input(json!({
        "sessionId": 1, "fullName": " ", "relationship": "Sister", "phone": "555-0100",
        "adultAttested": true, "transport": "escort_drives", "status": "expected", "eta": "",
        "arrivedAt": "", "knownToStaff": false, "nameConfirmed": false, "photoId": false,
    }));
    let against: AgainstAdviceInput = input(json!({
        "sessionId": 1, "risksExplained": true, "prescriberNotified": false, "prescriber": "",
        "notifiedAt": "", "willDrive": "maybe", "escortPresent": false,
        "actionsTaken": "Risks explained.", "signatureRefused": false, "witness": "", "leftAt": "",
    }));
    vec![
        (
            "escortFullNameMissing",
            refused(escort.validate(&policy, session().clock_started_at, now(), &Utc)),
        ),
        ("willDriveUnknown", refused(against.validate(&session(), gates(), now(), &Utc))),
        ("transferDestinationTooShort", transfer("destination", json!("E"))),
        ("transferEmergencyServicesUnknown", transfer("emergencyServicesCalled", json!(""))),
        ("patientAlreadyLeft", refused(SessionPhase::Departed.may_transfer())),
    ]
}

/// A refusal that depends on its case: a TS function of `params`, each standing for the
/// sentinel text it replaces in the real refusal made with the sentinels.
struct Template {
    name: &'static str,
    params: &'static [(&'static str, &'static str)],
    error: VigilError,
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

/// The refusals whose words carry the case (minutes left, the gate's name).
fn templates() -> Vec<Template> {
    let gate = |key: &str, passed: bool, label: &str, detail: &str| {
        json!({ "key": key, "hard": key == "minimum" || key == "escort", "passed": passed,
                "label": label, "detail": detail })
    };
    vec![
        Template {
            name: "minimumNotOver",
            params: &[("minutesLeft", "4242")],
            error: sign_against(vec![gate("minimum", false, "Minimum", "4242 min left")], 4242),
        },
        Template {
            name: "gateNotMet",
            params: &[("label", "LABEL~"), ("detail", "DETAIL~"), ("key", "padss")],
            error: sign_against(
                vec![
                    gate("minimum", true, "Minimum", ""),
                    gate("escort", true, "Escort", ""),
                    gate("padss", false, "LABEL~", "DETAIL~"),
                ],
                0,
            ),
        },
    ]
}

/// `text` as a TS expression: a JSON string, or a template literal with `params` in it.
fn ts_text(text: &str, params: &[(&str, &str)]) -> String {
    if !params.iter().any(|(_, sentinel)| text.contains(sentinel)) {
        return serde_json::to_string(text).expect("a string serializes");
    }
    let mut out = text.replace('\\', "\\\\").replace('`', "\\`").replace("${", "\\${");
    for (param, sentinel) in params {
        out = out.replace(sentinel, &format!("${{{param}}}"));
    }
    format!("`{out}`")
}

fn template_ts(t: &Template) -> String {
    let code = serde_json::to_string(&t.error.code).expect("a code serializes");
    let args: Vec<String> = t
        .params
        .iter()
        .map(|(p, s)| {
            let kind = if s.parse::<f64>().is_ok() { "number" } else { "string" };
            format!("{p}: {kind}")
        })
        .collect();
    let field = t
        .error
        .field
        .as_deref()
        .map_or(String::new(), |f| format!(", field: {}", ts_text(f, t.params)));
    format!(
        "\nexport const {} = ({}): VigilError => ({{ code: {code}, message: {}{field} }});\n",
        t.name,
        args.join(", "),
        ts_text(&t.error.message, t.params)
    )
}

/// Each message the fakes use: its TS name and the real refusal.
fn messages() -> Vec<(&'static str, VigilError)> {
    let pins = |pin: &str, again: &str, role| {
        let reset: PinResetInput = input(json!({ "nurseId": 1, "pin": pin, "pinAgain": again }));
        refused(reset.validate(role))
    };
    vec![
        ("adminPinTooShort", pins("1234", "1234", Role::Admin)),
        ("pinsDiffer", pins("1234", "4321", Role::Nurse)),
        ("signInFirst", refused(Workstation::new().require(Permission::ClinicalWork).cloned())),
        (
            "emergencyReasonTooShort",
            refused(input::<EmergencyInput>(json!({ "nurseId": 1, "reason": "help" })).reason()),
        ),
        ("idleLockOutOfRange", refused(input::<IdleLockEdit>(json!({ "seconds": 5 })).validate())),
        (
            "emergencyLimitOutOfRange",
            refused(input::<EmergencyLimitEdit>(json!({ "minutes": 1 })).validate()),
        ),
        ("papersKeptOutOfRange", refused(input::<PapersKeptEdit>(json!({ "days": 0 })).validate())),
        (
            "backupNotFromList",
            refused(input::<RestoreInput>(json!({ "file": "../vigil.sqlite3" })).file_name()),
        ),
        (
            "spravatoMinimumTooShort",
            refused(
                input::<ProtocolEdit>(json!({ "protocol": "spravato", "minimumMinutes": 60 }))
                    .validate(),
            ),
        ),
        (
            "graceOutOfRange",
            refused(
                input::<CheckPlanSettingsEdit>(json!({
                    "ivVitalsEveryMinutes": 15, "spravatoPeakMinutes": 40,
                    "positiveRecheckMinutes": 15, "graceMinutes": 0, "earlyMinutes": 0,
                }))
                .validate(),
            ),
        ),
        (
            "criticalSystolicOutOfRange",
            refused(input::<ThresholdSettingsEdit>(json!({ "criticalSystolic": 100 })).validate()),
        ),
        ("nauseaLimitOutOfRange", policy("maxNausea", json!(9))),
        ("remsWarnDayOutOfRange", policy("remsWarnFromDay", json!(9))),
        (
            "submissionChannelUnknown",
            refused(
                input::<FormSubmittedInput>(
                    json!({ "sessionId": 1, "channel": "pigeon", "reference": "PORTAL-42" }),
                )
                .validate(),
            ),
        ),
        (
            "submissionReferenceMissing",
            refused(
                input::<FormSubmittedInput>(
                    json!({ "sessionId": 1, "channel": "portal", "reference": " " }),
                )
                .validate(),
            ),
        ),
        ("themeUnknown", display("theme", json!("sepia"))),
        ("dimFromNotATime", display("dimFrom", json!("9pm"))),
        ("dimUntilNotATime", display("dimUntil", json!("24:00"))),
        ("dimHoursSameTime", display("dimUntil", json!("21:00"))),
        ("volumeOutOfRange", display("volume", json!(101))),
        ("escalationOutOfRange", display("escalateAfterMinutes", json!(0))),
    ]
    .into_iter()
    .chain(discharge_messages())
    .collect()
}

fn generated() -> String {
    let mut out = String::from(
        "// Generated from the real refusals of crates/vigil-core by its `backend_messages` test:\n\
         // what the UI tests' fake IPC answers with, never copied by hand. Do not edit: run\n\
         // `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil-core --test backend_messages`.\n\
         import type { VigilError } from '../lib/ipc';\n",
    );
    for (name, error) in messages() {
        let error = serde_json::to_string(&error).expect("an error serializes");
        out.push_str(&format!("\nexport const {name}: VigilError = {error};\n"));
    }
    for template in templates() {
        out.push_str(&template_ts(&template));
    }
    out
}

#[test]
fn each_message_has_one_name_and_a_validation_names_its_field() {
    let all = messages();
    let mut names: Vec<_> = all.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all.len(), "a TS name used twice");
    for t in templates() {
        for (param, sentinel) in t.params {
            let used = t.error.message.contains(sentinel)
                || t.error.field.as_deref().is_some_and(|f| f.contains(sentinel));
            assert!(used, "{}: {param} is in the refusal", t.name);
        }
    }
    for (name, error) in &all {
        assert!(!error.message.is_empty(), "{name}: a message");
        let validation = error.code == vigil_core::ErrorCode::Validation;
        assert_eq!(validation, error.field.is_some(), "{name}: a validation names its field");
    }
}

#[test]
fn committed_backend_messages_are_current() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/test/backendMessages.ts");
    let want = generated();
    if std::env::var_os("VIGIL_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).expect("write backend messages");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale; run VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil-core --test backend_messages",
        path.display()
    );
}
