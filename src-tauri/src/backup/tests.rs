//! The backup service as its three callers use it: when a scheduled backup is due, a headless
//! backup into a folder of its own pruned like a routine one, and the verification.

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
fn a_headless_backup_into_another_folder_prunes_that_folder_only() {
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
    assert_eq!(pruned, [0, 0, 1]);
    assert_eq!(backup::list(&elsewhere).expect("list").len(), 2);
    assert!(elsewhere.join("notes.txt").is_file(), "only Vigil's backups are pruned");
    assert_eq!(backup::list(&clinic).expect("list").len(), 1, "the clinic's folder untouched");
}

#[test]
fn verify_checks_the_chain_against_the_newest_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    back_up(&state.store, None, Occasion::Routine, None, clock.now()).expect("backup");
    let status = verify(state.store.path(), FileCheck::Full, clock.now()).expect("verified");
    assert!(status.ok, "{status:?}");
    assert!(status.rows > 0);
}
