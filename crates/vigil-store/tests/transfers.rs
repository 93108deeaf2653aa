//! Transfers to emergency care in the store: the departure of kind 'transferred' with its
//! record, once, after any phase but a departure; the patient and their alerts leave the board;
//! and departures sealed before the transfers schema still verify after the table is rebuilt.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::{Duration, TimeZone};
use common::{now, transfer, NURSE};
use rusqlite::Connection;
use vigil_core::discharge::SessionPhase;
use vigil_core::{Deadline, DeadlineKind, ErrorCode};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::{alerts, discharge, migrations, sessions, transfers, Store};

fn count(store: &Store, sql: &str) -> i64 {
    store.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).expect(sql)
}

#[test]
fn a_transfer_takes_the_patient_and_their_alerts_off_the_board_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let admission = common::iv_admission("Bay 4", 20);
    let id = store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("admit");
    let deadline = Deadline {
        session_id: id,
        kind: DeadlineKind::MinimumReached,
        key: String::new(),
        due_at: now() - Duration::minutes(1),
        detail: String::new(),
    };
    store.with_tx(|tx| alerts::record_firing(tx, &deadline, now())).expect("fired");
    assert_eq!(store.with_conn(|c| alerts::active(c, now())).expect("active").len(), 1);

    let row = store.with_tx(|tx| transfers::record(tx, id, &transfer(), NURSE, now()));
    row.expect("transferred");
    assert!(store.with_conn(|c| sessions::on_board(c, now())).expect("board").is_empty());
    assert!(store.with_conn(|c| alerts::active(c, now())).expect("active").is_empty());
    let standing = store.with_conn(|c| discharge::standing(c, id)).expect("standing");
    assert_eq!(standing.phase, SessionPhase::Transferred);
    assert_eq!(standing.left_at, Some(transfer().transferred_at), "left at the transfer's time");
    let kept = store.with_conn(|c| transfers::of_session(c, id)).expect("read");
    assert_eq!(kept, Some(transfer()));
    assert_eq!(count(&store, "SELECT count(*) FROM audit_events WHERE action = 'transfer'"), 1);

    let (head, _) = store.with_conn(audit::head).expect("head");
    let twice = store.with_tx(|tx| transfers::record(tx, id, &transfer(), NURSE, now()));
    assert_eq!(vigil_core::VigilError::from(twice.expect_err("twice")).code, ErrorCode::Conflict);
    assert_eq!(store.with_conn(audit::head).expect("head").0, head, "nothing written");
    let update =
        store.with_tx(|tx| Ok(tx.execute("UPDATE session_departures SET how = 'discharged'", [])?));
    assert!(update.expect_err("append-only").to_string().contains("append-only"));
    let status = common::verify(&store);
    assert!(status.ok, "{status:?}");
}

#[test]
fn the_schema_refuses_a_transfer_without_its_record_and_a_record_on_another_kind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let admission = common::iv_admission("Bay 4", 20);
    let id = store.with_tx(|tx| sessions::insert(tx, &admission, NURSE, now())).expect("admit");
    for sql in [
        "INSERT INTO session_departures (session_id, how, left_at_ms, recorded_at_ms, recorded_by)
         VALUES (?1, 'transferred', 0, 0, 1)",
        "INSERT INTO session_departures
            (session_id, how, left_at_ms, recorded_at_ms, recorded_by, transfer)
         VALUES (?1, 'discharged', 0, 0, 1, '{}')",
        "INSERT INTO session_departures (session_id, how, left_at_ms, recorded_at_ms, recorded_by)
         VALUES (?1, 'beamed_up', 0, 0, 1)",
    ] {
        let r = store.with_tx(|tx| Ok(tx.execute(sql, [id])?));
        assert!(r.is_err(), "{sql}");
    }
    assert_eq!(count(&store, "SELECT count(*) FROM session_departures"), 0);
}

#[test]
fn departures_sealed_before_the_transfers_schema_still_verify_after_it() {
    let before = migrations::MIGRATIONS
        .iter()
        .position(|(name, _)| *name == "0009_transfers")
        .expect("the transfers migration") as i64;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.sqlite3");
    let t = chrono::Utc.with_ymd_and_hms(2026, 7, 1, 9, 0, 0).single().expect("t");
    {
        let mut conn = Connection::open(&path).expect("fixture");
        migrations::apply_up_to(&mut conn, before).expect("schema before transfers");
        conn.execute_batch(&format!(
            "INSERT INTO nurses (display_name, credentials, role, created_at_ms)
             VALUES ('Test Nurse', 'RN', 'admin', {t});
             INSERT INTO recovery_sessions
                (patient_name, bay, protocol, minimum_minutes, clock_started_at_ms, recorded_at_ms)
             VALUES ('Testy McTestface', 'Bay 1', 'iv_ketamine', 60, {t}, {t}),
                    ('Test Patient', 'Bay 2', 'iv_ketamine', 60, {t}, {t});
             INSERT INTO session_departures
                (session_id, how, left_at_ms, recorded_at_ms, recorded_by, against_advice)
             VALUES (1, 'discharged', {t}, {t}, 1, NULL),
                    (2, 'against_advice', {t}, {t}, 1, '{{\"witness\":null}}');",
            t = t.timestamp_millis()
        ))
        .expect("departures of the older schema");
        let tx = conn.transaction().expect("tx");
        let sealed = [
            (Action::AccountCreate, "nurses", 1),
            (Action::Admit, "recovery_sessions", 1),
            (Action::Admit, "recovery_sessions", 2),
            (Action::Depart, "session_departures", 1),
            (Action::AgainstAdvice, "session_departures", 2),
        ];
        for (action, table, id) in sealed {
            let entry = Entry::new(action, Some(1)).record(table, id);
            audit::append(&tx, t, &entry).expect("sealed");
        }
        tx.commit().expect("commit");
    }
    let store = Store::open_upgrading(&path, &common::key(), now()).expect("upgrade");
    let status = common::verify(&store);
    assert!(status.ok, "the rebuilt session_departures keeps every sealed hash: {status:?}");
    let standings = store.with_conn(|c| discharge::standings(c, &[1, 2])).expect("standings");
    assert_eq!(standings[&1].phase, SessionPhase::Departed);
    assert_eq!(standings[&2].phase, SessionPhase::LeftAgainstAdvice);
    let ids = count(&store, "SELECT group_concat(id) = '1,2' FROM session_departures");
    assert_eq!(ids, 1, "ids kept");
    let delete = store.with_tx(|tx| Ok(tx.execute("DELETE FROM session_departures", [])?));
    assert!(delete.expect_err("append-only").to_string().contains("append-only"));
}
