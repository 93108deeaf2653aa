//! What `vigil verify` finds beyond the chain's own hashes: record rows no audit entry wrote
//! (or two claim), and a chain that lost or rewrote entries a backup already holds.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, populated, raw, verify, NURSE};
use vigil_core::IntegrityStatus;
use vigil_store::audit::{self, Action, Entry};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{backup, sessions, Store};

fn verify_with(store: &Store, folder: &std::path::Path) -> IntegrityStatus {
    store
        .with_conn(|c| integrity::verify_with_backups(c, FileCheck::Full, now(), folder))
        .expect("verify")
}

/// A copy of session 1 in another bay, inserted with SQL (no audit entry).
const SMUGGLED_SESSION: &str = "INSERT INTO recovery_sessions
    (patient_name, bay, protocol, minimum_minutes, clock_started_at_ms, recorded_at_ms,
     protocol_version_id, chart_number, date_of_birth, dose_mg, weight_kg, note, admitted_by)
    SELECT patient_name, 'Bay 9', protocol, minimum_minutes, clock_started_at_ms,
     recorded_at_ms, protocol_version_id, chart_number, date_of_birth, dose_mg, weight_kg,
     note, admitted_by FROM recovery_sessions WHERE id = 1;";

#[test]
fn a_row_inserted_behind_the_apps_back_is_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    assert!(verify(&store).ok, "{:?}", verify(&store));
    raw(&store, SMUGGLED_SESSION);
    let status = verify(&store);
    assert!(!status.ok);
    let problem = status.problem.unwrap_or_default();
    assert!(problem.contains("recovery_sessions#3 has no audit entry"), "{problem}");
    assert!(!problem.contains("Testy"), "no patient data in the problem");
    assert_eq!(status.first_bad_seq, None, "no entry is at fault");
}

#[test]
fn a_row_in_any_record_table_is_covered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    raw(&store, "INSERT INTO clock_jumps (detected_at_ms, jump_ms) VALUES (1782907200000, 60000);");
    let problem = verify(&store).problem.unwrap_or_default();
    assert!(problem.contains("clock_jumps#1 has no audit entry"), "{problem}");
}

#[test]
fn a_record_claimed_by_a_second_entry_is_found_at_that_entry() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    let entry = Entry::new(Action::Admit, Some(NURSE)).record("recovery_sessions", 1);
    let seq = store.with_tx(|tx| audit::append(tx, now(), &entry)).expect("append");
    let status = verify(&store);
    assert_eq!((status.ok, status.first_bad_seq), (false, Some(seq)));
    let problem = status.problem.unwrap_or_default();
    assert!(problem.contains("already written by entry 5"), "{problem}");
}

#[test]
fn the_newest_entry_deleted_with_its_record_is_found_by_the_backup_head() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    let id = store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 3", 5), NURSE, now()))
        .expect("admit");
    let folder = dir.path().join("backups");
    let made =
        store.with_conn(|c| backup::make(c, &common::key(), &folder, now())).expect("backup");
    assert!(verify_with(&store, &folder).ok, "the chain holds the backup's head");
    raw(
        &store,
        &format!(
            "DROP TRIGGER audit_events_no_delete; DROP TRIGGER recovery_sessions_no_delete;
             DELETE FROM audit_events WHERE seq = 9; DELETE FROM recovery_sessions WHERE id = {id};"
        ),
    );
    // The chain and the records agree with each other: only the backup shows the loss.
    assert!(verify(&store).ok, "{:?}", verify(&store));
    let status = verify_with(&store, &folder);
    assert_eq!((status.ok, status.first_bad_seq), (false, Some(9)));
    let problem = status.problem.unwrap_or_default();
    assert!(problem.contains("ends at entry 8"), "{problem}");
    assert!(problem.contains(&made.file), "{problem}");
}

#[test]
fn a_chain_rewritten_after_the_backup_differs_from_its_head() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    let folder = dir.path().join("backups");
    store.with_conn(|c| backup::make(c, &common::key(), &folder, now())).expect("backup");
    // Entry 8 (the acknowledgement) and its record go; a consistent entry 8 takes its place.
    raw(
        &store,
        "PRAGMA foreign_keys = OFF;
         DROP TRIGGER audit_events_no_delete; DROP TRIGGER alert_acknowledgements_no_delete;
         DELETE FROM audit_events WHERE seq = 8; DELETE FROM alert_acknowledgements;",
    );
    let entry = Entry::new(Action::Verify, None).detail("ok");
    store.with_tx(|tx| audit::append(tx, now(), &entry)).expect("append");
    assert!(verify(&store).ok, "a consistent rewrite passes the chain check");
    let status = verify_with(&store, &folder);
    assert_eq!((status.ok, status.first_bad_seq), (false, Some(8)));
    assert!(status.problem.unwrap_or_default().contains("rewritten"));
}

#[test]
fn a_restore_replaces_the_chain_without_being_taken_for_tampering() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = populated(dir.path());
    let folder = dir.path().join("backups");
    let older = store
        .with_conn(|c| backup::make(c, &common::key(), &folder, now() - Duration::hours(2)))
        .expect("backup");
    store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 3", 5), NURSE, now()))
        .expect("admit");
    // The newer backup (like the safety copy a restore makes) holds entry 9: the admission.
    store
        .with_conn(|c| backup::make(c, &common::key(), &folder, now() - Duration::hours(1)))
        .expect("backup");
    let file = folder.join(&older.file);
    store
        .with_conn_mut(|c| backup::restore(c, &common::key(), &file, Some(NURSE), now()))
        .expect("restore");
    let status = verify_with(&store, &folder);
    assert!(status.ok, "{status:?}");
    // Backups made after the restore are compared again.
    let later = now() + Duration::minutes(5);
    store.with_conn(|c| backup::make(c, &common::key(), &folder, later)).expect("backup");
    assert!(verify_with(&store, &folder).ok);
}
