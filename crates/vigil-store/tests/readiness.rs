//! Readiness history on a real database file: a row per change, none when nothing changed, the
//! audit chain, append-only rows, and what the board said at an earlier time surviving a late
//! entry.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{iv_admission, now, observation, NURSE};
use vigil_core::checks::{Check, CheckPurpose};
use vigil_core::discharge::{Escort, EscortStatus, GateKey, Readiness, Transport};
use vigil_store::readiness::{self, ReadinessRow};
use vigil_store::{audit, checks, discharge, sessions, Store};

/// Admits an IV patient whose clock started `minutes_ago`, with a pre-dose baseline.
fn admit(store: &Store, minutes_ago: i64) -> i64 {
    let admission = iv_admission("Bay 4", minutes_ago);
    let id = store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("admit");
    let at = admission.clock_started_at - Duration::minutes(5);
    let baseline = Check { purpose: CheckPurpose::Baseline, ..observation(id, at, 124, 80) };
    record_check(store, &baseline, now());
    id
}

fn record_check(store: &Store, check: &Check, at: DateTime<Utc>) {
    let session = store.with_conn(|c| sessions::get(c, check.session_id)).expect("session");
    store.with_tx(|tx| checks::record(tx, &session, check, None, NURSE, at)).expect("check");
}

fn escort_arrived(store: &Store, session_id: i64, at: DateTime<Utc>) {
    let escort = Escort {
        full_name: "Sam Example".into(),
        relationship: "Partner".into(),
        phone: "555 0100".into(),
        adult_attested: true,
        transport: Transport::EscortDrives,
        status: EscortStatus::Arrived,
        eta: None,
        arrived_at: Some(at),
        known_to_staff: false,
        name_confirmed: true,
        photo_id: true,
    };
    store.with_tx(|tx| discharge::save_escort(tx, session_id, &escort, NURSE, at)).expect("escort");
}

fn sweep(store: &Store, at: DateTime<Utc>) -> usize {
    store.with_tx(|tx| readiness::record_changes(tx, at)).expect("record").len()
}

fn history(store: &Store, id: i64) -> Vec<ReadinessRow> {
    store.with_conn(|c| readiness::history(c, id)).expect("history")
}

fn minutes(m: i64) -> DateTime<Utc> {
    now() + Duration::minutes(m)
}

#[test]
fn a_row_per_change_and_none_while_nothing_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = admit(&store, 50);
    assert_eq!(sweep(&store, now()), 1, "the first sweep after admission writes the first row");
    for m in 1..=5 {
        assert_eq!(sweep(&store, minutes(m)), 0, "the countdown ticking is no change");
    }
    record_check(&store, &observation(id, minutes(5), 128, 82), minutes(5));
    assert_eq!(sweep(&store, minutes(5)), 1, "the soft gates passed");
    assert_eq!(sweep(&store, minutes(6)), 0);
    escort_arrived(&store, id, minutes(6));
    assert_eq!(sweep(&store, minutes(6)), 1, "still not ready, but only for the minimum");
    assert_eq!(sweep(&store, minutes(9)), 0);
    assert_eq!(sweep(&store, minutes(10)), 1, "the minimum passed: ready");
    assert_eq!(sweep(&store, minutes(11)), 0);

    let rows = history(&store, id);
    let seen: Vec<_> =
        rows.iter().map(|r| (r.mark.readiness, r.mark.failing_keys(), r.changed_at)).collect();
    assert_eq!(seen.len(), 4, "{seen:?}");
    assert_eq!(seen[0].0, Readiness::NotReady);
    assert!(seen[0].1.len() > 2, "soft gates fail before any check: {:?}", seen[0].1);
    assert!(seen[0].1.starts_with(&[GateKey::Minimum, GateKey::Escort]), "{:?}", seen[0].1);
    assert_eq!(seen[0].2, now());
    assert_eq!(rows[0].mark.failing[0].detail, "10 min left");
    let not_ready = Readiness::NotReady;
    assert_eq!(seen[1], (not_ready, vec![GateKey::Minimum, GateKey::Escort], minutes(5)));
    assert_eq!(seen[2], (not_ready, vec![GateKey::Minimum], minutes(6)));
    assert_eq!(seen[3], (Readiness::Ready, vec![], minutes(10)));
}

#[test]
fn each_row_has_one_audit_entry_by_the_app_and_the_chain_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = admit(&store, 50);
    let before = store.with_conn(audit::count).expect("count");
    sweep(&store, now());
    record_check(&store, &observation(id, minutes(1), 128, 82), minutes(1));
    sweep(&store, minutes(1));
    let (entries, by_nobody, records): (i64, i64, Vec<String>) = store
        .with_conn(|c| {
            let mut s = c.prepare(
                "SELECT records FROM audit_events WHERE action = 'readiness_changed' ORDER BY seq",
            )?;
            let records = s.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
            let counts = c.query_row(
                "SELECT count(*), count(*) FILTER (WHERE nurse_id IS NULL) FROM audit_events
                 WHERE action = 'readiness_changed'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Ok((counts.0, counts.1, records))
        })
        .expect("entries");
    assert_eq!((entries, by_nobody), (2, 2));
    let ids: Vec<i64> = history(&store, id).iter().map(|r| r.id).collect();
    let expected: Vec<String> =
        ids.iter().map(|i| format!("[[\"readiness_changes\",{i}]]")).collect();
    assert_eq!(records, expected);
    let after = store.with_conn(audit::count).expect("count");
    assert_eq!(after - before, 3, "two readiness entries and the check's own");
    let report = store.with_conn(|c| audit::verify(c, true)).expect("verify");
    assert_eq!(report.first_bad, None);
}

#[test]
fn a_late_entry_adds_a_row_and_what_the_board_said_before_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = admit(&store, 70);
    record_check(&store, &observation(id, minutes(-8), 128, 82), now());
    escort_arrived(&store, id, now());
    sweep(&store, now());
    let at_the_time = history(&store, id);
    assert_eq!(at_the_time.len(), 1);
    assert_eq!(at_the_time[0].mark.readiness, Readiness::Ready, "{:?}", at_the_time[0].mark);

    // Ten minutes later a blood pressure taken five minutes before "now" is typed in: it is
    // the latest reading by clinical time, and too high.
    record_check(&store, &observation(id, minutes(-5), 166, 96), minutes(10));
    assert_eq!(sweep(&store, minutes(10)), 1);
    let rows = history(&store, id);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], at_the_time[0], "the earlier row is never changed");
    assert_eq!(rows[1].mark.readiness, Readiness::NotReady);
    assert_eq!(rows[1].mark.failing_keys(), [GateKey::BloodPressure]);
    assert_eq!(rows[1].changed_at, minutes(10));
    let said_at =
        |t: DateTime<Utc>| rows.iter().rev().find(|r| r.changed_at <= t).map(|r| r.mark.readiness);
    assert_eq!(said_at(minutes(5)), Some(Readiness::Ready), "what the board said then");
    assert_eq!(said_at(minutes(10)), Some(Readiness::NotReady));
}

#[test]
fn rows_cannot_be_updated_or_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    admit(&store, 10);
    sweep(&store, now());
    for sql in ["UPDATE readiness_changes SET readiness = 'ready'", "DELETE FROM readiness_changes"]
    {
        let err = store.with_tx(|tx| Ok(tx.execute(sql, [])?)).expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    let bad_json =
        "INSERT INTO readiness_changes (session_id, readiness, failing_gates, changed_at_ms)
                    VALUES (1, 'ready', '{}', 0)";
    assert!(store.with_tx(|tx| Ok(tx.execute(bad_json, [])?)).is_err(), "not an array");
}

#[test]
fn the_record_timeline_shows_each_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let id = admit(&store, 50);
    sweep(&store, now());
    record_check(&store, &observation(id, minutes(1), 128, 82), minutes(1));
    escort_arrived(&store, id, minutes(1));
    sweep(&store, minutes(1));
    sweep(&store, minutes(10));
    let detail =
        store.with_conn(|c| vigil_store::session_detail::load(c, id, minutes(11))).expect("load");
    let readiness: Vec<_> = detail
        .timeline
        .iter()
        .filter(|e| e.kind == vigil_core::checks::TimelineKind::Readiness)
        .map(|e| (e.summary.as_str(), e.at, e.who.clone()))
        .collect();
    assert_eq!(readiness.len(), 3, "{readiness:?}");
    assert!(readiness[0].0.starts_with("Not ready: Minimum period, Escort"), "{readiness:?}");
    assert_eq!(readiness[1].0, "Not ready: Minimum period");
    assert_eq!(readiness[2], ("Became ready", minutes(10), None));
}
