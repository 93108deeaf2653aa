//! The refusals of the core's own rules (settings, accounts, display, REMS submissions): each
//! made by calling the real core function on an input as the page sends it.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use vigil_core::checks::{CheckPlanSettingsEdit, ThresholdSettingsEdit};
use vigil_core::discharge::DischargePolicyEdit;
use vigil_core::papers::rems::FormSubmittedInput;
use vigil_core::startup::RecoveryKeyInput;
use vigil_core::{
    DisplaySettingsEdit, EmergencyInput, EmergencyLimitEdit, IdleLockEdit, PapersKeptEdit,
    Permission, PinResetInput, ProtocolEdit, RestoreInput, Role, VigilError, Workstation,
};

/// An input as the page sends it.
pub fn input<T: DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).expect("a well-formed input")
}

/// The refusal of `result`, which must be one.
pub fn refused<T: std::fmt::Debug>(result: Result<T, VigilError>) -> VigilError {
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

/// A REMS form's submission with `channel` and `reference`.
fn submission(channel: &str, reference: &str) -> VigilError {
    let edit = json!({ "sessionId": 1, "channel": channel, "reference": reference });
    refused(input::<FormSubmittedInput>(edit).validate())
}

/// The refusals of the accounts' and sign-in rules.
fn account_messages() -> Vec<(&'static str, VigilError)> {
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
    ]
}

/// The refusals of the settings' rules.
fn settings_messages() -> Vec<(&'static str, VigilError)> {
    let plan = json!({
        "ivVitalsEveryMinutes": 15, "spravatoPeakMinutes": 40,
        "positiveRecheckMinutes": 15, "graceMinutes": 0, "earlyMinutes": 0,
    });
    let spravato = json!({ "protocol": "spravato", "minimumMinutes": 60 });
    vec![
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
        ("spravatoMinimumTooShort", refused(input::<ProtocolEdit>(spravato).validate())),
        ("graceOutOfRange", refused(input::<CheckPlanSettingsEdit>(plan).validate())),
        (
            "criticalSystolicOutOfRange",
            refused(input::<ThresholdSettingsEdit>(json!({ "criticalSystolic": 100 })).validate()),
        ),
        ("nauseaLimitOutOfRange", policy("maxNausea", json!(9))),
        ("remsWarnDayOutOfRange", policy("remsWarnFromDay", json!(9))),
        ("submissionChannelUnknown", submission("pigeon", "PORTAL-42")),
        ("submissionReferenceMissing", submission("portal", " ")),
    ]
}

/// The refusals of the display settings' rules.
fn display_messages() -> Vec<(&'static str, VigilError)> {
    vec![
        ("themeUnknown", display("theme", json!("sepia"))),
        ("dimFromNotATime", display("dimFrom", json!("9pm"))),
        ("dimUntilNotATime", display("dimUntil", json!("24:00"))),
        ("dimHoursSameTime", display("dimUntil", json!("21:00"))),
        ("volumeOutOfRange", display("volume", json!(101))),
        ("escalationOutOfRange", display("escalateAfterMinutes", json!(0))),
    ]
}

/// The refusals of a typed recovery key and records file (the recovery key form).
fn recovery_key_messages() -> Vec<(&'static str, VigilError)> {
    let typed = |key: &str, file: Option<&str>| -> RecoveryKeyInput {
        input(json!({ "recoveryKey": key, "file": file, "keepIn": "keystore" }))
    };
    let key = vigil_core::recovery_key::encode(&[7; 32]);
    let mistyped = format!("{}{}", if key.starts_with('0') { '1' } else { '0' }, &key[1..]);
    vec![
        ("recoveryKeyEmpty", refused(typed("", None).key())),
        ("recoveryKeyMistyped", refused(typed(&mistyped, None).key())),
        ("recordsFileNotAbsolute", refused(typed(&key, Some("vigil.sqlite3")).records_file())),
    ]
}

/// The refusals of the CSV export's days (checked against 2026-07-01 as today).
fn export_messages() -> Vec<(&'static str, VigilError)> {
    let days = |from: &str, to: &str| {
        let typed: vigil_core::exports::CsvExportInput =
            input(json!({ "from": from, "to": to, "folder": "/tmp" }));
        refused(typed.validate(chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("date")))
    };
    vec![
        ("exportFromNotADate", days("", "2026-07-01")),
        ("exportToBeforeFrom", days("2026-07-01", "2026-06-30")),
    ]
}

/// The refusals of the history search's days.
fn history_messages() -> Vec<(&'static str, VigilError)> {
    let days = |from: &str, to: &str| {
        let typed: vigil_core::history::HistoryQuery =
            input(json!({ "text": "", "from": from, "to": to }));
        refused(typed.validate(&chrono::Utc))
    };
    vec![
        ("historyFromNotADate", days("2026-02-30", "")),
        ("historyToBeforeFrom", days("2026-07-01", "2026-06-30")),
    ]
}

/// The refusals of the day report's day and shift.
fn report_messages() -> Vec<(&'static str, VigilError)> {
    let window = |day: &str, shift: Option<&str>| {
        let typed: vigil_core::report::ReportInput = input(json!({ "day": day, "shift": shift }));
        refused(typed.window(&vigil_core::report::Shift::defaults(), &chrono::Utc))
    };
    vec![
        ("reportDayNotADate", window("2026-02-30", None)),
        ("reportNoSuchShift", window("2026-07-01", Some("Evening"))),
        ("shiftHoursOutOfRange", {
            let edit: vigil_core::report::ShiftsEdit =
                input(json!({ "shifts": [{ "name": "Day", "start": "07:00", "hours": 25 }] }));
            refused(edit.validate())
        }),
    ]
}

/// The core's refusals the fakes use, in the order they are written.
pub fn messages() -> Vec<(&'static str, VigilError)> {
    [
        account_messages(),
        settings_messages(),
        display_messages(),
        recovery_key_messages(),
        export_messages(),
        history_messages(),
        report_messages(),
    ]
    .concat()
}
