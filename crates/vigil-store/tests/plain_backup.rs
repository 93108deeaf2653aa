//! Backups made before the records were encrypted (plain files) still count: `verify_file`
//! checks one as it is (a tampered one is found), and one restores into the encrypted store,
//! exported to an encrypted copy first, leaving nothing readable beside the database.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

mod common;
mod plain;

use std::path::{Path, PathBuf};
use vigil_store::cipher::{self, FileKind};
use vigil_store::{backup, migrations, Store, DB_FILE_NAME};

use common::{key, now, NURSE};

/// The schema that brought the audit trail (backups verify their chain).
const TRAIL: i64 = 5;

/// A plain backup at `version` in `folder`, as an earlier Vigil made it: one file in
/// rollback-journal mode, named by its time.
fn plain_backup(folder: &Path, version: i64) -> PathBuf {
    std::fs::create_dir_all(folder).expect("folder");
    let path = folder.join("vigil-20260601T120000000Z.sqlite3");
    let conn = plain::plain_at(&path, version);
    conn.pragma_update(None, "journal_mode", "DELETE").expect("single file");
    drop(conn);
    assert_eq!(cipher::file_kind(&path).expect("kind"), FileKind::Plain);
    path
}

fn entries(path: &Path) -> Vec<String> {
    plain::chain(&rusqlite::Connection::open(path).expect("plain backup"))
}

#[test]
fn a_plain_backup_of_every_schema_with_a_trail_verifies_as_it_is() {
    for version in TRAIL..=migrations::latest_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = plain_backup(dir.path(), version);
        let before = std::fs::read(&file).expect("bytes");
        let status = backup::verify_file(&file, &key(), now()).expect("verify");
        assert!(status.ok, "schema {version}: {status:?}");
        assert_eq!(status.rows as usize, entries(&file).len(), "schema {version}");
        assert_eq!(std::fs::read(&file).expect("bytes"), before, "schema {version}: unchanged");
    }
}

#[test]
fn a_tampered_plain_backup_does_not_verify() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = plain_backup(dir.path(), migrations::latest_version());
    rusqlite::Connection::open(&file)
        .and_then(|c| {
            c.execute_batch(
                "DROP TRIGGER recovery_sessions_no_update;
                 UPDATE recovery_sessions SET bay = 'Bay 1';",
            )
        })
        .expect("tamper");
    let status = backup::verify_file(&file, &key(), now()).expect("verify");
    assert!(!status.ok, "{status:?}");
    assert!(status.first_bad_seq.is_some(), "{status:?}");
}

/// The database and its side files name nobody, and the temporary copy is gone.
fn check_live_files(db: &Path) {
    assert_eq!(cipher::file_kind(db).expect("kind"), FileKind::Encrypted);
    for suffix in ["", "-wal", "-shm", ".restoring"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let path = PathBuf::from(name);
        if suffix == ".restoring" {
            assert!(!path.exists(), "the plain backup's encrypted copy is removed");
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else { continue };
        for needle in [plain::NAME, plain::CHART, plain::DOB] {
            let found = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
            assert!(!found, "{} holds {needle:?}", path.display());
        }
    }
}

#[test]
fn a_plain_backup_restores_into_the_encrypted_store() {
    for version in [TRAIL, migrations::latest_version()] {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = common::open_in(dir.path());
        let file = plain_backup(&store.default_backup_folder(), version);
        let chain = entries(&file);

        let status = store
            .with_conn_mut(|c| backup::restore(c, &key(), &file, Some(NURSE), now()))
            .expect("restore");
        assert!(status.ok, "schema {version}: {status:?}");
        store
            .with_conn(|c| {
                assert_eq!(migrations::version(c)?, migrations::latest_version());
                let restored = plain::chain(c);
                assert_eq!(restored[..chain.len()], chain[..], "schema {version}");
                let last: String = c.query_row(
                    "SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )?;
                assert_eq!(last, "restore");
                let chart: String = c.query_row(
                    "SELECT chart_number FROM recovery_sessions ORDER BY id LIMIT 1",
                    [],
                    |r| r.get(0),
                )?;
                assert_eq!(chart, plain::CHART, "schema {version}: the backup's records");
                Ok(())
            })
            .expect("restored");
        let db = dir.path().join(DB_FILE_NAME);
        check_live_files(&db);
        drop(store);
        check_live_files(&db);
        let again = Store::open(&db, &key()).expect("the key opens the restored records");
        assert!(common::verify(&again).ok, "schema {version}");
    }
}
