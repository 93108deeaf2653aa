//! The key at start-up on real files, with key-file homes (each test its own key file): a first
//! start writes nothing but the writer lock file until new records are started; new records are encrypted with a key
//! whose recovery key reads back; key problems and a wrong key write nothing; the recovery key
//! opens the records in place, a copied database and a backup in a fresh data directory; plain
//! records and their backups are encrypted at start.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use vigil_core::startup::{KeyHome as Choice, StartupKind};
use vigil_core::{Clock, ErrorCode, FixedClock};
use vigil_store::cipher::{self, FileKind};
use vigil_store::{backup, DbKey, DB_FILE_NAME};

use super::key_files::TEST_KEY_FILE;
use super::{open_at_start, NotOpened, Pending};
use crate::key_home;
use crate::state::AppState;
use crate::test_support::t0;

/// A data directory and this test's key file, outside it.
struct Dirs {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    key_file: PathBuf,
}

fn dirs() -> Dirs {
    let tmp = tempfile::tempdir().expect("tmp");
    // Not made yet, as on a new workstation.
    let data = tmp.path().join("data");
    let key_file = tmp.path().join("config").join("vigil").join("records.key");
    TEST_KEY_FILE.with(|f| *f.borrow_mut() = Some(key_file.clone()));
    Dirs { _tmp: tmp, data, key_file }
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

/// Every file under `dir`: name, bytes, modification time.
fn listing(dir: &Path) -> Vec<(PathBuf, Vec<u8>, i64)> {
    let mut all = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return all; // no directory: nothing in it
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            all.extend(listing(&path));
        } else {
            let meta = std::fs::metadata(&path).expect("meta");
            all.push((path.clone(), std::fs::read(&path).expect("read"), meta.mtime_nsec()));
        }
    }
    all.sort();
    all
}

/// New records in `d` with their key in the key file; returns the state and the recovery key.
fn new_records(d: &Dirs) -> (AppState, String) {
    let mut p = pending(&d.data);
    let (state, outcome) = p.start_new(Choice::KeyFile, &clock()).expect("new records");
    (state, outcome.recovery_key)
}

fn recovery_key_of(text: &str) -> DbKey {
    DbKey::from_bytes(vigil_core::recovery_key::parse(text).expect("a recovery key"))
}

/// The writer lock file, the one file a start writes before the person chooses (it holds only
/// the process id, no record): the lock is held from before any key is read, made or kept.
fn only_the_lock_file(dir: &Path) -> bool {
    let files: Vec<PathBuf> = listing(dir).into_iter().map(|(path, ..)| path).collect();
    files == [vigil_store::lock_path(&dir.join(DB_FILE_NAME))]
}

#[test]
fn a_first_start_writes_nothing_but_the_lock_until_new_records_are_started() {
    let d = dirs();
    let p = pending(&d.data);
    assert_eq!((p.kind, p.needs_key()), (StartupKind::FirstStart, true));
    assert!(p.problem().needs_key && !p.problem().damaged);
    assert!(only_the_lock_file(&d.data), "the data directory holds only the lock file");
    assert!(!d.key_file.exists(), "no key kept");
    drop(p); // recovery mode over: its writer lock is let go
    let (state, recovery_key) = new_records(&d);
    let db = d.data.join(DB_FILE_NAME);
    assert_eq!(cipher::file_kind(&db).expect("kind"), FileKind::Encrypted);
    let mode = std::fs::metadata(&d.key_file).expect("key file").mode() & 0o777;
    assert_eq!(mode, 0o600);
    let kept = key_home::load(&d.data).expect("the key home gives the key");
    assert_eq!(recovery_key_of(&recovery_key), kept);
    assert_eq!(state.store.key(), kept);
    let home = std::fs::read_to_string(d.data.join(key_home::HOME_FILE)).expect("key-home");
    assert_eq!(home, format!("key-file {}\n", d.key_file.display()));
    assert!(state.integrity().ok);
    let again = Pending { kind: StartupKind::FirstStart, ..pending_like(&d.data) };
    drop(state);
    let mut again = again;
    let refused = again.start_new(Choice::KeyFile, &clock()).expect_err("records exist now");
    assert_eq!(refused.code, ErrorCode::Conflict);
}

/// A first-start problem for `dir` that holds no writer lock (a way out takes it if it gets
/// that far).
fn pending_like(dir: &Path) -> Pending {
    let reason = String::new();
    Pending { dir: dir.to_owned(), kind: StartupKind::FirstStart, reason, key: None, lock: None }
}

#[test]
fn key_problems_and_a_wrong_key_write_nothing_and_say_which() {
    let d = dirs();
    drop(new_records(&d));
    let good = std::fs::read(&d.key_file).expect("key file");
    let before = listing(&d.data);
    // The key file missing.
    std::fs::remove_file(&d.key_file).expect("remove");
    let p = pending(&d.data);
    assert_eq!(p.kind, StartupKind::KeyFile);
    assert!(p.reason.contains(&d.key_file.display().to_string()), "{}", p.reason);
    assert!(!d.key_file.exists());
    drop(p); // its writer lock is let go
             // Another key in it.
    std::fs::write(&d.key_file, format!("{}\n", "ab".repeat(32))).expect("another key");
    let owner_only = std::os::unix::fs::PermissionsExt::from_mode(0o600);
    std::fs::set_permissions(&d.key_file, owner_only).expect("0600");
    let p = pending(&d.data);
    assert_eq!(p.kind, StartupKind::WrongKey);
    assert!(p.reason.contains("recovery key"), "{}", p.reason);
    drop(p);
    // A garbled key-home file.
    std::fs::write(&d.key_file, &good).expect("the good key back");
    let home = d.data.join(key_home::HOME_FILE);
    let home_before = std::fs::read(&home).expect("home");
    std::fs::write(&home, b"somewhere\n").expect("garble");
    assert_eq!(pending(&d.data).kind, StartupKind::NoKeyEntry);
    std::fs::write(&home, home_before).expect("restore the home");
    let after: Vec<_> = listing(&d.data);
    assert_eq!(after.len(), before.len());
    for ((path, bytes, _), (path_b, bytes_b, _)) in after.iter().zip(&before) {
        assert_eq!((path, bytes), (path_b, bytes_b), "unchanged");
    }
    open_at_start(&d.data).expect("the good key opens the records again");
}

#[test]
fn the_recovery_key_opens_the_records_in_place_and_keeps_the_key_again() {
    let d = dirs();
    let (state, recovery_key) = new_records(&d);
    drop(state);
    std::fs::remove_file(&d.key_file).expect("the key file is lost");
    let mut p = pending(&d.data);
    let before = listing(&d.data);
    let other = DbKey::from_bytes([9; 32]);
    let wrong = p.open_with_recovery_key(&other, None, Choice::KeyFile, &clock());
    let wrong = wrong.expect_err("another key");
    assert_eq!(wrong.field.as_deref(), Some("recoveryKey"), "{}", wrong.message);
    let with_file = p.open_with_recovery_key(&other, Some("/a/b"), Choice::KeyFile, &clock());
    assert_eq!(with_file.expect_err("a file").field.as_deref(), Some("file"));
    assert_eq!(listing(&d.data), before, "nothing written");
    assert!(!d.key_file.exists(), "no key kept");
    let key = recovery_key_of(&recovery_key);
    let (state, _) =
        p.open_with_recovery_key(&key, None, Choice::KeyFile, &clock()).expect("opened");
    assert_eq!(key_home::load(&d.data).expect("kept again"), key);
    assert!(state.integrity().ok);
    let detail: String = state
        .store
        .with_conn(|c| {
            let sql = "SELECT detail FROM audit_events WHERE action = 'key_home_changed' \
                       ORDER BY seq DESC LIMIT 1";
            Ok(c.query_row(sql, [], |r| r.get(0))?)
        })
        .expect("one key_home_changed entry");
    assert!(detail.contains("opened with the recovery key"), "{detail}");
    assert!(!crate::test_support::everything(&state).contains(&key.to_hex()), "never the key");
}

#[test]
fn the_recovery_key_brings_a_copied_database_and_a_backup_into_a_fresh_data_directory() {
    let d = dirs();
    let (state, recovery_key) = new_records(&d);
    let folder = state.store.default_backup_folder();
    let made =
        state.store.with_conn(|c| backup::make(c, &state.store.key(), &folder, t0())).expect("b");
    drop(state);
    let copied = d._tmp.path().join("copied.sqlite3");
    std::fs::copy(d.data.join(DB_FILE_NAME), &copied).expect("copy");
    let key = recovery_key_of(&recovery_key);
    for file in [copied, backup::path_of(&folder, &made.file)] {
        let fresh =
            d._tmp.path().join(format!("fresh-{}", made.file.len() + listing(d._tmp.path()).len()));
        std::fs::create_dir(&fresh).expect("fresh");
        let mut p = pending(&fresh);
        assert_eq!(p.kind, StartupKind::FirstStart);
        let path = file.display().to_string();
        let other = DbKey::from_bytes([9; 32]);
        let wrong = p.open_with_recovery_key(&other, Some(&path), Choice::KeyFile, &clock());
        assert_eq!(wrong.expect_err("another key").field.as_deref(), Some("recoveryKey"));
        let none = p.open_with_recovery_key(&key, None, Choice::KeyFile, &clock());
        assert_eq!(none.expect_err("no file").field.as_deref(), Some("file"));
        assert!(only_the_lock_file(&fresh), "nothing written but the lock file");
        let (state, outcome) = p
            .open_with_recovery_key(&key, Some(&path), Choice::KeyFile, &clock())
            .expect("brought in");
        assert_eq!(outcome.restored_from.as_deref(), Some(path.as_str()));
        assert!(state.integrity().ok, "{path}");
        assert_eq!(key_home::load(&fresh).expect("kept"), key);
    }
}

#[test]
fn records_no_key_opens_are_set_aside_kept_and_start_goes_on_as_a_first_start() {
    let d = dirs();
    drop(new_records(&d));
    let db = d.data.join(DB_FILE_NAME);
    let bytes = std::fs::read(&db).expect("db");
    // Another key in the key file: nothing opens the records.
    std::fs::write(&d.key_file, format!("{}\n", "cd".repeat(32))).expect("another key");
    let mut p = pending(&d.data);
    assert_eq!(p.kind, StartupKind::WrongKey);
    let outcome = p.set_aside(&FixedClock::new(t0())).expect("set aside");
    let kept = PathBuf::from(outcome.kept_as.expect("kept as"));
    assert_eq!(std::fs::read(&kept).expect("kept, never deleted"), bytes);
    assert!(!db.exists());
    assert_eq!(p.kind, StartupKind::FirstStart);
    assert!(p.reason.contains(&kept.display().to_string()), "{}", p.reason);
    // A second time: nothing left to set aside, and not a locked state any more.
    assert_eq!(p.set_aside(&FixedClock::new(t0())).expect_err("refused").code, ErrorCode::Conflict);
    // A first start from here: new records, their own key.
    std::fs::remove_file(&d.key_file).expect("the other records' key file");
    let (state, recovery_key) = p.start_new(Choice::KeyFile, &clock()).expect("new records");
    assert_eq!(state.store.key(), recovery_key_of(&recovery_key.recovery_key));
}

#[test]
fn only_locked_records_are_set_aside() {
    let d = dirs();
    let mut p = pending(&d.data);
    assert_eq!(p.kind, StartupKind::FirstStart);
    let refused = p.set_aside(&FixedClock::new(t0())).expect_err("a first start");
    assert_eq!(refused.code, ErrorCode::Conflict);
    assert!(only_the_lock_file(&d.data));
}
