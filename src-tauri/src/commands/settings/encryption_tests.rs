//! A new recovery key and the plain backups, on real files with a key-file home: after a new
//! key the old one opens neither the records nor the re-encrypted backups, the new one does,
//! and the chain verifies; removing plain backups takes them and their side files, audited.

use std::path::Path;
use vigil_store::cipher::{self, FileKind};
use vigil_store::{backup, DbKey, Store, StoreError, DB_FILE_NAME};

use super::{load, reissue, remove_plain};
use crate::key_home::{self, KeyHome};
use crate::state::AppState;
use crate::test_support::{admin_state_at_t0, t0, test_key};

/// An administrator's state whose key is kept in a key file beside the data directory.
fn state_with_key_file(tmp: &Path) -> AppState {
    let data = tmp.join("data");
    std::fs::create_dir(&data).expect("data");
    let (state, _) = admin_state_at_t0(&data);
    let home = KeyHome::KeyFile(tmp.join("config/records.key"));
    key_home::store(&data, &test_key(), &home).expect("key kept");
    state
}

fn last_detail(state: &AppState, action: &str) -> String {
    let sql = "SELECT detail FROM audit_events WHERE action = ?1 ORDER BY seq DESC LIMIT 1";
    state.store.with_conn(|c| Ok(c.query_row(sql, [action], |r| r.get(0))?)).expect(action)
}

#[test]
fn a_new_recovery_key_rekeys_the_records_and_the_clinics_backups() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = state_with_key_file(tmp.path());
    let folder = state.backup_folder().expect("folder");
    let old = test_key();
    let made: Vec<_> = [0, 1]
        .iter()
        .map(|s| {
            let at = t0() + chrono::Duration::seconds(*s);
            state.store.with_conn(|c| backup::make(c, &old, &folder, at)).expect("backup").file
        })
        .collect();
    let other = tmp.path().join("other");
    std::fs::create_dir(&other).expect("other");
    let foreign = DbKey::from_bytes([9; 32]);
    let store = Store::open_in(&other, &foreign).expect("other records");
    let kept = store.with_conn(|c| backup::make(c, &foreign, &folder, t0())).expect("b").file;
    drop(store);

    let reissued = reissue(&state).expect("reissued");
    let new =
        DbKey::from_bytes(vigil_core::recovery_key::parse(&reissued.recovery_key).expect("k"));
    assert_ne!(new, old);
    assert_eq!(reissued.backups_reencrypted, 2);
    let left = backup::path_of(&folder, &kept).display().to_string();
    assert_eq!(reissued.backups_not_reencrypted, [left]);
    let data = tmp.path().join("data");
    assert_eq!(key_home::load(&data).expect("kept"), new);
    for file in &made {
        let path = backup::path_of(&folder, file);
        let opened = cipher::open_keyed_read_only(&path, &old);
        assert!(matches!(opened, Err(StoreError::WrongKey)), "{file}");
        assert!(backup::verify_file(&path, &new, t0()).expect("verify").ok, "{file}");
    }
    let detail = last_detail(&state, "recovery_key_reissued");
    assert_eq!(detail, "backups re-encrypted: 2; left with the old key: 1");
    drop(state);
    let db = data.join(DB_FILE_NAME);
    assert!(matches!(cipher::open_keyed_read_only(&db, &old), Err(StoreError::WrongKey)));
    let store = Store::open(&db, &new).expect("the new key opens the records");
    let state = AppState::new(store, std::sync::Arc::new(vigil_core::FixedClock::new(t0())));
    assert!(state.expect("state").integrity().ok, "the chain verifies");
}

#[test]
fn plain_backups_are_listed_and_removed_with_their_side_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = state_with_key_file(tmp.path());
    let folder = state.backup_folder().expect("folder");
    std::fs::create_dir_all(&folder).expect("folder");
    let plain = folder.join("vigil-20260101T000000000Z.sqlite3");
    crate::startup::plain_copy_for_tests(state.store.path(), &plain);
    std::fs::write(folder.join("vigil-20260101T000000000Z.sqlite3.head"), "1 abc").expect("h");
    let info = load(&state).expect("info");
    assert_eq!(info.plain_backups, [plain.display().to_string()]);
    assert!(info.recovery_key_shown, "new records showed theirs");
    assert!(!info.cipher_version.is_empty());
    assert_eq!(info.key_home, vigil_core::startup::KeyHome::KeyFile);
    assert_eq!(remove_plain(&state).expect("removed"), 1);
    let names: Vec<_> = std::fs::read_dir(&folder).expect("dir").filter_map(Result::ok).collect();
    assert!(names.is_empty(), "the backup and its side file went");
    assert_eq!(last_detail(&state, "plain_backups_removed"), "plain backups removed: 1");
    assert!(load(&state).expect("info").plain_backups.is_empty());
    assert_eq!(cipher::file_kind(state.store.path()).expect("k"), FileKind::Encrypted);
}
