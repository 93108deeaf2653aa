//! The report's figures on small hand-made facts; the windows of a day and of shifts across
//! midnight and clock changes.

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::America::New_York;

use super::*;
use crate::Protocol;

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, h, m, 0).single().expect("valid")
}

fn day_window() -> ReportWindow {
    ReportInput { day: "2026-07-01".into(), shift: None }
        .window(&Shift::defaults(), &Utc)
        .expect("day")
}

fn session(id: i64, start: DateTime<Utc>, left: Option<(LeftHow, DateTime<Utc>)>) -> SessionFact {
    SessionFact {
        session_id: id,
        bay: format!("Bay {id}"),
        patient_name: "Test Patient".into(),
        protocol: Protocol::IvKetamine,
        minimum_minutes: 60,
        clock_started_at: start,
        first_ready_at: None,
        left,
        rems_submitted: false,
    }
}

fn alert(
    id: i64,
    session_id: i64,
    kind: &str,
    raised: DateTime<Utc>,
    ack: Option<(i64, &str)>,
) -> AlertFact {
    AlertFact {
        firing_id: id,
        session_id,
        kind: kind.into(),
        raised_at: raised,
        acknowledged: ack.map(|(secs, who)| (raised + Duration::seconds(secs), who.to_owned())),
    }
}

#[test]
fn patients_in_the_window_with_their_times() {
    let mut ready = session(1, at(9, 0), Some((LeftHow::Discharged, at(10, 30))));
    ready.first_ready_at = Some(at(10, 5));
    let facts = ReportFacts {
        sessions: vec![
            ready,
            session(2, at(11, 0), None),
            // Left the day before: not in the report.
            session(
                3,
                at(0, 0) - Duration::hours(3),
                Some((LeftHow::Discharged, at(0, 0) - Duration::minutes(1))),
            ),
            // Started the evening before, left after midnight: in it.
            session(4, at(0, 0) - Duration::minutes(10), Some((LeftHow::AgainstAdvice, at(0, 50)))),
        ],
        ..ReportFacts::default()
    };
    let report = build_report(&day_window(), &facts, &Utc);
    let ids: Vec<i64> = report.patients.iter().map(|p| p.session_id).collect();
    assert_eq!(ids, vec![4, 1, 2]);
    let p1 = &report.patients[1];
    // 09:00 -> 10:05 = 65 min; 09:00 -> 10:30 = 90 min.
    assert_eq!((p1.minutes_until_ready, p1.minutes_until_departure), (Some(65), Some(90)));
    assert_eq!(report.patients[2].left, LeftHow::StillHere);
    assert_eq!(report.patients[2].minutes_until_departure, None);
    // 23:50 -> 00:50 = 60 min.
    assert_eq!(report.patients[0].minutes_until_departure, Some(60));
}

#[test]
fn alert_times_per_nurse_and_the_unacknowledged() {
    let facts = ReportFacts {
        sessions: vec![session(1, at(9, 0), None)],
        alerts: vec![
            alert(1, 1, "minimum_reached", at(10, 0), Some((60, "A. Nurse, RN"))),
            alert(2, 1, "clinical", at(10, 10), Some((185, "A. Nurse, RN"))),
            alert(3, 1, "clinical", at(10, 20), Some((30, "B. Nurse, RN"))),
            alert(4, 1, "check_overdue", at(10, 30), None),
            // Raised the day after: left out.
            alert(5, 1, "clinical", at(0, 0) + Duration::days(1), None),
        ],
        ..ReportFacts::default()
    };
    let report = build_report(&day_window(), &facts, &Utc);
    assert_eq!(report.alerts.total, 4);
    let kinds: Vec<(&str, u32)> =
        report.alerts.by_kind.iter().map(|k| (k.kind.as_str(), k.count)).collect();
    assert_eq!(kinds, vec![("check_overdue", 1), ("clinical", 2), ("minimum_reached", 1)]);
    let a = &report.alerts.per_nurse[0];
    // A: 60 s and 185 s -> median (60 + 185) / 2 = 122.5 -> 122 s; longest 185 s.
    assert_eq!(
        (a.nurse.as_str(), a.count, a.median_seconds, a.longest_seconds),
        ("A. Nurse, RN", 2, 122, 185)
    );
    let b = &report.alerts.per_nurse[1];
    assert_eq!((b.count, b.median_seconds, b.longest_seconds), (1, 30, 30));
    assert_eq!(report.alerts.unacknowledged.len(), 1);
    assert_eq!(report.alerts.unacknowledged[0].firing_id, 4);
    assert_eq!(report.late_checks.len(), 1, "the overdue alert");
    assert_eq!(report.late_checks[0].kind, LateKind::Overdue);
}

#[test]
fn late_entries_count_past_fifteen_minutes() {
    let check = |id, observed: DateTime<Utc>, entered_after: i64| CheckFact {
        check_id: id,
        session_id: 1,
        baseline: false,
        observed_at: observed,
        recorded_at: observed + Duration::minutes(entered_after),
        recorded_by: "A. Nurse, RN".into(),
    };
    let facts = ReportFacts {
        sessions: vec![session(1, at(9, 0), None)],
        checks: vec![check(1, at(9, 15), 15), check(2, at(9, 30), 16), check(3, at(9, 45), 2)],
        ..ReportFacts::default()
    };
    let report = build_report(&day_window(), &facts, &Utc);
    assert_eq!(report.late_checks.len(), 1, "15 min is on time, 16 is late");
    assert_eq!(report.late_checks[0].minutes_late, Some(16));
    assert_eq!(report.late_checks[0].at, at(9, 30));
}

#[test]
fn spravato_forms_not_submitted_are_due_with_their_last_day() {
    let mut due = session(1, at(9, 0), None);
    due.protocol = Protocol::Spravato;
    let mut sent = session(2, at(9, 0), None);
    sent.protocol = Protocol::Spravato;
    sent.rems_submitted = true;
    let facts = ReportFacts { sessions: vec![due, sent], ..ReportFacts::default() };
    let report = build_report(&day_window(), &facts, &Utc);
    assert_eq!(report.rems_due.len(), 1);
    assert_eq!(report.rems_due[0].last_day.to_string(), "2026-07-08");
}

#[test]
fn windows_of_days_and_shifts_follow_the_local_clock() {
    let shifts = Shift::defaults();
    let window = |day: &str, shift: Option<&str>| {
        ReportInput { day: day.into(), shift: shift.map(Into::into) }
            .window(&shifts, &New_York)
            .expect("window")
    };
    let hours = |w: &ReportWindow| (w.ends_at - w.starts_at).num_hours();
    // Spring forward: the day has 23 hours, the night shift 19:00 -> 07:00 has 12 (no change
    // inside it); the night before it (03-07 19:00 -> 03-08 07:00) has 11.
    assert_eq!(hours(&window("2026-03-08", None)), 23);
    assert_eq!(hours(&window("2026-03-07", Some("Night"))), 11);
    // Fall back: 25 hours; the night shift across the change 13.
    assert_eq!(hours(&window("2026-11-01", None)), 25);
    assert_eq!(hours(&window("2026-10-31", Some("Night"))), 13);
    let night = window("2026-07-01", Some("Night"));
    assert_eq!(night.starts_at.to_rfc3339(), "2026-07-01T23:00:00+00:00");
    assert_eq!(night.ends_at.to_rfc3339(), "2026-07-02T11:00:00+00:00");
    assert_eq!(night.title, "Night shift, 2026-07-01 (19:00, 12 h)");
    let bad = ReportInput { day: "2026-02-30".into(), shift: None }.window(&shifts, &Utc);
    assert_eq!(bad.expect_err("bad day").field.as_deref(), Some("day"));
    for day in ["1999-12-31", "9999-12-31"] {
        let bad = ReportInput { day: day.into(), shift: None }.window(&shifts, &Utc);
        assert_eq!(bad.expect_err("out of range").field.as_deref(), Some("day"), "{day}");
    }
    let bad =
        ReportInput { day: "2026-07-01".into(), shift: Some("Late".into()) }.window(&shifts, &Utc);
    assert_eq!(bad.expect_err("no such shift").field.as_deref(), Some("shift"));
}

#[test]
fn shift_settings_are_validated_naming_the_field() {
    let edit = |shifts: Vec<Shift>| ShiftsEdit { shifts }.validate();
    assert_eq!(edit(Shift::defaults()).expect("defaults"), Shift::defaults());
    let field = |r: Result<Vec<Shift>, crate::VigilError>| r.expect_err("refused").field;
    assert_eq!(field(edit(vec![])).as_deref(), Some("shifts"));
    let s =
        |name: &str, start: &str, hours| Shift { name: name.into(), start: start.into(), hours };
    assert_eq!(field(edit(vec![s(" ", "07:00", 8)])).as_deref(), Some("shifts.0.name"));
    assert_eq!(field(edit(vec![s("Day", "7:00", 8)])).as_deref(), Some("shifts.0.start"));
    assert_eq!(field(edit(vec![s("Day", "07:00", 0)])).as_deref(), Some("shifts.0.hours"));
    assert_eq!(
        field(edit(vec![s("Day", "07:00", 8), s("day", "15:00", 8)])).as_deref(),
        Some("shifts.1.name")
    );
}

#[test]
fn table_and_paper_hold_every_patient() {
    let mut p = session(7, at(9, 0), Some((LeftHow::AgainstAdvice, at(9, 40))));
    p.patient_name = "Test, Patient \"Quoted\"".into();
    let report = build_report(
        &day_window(),
        &ReportFacts { sessions: vec![p], ..ReportFacts::default() },
        &Utc,
    );
    let table = report_table(&report, &Utc);
    assert_eq!(table.columns, REPORT_COLUMNS.to_vec());
    assert_eq!(
        table.rows[0],
        vec![
            "7",
            "Bay 7",
            "Test, Patient \"Quoted\"",
            "IV ketamine",
            "2026-07-01 09:00",
            "60",
            "",
            "40",
            "against advice",
            "2026-07-01 09:40"
        ]
    );
    let paper = report_paper(&report, &Utc);
    let headings: Vec<&str> = paper.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, vec!["Patients", "Alerts", "Late and overdue checks", "REMS forms due"]);
    assert!(paper.sections[0].rows[0].value.contains("against advice after 40 min"));
}

#[test]
fn paper_subtitle_says_the_day_or_the_shift_never_the_exclusive_end() {
    let shifts = Shift::defaults();
    let subtitle = |day: &str, shift: Option<&str>| {
        let window = ReportInput { day: day.into(), shift: shift.map(Into::into) }
            .window(&shifts, &New_York)
            .expect("window");
        let report = build_report(&window, &ReportFacts::default(), &New_York);
        report_paper(&report, &New_York).subtitle
    };
    assert_eq!(subtitle("2026-07-01", None), "2026-07-01");
    // A 25-hour day is still one date.
    assert_eq!(subtitle("2026-11-01", None), "2026-11-01");
    assert_eq!(subtitle("2026-07-01", Some("Day")), "2026-07-01 07:00 to 19:00");
    assert_eq!(subtitle("2026-07-01", Some("Night")), "2026-07-01 19:00 to 2026-07-02 07:00");
    // Across the autumn change the night still ends at 07:00 local.
    assert_eq!(subtitle("2026-10-31", Some("Night")), "2026-10-31 19:00 to 2026-11-01 07:00");
}
