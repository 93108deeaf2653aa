//! The export form's validation, its days as UTC (DST-correct) and the tables' rows.

use super::columns::{checks_table, sessions_table, CheckRow, SessionRow, CHECK_COLUMNS};
use super::*;
use crate::checks::{BloodPressure, Check, CheckPurpose, OxygenSupport, Symptom, Vitals};
use chrono_tz::{America::New_York, America::Santiago, Europe::Berlin};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn input(from: &str, to: &str) -> CsvExportInput {
    CsvExportInput { from: from.into(), to: to.into(), folder: "/tmp".into() }
}

#[test]
fn a_range_of_days_is_accepted_up_to_today() {
    let days = input("2026-11-01", "2026-11-30").validate(date("2026-12-01")).expect("valid");
    assert_eq!((days.from, days.to), (date("2026-11-01"), date("2026-11-30")));
    assert_eq!(days.label(), "2026-11-01 to 2026-11-30");
    assert!(input("2026-12-01", "2026-12-01").validate(date("2026-12-01")).is_ok());
    assert!(input("2025-11-30", "2026-11-30").validate(date("2026-12-01")).is_ok(), "366 days");
}

#[test]
fn bad_days_are_refused_naming_the_field() {
    let today = date("2026-12-01");
    let cases = [
        (input("2026-11-31", "2026-11-30"), "from"),
        (input("1/11/2026", "2026-11-30"), "from"),
        (input("2026-1-01", "2026-11-30"), "from"),
        (input("", "2026-11-30"), "from"),
        (input("0001-01-01", "2026-11-30"), "from"),
        (input("1999-12-31", "2026-11-30"), "from"),
        (input("2026-11-01", "9999-12-31"), "to"),
        (input("2026-11-01", "2026-12-02"), "to"),
        (input("2026-11-02", "2026-11-01"), "to"),
        (input("2025-11-29", "2026-11-30"), "to"),
        (input("2026-11-01", "2026-11-01 00:00"), "to"),
    ];
    for (case, field) in cases {
        let err = case.validate(today).expect_err(&format!("{case:?} refused"));
        assert_eq!(err.field.as_deref(), Some(field), "{case:?}: {}", err.message);
    }
}

#[test]
fn days_start_at_local_midnight_across_clock_changes() {
    let days = ExportDays { from: date("2026-10-25"), to: date("2026-10-25") };
    let (start, end) = days.utc_range(&Berlin);
    assert_eq!(start.to_rfc3339(), "2026-10-24T22:00:00+00:00");
    assert_eq!(end.to_rfc3339(), "2026-10-25T23:00:00+00:00", "a 25-hour day");
    let spring = ExportDays { from: date("2026-03-08"), to: date("2026-03-08") };
    let (start, end) = spring.utc_range(&New_York);
    assert_eq!((end - start).num_hours(), 23);
    // Santiago skips midnight itself in September: the day starts at 01:00 local.
    let skipped = ExportDays { from: date("2026-09-06"), to: date("2026-09-06") };
    let (start, _) = skipped.utc_range(&Santiago);
    assert_eq!(start.with_timezone(&Santiago).format("%H:%M").to_string(), "01:00");
}

fn session_row() -> SessionRow {
    let start = date("2026-07-01").and_hms_opt(10, 0, 0).expect("time").and_utc();
    SessionRow {
        id: 7,
        patient_name: "Test, Patient \"Quoted\"".into(),
        chart_number: Some("MRN-1".into()),
        date_of_birth: Some("1980-02-29".into()),
        bay: "Bay 3".into(),
        protocol: "spravato".into(),
        dose_mg: Some(84.0),
        weight_kg: None,
        clock_started_at: start,
        minimum_minutes: 120,
        admitted_at: start + Duration::minutes(3),
        admitted_by: Some("Test Admin, RN".into()),
        ready_at: None,
        cleared_at: None,
        cleared_by: None,
        left_at: Some(start + Duration::minutes(131)),
        how_left: Some("discharged".into()),
        departure_recorded_by: Some("Test Admin, RN".into()),
        escort_name: None,
        note: Some("two\nlines".into()),
    }
}

#[test]
fn a_session_row_holds_local_times_with_their_offset_and_the_minutes_in_recovery() {
    let table = sessions_table(&[session_row()], &Berlin);
    let row: Vec<(&str, &str)> = table
        .columns
        .iter()
        .map(String::as_str)
        .zip(table.rows[0].iter().map(String::as_str))
        .collect();
    let get = |c: &str| row.iter().find(|(k, _)| *k == c).map(|(_, v)| *v).expect(c);
    assert_eq!(get("clock_started_at"), "2026-07-01T12:00:00+02:00");
    assert_eq!(get("minimum_reached_at"), "2026-07-01T14:00:00+02:00");
    assert_eq!(get("left_at"), "2026-07-01T14:11:00+02:00");
    assert_eq!(get("minutes_in_recovery"), "131");
    assert_eq!((get("dose_mg"), get("weight_kg")), ("84", ""));
    assert_eq!(get("patient_name"), "Test, Patient \"Quoted\"");
    assert_eq!(get("ready_at"), "");
}

#[test]
fn a_corrected_check_stays_and_names_the_check_that_corrects_it() {
    let observed = date("2026-07-01").and_hms_opt(10, 30, 0).expect("time").and_utc();
    let check = Check {
        session_id: 7,
        purpose: CheckPurpose::Observation,
        observed_at: observed,
        late_reason: None,
        symptom_grade: 1,
        symptoms: vec![Symptom::Lightheaded, Symptom::Nausea],
        severe_headache: false,
        chest_pain: false,
        shortness_of_breath: true,
        orthostatic: None,
        gait: Some(2),
        vitals: Some(Vitals {
            bp: Some(BloodPressure { systolic: 128, diastolic: 82 }),
            heart_rate: Some(77),
            spo2: Some(97),
            oxygen: Some(OxygenSupport::RoomAir),
            respiratory_rate: None,
            temperature_c: Some(36.6),
        }),
        moaas: Some(5),
        cadss: None,
        nausea: Some(1),
        pain: None,
        note: "fine".into(),
    };
    let original = CheckRow {
        id: 40,
        patient_name: "李小龍".into(),
        chart_number: None,
        check: check.clone(),
        recorded_at: observed,
        recorded_by: Some("Test Admin, RN".into()),
        corrects: None,
        corrected_by: Some(41),
    };
    let correction = CheckRow {
        id: 41,
        corrects: Some((40, "Wrong arm".into())),
        corrected_by: None,
        ..original.clone()
    };
    let table = checks_table(&[original, correction], &Utc);
    let col = |c: &str| CHECK_COLUMNS.iter().position(|k| *k == c).expect(c);
    let (first, second) = (&table.rows[0], &table.rows[1]);
    assert_eq!(first[col("corrected_by_check_id")], "41");
    assert_eq!(first[col("superseded")], "yes");
    assert_eq!(second[col("corrects_check_id")], "40");
    assert_eq!(second[col("correction_reason")], "Wrong arm");
    assert_eq!(second[col("superseded")], "no");
    assert_eq!(first[col("bp_systolic")], "128");
    assert_eq!(first[col("temperature_c")], "36.6");
    assert_eq!(first[col("oxygen")], "room_air");
    assert_eq!(first[col("symptoms")], "lightheaded;nausea");
    assert_eq!(first[col("shortness_of_breath")], "yes");
    assert_eq!(first[col("cadss_total")], "");
    assert_eq!(first[col("observed_at")], "2026-07-01T10:30:00+00:00");
}
