//! Owner-only files (issue 12, item 8): a new database, its WAL and shared memory, its lock, a
//! backup and its head are 0600 and their folders 0700, whatever the umask (the test runs with
//! the usual 022); files left world-readable by an older Vigil are tightened when opened. And
//! a damaged database is moved aside with its side files, never deleted.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use vigil_store::{backup, damaged, lock_path, Store, DB_FILE_NAME};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn side(db: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", db.display()))
}

#[test]
fn a_new_database_its_side_files_and_a_backup_are_owner_only() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("data");
    let store = common::open_in(&dir);
    let admission = common::iv_admission("Bay 1", 5);
    store
        .with_tx(|tx| vigil_store::sessions::insert(tx, &admission, common::NURSE, common::now()))
        .expect("admit");
    let db = dir.join(DB_FILE_NAME);
    assert!(side(&db, "-wal").exists(), "the database is in WAL mode");
    assert_eq!(mode(&dir), 0o700, "data directory");
    for file in [db.clone(), side(&db, "-wal"), side(&db, "-shm"), lock_path(&db)] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }

    let folder = store.default_backup_folder();
    let made = store
        .with_conn(|c| backup::make(c, &common::key(), &folder, common::now()))
        .expect("backup");
    assert_eq!(mode(&folder), 0o700, "backup folder");
    let file = folder.join(&made.file);
    assert_eq!(mode(&file), 0o600, "backup");
    assert_eq!(mode(&folder.join(format!("{}.head", made.file))), 0o600, "head");
    for entry in std::fs::read_dir(&folder).expect("folder").flatten() {
        assert_eq!(mode(&entry.path()), 0o600, "{}", entry.path().display());
    }
}

#[test]
fn files_left_readable_by_others_are_tightened_at_open() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("data");
    let db = dir.join(DB_FILE_NAME);
    drop(common::open_in(&dir));
    // As an older Vigil left them (a crash keeps the -wal and -shm beside the file).
    std::fs::write(side(&db, "-wal"), b"").expect("wal");
    std::fs::write(side(&db, "-shm"), b"").expect("shm");
    for path in [db.clone(), side(&db, "-wal"), side(&db, "-shm"), lock_path(&db)] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");

    let _store = Store::open_in(&dir, &common::key()).expect("open");
    assert_eq!(mode(&dir), 0o700, "data directory");
    for path in [db.clone(), side(&db, "-wal"), side(&db, "-shm"), lock_path(&db)] {
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
}

#[test]
fn a_damaged_database_is_moved_aside_with_its_side_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join(DB_FILE_NAME);
    std::fs::write(&db, b"not a database").expect("db");
    std::fs::write(side(&db, "-wal"), b"wal").expect("wal");
    std::fs::write(side(&db, "-shm"), b"shm").expect("shm");

    let moved = damaged::move_aside(&db, common::now()).expect("moved");
    assert_eq!(moved, tmp.path().join("vigil.damaged-20260701T120000000Z.sqlite3"));
    assert!(!db.exists() && !side(&db, "-wal").exists() && !side(&db, "-shm").exists());
    assert_eq!(std::fs::read(&moved).expect("kept"), b"not a database");
    assert_eq!(std::fs::read(side(&moved, "-wal")).expect("wal kept"), b"wal");
    assert_eq!(std::fs::read(side(&moved, "-shm")).expect("shm kept"), b"shm");

    // A second damaged file in the same millisecond gets its own name; nothing is overwritten.
    std::fs::write(&db, b"also damaged").expect("db");
    let second = damaged::move_aside(&db, common::now()).expect("moved again");
    assert_ne!(second, moved);
    assert_eq!(std::fs::read(&moved).expect("first kept"), b"not a database");
    assert_eq!(std::fs::read(&second).expect("second kept"), b"also damaged");
    assert!(damaged::move_aside(&db, common::now()).is_err(), "no file, nothing to move");
}

#[test]
fn tightening_takes_from_others_and_never_gives() {
    use vigil_store::file_modes::{restrict, DIR_MODE, FILE_MODE};
    let tmp = tempfile::tempdir().expect("tmp");
    for (before, after) in [(0o644, 0o600), (0o444, 0o400), (0o600, 0o600), (0o666, 0o600)] {
        let file = tmp.path().join(format!("f{before:o}"));
        std::fs::write(&file, b"x").expect("file");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(before)).expect("chmod");
        restrict(&file, FILE_MODE).expect("restrict");
        assert_eq!(mode(&file), after, "{before:o}");
    }
    let dir = tmp.path().join("d");
    std::fs::create_dir(&dir).expect("dir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    restrict(&dir, DIR_MODE).expect("restrict");
    assert_eq!(mode(&dir), 0o700);
    restrict(&tmp.path().join("missing"), FILE_MODE).expect("a missing file is fine");
}
