//! Backups and restores through the app's own paths (as Settings and the scheduler call them).

use chrono::Duration;
use vigil_core::{BackupSettingsEdit, RestoreInput};
use vigil_store::backup;

use super::restore;
use crate::backup::routine as back_up;
use crate::commands::settings::change_backup;
use crate::state::AppState;
use crate::test_support::admin_state_at_t0;

fn tamper(state: &AppState) {
    state
        .store
        .with_conn(|c| {
            Ok(c.execute_batch(
                "DROP TRIGGER audit_events_no_update;
                 UPDATE audit_events SET detail = 'altered' WHERE seq = 1;",
            )?)
        })
        .expect("tamper");
}

fn keep(state: &AppState, keep: f64) -> std::path::PathBuf {
    let folder = state.store.default_backup_folder();
    let edit =
        BackupSettingsEdit { folder: folder.display().to_string(), interval_minutes: 240.0, keep };
    change_backup(state, &edit).expect("backup settings");
    folder
}

fn restore_file(state: &AppState, file: &str) -> Result<vigil_core::IntegrityStatus, String> {
    restore(state, &RestoreInput { file: file.to_owned() }).map_err(|e| e.message)
}

#[test]
fn a_good_backup_restores_over_a_tampered_database_and_the_safety_copy_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let folder = keep(&state, 30.0);
    let good = back_up(&state, None).expect("a backup of the good database");
    tamper(&state);
    clock.advance(Duration::minutes(5));
    let status = restore_file(&state, &good.file).expect("the good backup restores");
    assert!(status.ok, "{status:?}");
    let listed = backup::list(&folder).expect("list");
    assert_eq!(listed.len(), 2, "the good backup and the safety copy: {listed:?}");
    let safety = &listed[0];
    assert_ne!(safety.file, good.file);
    assert!(
        safety.unverified.as_deref().is_some_and(|why| why.contains("audit entry 1")),
        "the safety copy is kept, marked unverified: {safety:?}"
    );
    assert_eq!(listed[1].unverified, None);
}

#[test]
fn the_oldest_backup_of_a_full_set_restores_and_nothing_is_pruned_meanwhile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    let folder = keep(&state, 3.0);
    let mut made = Vec::new();
    for _ in 0..3 {
        made.push(back_up(&state, None).expect("backup").file);
        clock.advance(Duration::minutes(30));
    }
    let status = restore_file(&state, &made[0]).expect("the oldest backup restores");
    assert!(status.ok, "{status:?}");
    let listed: Vec<String> =
        backup::list(&folder).expect("list").into_iter().map(|b| b.file).collect();
    assert_eq!(listed.len(), 4, "the set and the safety copy, nothing pruned: {listed:?}");
    for file in &made {
        assert!(listed.contains(file), "{file} is still there");
    }
    // The next routine backup prunes back to the clinic's number.
    clock.advance(Duration::minutes(30));
    back_up(&state, None).expect("backup");
    assert_eq!(backup::list(&folder).expect("list").len(), 3);
}

#[test]
fn a_backup_that_vanished_is_refused_and_the_error_says_nothing_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let folder = keep(&state, 30.0);
    let made = back_up(&state, None).expect("backup");
    std::fs::remove_file(folder.join(&made.file)).expect("remove");
    let before = crate::test_support::everything(&state);
    let err = restore_file(&state, &made.file).expect_err("refused");
    assert!(err.contains("not in the backup folder"), "{err}");
    assert_eq!(crate::test_support::everything(&state), before, "nothing changed");
    assert_eq!(backup::list(&folder).expect("list").len(), 0, "no safety copy was made");
}

#[test]
fn papers_kept_is_validated_and_for_administrators_only() {
    use crate::commands::settings::change_papers_kept;
    use vigil_core::{ErrorCode, PapersKeptEdit};
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let before = crate::test_support::everything(&state);
    for bad in [0.0, 3651.0, 1.5, f64::NAN] {
        let err = change_papers_kept(&state, &PapersKeptEdit { days: bad }).expect_err("refused");
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("days")));
    }
    assert_eq!(crate::test_support::everything(&state), before, "a refusal changes nothing");
    let saved = change_papers_kept(&state, &PapersKeptEdit { days: 14.0 }).expect("saved");
    assert_eq!(saved.papers_kept_days, 14);
    state.workstation().sign_out();
    let err = change_papers_kept(&state, &PapersKeptEdit { days: 7.0 }).expect_err("signed out");
    assert_eq!(err.code, ErrorCode::Forbidden);
}
