//! The audit chain, the append-only triggers, the single-writer lock and backups, on real files.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, populated, raw, verify, NURSE, PIN};
use rusqlite::Connection;
use vigil_core::people::Pin;
use vigil_store::{audit, backup, migrations, nurses, sessions, Store, StoreError};

#[test]
fn every_write_has_its_entry_and_the_chain_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    let status = verify(&store);
    assert!(status.ok, "{status:?}");
    assert_eq!((status.rows, status.head_seq, status.first_bad_seq), (8, 8, None));
    let actions: Vec<(String, Option<i64>)> = store
        .with_conn(|c| {
            let mut stmt = c.prepare("SELECT action, nurse_id FROM audit_events ORDER BY seq")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("read");
    let want = [
        ("protocol_seed", None),
        ("protocol_seed", None),
        ("protocol_seed", None),
        ("account_create", None),
        ("admit", Some(NURSE)),
        ("admit", Some(NURSE)),
        ("alert_fired", None),
        ("acknowledge", Some(NURSE)),
    ];
    let want: Vec<(String, Option<i64>)> = want.iter().map(|(a, n)| (a.to_string(), *n)).collect();
    assert_eq!(actions, want);
}

#[test]
fn update_and_delete_are_refused_on_audit_and_clinical_tables() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    let tables = [
        "audit_events",
        "recovery_sessions",
        "alert_firings",
        "alert_acknowledgements",
        "protocol_versions",
        "nurses",
        "nurse_pins",
        "nurse_status",
    ];
    for table in tables {
        for sql in [
            format!(
                "UPDATE {table} SET rowid = rowid WHERE rowid = (SELECT min(rowid) FROM {table})"
            ),
            format!("DELETE FROM {table}"),
        ] {
            let err = store.with_conn(|c| Ok(c.execute(&sql, [])?)).expect_err(&sql);
            assert!(err.to_string().contains("append-only"), "{sql}: {err}");
        }
    }
    assert!(verify(&store).ok);
}

#[test]
fn an_edited_entry_is_found_at_its_sequence_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    raw(
        &store,
        "DROP TRIGGER audit_events_no_update;
         UPDATE audit_events SET nurse_id = NULL WHERE seq = 6;",
    );
    let status = verify(&store);
    assert!(!status.ok);
    assert_eq!(status.first_bad_seq, Some(6), "{status:?}");
    assert!(status.problem.as_deref().unwrap_or_default().contains("changed"), "{status:?}");
}

#[test]
fn an_edited_record_is_found_at_the_entry_that_wrote_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    raw(
        &store,
        "DROP TRIGGER recovery_sessions_no_update;
         UPDATE recovery_sessions SET minimum_minutes = 15 WHERE id = 2;",
    );
    let status = verify(&store);
    assert_eq!(status.first_bad_seq, Some(6), "{status:?}");
    assert!(status.problem.as_deref().unwrap_or_default().contains("recovery_sessions#2"));
}

#[test]
fn a_removed_entry_or_record_is_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    raw(&store, "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq = 5;");
    assert_eq!(verify(&store).first_bad_seq, Some(6), "the gap shows at the next entry");

    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    raw(
        &store,
        "PRAGMA foreign_keys = OFF;
         DROP TRIGGER alert_acknowledgements_no_delete;
         DELETE FROM alert_acknowledgements;",
    );
    assert_eq!(verify(&store).first_bad_seq, Some(8));
}

#[test]
fn records_from_before_the_audit_trail_are_sealed_at_the_upgrade() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.sqlite3");
    common::old_database(&path, 4);
    let store = Store::open_upgrading(&path, &common::key(), now()).expect("upgrade");
    assert!(verify(&store).ok);
    let baselines: i64 = store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM audit_events WHERE action = 'baseline'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    assert_eq!(baselines, 1, "one table had rows");
    raw(
        &store,
        "DROP TRIGGER recovery_sessions_no_update; UPDATE recovery_sessions SET bay = 'Bay 1';",
    );
    assert_eq!(verify(&store).first_bad_seq, Some(1));
}

#[test]
fn a_second_writer_is_refused_and_a_reader_is_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    let db = dir.path().join(vigil_store::DB_FILE_NAME);
    match vigil_store::WriterLock::take(&db) {
        Err(StoreError::InUse { holder }) => assert_eq!(holder, Some(std::process::id())),
        other => panic!("expected InUse from the lock alone, got {other:?}"),
    }
    match Store::open_in(dir.path(), &common::key()) {
        Err(StoreError::InUse { holder }) => assert_eq!(holder, Some(std::process::id())),
        other => panic!("expected InUse, got {other:?}"),
    }
    let reader = Store::open_read_only(store.path(), &common::key()).expect("read-only");
    let rows = reader.with_conn(audit::count).expect("count");
    assert_eq!(rows, 8);
    assert!(reader.with_tx(|tx| Ok(tx.execute("DELETE FROM form_drafts", [])?)).is_err());
    drop(store);
    drop(vigil_store::WriterLock::take(&db).expect("the lock is free once the first is closed"));
    drop(Store::open_in(dir.path(), &common::key()).expect("free once the first is closed"));
}

#[test]
fn a_writer_lock_taken_first_is_kept_by_the_store_opened_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Not made yet: taking the lock makes the folder and the lock file (the pid, no record).
    let db = dir.path().join("data").join(vigil_store::DB_FILE_NAME);
    let lock = vigil_store::WriterLock::take(&db).expect("the lock");
    assert!(!db.exists(), "no database made by the lock");
    let pid = std::fs::read_to_string(vigil_store::lock_path(&db)).expect("lock file");
    assert_eq!(pid, std::process::id().to_string());
    assert!(matches!(vigil_store::WriterLock::take(&db), Err(StoreError::InUse { .. })));
    assert!(matches!(Store::open(&db, &common::key()), Err(StoreError::InUse { .. })));
    let other = dir.path().join("other.sqlite3");
    let refused = Store::open_at_locked(lock.clone(), &other, &common::key(), now());
    assert!(matches!(refused, Err(StoreError::Io(..))), "another database's lock is refused");
    let store = Store::open_at_locked(lock, &db, &common::key(), now()).expect("opens");
    assert!(store.is_writer());
    assert!(matches!(vigil_store::WriterLock::take(&db), Err(StoreError::InUse { .. })));
    drop(store);
    drop(vigil_store::WriterLock::take(&db).expect("free once the store is closed"));
}

#[test]
fn wrong_pins_are_counted_until_a_sign_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let pin = |p: &str| Pin::parse(p, "pin").expect("pin");
    assert!(store.with_conn(|c| nurses::pin_matches(c, NURSE, &pin(PIN))).expect("check"));
    assert!(!store.with_conn(|c| nurses::pin_matches(c, NURSE, &pin("0000"))).expect("check"));
    let entry = |action| audit::Entry::new(action, Some(NURSE));
    for minute in 0..3 {
        let at = now() + Duration::minutes(minute);
        store
            .with_tx(|tx| audit::append(tx, at, &entry(audit::Action::SignInFailed)))
            .expect("failed");
    }
    let (count, last) = store.with_conn(|c| nurses::failures(c, NURSE)).expect("failures");
    assert_eq!((count, last), (3, Some(now() + Duration::minutes(2))));
    store.with_tx(|tx| audit::append(tx, now(), &entry(audit::Action::SignIn))).expect("in");
    assert_eq!(store.with_conn(|c| nurses::failures(c, NURSE)).expect("failures").0, 0);
}

#[test]
fn backups_verify_list_prune_and_restore() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("backups");
    let store = populated(&dir.path().join("data"));
    let first =
        store.with_conn(|c| backup::make(c, &common::key(), &folder, now())).expect("backup");
    let (_, head) = store.with_conn(audit::head).expect("head");
    assert_eq!(first.head_hash.as_deref(), Some(head.as_str()));
    store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 3", 5), NURSE, now()))
        .expect("admit after the backup");
    for minutes in 1..=3 {
        let at = now() + Duration::minutes(minutes);
        store.with_conn(|c| backup::make(c, &common::key(), &folder, at)).expect("backup");
    }
    let listed = backup::list(&folder).expect("list");
    assert_eq!(listed.len(), 4);
    assert!(listed[0].created_at > listed[3].created_at, "newest first");
    assert_eq!(backup::prune(&folder, 2).expect("prune"), 2);
    assert_eq!(backup::list(&folder).expect("list").len(), 2);

    // Restore a backup of another store holding two sessions: the database becomes that one.
    let second = dir.path().join("second");
    let other = populated(&second);
    let snapshot = other
        .with_conn(|c| backup::make(c, &common::key(), &second.join("b"), now()))
        .expect("backup");
    let status = restore_into(&store, &second.join("b").join(&snapshot.file)).expect("restore");
    assert!(status.ok, "{status:?}");
    let sessions = store.with_conn(|c| sessions::on_board(c, now())).expect("board");
    assert_eq!(sessions.len(), 2, "the restored database has the backup's two sessions");
    let last: String = store
        .with_conn(|c| {
            Ok(c.query_row("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1", [], |r| {
                r.get(0)
            })?)
        })
        .expect("last");
    assert_eq!(last, "restore");
}

#[test]
fn a_backup_that_does_not_verify_is_not_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(&dir.path().join("data"));
    let folder = dir.path().join("backups");
    let made =
        store.with_conn(|c| backup::make(c, &common::key(), &folder, now())).expect("backup");
    let path = folder.join(&made.file);
    {
        let c = vigil_store::cipher::open_keyed(&path, &common::key()).expect("open backup");
        c.execute_batch(
            "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET detail = 'x';",
        )
        .expect("tamper");
    }
    let before = store.with_conn(audit::head).expect("head");
    let err = restore_into(&store, &path).expect_err("refused");
    assert!(err.to_string().contains("does not verify"), "{err}");
    assert_eq!(store.with_conn(audit::head).expect("head"), before);
}

fn restore_into(
    store: &Store,
    file: &std::path::Path,
) -> Result<vigil_core::IntegrityStatus, StoreError> {
    store.with_conn_mut(|c| backup::restore(c, &common::key(), file, Some(NURSE), now()))
}

#[test]
fn a_restore_by_an_account_the_backup_does_not_know_is_still_recorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(&dir.path().join("data"));
    let empty = Store::open_in(&dir.path().join("empty"), &common::key())
        .expect("a store without accounts");
    let made = empty
        .with_conn(|c| backup::make(c, &common::key(), &dir.path().join("b"), now()))
        .expect("backup");
    drop(empty);
    let status = restore_into(&store, &dir.path().join("b").join(&made.file)).expect("restore");
    assert!(status.ok, "{status:?}");
    let (who, detail): (Option<i64>, String) = store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT nurse_id, detail FROM audit_events ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("last entry");
    assert_eq!(who, None);
    assert!(detail.ends_with("by account #1 of the replaced database"), "{detail}");
}

#[test]
fn alert_records_sealed_before_the_checks_schema_still_verify_after_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("v5.sqlite3");
    {
        let mut conn = Connection::open(&path).expect("fixture");
        migrations::apply_up_to(&mut conn, 5).expect("schema 5");
        conn.execute_batch(&format!(
            "INSERT INTO recovery_sessions
                (patient_name, bay, protocol, minimum_minutes, clock_started_at_ms, recorded_at_ms)
             VALUES ('Testy McTestface', 'Bay 9', 'iv_ketamine', 60, {t}, {t});
             INSERT INTO alert_firings (session_id, kind, due_at_ms, fired_at_ms)
             VALUES (1, 'minimum_reached', {t}, {t});",
            t = now().timestamp_millis()
        ))
        .expect("rows of schema 5");
        let tx = conn.transaction().expect("tx");
        audit::baseline(&tx, now()).expect("sealed under schema 5");
        tx.commit().expect("commit");
    }
    let store =
        Store::open_upgrading(&path, &common::key(), now()).expect("upgrade to the checks schema");
    let status = verify(&store);
    assert!(status.ok, "the rebuilt alert_firings keeps every sealed row's hash: {status:?}");
    let kept: i64 = store
        .with_conn(|c| Ok(c.query_row("SELECT count(*) FROM alert_firings", [], |r| r.get(0))?))
        .expect("count");
    assert_eq!(kept, 1);
}
