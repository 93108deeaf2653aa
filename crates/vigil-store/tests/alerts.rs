//! Alert firings, acknowledgements and notification outcomes on a real database file.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, NURSE};
use vigil_core::{DeadlineKind, ErrorCode, VigilError};
use vigil_store::{alerts, sessions, Store};

fn store_with_session(dir: &std::path::Path, minutes_ago: i64) -> (Store, i64) {
    let store = common::open_in(dir);
    let admission = iv_admission("Bay 3", minutes_ago);
    let id = store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("insert");
    (store, id)
}

#[test]
fn a_deadline_is_recorded_once_and_then_no_longer_unfired() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, id) = store_with_session(dir.path(), 70);
    let unfired = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("unfired");
    assert_eq!(unfired.len(), 1);
    assert_eq!((unfired[0].session_id, unfired[0].kind), (id, DeadlineKind::MinimumReached));
    let first = store.with_tx(|tx| alerts::record_firing(tx, &unfired[0], now())).expect("fire");
    let second =
        store.with_tx(|tx| alerts::record_firing(tx, &unfired[0], now())).expect("fire again");
    assert!(first.is_some());
    assert_eq!(second, None, "the second firing of the same deadline records nothing");
    assert!(store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("unfired").is_empty());
}

#[test]
fn acknowledging_clears_one_alert_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = store_with_session(dir.path(), 70);
    let d = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("unfired").remove(0);
    let firing =
        store.with_tx(|tx| alerts::record_firing(tx, &d, now())).expect("fire").expect("new");
    let active = store.with_conn(|c| alerts::active(c, now())).expect("active");
    assert_eq!(active.len(), 1);
    assert_eq!((active[0].firing_id, active[0].bay.as_str()), (firing, "Bay 3"));

    store.with_tx(|tx| alerts::acknowledge(tx, firing, NURSE, now())).expect("ack");
    assert!(store.with_conn(|c| alerts::active(c, now())).expect("active").is_empty());
    let again: VigilError = store
        .with_tx(|tx| alerts::acknowledge(tx, firing, NURSE, now()))
        .expect_err("twice")
        .into();
    assert_eq!(again.code, ErrorCode::Conflict);
    let unknown: VigilError =
        store.with_tx(|tx| alerts::acknowledge(tx, 999, NURSE, now())).expect_err("unknown").into();
    assert_eq!(unknown.code, ErrorCode::NotFound);
}

#[test]
fn the_last_notification_outcome_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = store_with_session(dir.path(), 10);
    assert_eq!(store.with_conn(alerts::last_outcome).expect("none"), None);
    store.with_tx(|tx| alerts::record_outcome(tx, None, true, "delivered", now())).expect("ok");
    store
        .with_tx(|tx| {
            alerts::record_outcome(
                tx,
                None,
                false,
                "no answer within 3 s",
                now() + Duration::seconds(5),
            )
        })
        .expect("failed");
    let last = store.with_conn(alerts::last_outcome).expect("last").expect("some");
    assert!(!last.delivered);
    assert_eq!(last.detail, "no answer within 3 s");
}

#[test]
fn alert_records_are_append_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = store_with_session(dir.path(), 70);
    let d = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("unfired").remove(0);
    let firing =
        store.with_tx(|tx| alerts::record_firing(tx, &d, now())).expect("fire").expect("new");
    store.with_tx(|tx| alerts::acknowledge(tx, firing, NURSE, now())).expect("ack");
    store
        .with_tx(|tx| alerts::record_outcome(tx, Some(firing), true, "delivered", now()))
        .expect("outcome");
    store.with_tx(|tx| alerts::record_clock_jump(tx, now(), Duration::hours(1))).expect("jump");
    for table in ["alert_firings", "alert_acknowledgements", "notification_outcomes", "clock_jumps"]
    {
        for sql in [format!("DELETE FROM {table}"), format!("UPDATE {table} SET id = id + 100")] {
            let err = store.with_tx(|tx| Ok(tx.execute(&sql, [])?)).expect_err(&sql);
            assert!(err.to_string().contains("append-only"), "{sql}: {err}");
        }
    }
}

#[test]
fn a_firing_is_unraised_until_its_raising_is_recorded_and_an_acknowledged_one_never_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = store_with_session(dir.path(), 70);
    let d = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("unfired").remove(0);
    let firing =
        store.with_tx(|tx| alerts::record_firing(tx, &d, now())).expect("fire").expect("new");
    let unraised = |by| store.with_conn(|c| alerts::unraised(c, now(), by)).expect("read");
    assert!(unraised(now() - Duration::seconds(1)).is_empty(), "fired after `fired_by`");
    let found = unraised(now());
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].firing_id, &found[0].deadline), (firing, &d));
    store.with_tx(|tx| alerts::record_raising(tx, firing, now())).expect("raised");
    store.with_tx(|tx| alerts::record_raising(tx, firing, now())).expect("twice is a no-op");
    assert!(unraised(now()).is_empty());

    let (other, _) = store_with_session(tempfile::tempdir().expect("tempdir").path(), 70);
    let d = other.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("unfired").remove(0);
    let firing =
        other.with_tx(|tx| alerts::record_firing(tx, &d, now())).expect("fire").expect("new");
    other.with_tx(|tx| alerts::acknowledge(tx, firing, NURSE, now())).expect("ack");
    assert!(other.with_conn(|c| alerts::unraised(c, now(), now())).expect("read").is_empty());
}

#[test]
fn an_upgrade_counts_every_existing_firing_as_raised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.sqlite3");
    let before = vigil_store::migrations::MIGRATIONS
        .iter()
        .position(|(name, _)| *name == "0014_alert_raisings")
        .expect("the raisings migration") as i64;
    common::old_database(&path, before);
    {
        let conn = rusqlite::Connection::open(&path).expect("fixture");
        conn.execute(
            "INSERT INTO alert_firings (session_id, kind, due_at_ms, fired_at_ms)
             VALUES (1, 'minimum_reached', ?1, ?1)",
            [now().timestamp_millis()],
        )
        .expect("an old firing");
    }
    let store = Store::open_upgrading(&path, &common::key(), now()).expect("upgrade");
    let unraised = store.with_conn(|c| alerts::unraised(c, now(), now())).expect("read");
    assert!(unraised.is_empty(), "nothing old is raised again: {unraised:?}");
}

#[test]
fn a_late_firing_is_written_once_with_its_raising_and_the_time_it_was_raised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _) = store_with_session(dir.path(), 70);
    let d = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("unfired").remove(0);
    let raised_at = now() - Duration::minutes(3);
    let id =
        store.with_tx(|tx| alerts::record_late_firing(tx, &d, raised_at, now())).expect("late");
    let again =
        store.with_tx(|tx| alerts::record_late_firing(tx, &d, raised_at, now())).expect("again");
    assert_eq!(id, again, "the same firing");
    let (firings, fired_at, raisings): (i64, i64, i64) = store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT (SELECT count(*) FROM alert_firings), (SELECT max(fired_at_ms) FROM alert_firings),
                        (SELECT count(*) FROM alert_raisings)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .expect("read");
    assert_eq!((firings, fired_at, raisings), (1, raised_at.timestamp_millis(), 1));
    assert!(store.with_conn(|c| alerts::unraised(c, now(), now())).expect("read").is_empty());
}
