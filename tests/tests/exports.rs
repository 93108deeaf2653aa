//! The CSV export in the real app (issue 16): the administrator admits a patient whose name
//! has a comma and quotes, opens Reports, reads the warning and exports today's sessions into a
//! folder of their own; the file, parsed by Python's csv module, holds the patient's row with
//! the name exactly as typed, and the audit trail has one export entry that names no one. A
//! nurse (not an administrator) sees no export form. Real window, real SQLite file, fictional
//! patient.

use chrono::{Duration as Span, Local};
use std::path::Path;
use std::process::Command;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{nurse, AdmitForm, By, Desktop, Session};

const QUOTED: &str = "Test, Patient \"Quoted\"";
const EXPORT_HEADING: &str = "Export sessions and checks (CSV)";

/// The file as Python's csv module reads it: each record as a list of fields.
fn python_rows(path: &Path) -> Vec<Vec<String>> {
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
        \x20   print(json.dumps(list(csv.reader(f, strict=True))))\n";
    let out = Command::new("python3").args(["-c", script]).arg(path).output().expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn add_nurse(app: &Session) {
    app.click(&app.find(&By::button("People")));
    app.type_into(&app.find(&By::label("Name")), "Test Nurse Two");
    app.type_into(&app.find(&By::label("Credentials")), "RN");
    app.type_into(&app.find(&By::label("PIN")), "1357");
    app.type_into(&app.find(&By::label("PIN again")), "1357");
    app.click(&app.find(&By::button("Add account")));
    app.find(&By::text("Account added."));
    app.click(&app.find(&By::button("Back to the board")));
}

#[test]
fn the_admin_exports_todays_sessions_and_a_nurse_sees_no_export() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    // The sessions of the day the clock started (local), also when that was before midnight.
    let ended_at = Local::now() - Span::minutes(10);
    let ended = ended_at.format("%Y-%m-%d %H:%M").to_string();
    let day = ended_at.format("%Y-%m-%d").to_string();
    AdmitForm { name: QUOTED.into(), ..AdmitForm::iv("Bay 4", &ended) }.submit(&app);
    app.find(&By::row("Bay 4"));

    app.open_records_view("Reports");
    app.find(&By::heading(EXPORT_HEADING));
    app.find(&By::containing("hold patient data"));
    app.type_into(&app.find(&By::label("Export from")), &day);
    app.type_into(&app.find(&By::label("Export to")), &day);
    let chosen = tempfile::tempdir().expect("the administrator's folder");
    let folder = app.offered_folder("Export to folder");
    app.type_into(&folder, chosen.path().to_str().expect("utf-8"));
    app.click(&app.find(&By::button("Export sessions (CSV)")));
    let saved = wait_for("the saved CSV", Duration::from_secs(15), || {
        app.try_find(&By::containing("Sessions saved as CSV:")).map(|el| app.text(&el))
    });
    desktop.screenshot("csv-export");
    let path = saved.split("Sessions saved as CSV:").nth(1).expect("a path").trim().to_owned();
    let folder = chosen.path().canonicalize().expect("canonical");
    assert!(path.starts_with(folder.to_str().expect("utf-8")), "{path}");
    assert!(!path.contains("Test"), "no patient name in the file name: {path}");

    let rows = python_rows(Path::new(&path));
    let col = |name: &str| rows[0].iter().position(|c| c == name).expect(name);
    let patient: Vec<&Vec<String>> =
        rows[1..].iter().filter(|r| r[col("bay")] == "Bay 4").collect();
    assert_eq!(patient.len(), 1, "{rows:?}");
    assert_eq!(patient[0][col("patient_name")], QUOTED, "the name exactly as typed");
    assert_eq!(patient[0][col("chart_number")], "TEST-0001");
    assert_eq!(patient[0][col("protocol")], "iv_ketamine");

    let c = desktop.open_records();
    let details: Vec<String> = c
        .prepare("SELECT detail FROM audit_events WHERE action = 'export'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("export entries");
    assert_eq!(details.len(), 1, "{details:?}");
    assert!(details[0].starts_with("sessions from "), "{}", details[0]);
    assert!(!details[0].contains("Test, Patient") && !details[0].contains("Quoted"), "{details:?}");

    // A nurse sees the day report but no export form.
    app.click(&app.find(&By::button("Back to the board")));
    add_nurse(&app);
    app.click(&app.find(&By::button("Lock")));
    nurse::sign_in(&app, "Test Nurse Two, RN", "1357");
    app.open_records_view("Reports");
    app.find(&By::heading("Day and shift report"));
    assert!(app.try_find(&By::heading(EXPORT_HEADING)).is_none(), "no export form for a nurse");
    assert!(app.try_find(&By::button("Export sessions (CSV)")).is_none());
}
