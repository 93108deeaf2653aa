//! The day report through the command functions on a real database file: a patient who left
//! against advice is listed so, the CSV (parsed back by Python's `csv` module) holds their row
//! and the PDF is a PDF, each save one `export` audit entry; refusals (a bad day, an unknown
//! shift, the data directory as folder, a nurse changing the shifts) write nothing.

use super::*;
use chrono::Utc;
use std::path::Path;
use vigil_core::report::LeftHow;
use vigil_core::{AdmitInput, Clock, ErrorCode, FixedClock, SignInInput};

use crate::commands::{auth, discharge, people, sessions as session_commands};
use crate::discharge_inputs::against_advice_input;
use crate::test_support::{account, admin_state_at_t0, everything, t0};

const QUOTED: &str = "Test, Patient \"Quoted\"";

fn admit(state: &AppState, clock: &FixedClock, name: &str) -> i64 {
    let input = AdmitInput {
        patient_name: name.into(),
        bay: "Bay 2".into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        clock_started_at: clock.now().format("%Y-%m-%dT%H:%M").to_string(),
        chart_number: "TEST-1".into(),
        date_of_birth: "1980-02-29".into(),
        dose_mg: Some(35.5),
        weight_kg: Some(70.0),
        later_device_times: Vec::new(),
        note: String::new(),
    };
    session_commands::admit(state, &input, &Utc).expect("admit")
}

fn today() -> ReportInput {
    ReportInput { day: t0().format("%Y-%m-%d").to_string(), shift: None }
}

fn python_rows(path: &Path) -> Vec<Vec<String>> {
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
        \x20   print(json.dumps(list(csv.reader(f, strict=True))))\n";
    let out = std::process::Command::new("python3").args(["-c", script]).arg(path).output();
    let out = out.expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("rows")
}

fn exports(state: &AppState) -> i64 {
    let sql = "SELECT count(*) FROM audit_events WHERE action = 'export'";
    state.store.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).expect("count")
}

#[test]
fn a_patient_who_left_against_advice_is_in_the_report_its_csv_and_its_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("out");
    let (state, clock) = admin_state_at_t0(dir.path());
    let id = admit(&state, &clock, QUOTED);
    clock.advance(chrono::Duration::minutes(25));
    discharge::against_advice(&state, &against_advice_input(id), &Utc).expect("left");
    let report = report_of(&state, &today(), &Utc).expect("report");
    assert_eq!(report.patients.len(), 1);
    assert_eq!(
        (report.patients[0].session_id, report.patients[0].left),
        (id, LeftHow::AgainstAdvice)
    );

    let folder = out.path().display().to_string();
    let csv = save(&state, &today(), &folder, "csv", &Utc).expect("csv");
    assert!(!csv.contains("Quoted"), "the file's name holds no patient name: {csv}");
    let rows = python_rows(Path::new(&csv));
    assert_eq!(rows[0], vigil_core::report::REPORT_COLUMNS.map(String::from).to_vec());
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[1][0].as_str(), rows[1][2].as_str()), (id.to_string().as_str(), QUOTED));
    assert_eq!(rows[1][8], "against advice");
    let pdf = save(&state, &today(), &folder, "pdf", &Utc).expect("pdf");
    assert!(std::fs::read(&pdf).expect("read").starts_with(b"%PDF"));
    assert_eq!(exports(&state), 2, "one export entry per file");
}

#[test]
fn refusals_write_no_file_and_no_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("out");
    let (state, clock) = admin_state_at_t0(dir.path());
    admit(&state, &clock, "Test Patient");
    let before = everything(&state);
    let folder = out.path().display().to_string();
    let bad_day = ReportInput { day: "2026-13-01".into(), shift: None };
    let no_shift = ReportInput { shift: Some("Evening".into()), ..today() };
    let data_dir = dir.path().display().to_string();
    let cases = [
        (&bad_day, folder.as_str(), "day"),
        (&no_shift, folder.as_str(), "shift"),
        (&today(), data_dir.as_str(), "folder"),
    ];
    for (input, folder, field) in cases {
        for ext in ["csv", "pdf"] {
            let err = save(&state, input, folder, ext, &Utc).expect_err("refused");
            assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some(field)));
        }
    }
    assert_eq!(everything(&state), before, "no audit entry, no row");
    assert_eq!(std::fs::read_dir(out.path()).expect("folder").count(), 0, "no file");
}

#[test]
fn only_an_administrator_changes_the_shifts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let early = Shift { name: "Early".into(), start: "06:00".into(), hours: 8 };
    let bad = ShiftsEdit { shifts: vec![Shift { hours: 25, ..early.clone() }] };
    let before = everything(&state);
    let err = change_shifts(&state, &bad).expect_err("25 h");
    assert_eq!(err.field.as_deref(), Some("shifts.0.hours"));
    assert_eq!(everything(&state), before);
    let edit = ShiftsEdit { shifts: vec![early.clone()] };
    assert_eq!(change_shifts(&state, &edit).expect("changed"), (vec![early.clone()], true));
    // The same shifts again: nothing written, so no "records changed" signal.
    let before = everything(&state);
    assert_eq!(change_shifts(&state, &edit).expect("same"), (vec![early.clone()], false));
    assert_eq!(everything(&state), before);
    let input = ReportInput { shift: Some("Early".into()), ..today() };
    assert!(report_of(&state, &input, &Utc).expect("report").title.starts_with("Early shift"));

    let nurse = people::create(&state, &account("Test Nurse", "nurse", "135790")).expect("nurse");
    let nurse = nurse.iter().find(|n| n.display_name == "Test Nurse").expect("listed").id;
    auth::leave(&state).expect("signed out");
    auth::sign_in_with_pin(&state, &SignInInput { nurse_id: nurse, pin: "135790".into() })
        .expect("nurse signed in");
    let before = everything(&state);
    let err =
        change_shifts(&state, &ShiftsEdit { shifts: Shift::defaults() }).expect_err("a nurse");
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(everything(&state), before);
    report_of(&state, &today(), &Utc).expect("any nurse reads the report");
}
