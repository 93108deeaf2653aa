//! The vital-signs chart (issue 16) from a real database file: the record and the discharge
//! sheet carry the same chart, built from the stored checks with a correction standing in for
//! its original, and the threshold lines from the thresholds saved in the store.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, observation, transfer, NURSE};
use vigil_core::checks::{CheckPurpose, ThresholdSettings};
use vigil_core::papers::sheets::discharge_sheet;
use vigil_store::{checks, papers, session_detail, sessions, thresholds, transfers, Store};

#[test]
fn the_record_and_the_discharge_sheet_chart_what_stands_against_the_saved_thresholds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 2", 70), NURSE, now()))
        .expect("admit");
    let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
    let minute = |m: i64| session.clock_started_at + Duration::minutes(m);
    let saved = ThresholdSettings { critical_systolic: 175, ..ThresholdSettings::default() };
    store.with_tx(|tx| thresholds::set(tx, &saved, NURSE, now())).expect("thresholds");
    let mut baseline = observation(id, minute(-5), 118, 78);
    baseline.purpose = CheckPurpose::Baseline;
    for (check, corrects) in [
        (baseline, None),
        (observation(id, minute(20), 152, 94), None),
        (observation(id, minute(40), 210, 120), None),
    ] {
        store
            .with_tx(|tx| checks::record(tx, &session, &check, corrects, NURSE, now()))
            .expect("record");
    }
    let wrong = store.with_conn(|c| checks::for_session(c, id)).expect("checks")[2].id;
    let corrected = observation(id, minute(40), 130, 84);
    store
        .with_tx(|tx| {
            checks::record(
                tx,
                &session,
                &corrected,
                Some((wrong, "Typed 210 for 130.")),
                NURSE,
                now(),
            )
        })
        .expect("correct");

    let detail = store.with_conn(|c| session_detail::load(c, id, now())).expect("detail");
    let bp = &detail.trends.panels[0];
    assert_eq!(bp.title, "Blood pressure");
    let systolic: Vec<(i32, i32)> =
        bp.series[0].points.iter().map(|p| (p.minute, p.value)).collect();
    assert_eq!(systolic, [(-5, 118), (20, 152), (40, 130)]);
    let limits: Vec<i32> = bp.limits.iter().map(|l| l.value).collect();
    assert_eq!(limits, [175, 158, 110, 103], "critical 175 saved; rises over 118/78");
    let titles: Vec<&str> = detail.trends.panels.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Blood pressure", "Heart rate", "SpO2"]);

    let record = store.with_conn(|c| papers::record(c, id)).expect("record");
    let sheet = discharge_sheet(&record, &|t| t.format("%H:%M").to_string());
    let section = sheet
        .sections
        .iter()
        .find(|s| s.heading == "Vital signs over the recovery")
        .expect("the chart's section");
    assert_eq!(section.chart.as_ref(), Some(&detail.trends));
}

/// The critical systolic line of `session`'s record and of its discharge sheet (both).
fn critical_systolic_lines(store: &Store, session: i64) -> (i32, i32) {
    let detail = store.with_conn(|c| session_detail::load(c, session, now())).expect("detail");
    let record = store.with_conn(|c| papers::record(c, session)).expect("record");
    let sheet = discharge_sheet(&record, &|t| t.format("%H:%M").to_string());
    let chart = sheet.sections.iter().find_map(|s| s.chart.clone()).expect("the sheet's chart");
    (detail.trends.panels[0].limits[0].value, chart.panels[0].limits[0].value)
}

#[test]
fn a_past_record_keeps_the_thresholds_in_force_when_the_patient_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let set = |critical_systolic: u32, at| {
        let settings = ThresholdSettings { critical_systolic, ..ThresholdSettings::default() };
        store.with_tx(|tx| thresholds::set(tx, &settings, NURSE, at)).expect("thresholds");
    };
    let admit = |bay: &str| {
        let id = store
            .with_tx(|tx| sessions::insert(tx, &iv_admission(bay, 70), NURSE, now()))
            .expect("admit");
        let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
        let check = observation(id, now() - Duration::minutes(30), 150, 90);
        store
            .with_tx(|tx| checks::record(tx, &session, &check, None, NURSE, now()))
            .expect("check");
        id
    };
    let (left, running) = (admit("Bay 1"), admit("Bay 2"));
    // Changed while both were on the floor: the board and both records follow it at once.
    set(175, now() - Duration::minutes(20));
    // Bay 1 leaves (transferred two minutes before now); the thresholds change again after.
    store.with_tx(|tx| transfers::record(tx, left, &transfer(), NURSE, now())).expect("left");
    set(190, now());

    assert_eq!(
        store
            .with_conn(|c| thresholds::in_force_at(c, now() - Duration::minutes(2)))
            .expect("read"),
        ThresholdSettings { critical_systolic: 175, ..ThresholdSettings::default() }
    );
    assert_eq!(
        store
            .with_conn(|c| thresholds::in_force_at(c, now() - Duration::minutes(21)))
            .expect("read"),
        ThresholdSettings::default(),
        "before the first change: the defaults"
    );
    assert_eq!(
        critical_systolic_lines(&store, left),
        (175, 175),
        "the past record and its sheet keep the line in force when the patient left"
    );
    assert_eq!(
        critical_systolic_lines(&store, running),
        (190, 190),
        "a running session follows the thresholds in force, as the board and its alerts do"
    );
}
