//! The day and shift report against a hand-computed day: five patients (a discharge, two
//! against advice, a transfer, one still here), alerts acknowledged by two nurses after known
//! delays and one never, a late check, a Spravato form due; a session begun at 23:50 the day
//! before; the night shift across midnight; the shorter and longer days of the clock changes
//! (America/New_York 2026-03-08 and 2026-11-01). Every expected figure is written by hand.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::America::New_York;
use common::{transfer, NURSE};
use vigil_core::discharge::{
    AgainstAdvice, DischargeSnapshot, Instructions, Readiness, ReadinessMark, WillDrive,
};
use vigil_core::people::{NewNurse, Pin};
use vigil_core::report::{DayReport, LateKind, LeftHow, ReportInput, Shift, ShiftsEdit};
use vigil_core::{Deadline, DeadlineKind, ErrorCode, Protocol, Role};
use vigil_store::{
    alerts, discharge, nurses, readiness, report, sessions, settings, transfers, Store,
};

/// A local time in New York on day `d` of July 2026 (EDT, UTC-4).
fn ny(month: u32, d: u32, h: u32, m: u32) -> DateTime<Utc> {
    New_York
        .with_ymd_and_hms(2026, month, d, h, m, 0)
        .single()
        .expect("one instant")
        .with_timezone(&Utc)
}

fn jul(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    ny(7, d, h, m)
}

fn admit(
    store: &Store,
    name: &str,
    bay: &str,
    protocol: Protocol,
    minimum: u32,
    start: DateTime<Utc>,
) -> i64 {
    let mut a = common::iv_admission(bay, 0);
    a.patient_name = name.into();
    a.protocol = protocol;
    a.minimum_minutes = minimum;
    a.clock_started_at = start;
    store.with_tx(|tx| sessions::insert(tx, &a, NURSE, start)).expect("admit")
}

fn gates(store: &Store, id: i64, at: DateTime<Utc>) -> vigil_core::discharge::DischargeGates {
    let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
    let all = store.with_conn(|c| discharge::gates(c, std::slice::from_ref(&session), at));
    all.expect("gates").remove(&id).expect("assessed")
}

fn against_advice(store: &Store, id: i64, at: DateTime<Utc>) {
    let form = AgainstAdvice {
        risks_explained: true,
        prescriber_notified: false,
        prescriber: None,
        notified_at: None,
        will_drive: WillDrive::No,
        escort_present: false,
        actions_taken: "Risks explained to the patient.".into(),
        signature_refused: false,
        witness: None,
        left_at: at,
        gates: gates(store, id, at),
    };
    store.with_tx(|tx| discharge::leave_against_advice(tx, id, &form, NURSE, at)).expect("left");
}

fn discharge_at(store: &Store, id: i64, at: DateTime<Utc>) {
    let instructions = Instructions {
        no_driving: true,
        ride_home: true,
        emergency: true,
        acknowledged_by_patient: true,
        acknowledged_by_escort: true,
    };
    let snapshot = DischargeSnapshot {
        gates: gates(store, id, at),
        overrides: Vec::new(),
        escort: None,
        instructions,
    };
    store.with_tx(|tx| discharge::clear(tx, id, &snapshot, NURSE, at)).expect("clear");
    store.with_tx(|tx| discharge::depart(tx, id, NURSE, at)).expect("depart");
}

fn ready(store: &Store, id: i64, readiness: Readiness, at: DateTime<Utc>) {
    let mark = ReadinessMark { readiness, failing: Vec::new() };
    store.with_tx(|tx| readiness::insert(tx, id, &mark, at)).expect("readiness");
}

/// Raises an alert of `kind` at `at`; acknowledged after `ack` = (seconds, nurse) if given.
fn alert(
    store: &Store,
    id: i64,
    kind: DeadlineKind,
    key: &str,
    at: DateTime<Utc>,
    ack: Option<(i64, i64)>,
) {
    let deadline =
        Deadline { session_id: id, kind, key: key.into(), due_at: at, detail: String::new() };
    let firing =
        store.with_tx(|tx| alerts::record_firing(tx, &deadline, at)).expect("fired").expect("new");
    if let Some((seconds, nurse)) = ack {
        let when = at + Duration::seconds(seconds);
        store.with_tx(|tx| alerts::acknowledge(tx, firing, nurse, when)).expect("acknowledged");
    }
}

fn second_nurse(store: &Store) -> i64 {
    let new = NewNurse {
        display_name: "Second Nurse".into(),
        credentials: "LPN".into(),
        role: Role::Nurse,
        pin: Pin::parse("1357", "pin").expect("pin"),
    };
    store.with_tx(|tx| nurses::create(tx, &new, Some(NURSE), jul(1, 6, 0))).expect("nurse")
}

/// The day of 2026-07-01 in New York, written through the store's own paths.
fn the_day(store: &Store) -> [i64; 6] {
    let b = second_nurse(store);
    let s6 = admit(
        store,
        "Test Patient",
        "Bay 6",
        Protocol::IvKetamine,
        60,
        jul(1, 0, 0) - Duration::hours(4),
    );
    against_advice(store, s6, jul(1, 0, 0) - Duration::hours(3)); // left 21:00 the day before
    let s5 = admit(
        store,
        "Test, Patient \"Quoted\"",
        "Bay 5",
        Protocol::IvKetamine,
        60,
        jul(1, 0, 0) - Duration::minutes(10),
    );
    against_advice(store, s5, jul(1, 0, 40));
    let s1 = admit(store, "Zoë O'Brien-Müller", "Bay 1", Protocol::IvKetamine, 60, jul(1, 9, 0));
    let s2 = admit(store, "Łukasz Żółć", "Bay 2", Protocol::IvKetamine, 60, jul(1, 9, 30));
    let s3 = admit(store, "Nguyễn Thị Ánh", "Bay 3", Protocol::ImKetamine, 60, jul(1, 11, 0));
    let s4 = admit(store, "李小龍", "Bay 4", Protocol::Spravato, 120, jul(1, 13, 0));
    // Checks of Bay 1: observed 09:15 entered 09:40 (25 min: late), observed 09:30 entered 09:35.
    let late = common::observation(s1, jul(1, 9, 15), 120, 80);
    let session1 = store.with_conn(|c| sessions::get(c, s1)).expect("session");
    store
        .with_tx(|tx| vigil_store::checks::record(tx, &session1, &late, None, b, jul(1, 9, 40)))
        .expect("late check");
    let on_time = common::observation(s1, jul(1, 9, 30), 118, 78);
    store
        .with_tx(|tx| {
            vigil_store::checks::record(tx, &session1, &on_time, None, NURSE, jul(1, 9, 35))
        })
        .expect("check");
    // Alerts, in the order raised.
    alert(store, s2, DeadlineKind::CheckOverdue, "09:45", jul(1, 9, 50), Some((61, b)));
    alert(store, s1, DeadlineKind::MinimumReached, "", jul(1, 10, 0), Some((90, NURSE)));
    alert(store, s3, DeadlineKind::CheckOverdue, "11:15", jul(1, 11, 20), Some((150, NURSE)));
    alert(store, s4, DeadlineKind::CheckOverdue, "13:15", jul(1, 13, 20), Some((240, b)));
    alert(store, s4, DeadlineKind::MinimumReached, "", jul(1, 15, 0), Some((30, NURSE)));
    alert(store, s4, DeadlineKind::EscortLate, "", jul(1, 15, 20), None);
    // Readiness and departures.
    ready(store, s1, Readiness::NotReady, jul(1, 9, 1));
    ready(store, s1, Readiness::Ready, jul(1, 10, 5));
    discharge_at(store, s1, jul(1, 10, 30));
    against_advice(store, s2, jul(1, 10, 10));
    let moved = vigil_core::discharge::Transfer { transferred_at: jul(1, 11, 45), ..transfer() };
    store.with_tx(|tx| transfers::record(tx, s3, &moved, NURSE, jul(1, 11, 46))).expect("transfer");
    ready(store, s4, Readiness::ReadyAwaitingEscort, jul(1, 15, 10));
    [s1, s2, s3, s4, s5, s6]
}

fn load(store: &Store, day: &str, shift: Option<&str>) -> DayReport {
    let input = ReportInput { day: day.into(), shift: shift.map(Into::into) };
    store.with_conn(|c| report::load(c, &input, &New_York)).expect("report")
}

#[test]
fn the_day_report_matches_the_hand_computed_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let [s1, s2, s3, s4, s5, _s6] = the_day(&store);
    let report = load(&store, "2026-07-01", None);
    assert_eq!(report.title, "Day report, 2026-07-01");
    // Bay 6 left at 21:00 the day before: not listed. Bay 5 (23:50 the day before) is, first.
    let rows: Vec<(i64, Option<i64>, Option<i64>, LeftHow)> = report
        .patients
        .iter()
        .map(|p| (p.session_id, p.minutes_until_ready, p.minutes_until_departure, p.left))
        .collect();
    assert_eq!(
        rows,
        vec![
            (s5, None, Some(50), LeftHow::AgainstAdvice), // 23:50 -> 00:40 = 50 min
            (s1, Some(65), Some(90), LeftHow::Discharged), // 09:00 -> ready 10:05 = 65, left 10:30 = 90
            (s2, None, Some(40), LeftHow::AgainstAdvice),  // 09:30 -> 10:10 = 40
            (s3, None, Some(45), LeftHow::Transferred),    // 11:00 -> 11:45 = 45
            (s4, Some(130), None, LeftHow::StillHere),     // 13:00 -> awaiting escort 15:10 = 130
        ]
    );
    assert_eq!(report.patients[4].patient_name, "李小龍");
    assert_eq!(report.patients[4].minimum_minutes, 120);

    let a = &report.alerts;
    assert_eq!(a.total, 6);
    let kinds: Vec<(&str, u32)> = a.by_kind.iter().map(|k| (k.kind.as_str(), k.count)).collect();
    assert_eq!(kinds, vec![("check_overdue", 3), ("escort_late", 1), ("minimum_reached", 2)]);
    let nurses: Vec<(&str, u32, i64, i64)> = a
        .per_nurse
        .iter()
        .map(|n| (n.nurse.as_str(), n.count, n.median_seconds, n.longest_seconds))
        .collect();
    assert_eq!(
        nurses,
        vec![
            // B: 61 s and 240 s -> median (61 + 240) / 2 = 150.5, rounded down 150; longest 240.
            ("Second Nurse, LPN", 2, 150, 240),
            // Test Nurse: 90, 150, 30 s -> sorted 30, 90, 150: median 90, longest 150.
            ("Test Nurse, RN", 3, 90, 150),
        ]
    );
    assert_eq!(a.unacknowledged.len(), 1);
    assert_eq!(
        (a.unacknowledged[0].session_id, a.unacknowledged[0].kind.as_str()),
        (s4, "escort_late")
    );
    assert_eq!(a.unacknowledged[0].raised_at, jul(1, 15, 20));

    let late: Vec<(i64, LateKind, DateTime<Utc>, Option<i64>)> =
        report.late_checks.iter().map(|c| (c.session_id, c.kind, c.at, c.minutes_late)).collect();
    assert_eq!(
        late,
        vec![
            (s1, LateKind::LateEntry, jul(1, 9, 15), Some(25)), // 09:15 entered 09:40 = 25 min
            (s2, LateKind::Overdue, jul(1, 9, 50), None),
            (s3, LateKind::Overdue, jul(1, 11, 20), None),
            (s4, LateKind::Overdue, jul(1, 13, 20), None),
        ]
    );
    assert_eq!(report.late_checks[0].nurse.as_deref(), Some("Second Nurse, LPN"));

    let day = |d| NaiveDate::from_ymd_opt(2026, 7, d).expect("date");
    let rems: Vec<(i64, NaiveDate, NaiveDate)> =
        report.rems_due.iter().map(|r| (r.session_id, r.treated_on, r.last_day)).collect();
    assert_eq!(rems, vec![(s4, day(1), day(8))]); // D = 07-01, last day D+7 = 07-08
}

#[test]
fn the_night_shift_crosses_midnight_and_belongs_to_the_day_it_starts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let [_s1, _s2, _s3, _s4, s5, s6] = the_day(&store);
    // Night of 06-30: 19:00 06-30 -> 07:00 07-01: Bay 6 (20:00-21:00) and Bay 5 (23:50-00:40).
    let night = load(&store, "2026-06-30", Some("Night"));
    let ids: Vec<i64> = night.patients.iter().map(|p| p.session_id).collect();
    assert_eq!(ids, vec![s6, s5]);
    assert_eq!(night.starts_at, jul(1, 0, 0) - Duration::hours(5));
    assert_eq!(night.ends_at, jul(1, 7, 0));
    assert_eq!(night.alerts.total, 0);
    // The day shift of 07-01 (07:00-19:00) has the four daytime patients and the six alerts.
    let shift = load(&store, "2026-07-01", Some("Day"));
    assert_eq!(shift.patients.len(), 4);
    assert_eq!(shift.alerts.total, 6);
}

#[test]
fn clock_change_days_hold_their_23_and_25_hours() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    // 2026-03-08: 00:30 EST and 23:30 EDT both on the day; 00:10 the next day not.
    let early = admit(&store, "Test Patient", "Bay 1", Protocol::IvKetamine, 60, ny(3, 8, 0, 30));
    let late =
        admit(&store, "Testy McTestface", "Bay 2", Protocol::IvKetamine, 60, ny(3, 8, 23, 30));
    admit(&store, "Test Patient", "Bay 3", Protocol::IvKetamine, 60, ny(3, 9, 0, 10));
    let spring = load(&store, "2026-03-08", None);
    assert_eq!((spring.ends_at - spring.starts_at).num_hours(), 23);
    let ids: Vec<i64> = spring.patients.iter().map(|p| p.session_id).collect();
    assert_eq!(ids, vec![early, late]);
    // 2026-11-01: 01:30 happens twice; a session at the second 01:30 (06:30 UTC) is on the day.
    let fold = Utc.with_ymd_and_hms(2026, 11, 1, 6, 30, 0).single().expect("instant");
    let folded = admit(&store, "Test Patient", "Bay 4", Protocol::IvKetamine, 60, fold);
    let autumn = load(&store, "2026-11-01", None);
    assert_eq!((autumn.ends_at - autumn.starts_at).num_hours(), 25);
    assert_eq!(autumn.patients.iter().map(|p| p.session_id).collect::<Vec<_>>(), vec![folded]);
}

#[test]
fn shifts_are_a_setting_changed_with_one_audit_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    assert_eq!(store.with_conn(settings::shifts).expect("read"), Shift::defaults());
    let edit = ShiftsEdit {
        shifts: vec![Shift { name: "Early".into(), start: "06:00".into(), hours: 8 }],
    };
    let valid = edit.validate().expect("valid");
    let count = |sql: &str| -> i64 {
        store.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).expect(sql)
    };
    let before = count("SELECT count(*) FROM audit_events");
    let at = jul(1, 8, 0);
    assert!(store.with_tx(|tx| settings::set_shifts(tx, &valid, NURSE, at)).expect("set"));
    assert!(!store.with_tx(|tx| settings::set_shifts(tx, &valid, NURSE, at)).expect("same"));
    assert_eq!(count("SELECT count(*) FROM audit_events"), before + 1);
    assert_eq!(store.with_conn(settings::shifts).expect("read"), valid);
    let gone = store.with_conn(|c| {
        report::load(
            c,
            &ReportInput { day: "2026-07-01".into(), shift: Some("Night".into()) },
            &New_York,
        )
    });
    let error = vigil_core::VigilError::from(gone.expect_err("no night shift now"));
    assert_eq!((error.code, error.field.as_deref()), (ErrorCode::Validation, Some("shift")));
    let status = common::verify(&store);
    assert!(status.ok, "{status:?}");
}

/// The CSV export's `ready_at` and the report's time until ready count to the same instant:
/// the first Ready or Ready (awaiting escort) at or after the clock start (one definition in
/// the store). Before it was shared, the export waited for a plain Ready (10:20 here).
#[test]
fn export_and_report_agree_on_when_a_patient_was_ready() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = admit(&store, "Łukasz Żółć", "Bay 1", Protocol::IvKetamine, 60, jul(1, 9, 0));
    ready(&store, id, Readiness::NotReady, jul(1, 9, 1));
    ready(&store, id, Readiness::ReadyAwaitingEscort, jul(1, 10, 5));
    ready(&store, id, Readiness::Ready, jul(1, 10, 20));
    let report = load(&store, "2026-07-01", None);
    assert_eq!(report.patients[0].minutes_until_ready, Some(65));
    let mut exported = Vec::new();
    store
        .with_conn(|c| {
            vigil_store::exports::each_session(c, jul(1, 0, 0), jul(2, 0, 0), |row| {
                exported.push(row.ready_at);
                Ok(())
            })
        })
        .expect("export rows");
    assert_eq!(exported, vec![Some(jul(1, 10, 5))]);
    let window = ReportInput { day: "2026-07-01".into(), shift: None }
        .window(&Shift::defaults(), &New_York)
        .expect("window");
    let facts = store.with_conn(|c| report::facts(c, &window)).expect("facts");
    assert_eq!(facts.sessions[0].first_ready_at, exported[0]);
}
