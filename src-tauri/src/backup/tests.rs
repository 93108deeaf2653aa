//! The backup path as its callers use it: when a scheduled backup is due, what a backup prunes
//! (the clinic's folder however it is named, never a folder of the administrator's own), a
//! pruning that fails being a warning, and the verification.

use super::*;
use chrono::Duration;
use vigil_core::{BackupSettingsEdit, Clock};

use crate::commands::settings::change_backup;
use crate::state::AppState;
use crate::test_support::admin_state_at_t0;

fn settings(state: &AppState, folder: &Path, interval_minutes: f64, keep: f64) {
    let folder = folder.display().to_string();
    change_backup(state, &BackupSettingsEdit { folder, interval_minutes, keep }).expect("settings");
}

#[test]
fn a_backup_is_due_when_there_is_none_and_again_after_the_interval() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    settings(&state, &state.store.default_backup_folder(), 60.0, 5.0);
    assert!(is_due(&state.store, clock.now()).expect("due?"), "no backup yet");
    back_up(&state.store, None, Occasion::Routine, None, clock.now()).expect("backup");
    clock.advance(Duration::minutes(59));
    assert!(!is_due(&state.store, clock.now()).expect("due?"), "59 minutes old");
    clock.advance(Duration::minutes(1));
    assert!(is_due(&state.store, clock.now()).expect("due?"), "an interval old");
}

#[test]
fn a_headless_backup_into_another_folder_prunes_nothing_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let clinic = state.store.default_backup_folder();
    settings(&state, &clinic, 240.0, 2.0);
    let elsewhere = dir.path().join("usb");
    std::fs::create_dir_all(&elsewhere).expect("folder");
    std::fs::write(elsewhere.join("notes.txt"), "the administrator's own file").expect("file");
    back_up(&state.store, None, Occasion::Routine, None, clock.now()).expect("routine");
    let mut pruned = Vec::new();
    for _ in 0..3 {
        clock.advance(Duration::minutes(1));
        let now = clock.now();
        let taken = back_up(&state.store, Some(&elsewhere), Occasion::Headless, None, now);
        pruned.push(taken.expect("headless").pruned);
    }
    assert_eq!(pruned, [0, 0, 0]);
    assert_eq!(backup::list(&elsewhere).expect("list").len(), 3, "the other folder kept whole");
    assert!(elsewhere.join("notes.txt").is_file());
    assert_eq!(backup::list(&clinic).expect("list").len(), 1, "the clinic's folder untouched");
}

#[test]
fn a_headless_backup_into_the_clinics_folder_by_another_path_prunes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let clinic = state.store.default_backup_folder();
    settings(&state, &clinic, 240.0, 2.0);
    std::fs::create_dir_all(&clinic).expect("folder");
    let link = dir.path().join("link to backups");
    std::os::unix::fs::symlink(&clinic, &link).expect("symlink");
    let name = clinic.file_name().expect("a name");
    let ways = [None, Some(link.clone()), Some(link.join("..").join("link to backups"))];
    let ways = ways.into_iter().chain([Some(clinic.join("..").join(name))]);
    let mut pruned = Vec::new();
    for folder in ways {
        clock.advance(Duration::minutes(1));
        let taken = back_up(&state.store, folder.as_deref(), Occasion::Headless, None, clock.now());
        pruned.push(taken.expect("headless").pruned);
    }
    assert_eq!(pruned, [0, 0, 1, 1]);
    assert_eq!(backup::list(&clinic).expect("list").len(), 2, "the clinic's number");
}

#[test]
fn a_pruning_that_fails_after_a_good_backup_is_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let clinic = state.store.default_backup_folder();
    settings(&state, &clinic, 240.0, 1.0);
    // An old "backup" that cannot be removed: a folder under a backup's name.
    std::fs::create_dir_all(clinic.join("vigil-20000101T000000000Z.sqlite3/inside")).expect("dir");
    for occasion in [Occasion::Routine, Occasion::Headless] {
        clock.advance(Duration::minutes(1));
        let taken = back_up(&state.store, None, occasion, None, clock.now()).expect("backed up");
        assert_eq!(taken.backup.unverified, None);
        let why = taken.prune_failed.expect("the pruning failed");
        assert!(why.contains("vigil-20000101T000000000Z.sqlite3"), "{why}");
    }
}

#[test]
fn the_routine_backup_goes_to_the_clinics_folder_and_prunes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let clinic = state.store.default_backup_folder();
    settings(&state, &clinic, 240.0, 2.0);
    for _ in 0..3 {
        clock.advance(Duration::minutes(1));
        routine(&state, Some(1)).expect("backup");
    }
    assert_eq!(backup::list(&clinic).expect("list").len(), 2);
}

#[test]
fn verify_checks_the_chain_against_the_newest_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    back_up(&state.store, None, Occasion::Routine, None, clock.now()).expect("backup");
    let status = verify(state.store.path(), &state.store.key(), FileCheck::Full, clock.now())
        .expect("verified");
    assert!(status.ok, "{status:?}");
    assert!(status.rows > 0);
}
