//! Backups when things are wrong: a tampered record, a restore over an altered or damaged
//! database, the oldest backup of a full set, leftovers (the cleanup of papers and drafts:
//! `housekeeping.rs`).
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use chrono::Duration;
use common::{iv_admission, now, NURSE};
use std::path::Path;
use vigil_core::BackupSettings;
use vigil_store::backup::{self, safe_restore, Occasion};
use vigil_store::{audit, sessions, settings, Store};

fn tamper(store: &Store) {
    store
        .with_conn(|c| {
            Ok(c.execute_batch(
                "DROP TRIGGER audit_events_no_update;
                 UPDATE audit_events SET detail = 'altered' WHERE seq = 2;",
            )?)
        })
        .expect("tamper");
}

fn keep(store: &Store, folder: &Path, keep: u32) {
    let chosen =
        BackupSettings { folder: folder.display().to_string(), interval_minutes: 240, keep };
    store.with_tx(|tx| settings::set_backup(tx, &chosen, NURSE, now())).expect("settings");
}

fn files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("list")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

fn last_entry(store: &Store) -> (String, String) {
    store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT action, detail FROM audit_events ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("last entry")
}

fn board_len(store: &Store) -> usize {
    store.with_conn(|c| sessions::on_board(c, now())).expect("board").len()
}

#[test]
fn a_tampered_record_still_gets_a_backup_marked_unverified() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(&dir.path().join("data"));
    let folder = dir.path().join("backups");
    tamper(&store);
    let made = store
        .with_conn(|c| backup::make(c, &common::key(), &folder, now()))
        .expect("the backup is written");
    let why = made.unverified.clone().expect("marked unverified");
    assert!(why.contains("audit entry 2"), "{why}");
    assert!(made.head_hash.is_some(), "the head it holds is still written beside it");
    assert_eq!(backup::list(&folder).expect("list"), vec![made.clone()]);

    let taken = backup::back_up(&store, Some(&folder), Occasion::Routine, None, now())
        .expect("a routine backup too");
    assert!(taken.backup.unverified.is_some());
    let (action, detail) = last_entry(&store);
    assert_eq!(action, "backup");
    assert!(detail.contains(", unverified: audit entry 2"), "{detail}");
}

#[test]
fn a_good_backup_restores_over_a_tampered_database_keeping_its_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(&dir.path().join("data"));
    let folder = dir.path().join("backups");
    keep(&store, &folder, 30);
    store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 1", 5), NURSE, now()))
        .expect("admit");
    let good = backup::back_up(&store, None, Occasion::Routine, Some(NURSE), now()).expect("good");
    assert_eq!(good.backup.unverified, None);
    store
        .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 2", 5), NURSE, now()))
        .expect("admit");
    tamper(&store);

    let later = now() + Duration::minutes(10);
    let file = folder.join(&good.backup.file);
    let restored = safe_restore::restore_with_safety_copy(&store, &file, Some(NURSE), later)
        .expect("restored");
    assert!(restored.status.ok, "{:?}", restored.status);
    assert_eq!(board_len(&store), 1, "the backup's one patient");
    let why = restored.safety.unverified.as_deref().expect("the copy is marked unverified");
    assert!(why.contains("audit entry 2"), "{why}");
    let listed = backup::list(&folder).expect("list");
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0], restored.safety, "the copy is kept and listed as unverified");
    let (action, detail) = last_entry(&store);
    assert_eq!(action, "restore");
    assert!(
        detail.contains(&format!("the replaced database saved as {} (unverified)", listed[0].file)),
        "{detail}"
    );
}

#[test]
fn the_oldest_backup_of_a_full_set_restores_and_nothing_is_pruned_meanwhile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(&dir.path().join("data"));
    let folder = dir.path().join("backups");
    keep(&store, &folder, 3);
    let mut made = Vec::new();
    for n in 0..3 {
        let bay = format!("Bay {}", n + 1);
        store
            .with_tx(|tx| sessions::insert(tx, &iv_admission(&bay, 5), NURSE, now()))
            .expect("admit");
        let at = now() + Duration::minutes(n * 30);
        made.push(backup::back_up(&store, None, Occasion::Routine, None, at).expect("backup"));
    }
    let oldest = folder.join(&made[0].backup.file);
    let at = now() + Duration::minutes(100);
    let restored =
        safe_restore::restore_with_safety_copy(&store, &oldest, Some(NURSE), at).expect("restored");
    assert!(restored.status.ok, "{:?}", restored.status);
    assert_eq!(board_len(&store), 1, "the oldest backup's one patient");
    let listed = backup::list(&folder).expect("list");
    assert_eq!(listed.len(), 4, "the full set and the copy: nothing pruned");
    assert_eq!(listed[0], restored.safety);
    // The next routine backup brings the set back to the clinic's number.
    let next = now() + Duration::minutes(130);
    let taken = backup::back_up(&store, None, Occasion::Routine, None, next).expect("backup");
    assert_eq!((taken.pruned, backup::list(&folder).expect("list").len()), (2, 3));
}

#[test]
fn a_backup_that_does_not_verify_is_refused_before_anything_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(&dir.path().join("data"));
    let folder = dir.path().join("backups");
    keep(&store, &folder, 30);
    tamper(&store);
    let bad = backup::back_up(&store, None, Occasion::Routine, None, now()).expect("unverified");
    let before = store.with_conn(audit::head).expect("head");
    let err = safe_restore::restore_with_safety_copy(
        &store,
        &folder.join(&bad.backup.file),
        Some(NURSE),
        now() + Duration::minutes(1),
    )
    .expect_err("refused");
    let err = vigil_core::VigilError::from(err);
    assert_eq!(err.field.as_deref(), Some("file"));
    assert!(err.message.contains("does not verify") && err.message.contains("Nothing was changed"));
    assert_eq!(store.with_conn(audit::head).expect("head"), before);
    assert_eq!(backup::list(&folder).expect("list").len(), 1, "no copy was taken");

    let gone = folder.join("vigil-20260701T115900000Z.sqlite3");
    let err = safe_restore::restore_with_safety_copy(&store, &gone, Some(NURSE), now())
        .expect_err("refused");
    assert!(vigil_core::VigilError::from(err).message.contains("Nothing was changed"));
    assert_eq!(backup::list(&folder).expect("list").len(), 1);
}

#[test]
fn backups_leave_no_partial_files_and_a_crash_s_are_cleaned() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(&dir.path().join("data"));
    let folder = dir.path().join("backups");
    for n in 0..2 {
        store
            .with_conn(|c| backup::make(c, &common::key(), &folder, now() + Duration::minutes(n)))
            .expect("backup");
    }
    let names = files(&folder);
    assert!(
        names.iter().all(|n| n.ends_with(".sqlite3") || n.ends_with(".sqlite3.head")),
        "only backups and their heads: {names:?}"
    );
    assert_eq!(names.len(), 4);
    // A restore reads the backup without leaving side files either.
    let file = folder.join(&names[0]);
    store
        .with_conn_mut(|c| backup::restore(c, &common::key(), &file, Some(NURSE), now()))
        .expect("restore");
    assert_eq!(files(&folder), names);
    let mode: String = store
        .with_conn(|c| Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?))
        .expect("mode");
    assert_eq!(mode, "wal", "the live database stays in WAL mode after a restore");

    // Leftovers of a crash: removed once an hour old, never younger (a backup may be running).
    let old = "vigil-20260701T100000000Z.sqlite3.partial";
    let young = "vigil-20260701T115500000Z.sqlite3.partial";
    for name in [old, &format!("{old}-wal"), &format!("{old}-shm"), young] {
        std::fs::write(folder.join(name), b"x").expect("leftover");
    }
    assert_eq!(backup::clean_leftovers(&folder, now()).expect("clean"), 3);
    let mut want = names.clone();
    want.push(young.to_owned());
    want.sort();
    assert_eq!(files(&folder), want);
}

#[test]
fn pruning_never_drops_the_last_verified_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::open_in(&dir.path().join("data"));
    let folder = dir.path().join("backups");
    let good = store.with_conn(|c| backup::make(c, &common::key(), &folder, now())).expect("good");
    tamper(&store);
    for n in 1..=3 {
        store
            .with_conn(|c| backup::make(c, &common::key(), &folder, now() + Duration::minutes(n)))
            .expect("bad");
    }
    assert_eq!(backup::prune(&folder, 2).expect("prune"), 1);
    let kept: Vec<(String, bool)> = backup::list(&folder)
        .expect("list")
        .into_iter()
        .map(|b| (b.file, b.unverified.is_some()))
        .collect();
    assert_eq!(kept.len(), 3, "{kept:?}");
    assert_eq!(kept[2], (good.file.clone(), false), "the last good backup stays");
    assert!(!files(&folder)
        .iter()
        .any(|n| n.ends_with(".unverified") && !kept.iter().any(|k| n.starts_with(&k.0))));
}

#[test]
fn restore_over_a_damaged_database_moves_it_aside_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let folder = dir.path().join("backups");
    let db = data.join(vigil_store::DB_FILE_NAME);
    let made = {
        let store = common::open_in(&data);
        store
            .with_tx(|tx| sessions::insert(tx, &iv_admission("Bay 1", 5), NURSE, now()))
            .expect("admit");
        store.with_conn(|c| backup::make(c, &common::key(), &folder, now())).expect("backup")
    };
    let mut bytes = std::fs::read(&db).expect("read");
    bytes[4096..8192].fill(0xA5);
    std::fs::write(&db, bytes).expect("damage");
    let err = Store::open(&db, &common::key()).expect_err("damaged");
    assert!(safe_restore::is_damage(&err), "{err}");

    let lock = vigil_store::WriterLock::take(&db).expect("the writer lock");
    let backup = folder.join(&made.file);
    let recovered = safe_restore::restore_over_damaged(lock, &db, &common::key(), &backup, now())
        .expect("recovered");
    assert!(recovered.status.ok, "{:?}", recovered.status);
    assert!(recovered.kept_as.exists(), "the damaged file is kept");
    let name = recovered.kept_as.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(name.starts_with("vigil.damaged-20260701T120000"), "{name}");
    let store = Store::open(&db, &common::key()).expect("opens again");
    assert_eq!(board_len(&store), 1);
    assert!(last_entry(&store).1.contains(&format!("the damaged database moved aside as {name}")));
}
