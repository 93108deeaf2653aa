//! A new recovery key and the plain backups, on real files with a key-file home: after a new
//! key the old one opens neither the records nor the re-encrypted backups, the new one does,
//! and the chain verifies; removing plain backups takes them and their side files, audited.

use std::path::Path;
use vigil_store::cipher::{self, FileKind};
use vigil_store::{backup, DbKey, Store, StoreError, DB_FILE_NAME};

use super::{kept, load, reissue, remove_plain};
use crate::key_home::{self, KeyHome};
use crate::state::AppState;
use crate::test_support::{admin_state_at_t0, t0, test_key};
use vigil_core::ErrorCode;
use vigil_store::audit::{self, Action, Entry};

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

/// The nurse column of the newest entry of `action` (None: no nurse).
fn last_nurse(state: &AppState, action: &str) -> Option<i64> {
    let sql = "SELECT nurse_id FROM audit_events WHERE action = ?1 ORDER BY seq DESC LIMIT 1";
    state.store.with_conn(|c| Ok(c.query_row(sql, [action], |r| r.get(0))?)).expect(action)
}

fn entries(state: &AppState, action: &str) -> i64 {
    let sql = "SELECT COUNT(*) FROM audit_events WHERE action = ?1";
    state.store.with_conn(|c| Ok(c.query_row(sql, [action], |r| r.get(0))?)).expect(action)
}

fn append(state: &AppState, action: Action) {
    let entry = Entry::new(action, None).detail("test");
    state.store.with_tx(|tx| audit::append(tx, t0(), &entry)).expect("entry");
}

#[test]
fn a_recovery_key_counts_as_shown_only_once_said_kept_after_its_newest_issuance() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = state_with_key_file(tmp.path());
    let shown = |state: &AppState| load(state).expect("info").recovery_key_shown;
    append(&state, Action::KeyHomeChanged);
    assert!(!shown(&state), "new records: their key shown, not yet said kept");
    let reissued = reissue(&state).expect("reissued");
    assert_eq!(reissued.records, tmp.path().join("data").display().to_string());
    assert_eq!(reissued.issued_at, t0());
    assert!(!shown(&state), "a key issued but not said kept");
    kept(&state, false).expect("kept");
    assert!(shown(&state));
    let admin = state.nurse_for(vigil_core::Permission::Administer).expect("admin").id;
    assert_eq!(last_nurse(&state, "recovery_key_kept"), Some(admin));
    assert_eq!(last_detail(&state, "recovery_key_kept"), "recovery key kept safe");
    // A later key home change moves the same key: still kept. A new key is not.
    append(&state, Action::KeyHomeChanged);
    assert!(shown(&state), "only the first key_home_changed issues a key");
    reissue(&state).expect("again");
    assert!(!shown(&state), "the newer key was not said kept");
}

#[test]
fn records_encrypted_at_the_upgrade_warn_until_a_key_is_said_kept() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = state_with_key_file(tmp.path());
    assert!(load(&state).expect("info").recovery_key_shown, "no key issued: nothing to keep");
    append(&state, Action::RecordsEncrypted);
    assert!(!load(&state).expect("info").recovery_key_shown, "nobody saw a key");
    kept(&state, true).expect("kept");
    assert!(load(&state).expect("info").recovery_key_shown);
}

#[test]
fn kept_needs_an_administrator_except_for_the_card_shown_at_start() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = state_with_key_file(tmp.path());
    crate::commands::auth::leave(&state).expect("signed out");
    let before = entries(&state, "recovery_key_kept");
    let refused = kept(&state, false).expect_err("nobody signed in");
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert_eq!(entries(&state, "recovery_key_kept"), before, "nothing written");
    kept(&state, true).expect("the start-up card");
    assert_eq!(entries(&state, "recovery_key_kept"), before + 1);
    assert_eq!(last_nurse(&state, "recovery_key_kept"), None, "no nurse at first start");
}

#[test]
fn the_start_up_card_may_say_kept_once() {
    let recovery = crate::startup::Recovery::default();
    assert!(!recovery.take_key_shown(), "no key shown at start");
    recovery.note_key_shown();
    assert!(recovery.take_key_shown());
    assert!(!recovery.take_key_shown(), "once only");
}

#[test]
fn plain_databases_set_aside_are_listed_by_what_they_are_and_removed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = state_with_key_file(tmp.path());
    let data = tmp.path().join("data");
    let aside = data.join("vigil.damaged-20260101T000000000Z.sqlite3");
    crate::startup::plain_copy_for_tests(state.store.path(), &aside);
    std::fs::write(data.join("vigil.damaged-20260101T000000000Z.sqlite3-wal"), "log").expect("w");
    let info = load(&state).expect("info");
    let listed = format!("{} (a damaged database set aside)", aside.display());
    assert_eq!(info.plain_backups, [listed]);
    assert_eq!(remove_plain(&state).expect("removed"), 1);
    let left: Vec<_> = std::fs::read_dir(&data)
        .expect("dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    assert!(left.is_empty(), "the file and its log went: {left:?}");
    let detail = last_detail(&state, "plain_backups_removed");
    assert_eq!(detail, "plain backups removed: 0; damaged databases set aside removed: 1");
    assert!(load(&state).expect("info").plain_backups.is_empty());
}
