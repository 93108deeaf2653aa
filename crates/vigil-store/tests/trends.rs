//! The vital-signs chart (issue 16) from a real database file: the record and the discharge
//! sheet carry the same chart, built from the stored checks with a correction standing in for
//! its original, and the threshold lines from the thresholds saved in the store.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, observation, NURSE};
use vigil_core::checks::{CheckPurpose, ThresholdSettings};
use vigil_core::papers::sheets::discharge_sheet;
use vigil_store::{checks, papers, session_detail, sessions, thresholds};

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
