//! The sweep of the commands of the app as a program (issue 17): the close question's reason,
//! a quit's count of patients (the harness's board is empty; the valid arguments name a count
//! that differs, so the valid run is refused as `conflict`, never as `validation`, and nothing
//! quits the sweep's app), and the autostart setting's edit. Every refusal is `validation`
//! naming a field.

use serde_json::json;

use super::spec::{Make, Spec};

pub const SPECS: &[Make] = &[
    ("load_close_request", |_| Spec::new("load_close_request", json!({ "reason": "window" }))),
    ("quit_vigil", |_| Spec::new("quit_vigil", json!({ "input": { "patientsInRecovery": 7 } }))),
    ("update_autostart", |_| Spec::new("update_autostart", json!({ "edit": { "enabled": true } }))),
];
