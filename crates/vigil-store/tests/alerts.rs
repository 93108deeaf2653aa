//! Alert firings, acknowledgements and notification outcomes on a real database file.

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
