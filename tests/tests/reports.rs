//! The day report in the real app (issue 16, scenario 6): a patient whose infusion ended 25
//! minutes ago insists on leaving and is recorded against advice; the day report lists them
//! "against advice"; the report saved as CSV into a folder of the nurse's own holds that row
//! (parsed by Python's csv module), and the audit trail one export entry that names no one.
//! Real window, real SQLite file, fictional patient.

use chrono::{Duration as Span, Local};
use std::path::Path;
use std::process::Command;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

const NAME: &str = "Zoë O'Brien-Müller";

fn python_rows(path: &Path) -> Vec<Vec<String>> {
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
        \x20   print(json.dumps(list(csv.reader(f, strict=True))))\n";
    let out = Command::new("python3").args(["-c", script]).arg(path).output().expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn type_in(app: &Session, label: &str, text: &str) {
    app.type_into(&app.find(&By::label(label)), text);
}

fn tick(app: &Session, label: &str) {
    app.click(&app.find(&By::label(label)));
}

/// Scenario 6's form: risks explained, prescriber notified, will drive, signature refused.
fn leave_against_advice(app: &Session, bay: &str) {
    app.row_action(bay, &format!("Left against advice: {bay}"));
    app.find(&By::heading(&format!("Leaving against advice: {bay}")));
    tick(app, "Risks explained to the patient");
    tick(app, "Prescriber notified");
    type_in(app, "Prescriber's name", "Dr Test Prescriber");
    type_in(app, "Notified at", &Local::now().format("%Y-%m-%d %H:%M").to_string());
    app.click(&app.find(&By::option("Says they will drive", "Yes")));
    type_in(app, "Actions taken", "Called the emergency contact; advised not to drive.");
    tick(app, "Patient refused to sign");
    type_in(app, "Witness", "Test Witness, RN");
    app.click(&app.find(&By::button("Record leaving against advice")));
    wait_for("the patient to leave the board", Duration::from_secs(10), || {
        app.try_find(&By::button(&format!("Record check for {bay}"))).is_none().then_some(())
    });
}

#[test]
fn a_patient_who_left_against_advice_is_in_the_day_report_and_its_csv() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    // The report of the day the clock started (local), also when that was before midnight.
    let ended_at = Local::now() - Span::minutes(25);
    let ended = ended_at.format("%Y-%m-%d %H:%M").to_string();
    let day = ended_at.format("%Y-%m-%d").to_string();
    AdmitForm { name: NAME.into(), ..AdmitForm::iv("Bay 5", &ended) }.submit(&app);
    app.find(&By::row("Bay 5"));
    leave_against_advice(&app, "Bay 5");

    app.open_records_view("Reports");
    app.find(&By::heading("Day and shift report"));
    type_in(&app, "Report day", &day);
    app.click(&app.find(&By::button("Show the report")));
    let patients = By::table("Patients");
    let row = app.text(&app.find(&By::inside(&patients, &By::row("Bay 5"))));
    assert!(row.contains(NAME) && row.contains("against advice"), "listed against advice: {row}");
    desktop.screenshot("day-report");

    let chosen = tempfile::tempdir().expect("the nurse's folder");
    let folder = app.offered_folder("Save the report in folder");
    app.type_into(&folder, chosen.path().to_str().expect("utf-8"));
    app.find(&By::containing("holds patient data"));
    app.click(&app.find(&By::button("Save the report as CSV")));
    let saved = wait_for("the saved CSV", Duration::from_secs(15), || {
        app.try_find(&By::containing("The report was saved as CSV:")).map(|el| app.text(&el))
    });
    let path = saved.split("saved as CSV:").nth(1).expect("a path").trim().to_owned();
    assert!(!path.contains("Zoë") && !path.contains("Brien"), "no name in the file name: {path}");
    let rows = python_rows(Path::new(&path));
    let col = |name: &str| rows[0].iter().position(|c| c == name).expect(name);
    let patient: Vec<&Vec<String>> =
        rows[1..].iter().filter(|r| r[col("bay")] == "Bay 5").collect();
    assert_eq!(patient.len(), 1, "{rows:?}");
    assert_eq!(patient[0][col("patient_name")], NAME, "the name exactly as typed");
    assert_eq!(patient[0][col("left")], "against advice");
    let minutes: i64 = patient[0][col("minutes_until_departure")].parse().expect("minutes");
    assert!((25..=27).contains(&minutes), "infusion ended 25 min before leaving: {minutes}");

    let c = desktop.open_records();
    let details: Vec<String> = c
        .prepare("SELECT detail FROM audit_events WHERE action = 'export'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("export entries");
    assert_eq!(details.len(), 1, "{details:?}");
    assert!(!details[0].contains("Zoë") && !details[0].contains("Brien"), "{details:?}");
}
