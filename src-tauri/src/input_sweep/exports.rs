//! The sweep of the CSV exports of sessions and checks (administrators): the days are local
//! dates (swept as times), the folder one of the harness's own, outside its data directory.
//! Every refusal is `validation` naming a field.

use chrono::Local;
use serde_json::json;

use super::harness::Harness;
use super::spec::{Make, Spec};
use crate::test_support::t0;

/// A spec for an export of today (the harness's clock) into the harness's folder.
fn export(cmd: &'static str, h: &Harness) -> Spec {
    let today = t0().with_timezone(&Local).format("%Y-%m-%d").to_string();
    let input = json!({ "from": today, "to": today, "folder": h.export_folder() });
    Spec { times: &["input.from", "input.to"], ..Spec::new(cmd, json!({ "input": input })) }
}

pub const SPECS: &[Make] = &[
    ("export_sessions_csv", |h| export("export_sessions_csv", h)),
    ("export_checks_csv", |h| export("export_checks_csv", h)),
];
