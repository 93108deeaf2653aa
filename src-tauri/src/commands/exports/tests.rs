//! CSV export through the command functions on a real database file: the files are parsed back
//! by Python's own `csv` module (a different parser from the writer) and compared field by
//! field, names with commas, quotes, accents, CJK and a note with a line break included; every
//! refusal leaves no file and no audit entry. Fictional patients only.

use super::*;
use chrono::Duration;
use chrono_tz::Europe::Berlin;
use std::path::Path;
use vigil_core::checks::{CheckInput, CorrectionInput};
use vigil_core::exports::columns::{CHECK_COLUMNS, SESSION_COLUMNS};
use vigil_core::{AdmitInput, Clock, ErrorCode, FixedClock, SignInInput};

use crate::commands::{auth, checks, discharge, people, sessions as session_commands};
use crate::discharge_inputs::EscortKind;
use crate::discharge_inputs::{against_advice_input, baseline, escort_input, recovery_check};
use crate::test_support::{account, admin_state_at_t0, everything};

const QUOTED: &str = "Test, Patient \"Quoted\"";
const NOTE: &str = "Said \"fine, thanks\",\nthen asked for water";

fn admit(state: &AppState, clock: &FixedClock, name: &str, bay: &str, chart: &str) -> i64 {
    let input = AdmitInput {
        patient_name: name.into(),
        bay: bay.into(),
        protocol: "iv_ketamine".into(),
        recovery_minutes: None,
        clock_started_at: clock.now().with_timezone(&Berlin).format("%Y-%m-%dT%H:%M").to_string(),
        chart_number: chart.into(),
        date_of_birth: "1980-02-29".into(),
        dose_mg: Some(35.5),
        weight_kg: Some(70.0),
        later_device_times: Vec::new(),
        note: String::new(),
    };
    session_commands::admit(state, &input, &Berlin).expect("admit")
}

fn at_berlin(clock: &FixedClock, minutes: i64) -> String {
    (clock.now() - Duration::minutes(minutes))
        .with_timezone(&Berlin)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// Three patients admitted on 2026-07-01 (Berlin), checks with a two-line note and a
/// correction, an escort, one leaving against advice. Returns their session ids.
fn seed(state: &AppState, clock: &FixedClock) -> [i64; 3] {
    let a = admit(state, clock, QUOTED, "Bay 1", "TEST-1");
    let b = admit(state, clock, "Nguyễn Thị Ánh", "Bay 2", "TEST-2");
    let c = admit(state, clock, "李小龍", "Bay 3", "TEST-3");
    let first = CheckInput { observed_at: at_berlin(clock, 5), ..baseline(a, clock) };
    checks::record(state, &first, &Berlin).expect("baseline");
    clock.advance(Duration::minutes(20));
    let check = CheckInput { note: NOTE.into(), ..recovery_check(a, true) };
    let (saved, _) = checks::record(state, &check, &Berlin).expect("check");
    let correction = CorrectionInput {
        original_check_id: Some(saved.check_id as f64),
        reason: "Wrong patient's cuff, re-measured".into(),
        check: CheckInput { note: "Re-measured".into(), ..recovery_check(a, false) },
    };
    checks::correct(state, &correction, &Berlin).expect("correction");
    checks::record(state, &recovery_check(b, true), &Berlin).expect("check of b");
    discharge::escort(state, &escort_input(b, EscortKind::Expected), &Berlin).expect("escort");
    discharge::against_advice(state, &against_advice_input(c), &Berlin).expect("left");
    [a, b, c]
}

fn input(folder: &Path, from: &str, to: &str) -> CsvExportInput {
    CsvExportInput { from: from.into(), to: to.into(), folder: folder.display().to_string() }
}

/// The file as Python's csv module reads it: a list of records of fields.
fn python_rows(path: &Path) -> Vec<Vec<String>> {
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
        \x20   print(json.dumps(list(csv.reader(f, strict=True))))\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The table as the export made it, straight from the store (the expected fields).
fn expected(state: &AppState, days: &CsvExportInput, table: ExportTable) -> Table {
    let days = days.validate(state.clock.now().with_timezone(&Berlin).date_naive()).expect("days");
    read(state, days, table, &Berlin).expect("rows")
}

fn column<'a>(rows: &'a [Vec<String>], row: usize, name: &str) -> &'a str {
    let i = rows[0].iter().position(|c| c == name).unwrap_or_else(|| panic!("column {name}"));
    &rows[row][i]
}

#[test]
fn the_sessions_file_reads_back_field_by_field_with_every_name_as_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("export folder");
    let (state, clock) = admin_state_at_t0(dir.path());
    let ids = seed(&state, &clock);
    let days = input(out.path(), "2026-07-01", "2026-07-01");
    let path = export(&state, &days, ExportTable::Sessions, &Berlin).expect("exported");
    let bytes = std::fs::read(&path).expect("file");
    assert!(!bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no byte order mark");
    let rows = python_rows(&path);
    let table = expected(&state, &days, ExportTable::Sessions);
    assert_eq!(rows[0], SESSION_COLUMNS.map(String::from).to_vec());
    assert_eq!(rows[1..], table.rows[..], "every field as the store holds it");
    assert_eq!(rows.len(), 4);
    let names: Vec<&str> = (1..4).map(|r| column(&rows, r, "patient_name")).collect();
    assert_eq!(names, [QUOTED, "Nguyễn Thị Ánh", "李小龍"]);
    let ids_read: Vec<String> = (1..4).map(|r| column(&rows, r, "session_id").to_owned()).collect();
    assert_eq!(ids_read, ids.map(|i| i.to_string()).to_vec());
    assert_eq!(column(&rows, 1, "clock_started_at"), "2026-07-01T14:00:00+02:00");
    assert_eq!(column(&rows, 1, "chart_number"), "TEST-1");
    assert_eq!(column(&rows, 1, "dose_mg"), "35.5");
    assert_eq!(column(&rows, 1, "admitted_by"), "Test Admin, RN");
    assert_eq!(column(&rows, 2, "escort_name"), "Pat Example-Escort");
    assert_eq!(column(&rows, 3, "how_left"), "against_advice");
    assert_eq!(column(&rows, 3, "minutes_in_recovery"), "20");
    assert_eq!(column(&rows, 1, "how_left"), "");
}

#[test]
fn the_checks_file_keeps_the_corrected_check_and_the_two_line_note() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("export folder");
    let (state, clock) = admin_state_at_t0(dir.path());
    let [a, b, _] = seed(&state, &clock);
    let days = input(out.path(), "2026-07-01", "2026-07-01");
    let path = export(&state, &days, ExportTable::Checks, &Berlin).expect("exported");
    let rows = python_rows(&path);
    let table = expected(&state, &days, ExportTable::Checks);
    assert_eq!(rows[0], CHECK_COLUMNS.map(String::from).to_vec());
    assert_eq!(rows[1..], table.rows[..], "every field as the store holds it");
    assert_eq!(rows.len(), 5, "baseline, check, its correction, and b's check");
    let of = |r: usize| column(&rows, r, "session_id").parse::<i64>().expect("id");
    assert_eq!((1..5).map(of).collect::<Vec<_>>(), [a, a, a, b]);
    assert_eq!(column(&rows, 1, "purpose"), "baseline");
    assert_eq!(column(&rows, 2, "note"), NOTE, "the line break and quotes come back");
    assert_eq!(column(&rows, 2, "patient_name"), QUOTED);
    let original = column(&rows, 2, "check_id").to_owned();
    let correction = column(&rows, 3, "check_id").to_owned();
    assert_eq!(column(&rows, 2, "corrected_by_check_id"), correction);
    assert_eq!(column(&rows, 2, "superseded"), "yes");
    assert_eq!(column(&rows, 3, "corrects_check_id"), original);
    assert_eq!(column(&rows, 3, "correction_reason"), "Wrong patient's cuff, re-measured");
    assert_eq!((column(&rows, 2, "bp_systolic"), column(&rows, 3, "bp_systolic")), ("118", "165"));
    assert_eq!(column(&rows, 4, "patient_name"), "Nguyễn Thị Ánh");
}

#[test]
fn an_export_is_one_audit_entry_with_ids_dates_and_counts_and_no_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("export folder");
    let (state, clock) = admin_state_at_t0(dir.path());
    seed(&state, &clock);
    let count = || -> i64 {
        state
            .store
            .with_conn(|c| Ok(c.query_row("SELECT count(*) FROM audit_events", [], |r| r.get(0))?))
            .expect("count")
    };
    let before = count();
    let days = input(out.path(), "2026-06-30", "2026-07-01");
    let path = export(&state, &days, ExportTable::Sessions, &Berlin).expect("exported");
    assert_eq!(count(), before + 1);
    let (action, detail): (String, String) = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT action, detail FROM audit_events ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("entry");
    assert_eq!(action, "export");
    let name = path.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(name.starts_with("vigil-sessions-2026-06-30-to-2026-07-01-"), "{name}");
    assert_eq!(
        detail,
        format!("sessions from 2026-06-30 to 2026-07-01 (3 rows) to {}", path.display())
    );
    for patient in [QUOTED, "Nguyễn", "李小龍", "Test", "Patient"] {
        assert!(!detail.contains(patient) && !name.contains(patient), "{detail}");
    }
}

#[test]
fn days_outside_the_range_are_left_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("export folder");
    let (state, clock) = admin_state_at_t0(dir.path());
    seed(&state, &clock);
    clock.advance(Duration::days(2));
    let days = input(out.path(), "2026-07-02", "2026-07-03");
    let path = export(&state, &days, ExportTable::Sessions, &Berlin).expect("exported");
    assert_eq!(python_rows(&path), vec![SESSION_COLUMNS.map(String::from).to_vec()]);
}

/// A day is [local 00:00, next local 00:00): a clock started at 23:59 belongs to the day it
/// started on, one started at 00:00 to the next (Berlin, UTC+2 in July).
#[test]
fn a_day_runs_from_local_midnight_to_the_next() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("export folder");
    let (state, clock) = admin_state_at_t0(dir.path());
    clock.advance(Duration::hours(9) + Duration::minutes(59)); // 23:59 Berlin
    let late = admit(&state, &clock, "Łukasz Żółć", "Bay 1", "TEST-1");
    clock.advance(Duration::minutes(1)); // 00:00 Berlin, 2026-07-02
    let midnight = admit(&state, &clock, "Zoë O'Brien-Müller", "Bay 2", "TEST-2");
    let ids = |from: &str, to: &str| -> Vec<String> {
        let path = export(&state, &input(out.path(), from, to), ExportTable::Sessions, &Berlin)
            .expect("exported");
        python_rows(&path)[1..].iter().map(|r| r[0].clone()).collect()
    };
    assert_eq!(ids("2026-07-01", "2026-07-01"), [late.to_string()]);
    assert_eq!(ids("2026-07-02", "2026-07-02"), [midnight.to_string()]);
    assert_eq!(ids("2026-07-01", "2026-07-02"), [late.to_string(), midnight.to_string()]);
}

/// Every refusal: the coded error, no file in the folder, no row anywhere.
#[test]
fn refusals_write_no_file_and_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("export folder");
    let (state, clock) = admin_state_at_t0(dir.path());
    seed(&state, &clock);
    let cases = [
        (input(out.path(), "2026-07-32", "2026-07-01"), Some("from")),
        (input(out.path(), "2026-07-01", "2026-06-30"), Some("to")),
        (input(out.path(), "2026-07-02", "2026-07-02"), Some("from")),
        (input(out.path(), "2026-07-01", "2026-07-09"), Some("to")),
        (input(out.path(), "2025-06-30", "2026-07-01"), Some("to")),
        (input(dir.path(), "2026-07-01", "2026-07-01"), Some("folder")),
        (input(&out.path().join("missing"), "2026-07-01", "2026-07-01"), Some("folder")),
    ];
    let before = everything(&state);
    for (case, field) in &cases {
        for table in [ExportTable::Sessions, ExportTable::Checks] {
            let err = export(&state, case, table, &Berlin).expect_err("refused");
            assert_eq!(
                (err.code, err.field.as_deref()),
                (ErrorCode::Validation, *field),
                "{case:?}"
            );
        }
    }
    assert_eq!(everything(&state), before, "no audit entry, no row");
    let nurse = people::create(&state, &account("Test Nurse", "nurse", "135790")).expect("nurse");
    let nurse = nurse.iter().find(|n| n.display_name == "Test Nurse").expect("listed").id;
    auth::leave(&state).expect("signed out");
    auth::sign_in_with_pin(&state, &SignInInput { nurse_id: nurse, pin: "135790".into() })
        .expect("nurse signed in");
    let before = everything(&state);
    let days = input(out.path(), "2026-07-01", "2026-07-01");
    for table in [ExportTable::Sessions, ExportTable::Checks] {
        let err = export(&state, &days, table, &Berlin).expect_err("not an administrator");
        assert_eq!(err.code, ErrorCode::Forbidden);
    }
    assert_eq!(everything(&state), before);
    assert_eq!(std::fs::read_dir(out.path()).expect("folder").count(), 0, "no file");
}
