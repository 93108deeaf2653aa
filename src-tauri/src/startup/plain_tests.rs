//! Plain records of an earlier Vigil at start: a new key kept in the key home (here the
//! test's key file), the records encrypted in place with every record and the chain kept,
//! their plain backups re-encrypted and verified (one that cannot be stays plain, listed), and
//! Settings says no recovery key was shown yet.

use std::path::Path;
use vigil_core::SignInInput;
use vigil_store::cipher::{self, FileKind};
use vigil_store::{backup, DB_FILE_NAME};

use super::key_files::TEST_KEY_FILE;
use super::open_at_start;
use crate::backup_keys::plain_backups;
use crate::commands::{auth, settings::encryption};
use crate::key_home;
use crate::test_support::{admin_state_at_t0, t0, test_key, ADMIN_PIN};

/// Writes a plain copy of the encrypted records at `db` (opened with the test key) to `to`.
pub fn plain_copy(db: &Path, to: &Path) {
    let conn = cipher::open_keyed(db, &test_key()).expect("open");
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("v");
    let target = to.to_str().expect("utf-8");
    conn.execute("ATTACH DATABASE ?1 AS plain KEY ''", [target]).expect("attach");
    conn.query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(())).expect("export");
    conn.execute_batch(&format!("PRAGMA plain.user_version = {version}; DETACH DATABASE plain;"))
        .expect("detach");
}

#[test]
fn plain_records_and_their_backups_are_encrypted_at_start() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (scratch, data) = (tmp.path().join("scratch"), tmp.path().join("data"));
    let key_file = tmp.path().join("config/vigil/records.key");
    TEST_KEY_FILE.with(|f| *f.borrow_mut() = Some(key_file.clone()));
    std::fs::create_dir_all(data.join("backups")).expect("dirs");
    std::fs::create_dir_all(&scratch).expect("scratch");
    let (state, _) = admin_state_at_t0(&scratch);
    let admin = auth::status(&state).expect("status").nurse.expect("admin").id;
    drop(state);
    let db = data.join(DB_FILE_NAME);
    plain_copy(&scratch.join(DB_FILE_NAME), &db);
    let good = data.join("backups/vigil-20260601T120000000Z.sqlite3");
    std::fs::copy(&db, &good).expect("a plain backup");
    let junk = data.join("backups/vigil-20260501T120000000Z.sqlite3");
    std::fs::write(&junk, b"SQLite format 3\0 and then nothing that SQLite can read").expect("j");

    let state = open_at_start(&data).expect("the plain records open");
    super::opening::wait_for_plain_backups();
    assert_eq!(cipher::file_kind(&db).expect("kind"), FileKind::Encrypted);
    let key = key_home::load(&data).expect("a key kept");
    assert_eq!(state.store.key(), key);
    assert!(state.integrity().ok, "the chain verifies");
    assert_eq!(cipher::file_kind(&good).expect("kind"), FileKind::Encrypted);
    assert!(backup::verify_file(&good, &key, t0()).expect("verify").ok);
    assert_eq!(plain_backups(&[data.join("backups")]), std::slice::from_ref(&junk));

    auth::sign_in_with_pin(&state, &SignInInput { nurse_id: admin, pin: ADMIN_PIN.into() })
        .expect("sign in");
    let info = encryption::load(&state).expect("encryption");
    assert!(!info.recovery_key_shown, "nobody saw a key yet");
    assert_eq!(info.plain_backups, [junk.display().to_string()]);
    let reissued = encryption::reissue(&state).expect("a recovery key");
    assert!(!reissued.recovery_key.is_empty());
    assert!(!encryption::load(&state).expect("encryption").recovery_key_shown, "not said kept");
    encryption::kept(&state, false).expect("kept");
    assert!(encryption::load(&state).expect("encryption").recovery_key_shown);
}
