//! The sweep of the day and shift report's commands: the day is a local date (swept as a
//! time), the shift optional, the folder one of the harness's own; the shifts setting's edit.
//! Every refusal is `validation` naming a field.

use chrono::Local;
use serde_json::{json, Value};

use super::harness::Harness;
use super::spec::{Make, Spec};
use crate::test_support::t0;

/// The report of the harness's day shift, with `folder` when the command saves a file.
fn report(cmd: &'static str, h: &Harness, folder: bool) -> Spec {
    let today = t0().with_timezone(&Local).format("%Y-%m-%d").to_string();
    let mut args = json!({ "input": { "day": today, "shift": "Day" } });
    if folder {
        args["folder"] = Value::from(h.export_folder());
    }
    Spec {
        times: &["input.day"],
        optional: &["input.shift"],
        nullable: &["input.shift"],
        ..Spec::new(cmd, args)
    }
}

pub const SPECS: &[Make] = &[
    ("load_report", |h| report("load_report", h, false)),
    ("save_report_pdf", |h| report("save_report_pdf", h, true)),
    ("save_report_csv", |h| report("save_report_csv", h, true)),
    ("update_shifts", |_| {
        let shifts = json!([{ "name": "Early", "start": "06:00", "hours": 8 },
            { "name": "Late", "start": "14:00", "hours": 10 }]);
        let edit = json!({ "edit": { "shifts": shifts } });
        // Either shift alone is a valid list.
        Spec { optional: &["edit.shifts.*"], ..Spec::new("update_shifts", edit) }
    }),
];
