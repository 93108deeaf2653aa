//! The writer lock at start-up: taken before any key is read, made or kept, held through
//! recovery mode and then by the opened records. A second start meanwhile (records open, a
//! first start or a key problem waiting in recovery mode, or plain records being encrypted)
//! is "in use" and makes, keeps and removes no key; once the first lets go, starts work again.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use vigil_core::startup::{KeyHome as Choice, StartupKind};
use vigil_core::{Clock, FixedClock};
use vigil_store::cipher::{self, FileKind};
use vigil_store::{WriterLock, DB_FILE_NAME};

use super::key_files::TEST_KEY_FILE;
use super::{open_at_start, NotOpened, Pending};
use crate::key_home::HOME_FILE;
use crate::test_support::{admin_state_at_t0, t0};

/// A data directory (not made yet) and this test's key file.
fn dirs(tmp: &Path) -> (PathBuf, PathBuf) {
    let key_file = tmp.join("config").join("vigil").join("records.key");
    TEST_KEY_FILE.with(|f| *f.borrow_mut() = Some(key_file.clone()));
    (tmp.join("data"), key_file)
}

fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock::new(t0()))
}

fn pending(dir: &Path) -> Pending {
    match open_at_start(dir) {
        Ok(_) => panic!("the records opened"),
        Err(NotOpened::Pending(p)) => p,
        Err(NotOpened::InUse(_)) => panic!("in use"),
    }
}

/// A second start on `dir` now is refused as in use by this process, before any key.
fn assert_second_start_in_use(dir: &Path) {
    match open_at_start(dir) {
        Err(NotOpened::InUse(holder)) => assert_eq!(holder, Some(std::process::id())),
        Ok(_) => panic!("a second start opened the records"),
        Err(NotOpened::Pending(p)) => panic!("a second start went on to {:?}", p.kind),
    }
}

#[test]
fn a_second_start_while_the_first_is_in_recovery_mode_or_open_keeps_no_key() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (data, key_file) = dirs(tmp.path());
    // A first start waits for the person's choice, holding the lock.
    let mut first = pending(&data);
    assert_eq!(first.kind, StartupKind::FirstStart);
    assert!(first.lock.is_some(), "the lock is held in recovery mode");
    assert_second_start_in_use(&data);
    assert!(!key_file.exists() && !data.join(HOME_FILE).exists(), "no key kept");
    // The first starts new records: the store holds the lock once recovery mode is over.
    let (state, _) = first.start_new(Choice::KeyFile, &clock()).expect("new records");
    drop(first);
    let key = std::fs::read(&key_file).expect("the first's key");
    assert_second_start_in_use(&data);
    assert_eq!(std::fs::read(&key_file).expect("key"), key, "the first's key is untouched");
    drop(state);
    // A key problem (the key file lost) waits in recovery mode, holding the lock.
    std::fs::remove_file(&key_file).expect("the key file is lost");
    let problem = pending(&data);
    assert_eq!(problem.kind, StartupKind::KeyFile);
    assert!(problem.lock.is_some(), "the lock is held in recovery mode");
    assert_second_start_in_use(&data);
    assert!(!key_file.exists(), "no key made by the second start");
    drop(problem);
    assert_eq!(pending(&data).kind, StartupKind::KeyFile, "free once the first is gone");
}

#[test]
fn plain_records_are_not_given_a_key_by_a_second_start_meanwhile() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (data, key_file) = dirs(tmp.path());
    let scratch = tmp.path().join("scratch");
    std::fs::create_dir_all(&scratch).expect("scratch");
    std::fs::create_dir_all(&data).expect("data");
    drop(admin_state_at_t0(&scratch));
    let db = data.join(DB_FILE_NAME);
    super::plain_copy_for_tests(&scratch.join(DB_FILE_NAME), &db);
    // The first start holds the lock (as while it waits on the keystore or encrypts).
    let first = WriterLock::take(&db).expect("the first start's lock");
    assert_second_start_in_use(&data);
    assert!(!key_file.exists() && !data.join(HOME_FILE).exists(), "no key kept");
    assert_eq!(cipher::file_kind(&db).expect("kind"), FileKind::Plain, "not encrypted");
    drop(first);
    let state = open_at_start(&data).expect("the plain records open once the lock is free");
    assert_eq!(cipher::file_kind(&db).expect("kind"), FileKind::Encrypted);
    assert!(state.integrity().ok);
}

#[test]
fn a_retried_key_problem_opens_with_the_lock_it_holds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (data, key_file) = dirs(tmp.path());
    let (state, _) = pending(&data).start_new(Choice::KeyFile, &clock()).expect("new records");
    drop(state);
    let good = std::fs::read(&key_file).expect("key");
    std::fs::remove_file(&key_file).expect("the key file is lost");
    let mut problem = pending(&data);
    std::fs::write(&key_file, good).expect("the key file put back");
    let owner_only = std::os::unix::fs::PermissionsExt::from_mode(0o600);
    std::fs::set_permissions(&key_file, owner_only).expect("0600");
    // "Try the keystore again" reuses the lock held since start (a new one would be in use).
    let (state, _) = problem.retry().expect("opened");
    drop(problem);
    assert!(state.store.is_writer());
    assert_second_start_in_use(&data);
}
