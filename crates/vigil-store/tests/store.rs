//! The store against real database files in a temporary directory.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, NURSE};
use rusqlite::Connection;
use vigil_core::{Admission, Protocol};
use vigil_store::{migrations, sessions, Store, StoreError};

fn admission(bay: &str, minutes_ago: i64) -> Admission {
    iv_admission(bay, minutes_ago)
}

fn count(store: &Store) -> i64 {
    store
        .with_conn(|c| Ok(c.query_row("SELECT count(*) FROM recovery_sessions", [], |r| r.get(0))?))
        .expect("count")
}

#[test]
fn open_creates_the_file_with_the_reliability_pragmas() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(&dir.path().join("nested/data"));
    assert!(store.path().is_file());
    store
        .with_conn(|c| {
            let q = |sql: &str| c.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0));
            use rusqlite::types::Value::{Integer, Text};
            assert_eq!(q("PRAGMA journal_mode")?, Text("wal".into()));
            assert_eq!(q("PRAGMA synchronous")?, Integer(2), "FULL");
            assert_eq!(q("PRAGMA foreign_keys")?, Integer(1));
            assert_eq!(q("PRAGMA trusted_schema")?, Integer(0));
            assert_eq!(migrations::version(c)?, migrations::latest_version());
            Ok(())
        })
        .expect("pragmas");
}

#[test]
fn admission_round_trips_and_survives_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let id = {
        let store = common::open_in(dir.path());
        store
            .with_tx(|tx| sessions::insert(tx, &admission("Bay 4", 30), NURSE, now()))
            .expect("insert")
    };
    let store = common::open_in(dir.path());
    let s = store.with_conn(|c| sessions::get(c, id)).expect("get");
    assert_eq!(s.bay, "Bay 4");
    assert_eq!(s.clock_started_at, now() - Duration::minutes(30));
    assert_eq!(s.recorded_at, now());
    assert_eq!(s.ends_at(), now() + Duration::minutes(30));
}

#[test]
fn board_holds_sessions_of_the_last_day_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    store
        .with_tx(|tx| {
            sessions::insert(tx, &admission("old", 0), NURSE, now() - Duration::hours(30))?;
            sessions::insert(tx, &admission("new", 10), NURSE, now())
        })
        .expect_err("clock start after recorded time is refused by the schema");
    assert_eq!(count(&store), 0, "the failed transaction wrote nothing");

    let later = now() + Duration::hours(30);
    store.with_tx(|tx| sessions::insert(tx, &admission("old", 0), NURSE, now())).expect("old");
    store
        .with_tx(|tx| {
            let a =
                Admission { clock_started_at: later - Duration::minutes(5), ..admission("new", 0) };
            sessions::insert(tx, &a, NURSE, later)
        })
        .expect("new");
    let bays: Vec<String> = store
        .with_conn(|c| sessions::on_board(c, later))
        .expect("board")
        .into_iter()
        .map(|s| s.bay)
        .collect();
    assert_eq!(bays, ["new"]);
}

#[test]
fn a_failing_transaction_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let result: Result<(), StoreError> = store.with_tx(|tx| {
        sessions::insert(tx, &admission("Bay 1", 5), NURSE, now())?;
        Err(StoreError::Rule(vigil_core::VigilError::internal("stop")))
    });
    assert!(result.is_err());
    assert_eq!(count(&store), 0);
}

#[test]
fn schema_refuses_what_core_refuses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let bad = [
        Admission { minimum_minutes: 119, protocol: Protocol::Spravato, ..admission("1", 5) },
        Admission { minimum_minutes: 481, ..admission("1", 5) },
        Admission { bay: "  ".into(), ..admission("1", 5) },
    ];
    for a in bad {
        assert!(store.with_tx(|tx| sessions::insert(tx, &a, NURSE, now())).is_err(), "{a:?}");
    }
    assert_eq!(count(&store), 0);
}

#[test]
fn clinical_rows_cannot_be_updated_or_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    store.with_tx(|tx| sessions::insert(tx, &admission("Bay 1", 5), NURSE, now())).expect("insert");
    for sql in ["UPDATE recovery_sessions SET bay = 'x'", "DELETE FROM recovery_sessions"] {
        let err = store.with_tx(|tx| Ok(tx.execute(sql, [])?)).expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{err}");
    }
    assert_eq!(count(&store), 1);
}

#[test]
fn every_earlier_schema_upgrades_to_the_latest() {
    for from in 0..=migrations::latest_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("fixture.sqlite3");
        {
            let mut conn = Connection::open(&path).expect("fixture");
            migrations::apply_up_to(&mut conn, from).expect("fixture schema");
            assert_eq!(migrations::version(&conn).expect("version"), from);
        }
        let store = Store::open_upgrading(&path, &common::key(), now()).expect("upgrade");
        store
            .with_conn(|c| {
                assert_eq!(migrations::version(c)?, migrations::latest_version());
                let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
                assert_eq!(ok, "ok");
                let fk: i64 =
                    c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
                assert_eq!(fk, 0);
                Ok(())
            })
            .expect("checked");
    }
}

#[test]
fn migrations_are_numbered_in_order() {
    for (i, (name, sql)) in migrations::MIGRATIONS.iter().enumerate() {
        assert!(name.starts_with(&format!("{:04}_", i + 1)), "{name}");
        assert!(!sql.trim().is_empty(), "{name}");
    }
}

#[test]
fn a_newer_database_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("future.sqlite3");
    Connection::open(&path)
        .and_then(|c| c.pragma_update(None, "user_version", 999))
        .expect("fixture");
    match Store::open_upgrading(&path, &common::key(), now()) {
        Err(StoreError::SchemaTooNew { found: 999, .. }) => {}
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
}

#[test]
fn a_session_admitted_before_an_upgrade_survives_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.sqlite3");
    common::old_database(&path, 1);
    let store = Store::open_upgrading(&path, &common::key(), now()).expect("upgrade");
    let board = store.with_conn(|c| sessions::on_board(c, now())).expect("board");
    assert_eq!(board.len(), 1);
    assert_eq!((board[0].bay.as_str(), board[0].minimum_minutes), ("Bay 9", 60));
    let unfired =
        store.with_conn(|c| vigil_store::alerts::unfired_deadlines(c, now())).expect("deadlines");
    let minimum: Vec<_> =
        unfired.iter().filter(|d| d.kind == vigil_core::DeadlineKind::MinimumReached).collect();
    assert_eq!(minimum.len(), 1, "its minimum is still watched");
    assert!(unfired.len() > 1, "and its planned checks: {unfired:?}");
}
