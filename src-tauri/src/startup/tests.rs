//! Recovery at start-up on real files: a database that is not one gives the reason and the
//! backups found; starting fresh keeps the damaged file (renamed, with its side files);
//! restoring brings the backup's patient back; a bad choice moves nothing; and the ways out are
//! refused once the records are open.

use std::path::Path;
use std::sync::Arc;
use vigil_core::startup::{RecoveryRestoreInput, StartupProblem};
use vigil_core::{AdmitInput, ErrorCode, FixedClock};
use vigil_store::{backup, sessions, Store, DB_FILE_NAME};

use super::{Pending, Recovery};
use crate::state::AppState;
use crate::test_support::{admin_state_at_t0, t0};

const GARBAGE: &[u8] = b"this is not a database, it is what a failing disk left";

/// A database with one patient in bay 3 and one verified backup of it, then garbage written
/// over the file (as at start: the app cannot open it). Returns the backup's file name.
fn damaged_with_backup(dir: &Path) -> String {
    let (state, _clock) = admin_state_at_t0(dir);
    crate::commands::sessions::admit(&state, &admission("Bay 3"), &chrono::Utc).expect("admit");
    let folder = state.store.default_backup_folder();
    let made = state
        .store
        .with_conn(|c| backup::make(c, &crate::test_support::test_key(), &folder, t0()))
        .expect("backup");
    drop(state);
    let db = dir.join(DB_FILE_NAME);
    std::fs::write(&db, GARBAGE).expect("damage");
    let _ = std::fs::remove_file(dir.join(format!("{DB_FILE_NAME}-wal")));
    made.file
}

fn admission(bay: &str) -> AdmitInput {
    serde_json::from_value(serde_json::json!({
        "patientName": "Test Patient", "chartNumber": "TEST-0003", "dateOfBirth": "1980-02-29",
        "bay": bay, "protocol": "iv_ketamine", "doseMg": 35.0, "weightKg": 70.0,
        "clockStartedAt": (t0() - chrono::Duration::minutes(5)).format("%Y-%m-%d %H:%M").to_string(),
    }))
    .expect("admission")
}

/// What `run` does at start: the open fails (not "in use") and recovery mode begins.
fn recovery(dir: &Path) -> Recovery {
    let lock = vigil_store::WriterLock::take(&dir.join(DB_FILE_NAME)).expect("the lock");
    match super::opening::open_with_key(lock, dir, crate::test_support::test_key()) {
        Ok(_) => panic!("a damaged database opened"),
        Err(super::NotOpened::Pending(problem)) => Recovery::with(problem),
        Err(super::NotOpened::InUse(_)) => panic!("in use"),
    }
}

fn problem(recovery: &Recovery) -> StartupProblem {
    recovery.lock().as_ref().map(Pending::problem).expect("in recovery mode")
}

fn bays(state: &AppState) -> Vec<String> {
    let on_board = state.store.with_conn(|c| sessions::on_board(c, t0())).expect("board");
    on_board.into_iter().map(|s| s.bay).collect()
}

fn damaged_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_damaged_database_gives_the_reason_and_the_backups_found() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = damaged_with_backup(tmp.path());
    let problem = problem(&recovery(tmp.path()));
    assert!(problem.reason.contains("not a database"), "{}", problem.reason);
    assert!(problem.damaged, "the file itself is damaged");
    assert_eq!(problem.database, tmp.path().join(DB_FILE_NAME).display().to_string());
    assert_eq!(problem.backup_folder, tmp.path().join("backups").display().to_string());
    assert_eq!(problem.backups.iter().map(|b| b.file.clone()).collect::<Vec<_>>(), [file]);
}

#[test]
fn starting_fresh_keeps_the_damaged_file_and_opens_an_empty_record() {
    let tmp = tempfile::tempdir().expect("tmp");
    damaged_with_backup(tmp.path());
    let clock = Arc::new(FixedClock::new(t0()));
    let recovery = recovery(tmp.path());
    let (state, outcome) = recovery.take(|p| p.start_fresh(clock)).expect("fresh start");
    assert!(recovery.lock().is_none(), "recovery mode is over");

    assert!(bays(&state).is_empty(), "a fresh record");
    let kept = outcome.kept_as.expect("the damaged file was there");
    assert_eq!(std::fs::read(&kept).expect("kept, not deleted"), GARBAGE);
    assert_eq!(
        damaged_files(tmp.path()).len(),
        1 + usize::from(Path::new(&format!("{kept}-shm")).exists())
    );
    let detail: String = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT detail FROM audit_events WHERE action = 'recover_at_start'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("the recovery is in the new record's trail");
    assert!(detail.contains("vigil.damaged-") && detail.ends_with("started fresh"), "{detail}");
}

#[test]
fn restoring_a_listed_backup_brings_its_patient_back() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = damaged_with_backup(tmp.path());
    let clock = Arc::new(FixedClock::new(t0()));
    let input = RecoveryRestoreInput { file };
    let (state, outcome) =
        recovery(tmp.path()).take(|p| p.restore(&input, clock)).expect("restored");
    assert_eq!(bays(&state), ["Bay 3"]);
    assert!(state.integrity().ok, "{:?}", state.integrity());
    assert_eq!(std::fs::read(outcome.kept_as.expect("kept")).expect("kept"), GARBAGE);
    assert!(outcome.restored_from.is_some_and(|f| f.ends_with(&input.file)));
    let detail: String = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT detail FROM audit_events WHERE action = 'restore' ORDER BY seq DESC",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("the restore is in the trail");
    assert!(detail.contains("moved aside as vigil.damaged-"), "{detail}");
}

#[test]
fn a_backup_that_is_missing_or_does_not_verify_moves_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    damaged_with_backup(tmp.path());
    let not_a_backup = tmp.path().join("not-a-backup.sqlite3");
    std::fs::write(&not_a_backup, GARBAGE).expect("write");
    let recovery = recovery(tmp.path());
    for file in [
        not_a_backup.display().to_string(),
        tmp.path().join("missing.sqlite3").display().to_string(),
        "vigil-20990101T000000000Z.sqlite3".into(),
        "../vigil.sqlite3".into(),
    ] {
        let clock = Arc::new(FixedClock::new(t0()));
        let input = RecoveryRestoreInput { file: file.clone() };
        let error = recovery.take(|p| p.restore(&input, clock)).expect_err(&file);
        assert_eq!(
            (error.code, error.field.as_deref()),
            (ErrorCode::Validation, Some("file")),
            "{file}"
        );
    }
    assert_eq!(std::fs::read(tmp.path().join(DB_FILE_NAME)).expect("in place"), GARBAGE);
    assert!(damaged_files(tmp.path()).is_empty(), "nothing moved aside");
    assert!(recovery.lock().is_some(), "still in recovery mode");
}

#[test]
fn the_ways_out_are_refused_once_the_records_are_open() {
    let tmp = tempfile::tempdir().expect("tmp");
    damaged_with_backup(tmp.path());
    let recovery = recovery(tmp.path());
    let clock = Arc::new(FixedClock::new(t0()));
    let _open = recovery.take(|p| p.start_fresh(clock.clone())).expect("a first way out");
    let again = recovery.take(|p| p.start_fresh(clock)).expect_err("a second click");
    assert_eq!(again.code, ErrorCode::Conflict);
    let normal = Recovery::default();
    assert!(normal.lock().is_none(), "a normal start has no problem");
    let _ = Store::open_in(tmp.path(), &crate::test_support::test_key())
        .expect_err("the first way out holds the records");
}

#[test]
fn a_database_that_is_not_damaged_is_never_replaced_from_the_recovery_screen() {
    // A newer Vigil's database: fixed at its cause (the right version), never replaced by
    // whoever is at the workstation without a PIN.
    let tmp = tempfile::tempdir().expect("tmp");
    let file = damaged_with_backup(tmp.path());
    let db = tmp.path().join(DB_FILE_NAME);
    std::fs::remove_file(&db).expect("remove the garbage");
    drop(Store::open_in(tmp.path(), &crate::test_support::test_key()).expect("a good database"));
    let conn =
        vigil_store::cipher::open_keyed(&db, &crate::test_support::test_key()).expect("open");
    conn.pragma_update(None, "user_version", 999).expect("a newer schema");
    drop(conn);
    let before = std::fs::read(&db).expect("read");
    let recovery = recovery(tmp.path());
    assert!(!problem(&recovery).damaged, "a newer schema is not damage");
    let clock = Arc::new(FixedClock::new(t0()));
    let fresh = recovery.take(|p| p.start_fresh(clock.clone())).expect_err("no fresh start");
    assert_eq!(fresh.code, ErrorCode::Conflict, "{}", fresh.message);
    let input = RecoveryRestoreInput { file };
    let restore = recovery.take(|p| p.restore(&input, clock)).expect_err("no restore");
    assert_eq!(restore.code, ErrorCode::Conflict, "{}", restore.message);
    assert_eq!(std::fs::read(&db).expect("read"), before, "the file is untouched");
    assert!(damaged_files(tmp.path()).is_empty(), "nothing moved aside");
}
