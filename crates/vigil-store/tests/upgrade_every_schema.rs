//! The first start of an encrypting Vigil on plain records of every earlier schema: the file is
//! encrypted in place (nothing readable left in the folder), migrated to the latest schema, its
//! chain still verifies with the `records_encrypted` entry on it, nothing committed is lost
//! (the plain WAL included), and only its key opens it. Then the crash states of the upgrade
//! that the public API can set up.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;
mod plain;

use chrono::DateTime;
use std::path::{Path, PathBuf};
use vigil_store::cipher::{self, DbKey, FileKind, Source};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{migrations, Store, StoreError, DB_FILE_NAME};

use common::{key, now};

/// The record tables the fixtures write (their counts must survive the upgrade).
const WRITTEN: &[&str] = &[
    "recovery_sessions",
    "alert_firings",
    "alert_acknowledgements",
    "protocol_versions",
    "nurses",
    "nurse_pins",
    "nurse_status",
    "checks",
];

fn side(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// What a plain database held before its upgrade.
struct Before {
    counts: Vec<(String, i64)>,
    chain: Vec<String>,
}

/// A plain database at `version` in `dir`, its connection leaked so that its WAL still holds
/// the committed transaction (as a crash or a killed process leaves it).
fn leaked_plain(dir: &Path, version: i64) -> (PathBuf, Before) {
    let path = dir.join(DB_FILE_NAME);
    let conn = plain::plain_at(&path, version);
    let before = Before { counts: plain::counts(&conn, WRITTEN), chain: plain::chain(&conn) };
    std::mem::forget(conn);
    let wal = std::fs::metadata(side(&path, "-wal")).map(|m| m.len()).unwrap_or(0);
    assert!(wal > 0, "schema {version}: the records are still in the WAL");
    assert_eq!(cipher::file_kind(&path).expect("kind"), FileKind::Plain);
    (path, before)
}

/// The encrypted store after the upgrade holds everything the plain one did, verifies, ends on
/// exactly one `records_encrypted` entry, and is at the latest schema.
fn check_upgraded(store: &Store, version: i64, before: &Before) {
    store
        .with_conn(|c| {
            assert_eq!(migrations::version(c)?, migrations::latest_version(), "schema {version}");
            let after = plain::counts(c, WRITTEN);
            for (table, n) in &before.counts {
                // Opening seeds the protocols a schema before the trail did not have yet.
                let kept = after.iter().find(|(t, _)| t == table).map(|(_, m)| *m);
                match table.as_str() {
                    "protocol_versions" => assert!(kept >= Some(*n), "schema {version}"),
                    _ => assert_eq!(kept, Some(*n), "schema {version}: {table}"),
                }
            }
            let chain = plain::chain(c);
            assert_eq!(chain[..before.chain.len()], before.chain[..], "schema {version}");
            let status = integrity::verify(c, FileCheck::Full, now())?;
            assert!(status.ok, "schema {version}: {status:?}");
            let encrypted: i64 = c.query_row(
                "SELECT count(*) FROM audit_events WHERE action = 'records_encrypted'
                   AND detail LIKE '%schema ' || ?1 || ')%'",
                [version],
                |r| r.get(0),
            )?;
            assert_eq!(encrypted, 1, "schema {version}: one entry, naming the plain schema");
            Ok(())
        })
        .expect("checked");
}

/// Nothing in the folder reads as plain SQLite or names the patient.
fn check_nothing_readable(dir: &Path, version: i64) {
    let path = dir.join(DB_FILE_NAME);
    assert_eq!(cipher::file_kind(&path).expect("kind"), FileKind::Encrypted);
    let head = std::fs::read(&path).expect("bytes");
    assert!(!head.starts_with(b"SQLite format 3"), "schema {version}");
    assert!(!side(&path, ".encrypting").exists(), "schema {version}");
    let found = plain::files_naming_the_patient(dir);
    assert!(found.is_empty(), "schema {version}: {found:?}");
}

#[test]
fn a_plain_database_of_every_schema_is_encrypted_in_place_losing_nothing() {
    for version in 1..=migrations::latest_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, before) = leaked_plain(dir.path(), version);
        let store = Store::open_upgrading(&path, &key(), now())
            .unwrap_or_else(|e| panic!("schema {version}: {e:?}"));
        check_upgraded(&store, version, &before);
        // With the store open (its WAL in use) and after it is closed.
        check_nothing_readable(dir.path(), version);
        drop(store);
        check_nothing_readable(dir.path(), version);

        let other = DbKey::from_bytes([9; 32]);
        assert!(
            matches!(Store::open(&path, &other), Err(StoreError::WrongKey)),
            "schema {version}: another key does not open it"
        );
        let again = Store::open(&path, &key()).expect("its key opens it");
        check_upgraded(&again, version, &before);
    }
}

#[test]
fn a_plain_database_closed_cleanly_upgrades_from_its_file_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE_NAME);
    let conn = plain::plain_at(&path, migrations::latest_version());
    let before = Before { counts: plain::counts(&conn, WRITTEN), chain: plain::chain(&conn) };
    drop(conn);
    assert!(!side(&path, "-wal").exists(), "closing wrote the WAL back");
    let store = Store::open_upgrading(&path, &key(), now()).expect("upgrade");
    check_upgraded(&store, migrations::latest_version(), &before);
    check_nothing_readable(dir.path(), migrations::latest_version());
}

/// A crash while the encrypted copy was being written leaves part of it beside the plain
/// database: the next start writes it again from the start.
#[test]
fn a_half_written_copy_from_an_interrupted_upgrade_is_written_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, before) = leaked_plain(dir.path(), migrations::latest_version());
    let scratch = tempfile::tempdir().expect("scratch");
    let whole = scratch.path().join("copy");
    cipher::export(&path, Source::Plain, &whole, &key()).expect("a copy");
    let bytes = std::fs::read(&whole).expect("copy bytes");
    std::fs::write(side(&path, ".encrypting"), &bytes[..bytes.len() / 2]).expect("half of it");

    let store = Store::open_upgrading(&path, &key(), now()).expect("upgrade");
    check_upgraded(&store, migrations::latest_version(), &before);
    check_nothing_readable(dir.path(), migrations::latest_version());
}

/// A crash after the plain file's side files were removed and before the copy took its name:
/// the plain file alone (written back before the copy was made) and a whole encrypted copy.
#[test]
fn a_crash_between_removing_the_wal_and_the_rename_loses_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE_NAME);
    let version = migrations::latest_version();
    let conn = plain::plain_at(&path, version);
    let before = Before { counts: plain::counts(&conn, WRITTEN), chain: plain::chain(&conn) };
    drop(conn);
    cipher::export(&path, Source::Plain, &side(&path, ".encrypting"), &key()).expect("copy");
    // The upgrade removes them (reading the plain file may have made them) before the rename.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(side(&path, suffix));
    }

    let store = Store::open_upgrading(&path, &key(), now()).expect("upgrade");
    check_upgraded(&store, version, &before);
    check_nothing_readable(dir.path(), version);
}

/// A crash after the rename, before the entry was written: the encrypted file is in place,
/// and the next start opens it as it is.
#[test]
fn a_crash_after_the_rename_leaves_the_encrypted_records_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(DB_FILE_NAME);
    let version = migrations::latest_version();
    let conn = plain::plain_at(&path, version);
    let before = Before { counts: plain::counts(&conn, WRITTEN), chain: plain::chain(&conn) };
    drop(conn);
    let copy = side(&path, ".encrypting");
    cipher::export(&path, Source::Plain, &copy, &key()).expect("copy");
    std::fs::rename(&copy, &path).expect("the swap");

    let store = Store::open_upgrading(&path, &key(), now()).expect("opens");
    store
        .with_conn(|c| {
            assert_eq!(plain::counts(c, WRITTEN), before.counts);
            assert_eq!(plain::chain(c)[..before.chain.len()], before.chain[..]);
            let status = integrity::verify(c, FileCheck::Full, DateTime::UNIX_EPOCH)?;
            assert!(status.ok, "{status:?}");
            Ok(())
        })
        .expect("checked");
    check_nothing_readable(dir.path(), version);
}
