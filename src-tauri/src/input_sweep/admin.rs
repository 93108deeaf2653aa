//! The sweep of the commands of sign-in, accounts, settings, backups, drafts, alerts and the
//! review of emergency access.
//!
//! Accepted refusals other than `validation` (a well-formed number naming no record):
//! `nurseId` → `not_found` or `forbidden` (signing in as no account is a failed sign-in),
//! `firingId`, `seq` → `not_found`.

use serde_json::{json, Value};

use super::harness::Harness;
use super::spec::{Make, Spec};
use crate::test_support::ADMIN_PIN;

const NOT_FOUND: &[&str] = &["not_found"];
/// A second account's PIN (valid for any role).
const PIN: &str = "13579024";

fn new_nurse(name: &str, role: &str) -> Value {
    json!({ "displayName": name, "credentials": "RN", "role": role, "pin": PIN, "pinAgain": PIN })
}

/// Creates a nurse account; returns its id.
fn nurse(h: &Harness) -> i64 {
    let accounts = h.ok("create_account", json!({ "input": new_nurse("Test Nurse", "nurse") }));
    let found = accounts.as_array().and_then(|a| {
        a.iter().find(|n| n["displayName"] == "Test Nurse").and_then(|n| n["id"].as_i64())
    });
    found.expect("the new account's id")
}

fn admin_id(h: &Harness) -> i64 {
    let auth = h.ok("load_auth", json!({}));
    auth["nurse"]["id"].as_i64().expect("signed-in administrator")
}

fn create_first_admin(_: &Harness) -> Spec {
    let input = json!({ "displayName": "Test Admin", "credentials": "RN", "role": "admin",
        "pin": ADMIN_PIN, "pinAgain": ADMIN_PIN });
    Spec::new("create_first_admin", json!({ "input": input }))
}

fn sign_in(h: &Harness) -> Spec {
    Spec {
        ids: &["input.nurseId"],
        id_codes: &["not_found", "forbidden"],
        ..Spec::new("sign_in", json!({ "input": { "nurseId": admin_id(h), "pin": ADMIN_PIN } }))
    }
}

fn emergency_access(h: &Harness) -> Spec {
    let input = json!({ "nurseId": nurse(h), "reason": "Sign-in screen frozen, patient waiting." });
    Spec {
        ids: &["input.nurseId"],
        id_codes: &["not_found", "forbidden"],
        ..Spec::new("emergency_access", json!({ "input": input }))
    }
}

fn create_account(_: &Harness) -> Spec {
    Spec::new("create_account", json!({ "input": new_nurse("Test Prescriber", "prescriber") }))
}

fn set_account_active(h: &Harness) -> Spec {
    Spec {
        ids: &["input.nurseId"],
        id_codes: NOT_FOUND,
        ..Spec::new(
            "set_account_active",
            json!({ "input": { "nurseId": nurse(h), "active": false } }),
        )
    }
}

fn reset_pin(h: &Harness) -> Spec {
    let input = json!({ "nurseId": nurse(h), "pin": "24680135", "pinAgain": "24680135" });
    Spec {
        ids: &["input.nurseId"],
        id_codes: NOT_FOUND,
        ..Spec::new("reset_pin", json!({ "input": input }))
    }
}

fn restore_backup(h: &Harness) -> Spec {
    let backup = h.ok("back_up_now", json!({}));
    Spec::new("restore_backup", json!({ "input": { "file": backup["file"] } }))
}

/// Refused before anything else when malformed; the mock app has no recovery pending (and no
/// app to start), so the valid arguments are refused with `internal`, not as invalid.
fn recover_from_backup(h: &Harness) -> Spec {
    let backup = h.ok("back_up_now", json!({}));
    Spec::new("recover_from_backup", json!({ "input": { "file": backup["file"] } }))
}

/// Refused before anything else when malformed, like `recover_from_backup`: the valid
/// arguments reach the recovery, which the mock app does not have (`internal`), so no key is
/// made or kept.
fn start_new_records(_: &Harness) -> Spec {
    Spec::new("start_new_records", json!({ "input": { "keepIn": "key_file" } }))
}

/// The recovery key and the file are read before the recovery (as `start_new_records`).
fn open_with_recovery_key(_: &Harness) -> Spec {
    let key = vigil_core::recovery_key::encode(&[7; 32]);
    let input = json!({ "recoveryKey": key, "file": "/media/usb/vigil-20261127T031500000Z.sqlite3",
        "keepIn": "keystore" });
    Spec {
        optional: &["input.file"],
        nullable: &["input.file"],
        ..Spec::new("open_with_recovery_key", json!({ "input": input }))
    }
}

/// The settings as they stand.
fn settings(h: &Harness) -> Value {
    h.ok("load_settings", json!({}))
}

fn update_thresholds(h: &Harness) -> Spec {
    Spec::new("update_thresholds", json!({ "edit": settings(h)["thresholds"] }))
}

fn update_check_plan(h: &Harness) -> Spec {
    Spec::new("update_check_plan", json!({ "edit": settings(h)["checkPlan"] }))
}

fn acknowledge_alert(_: &Harness) -> Spec {
    Spec {
        ids: &["firingId"],
        id_codes: NOT_FOUND,
        ..Spec::new("acknowledge_alert", json!({ "firingId": 1 }))
    }
}

fn by_seq(cmd: &'static str) -> Spec {
    Spec {
        ids: &["input.seq"],
        id_codes: NOT_FOUND,
        ..Spec::new(cmd, json!({ "input": { "seq": 1 } }))
    }
}

fn edit(cmd: &'static str, edit: Value) -> Spec {
    Spec::new(cmd, json!({ "edit": edit }))
}

fn draft(cmd: &'static str) -> Spec {
    Spec::new(cmd, json!({ "form": "admit" }))
}

/// A filter of the audit trail's review with every field set: days, the administrator, an
/// action, a patient's session, a page.
fn audit_filter(cmd: &'static str, h: &Harness, folder: Option<Value>) -> Spec {
    let filter = json!({ "from": "2026-06-01", "to": "2026-07-01", "nurseId": admin_id(h),
        "action": "sign_in", "sessionId": h.admit("Bay 1"), "beforeSeq": 1000 });
    let mut args = json!({ "filter": filter });
    if let Some(folder) = folder {
        args["folder"] = folder;
    }
    const FIELDS: &[&str] = &[
        "filter.from",
        "filter.to",
        "filter.nurseId",
        "filter.action",
        "filter.sessionId",
        "filter.beforeSeq",
    ];
    Spec {
        optional: FIELDS,
        nullable: FIELDS,
        ids: &["filter.nurseId", "filter.sessionId", "filter.beforeSeq"],
        id_codes: NOT_FOUND,
        times: &["filter.from", "filter.to"],
        ..Spec::new(cmd, args)
    }
}

/// The commands of this file with how to set each up (`create_first_admin` runs on a first
/// start, see `super::first_start`).
pub const SPECS: &[Make] = &[
    ("sign_in", sign_in),
    ("emergency_access", emergency_access),
    ("create_account", create_account),
    ("set_account_active", set_account_active),
    ("reset_pin", reset_pin),
    ("restore_backup", restore_backup),
    ("recover_from_backup", recover_from_backup),
    ("start_new_records", start_new_records),
    ("open_with_recovery_key", open_with_recovery_key),
    ("update_thresholds", update_thresholds),
    ("update_check_plan", update_check_plan),
    ("acknowledge_alert", acknowledge_alert),
    ("update_protocol", |_| {
        edit("update_protocol", json!({ "protocol": "iv_ketamine", "minimumMinutes": 60 }))
    }),
    ("update_alert_repeat", |_| edit("update_alert_repeat", json!({ "minutes": 5 }))),
    ("update_idle_lock", |_| edit("update_idle_lock", json!({ "seconds": 300 }))),
    ("update_emergency_limit", |_| edit("update_emergency_limit", json!({ "minutes": 30 }))),
    ("update_papers_kept", |_| edit("update_papers_kept", json!({ "days": 30 }))),
    ("update_display_settings", |_| {
        let e = json!({ "theme": "scheduled", "dimFrom": "21:00", "dimUntil": "06:00",
            "volume": 30, "escalateAfterMinutes": 4 });
        edit("update_display_settings", e)
    }),
    ("update_backup_settings", |_| {
        let folder = std::env::temp_dir().join("vigil-sweep-backups");
        let e = json!({ "folder": folder, "intervalMinutes": 240, "keep": 30 });
        edit("update_backup_settings", e)
    }),
    ("load_audit_trail", |h| audit_filter("load_audit_trail", h, None)),
    ("export_audit_csv", |h| audit_filter("export_audit_csv", h, Some(json!(h.export_folder())))),
    ("load_emergency_actions", |_| by_seq("load_emergency_actions")),
    ("review_emergency_use", |_| by_seq("review_emergency_use")),
    ("save_draft", |_| Spec {
        verbatim: &["content"],
        ..Spec::new("save_draft", json!({ "form": "admit", "content": "{\"bay\":\"Bay 1\"}" }))
    }),
    ("load_draft", |_| draft("load_draft")),
    ("clear_draft", |_| draft("clear_draft")),
];

/// First start: the one command that runs with no account yet.
pub const FIRST_START: Make = ("create_first_admin", create_first_admin);
