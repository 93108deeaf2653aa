//! Storage faults injected into a real database file (issue 12, item 2): a full disk
//! (`PRAGMA max_page_count` at the file's current size) and a read-only handle
//! (`SQLITE_OPEN_READ_ONLY`). Each write is refused with its storage fault, leaves nothing
//! half-written (every table unchanged, the audit chain intact), sets the store's write fault,
//! and reads keep working; the next write that commits clears the fault.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, NURSE};
use vigil_core::draft::DraftForm;
use vigil_core::{Deadline, DeadlineKind, ErrorCode, VigilError};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{alerts, drafts, sessions, StorageFault, Store, StoreError};

/// Every row of every table, in order: "nothing was written" means this is equal.
fn everything(store: &Store) -> String {
    store.with_conn(vigil_store::table_dump::every_row).expect("dump")
}

/// A session whose minimum is due (clock started 70 min ago, 60 min minimum), and its deadline.
fn due_session(store: &Store) -> (i64, Deadline) {
    let id = store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 3", 70), NURSE, now()))
        .expect("admit");
    let due = store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("read");
    let d = due.into_iter().find(|d| d.kind == DeadlineKind::MinimumReached).expect("due");
    (id, d)
}

/// Runs `write`, which must fail with `fault` and change nothing; the store then reports it.
fn refused<T: std::fmt::Debug>(
    store: &Store,
    fault: StorageFault,
    what: &str,
    write: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError>,
) {
    let before = everything(store);
    let error = store.with_tx(write).expect_err(what);
    assert_eq!(error.fault(), Some(fault), "{what}: {error}");
    assert_eq!(everything(store), before, "{what}: nothing half-written");
    assert_eq!(store.write_fault().map(|f| f.fault), Some(fault), "{what}: fault reported");
    let shown = VigilError::from(error);
    assert_eq!(shown.code, ErrorCode::Storage, "{what}");
    assert!(shown.message.contains(fault.reason()), "{what}: {}", shown.message);
}

/// Reads still work: the board, the active alerts, the audit chain verifies.
fn reads_work(store: &Store, session: i64) {
    let board = store.with_conn(|c| sessions::on_board(c, now())).expect("board");
    assert!(board.iter().any(|s| s.id == session));
    store.with_conn(|c| alerts::active(c, now())).expect("alerts");
    let status =
        store.with_conn(|c| integrity::verify(c, FileCheck::Quick, now())).expect("verify");
    assert!(status.ok, "{status:?}");
}

#[test]
fn a_full_disk_refuses_each_write_as_full_and_writes_again_once_there_is_room() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let (session, due) = due_session(&store);
    store
        .with_conn(|c| {
            let pages: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0))?;
            c.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| r.get::<_, i64>(0))?;
            Ok(())
        })
        .expect("disk full");
    // Each write needs pages the file cannot have (a row larger than a page).
    let big = "x".repeat(20_000);
    let mut admission = iv_admission("Bay 4", 5);
    admission.note = big.clone();
    refused(&store, StorageFault::DiskFull, "admission", |tx| {
        sessions::insert(tx, &admission, NURSE, now())
    });
    let long = Deadline { detail: big.clone(), ..due.clone() };
    refused(&store, StorageFault::DiskFull, "firing", |tx| alerts::record_firing(tx, &long, now()));
    refused(&store, StorageFault::DiskFull, "draft", |tx| {
        drafts::save(tx, DraftForm::Admit, &big, now())
    });
    reads_work(&store, session);
    assert!(
        store.with_conn(|c| alerts::unfired_deadlines(c, now())).expect("read").contains(&due),
        "the refused firing is still due"
    );

    store.with_conn(|c| Ok(c.execute_batch("PRAGMA max_page_count = 1000000")?)).expect("room");
    assert!(store.write_fault().is_some(), "still failing until a write succeeds");
    let firing = store.with_tx(|tx| alerts::record_firing(tx, &due, now())).expect("written");
    assert!(firing.is_some());
    assert_eq!(store.write_fault(), None, "a committed write clears the fault");
}

#[test]
fn a_read_only_handle_refuses_each_write_as_read_only_and_reads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = {
        let store = common::open_in(dir.path());
        let (_, due) = due_session(&store);
        let firing = store.with_tx(|tx| alerts::record_firing(tx, &due, now())).expect("fire");
        assert!(firing.is_some());
        store.path().to_owned()
    };
    let store = Store::open_read_only(&path, &common::key()).expect("read-only handle");
    let session = store.with_conn(|c| sessions::on_board(c, now())).expect("board")[0].id;
    let firing = store.with_conn(|c| alerts::active(c, now())).expect("alerts")[0].firing_id;
    let later = Deadline {
        session_id: session,
        kind: DeadlineKind::CheckOverdue,
        key: "vitals+15".into(),
        due_at: now() - Duration::minutes(1),
        detail: "Vitals at +15 min".into(),
    };
    refused(&store, StorageFault::ReadOnly, "admission", |tx| {
        sessions::insert(tx, &iv_admission("Bay 4", 5), NURSE, now())
    });
    refused(&store, StorageFault::ReadOnly, "firing", |tx| {
        alerts::record_firing(tx, &later, now())
    });
    refused(&store, StorageFault::ReadOnly, "raising", |tx| {
        alerts::record_raising(tx, firing, now())
    });
    refused(&store, StorageFault::ReadOnly, "acknowledgement", |tx| {
        alerts::acknowledge(tx, firing, NURSE, now())
    });
    refused(&store, StorageFault::ReadOnly, "draft", |tx| {
        drafts::save(tx, DraftForm::Admit, "{}", now())
    });
    refused(&store, StorageFault::ReadOnly, "clock jump", |tx| {
        alerts::record_clock_jump(tx, now(), Duration::minutes(5))
    });
    assert_eq!(store.probe_write(now()).expect_err("probe").fault(), Some(StorageFault::ReadOnly));
    reads_work(&store, session);
}

#[test]
fn a_refused_value_is_no_storage_fault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(dir.path());
    let error = store
        .with_tx(|tx| -> Result<(), StoreError> {
            alerts::acknowledge(tx, 999, NURSE, now())?;
            Ok(())
        })
        .expect_err("no such alert");
    assert_eq!(error.fault(), None);
    assert_eq!(store.write_fault(), None);
}
