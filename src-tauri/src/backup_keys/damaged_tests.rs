//! Plain databases set aside in the data directory, on real files: listed (not their side
//! files, not encrypted ones, not other files), encrypted to the key with what their `-wal`
//! held and the plain side files gone (a damaged one stays plain), removed with side files.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use vigil_store::cipher::{self, FileKind};
use vigil_store::{backup, DB_FILE_NAME};

use super::{encrypt_set_aside, plain_set_aside, remove_set_aside};
use crate::startup::plain_copy_for_tests;
use crate::test_support::{admin_state_at_t0, t0, test_key};

const ASIDE: &str = "vigil.damaged-20260101T000000000Z.sqlite3";

/// `data` with a plain copy of real records (keyed with the test key) set aside as `name`.
fn set_aside_plain(tmp: &Path, name: &str) -> PathBuf {
    let scratch = tmp.join("scratch");
    let data = tmp.join("data");
    std::fs::create_dir_all(&data).expect("data");
    if !scratch.join(DB_FILE_NAME).exists() {
        std::fs::create_dir_all(&scratch).expect("scratch");
        drop(admin_state_at_t0(&scratch));
    }
    let file = data.join(name);
    plain_copy_for_tests(&scratch.join(DB_FILE_NAME), &file);
    file
}

fn side(file: &Path, suffix: &str) -> PathBuf {
    super::with_suffix(file, suffix)
}

#[test]
fn only_plain_databases_set_aside_are_listed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let plain = set_aside_plain(tmp.path(), ASIDE);
    let data = tmp.path().join("data");
    std::fs::write(side(&plain, "-wal"), b"a log").expect("wal");
    std::fs::write(side(&plain, "-shm"), b"an index").expect("shm");
    let encrypted = data.join("vigil.damaged-20250101T000000000Z.sqlite3");
    std::fs::write(&encrypted, [7u8; 64]).expect("encrypted-looking");
    std::fs::copy(&plain, data.join(DB_FILE_NAME)).expect("the records themselves");
    std::fs::copy(&plain, data.join("notes.sqlite3")).expect("another file");
    assert_eq!(plain_set_aside(&data), [plain]);
    assert!(plain_set_aside(&tmp.path().join("absent")).is_empty());
}

#[test]
fn a_plain_database_set_aside_is_encrypted_with_its_log_and_a_damaged_one_stays_listed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let source = set_aside_plain(tmp.path(), "open.sqlite3");
    let data = tmp.path().join("data");
    // A row that is only in the -wal (as when a database was moved aside while open).
    let conn = Connection::open(&source).expect("plain");
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; \
         CREATE TABLE scratch(x TEXT); INSERT INTO scratch VALUES ('only in the log');",
    )
    .expect("write to the log");
    let file = data.join(ASIDE);
    std::fs::copy(&source, &file).expect("the main file");
    std::fs::copy(side(&source, "-wal"), side(&file, "-wal")).expect("its log");
    drop(conn);
    std::fs::remove_file(&source).expect("source gone");
    let junk = data.join("vigil.damaged-20260202T000000000Z.sqlite3");
    let damaged = b"SQLite format 3\0 and then nothing SQLite can read";
    std::fs::write(&junk, damaged).expect("junk");

    let converted = encrypt_set_aside(&data, &test_key(), t0());
    assert_eq!((converted.done, converted.left.clone()), (1, vec![junk.clone()]));
    assert_eq!(cipher::file_kind(&file).expect("kind"), FileKind::Encrypted);
    assert!(!side(&file, "-wal").exists() && !side(&file, "-shm").exists(), "plain logs gone");
    assert!(backup::verify_file(&file, &test_key(), t0()).expect("verify").ok);
    let conn = cipher::open_keyed_read_only(&file, &test_key()).expect("open");
    let row: String = conn.query_row("SELECT x FROM scratch", [], |r| r.get(0)).expect("row");
    assert_eq!(row, "only in the log");
    assert_eq!(plain_set_aside(&data), std::slice::from_ref(&junk));
    assert_eq!(std::fs::read(&junk).expect("junk"), damaged, "the damaged one is unchanged");
}

#[test]
fn plain_databases_set_aside_are_removed_with_their_side_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = set_aside_plain(tmp.path(), ASIDE);
    let second = set_aside_plain(tmp.path(), "vigil.damaged-20260101T000000000Z-2.sqlite3");
    std::fs::write(side(&file, "-wal"), b"a log").expect("wal");
    std::fs::write(side(&second, "-shm"), b"an index").expect("shm");
    let data = tmp.path().join("data");
    assert_eq!(remove_set_aside(&data).0, 2);
    let left: Vec<_> = std::fs::read_dir(&data).expect("dir").filter_map(Result::ok).collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(remove_set_aside(&data).0, 0);
}
