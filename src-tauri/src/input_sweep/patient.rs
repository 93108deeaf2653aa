//! The sweep of the commands of one patient's care: admission, checks, corrections, notes,
//! pre-dose decisions, PADSS, the orthostatic preview and the patient's record.
//!
//! Accepted refusals other than `validation` (a well-formed number naming no record):
//! `sessionId`, `checkId`, `originalCheckId` → `not_found`.

use serde_json::{json, Value};

use super::harness::{admit_input, local_before, Harness};
use super::spec::{Make, Spec};

const NOT_FOUND: &[&str] = &["not_found"];

/// A valid observation check of session `session_id`.
pub fn check_input(session_id: i64) -> Value {
    json!({
        "sessionId": session_id,
        "purpose": "observation",
        "observedAt": local_before(2),
        "lateReason": "",
        "symptomGrade": 0,
        "symptoms": [],
        "severeHeadache": false,
        "chestPain": false,
        "shortnessOfBreath": false,
        "orthostatic": null,
        "gait": 2,
        "vitals": {
            "systolic": 124, "diastolic": 78, "heartRate": 72, "spo2": 98,
            "oxygen": "room_air", "respiratoryRate": 14, "temperatureC": 36.8,
        },
        "moaas": 5,
        "cadss": [0, 0, 0, 0, 0, 0],
        "nausea": 0,
        "pain": 0,
        "note": "Comfortable.\nTalking.",
    })
}

/// Fields of the check form that may be left out, or be `null`.
macro_rules! check_optional {
    ($p:literal) => {
        &[
            concat!($p, "observedAt"),
            concat!($p, "lateReason"),
            concat!($p, "symptoms"),
            concat!($p, "severeHeadache"),
            concat!($p, "chestPain"),
            concat!($p, "shortnessOfBreath"),
            concat!($p, "orthostatic"),
            concat!($p, "gait"),
            concat!($p, "vitals"),
            concat!($p, "vitals.*"),
            concat!($p, "moaas"),
            concat!($p, "cadss"),
            concat!($p, "nausea"),
            concat!($p, "pain"),
            concat!($p, "note"),
        ]
    };
}
macro_rules! check_nullable {
    ($p:literal) => {
        &[
            concat!($p, "orthostatic"),
            concat!($p, "gait"),
            concat!($p, "vitals"),
            concat!($p, "vitals.systolic"),
            concat!($p, "vitals.diastolic"),
            concat!($p, "vitals.heartRate"),
            concat!($p, "vitals.spo2"),
            concat!($p, "vitals.respiratoryRate"),
            concat!($p, "vitals.temperatureC"),
            concat!($p, "moaas"),
            concat!($p, "cadss"),
            concat!($p, "cadss.*"),
            concat!($p, "nausea"),
            concat!($p, "pain"),
        ]
    };
}

fn admit_patient(_: &Harness) -> Spec {
    Spec {
        optional: &[
            "input.recoveryMinutes",
            "input.weightKg",
            "input.laterDeviceTimes",
            "input.laterDeviceTimes.*",
            "input.note",
        ],
        nullable: &["input.recoveryMinutes", "input.weightKg"],
        times: &["input.clockStartedAt", "input.laterDeviceTimes.*", "input.dateOfBirth"],
        ..Spec::new("admit_patient", json!({ "input": admit_input("Bay 9") }))
    }
}

fn record_check(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    Spec {
        optional: check_optional!("input."),
        nullable: check_nullable!("input."),
        ids: &["input.sessionId"],
        id_codes: NOT_FOUND,
        times: &["input.observedAt"],
        ..Spec::new("record_check", json!({ "input": check_input(s) }))
    }
}

fn correct_check(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let saved = h.ok("record_check", json!({ "input": check_input(s) }));
    let mut check = check_input(s);
    check["vitals"]["systolic"] = json!(126);
    let input = json!({ "originalCheckId": saved["checkId"], "reason": "Systolic typed wrong.",
        "check": check });
    Spec {
        optional: check_optional!("input.check."),
        nullable: check_nullable!("input.check."),
        ids: &["input.originalCheckId", "input.check.sessionId"],
        id_codes: NOT_FOUND,
        times: &["input.check.observedAt"],
        ..Spec::new("correct_check", json!({ "input": input }))
    }
}

fn add_note(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let input = json!({ "sessionId": s, "observedAt": local_before(1), "lateReason": "",
        "text": "Resting.\n\tCalm." });
    Spec {
        optional: &["input.observedAt", "input.lateReason"],
        ids: &["input.sessionId"],
        id_codes: NOT_FOUND,
        times: &["input.observedAt"],
        ..Spec::new("add_note", json!({ "input": input }))
    }
}

fn record_predose_decision(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let mut baseline = check_input(s);
    baseline["purpose"] = json!("baseline");
    baseline["observedAt"] = json!(local_before(12));
    baseline["vitals"]["systolic"] = json!(152);
    baseline["vitals"]["diastolic"] = json!(96);
    let saved = h.ok("record_check", json!({ "input": baseline }));
    let input = json!({ "sessionId": s, "checkId": saved["checkId"], "decision": "proceed",
        "prescriber": "Dr Test Prescriber", "decidedAt": local_before(1), "note": "" });
    Spec {
        optional: &["input.note"],
        ids: &["input.sessionId", "input.checkId"],
        id_codes: &["not_found", "conflict"],
        times: &["input.decidedAt"],
        ..Spec::new("record_predose_decision", json!({ "input": input }))
    }
}

/// The first `padss` object anywhere in `v`.
fn padss(v: &Value) -> Option<&Value> {
    match v {
        Value::Object(m) => m.get("padss").or_else(|| m.values().find_map(padss)),
        Value::Array(a) => a.iter().find_map(padss),
        _ => None,
    }
}

fn confirm_padss(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    let mut baseline = check_input(s);
    baseline["purpose"] = json!("baseline");
    baseline["observedAt"] = json!(local_before(12));
    h.ok("record_check", json!({ "input": baseline }));
    h.ok("record_check", json!({ "input": check_input(s) }));
    let detail = h.ok("load_session", json!({ "sessionId": s }));
    let total = padss(&detail).map(|p| p["total"].clone()).expect("the PADSS shown");
    Spec {
        ids: &["input.sessionId"],
        id_codes: NOT_FOUND,
        ..Spec::new("confirm_padss", json!({ "input": { "sessionId": s, "total": total } }))
    }
}

fn preview_orthostatic(_: &Harness) -> Spec {
    let input = json!({
        "method": "sit_to_stand", "notDoneReason": "",
        "baselineSystolic": 124, "baselineDiastolic": 78,
        "standingSystolic": 118, "standingDiastolic": 76,
        "standing1Systolic": null, "standing1Diastolic": null,
        "standing3Systolic": null, "standing3Diastolic": null,
        "symptomsOnStanding": false,
        "baselineHeartRate": 70, "standingHeartRate": 82,
        "standing1HeartRate": null, "standing3HeartRate": null,
    });
    Spec {
        optional: &[
            "input.notDoneReason",
            "input.baselineSystolic",
            "input.baselineDiastolic",
            "input.standingSystolic",
            "input.standingDiastolic",
            "input.standing1Systolic",
            "input.standing1Diastolic",
            "input.standing3Systolic",
            "input.standing3Diastolic",
            "input.symptomsOnStanding",
            "input.baselineHeartRate",
            "input.standingHeartRate",
            "input.standing1HeartRate",
            "input.standing3HeartRate",
        ],
        nullable: &["input.*"],
        // By design the live preview reads a number it cannot use (half typed, out of range)
        // as not yet entered and never fails; it writes nothing. Types, shapes, unknown fields
        // and strings are still refused.
        ignored: &["input.*"],
        ..Spec::new("preview_orthostatic", json!({ "input": input }))
    }
}

fn load_session(h: &Harness) -> Spec {
    let s = h.admit("Bay 1");
    Spec {
        ids: &["sessionId"],
        id_codes: NOT_FOUND,
        ..Spec::new("load_session", json!({ "sessionId": s }))
    }
}

/// The commands of this file with how to set each up.
pub const SPECS: &[Make] = &[
    ("admit_patient", admit_patient),
    ("record_check", record_check),
    ("correct_check", correct_check),
    ("add_note", add_note),
    ("record_predose_decision", record_predose_decision),
    ("confirm_padss", confirm_padss),
    ("preview_orthostatic", preview_orthostatic),
    ("load_session", load_session),
];
