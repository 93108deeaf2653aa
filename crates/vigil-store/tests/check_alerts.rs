//! A check's alerts on a real database file: the timeline they leave (every entry keyed
//! uniquely across kinds, issue 11 bug 1), a correction resolving its original's alert even
//! once acknowledged (bug 2), and one firing per reading whatever the number of rules it breaks
//! (bug 6).
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{Duration, Utc};
use common::{iv_admission, now, NURSE};
use std::collections::HashSet;
use vigil_core::checks::{Check, CheckContext, CheckInput, TimelineKind, VitalsInput};
use vigil_core::{DeadlineKind, Protocol, RecoverySession};
use vigil_store::{alerts, checks, session_detail, sessions, Store};

/// A store with one IV ketamine session in Bay 4 whose clock started 70 minutes ago.
fn store_with_session(dir: &std::path::Path) -> (Store, RecoverySession) {
    let store = common::open_in(dir);
    let admission = iv_admission("Bay 4", 70);
    let id = store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("admit");
    let session = store.with_conn(|c| sessions::get(c, id)).expect("session");
    (store, session)
}

/// A check of `session` with blood pressure `sys/dia`, `minutes_ago` before now.
fn bp_check(session: &RecoverySession, purpose: &str, bp: (f64, f64), minutes_ago: i64) -> Check {
    let input = CheckInput {
        session_id: Some(session.id as f64),
        purpose: purpose.into(),
        observed_at: (now() - Duration::minutes(minutes_ago)).format("%Y-%m-%d %H:%M").to_string(),
        symptom_grade: Some(0.0),
        vitals: Some(VitalsInput {
            systolic: Some(bp.0),
            diastolic: Some(bp.1),
            ..VitalsInput::default()
        }),
        ..CheckInput::default()
    };
    let context = CheckContext::new(session.id, Protocol::IvKetamine, session.clock_started_at);
    let late_ok = CheckContext { late_entry_minutes: 24 * 60, ..context };
    input.validate(now(), &Utc, &late_ok).expect("valid check")
}

/// Records `check` (a correction of `corrects` if given); returns (check id, firing ids).
fn record(
    store: &Store,
    session: &RecoverySession,
    check: &Check,
    corrects: Option<i64>,
) -> (i64, Vec<i64>) {
    let corrects = corrects.map(|id| (id, "Typed into the wrong field."));
    let recorded = store
        .with_tx(|tx| checks::record(tx, session, check, corrects, NURSE, now()))
        .expect("record");
    (recorded.check_id, recorded.alerts.iter().map(|(id, _)| *id).collect())
}

fn acknowledge(store: &Store, firing: i64) {
    store.with_tx(|tx| alerts::acknowledge(tx, firing, NURSE, now())).expect("acknowledge");
}

/// The minimum alert of the session, fired now.
fn fire_minimum(store: &Store, session: &RecoverySession) -> i64 {
    let deadline = store
        .with_conn(|c| alerts::unfired_deadlines(c, now()))
        .expect("deadlines")
        .into_iter()
        .find(|d| d.session_id == session.id && d.kind == DeadlineKind::MinimumReached)
        .expect("the minimum is due");
    store.with_tx(|tx| alerts::record_firing(tx, &deadline, now())).expect("fire").expect("new")
}

#[test]
fn the_record_opens_after_an_acknowledgement_and_a_resolution_with_the_same_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, session) = store_with_session(dir.path());
    acknowledge(&store, fire_minimum(&store, &session));
    let (wrong, _) =
        record(&store, &session, &bp_check(&session, "observation", (185.0, 100.0), 5), None);
    record(&store, &session, &bp_check(&session, "observation", (128.0, 82.0), 5), Some(wrong));

    let detail = store.with_conn(|c| session_detail::load(c, session.id, now())).expect("load");
    let timeline = &detail.timeline;
    let records: HashSet<(TimelineKind, i64)> =
        timeline.iter().map(|e| (e.kind, e.record_id)).collect();
    assert_eq!(records.len(), timeline.len(), "(kind, record id) repeats: {timeline:#?}");
    let keys: HashSet<&str> = timeline.iter().map(|e| e.key()).collect();
    assert_eq!(keys.len(), timeline.len(), "keys repeat: {timeline:#?}");
    let find = |kind| timeline.iter().find(|e| e.kind == kind).expect("entry of the kind");
    let (ack, resolution) = (find(TimelineKind::Acknowledgement), find(TimelineKind::Resolution));
    assert_eq!((ack.record_id, resolution.record_id), (1, 1), "the ids the issue saw collide");
    assert_eq!((ack.key(), resolution.key()), ("acknowledgement-1", "resolution-1"));
    assert!(resolution.summary.contains("resolved by correction"), "{}", resolution.summary);
}

/// (firing id, how, check id) of every resolution.
fn resolutions(store: &Store) -> Vec<(i64, String, i64)> {
    store
        .with_conn(|c| {
            let mut stmt = c.prepare("SELECT firing_id, how, check_id FROM alert_resolutions")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .expect("resolutions")
}

/// The `records` of the last audit entry.
fn last_audit_records(store: &Store) -> String {
    store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT records FROM audit_events ORDER BY seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("audit")
}

#[test]
fn a_correction_resolves_the_alert_of_its_original_even_once_acknowledged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, session) = store_with_session(dir.path());
    let (wrong, firings) =
        record(&store, &session, &bp_check(&session, "observation", (185.0, 100.0), 5), None);
    let [firing] = firings[..] else { panic!("one alert for the critical BP: {firings:?}") };
    acknowledge(&store, firing);

    let (fixed, _) =
        record(&store, &session, &bp_check(&session, "observation", (128.0, 82.0), 5), Some(wrong));
    assert_eq!(resolutions(&store), [(firing, "correction".to_owned(), fixed)]);
    let records = last_audit_records(&store);
    assert!(records.contains("\"alert_resolutions\""), "the correction's audit entry: {records}");

    let detail = store.with_conn(|c| session_detail::load(c, session.id, now())).expect("load");
    let resolved = detail.timeline.iter().find(|e| e.kind == TimelineKind::Resolution);
    let summary = &resolved.expect("the resolution is in the timeline").summary;
    assert_eq!(summary, &format!("Alert #{firing} resolved by correction (entry #{fixed})"));
}

#[test]
fn each_correction_resolves_only_the_alerts_its_original_raised_and_each_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, session) = store_with_session(dir.path());
    let bp = |sys| bp_check(&session, "observation", (sys, 100.0), 6);
    let (first, first_firings) = record(&store, &session, &bp(185.0), None);
    let (second, second_firings) = record(&store, &session, &bp(186.0), Some(first));
    let (third, _) = record(&store, &session, &bp(128.0), Some(second));
    let correction = |firing: &[i64], by| (firing[0], "correction".to_owned(), by);
    assert_eq!(
        resolutions(&store),
        [correction(&first_firings, second), correction(&second_firings, third)]
    );
}

/// The clinical firings of the store: (key, severity, message).
fn clinical_firings(store: &Store) -> Vec<(String, String, String)> {
    store
        .with_conn(|c| {
            let mut stmt = c.prepare(
                "SELECT key, severity, message FROM alert_firings WHERE kind = 'clinical' ORDER BY id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
        .expect("firings")
}

#[test]
fn a_critical_reading_that_also_rose_over_the_baseline_is_one_firing_naming_both() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, session) = store_with_session(dir.path());
    record(&store, &session, &bp_check(&session, "baseline", (140.0, 80.0), 75), None);
    let (check, firings) =
        record(&store, &session, &bp_check(&session, "observation", (185.0, 100.0), 5), None);
    assert_eq!(firings.len(), 1, "one reading, one alert");
    let [(key, severity, message)] = &clinical_firings(&store)[..] else {
        panic!("one firing: {:?}", clinical_firings(&store))
    };
    assert_eq!(
        (key.as_str(), severity.as_str()),
        (format!("{check}:critical_bp").as_str(), "critical")
    );
    assert!(message.contains("Blood pressure 185/100 is critical"), "{message}");
    assert!(message.contains("over the pre-dose baseline, systolic rose 45 mmHg"), "{message}");
    let active = store.with_conn(|c| alerts::active(c, now())).expect("active");
    let clinical: Vec<_> = active.iter().filter(|a| a.kind == DeadlineKind::Clinical).collect();
    assert_eq!(clinical.len(), 1, "one banner: {active:#?}");
    assert!(!clinical[0].emergency, "no emergency symptom");
}

#[test]
fn an_emergency_symptom_with_high_pressure_marks_the_one_alert_as_an_emergency() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, session) = store_with_session(dir.path());
    let mut check = bp_check(&session, "observation", (185.0, 100.0), 5);
    check.chest_pain = true;
    let (id, firings) = record(&store, &session, &check, None);
    assert_eq!(firings.len(), 1);
    let mut mild = bp_check(&session, "observation", (130.0, 80.0), 4);
    mild.severe_headache = true;
    record(&store, &session, &mild, None);

    let active = store.with_conn(|c| alerts::active(c, now())).expect("active");
    let clinical: Vec<_> = active.iter().filter(|a| a.kind == DeadlineKind::Clinical).collect();
    let flags: Vec<(i64, bool)> = clinical.iter().map(|a| (a.firing_id, a.emergency)).collect();
    assert_eq!(flags.len(), 2, "{active:#?}");
    assert_eq!(flags[0], (firings[0], true), "critical: refer for emergency care");
    assert!(!flags[1].1, "the symptom without high pressure is a warning, not the emergency");
    assert_eq!(clinical_firings(&store)[0].0, format!("{id}:emergency"));
}
