//! The keystore home against keyring's mock credential (it keeps a secret only within one
//! entry, so each test works on one entry): what is stored, and how errors read.

use keyring::mock::MockCredential;
use keyring::{Entry, Error};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use vigil_store::DbKey;

use super::keystore::{
    delete_entry, read_entry, user_for, within, write_entry, ANSWER_WITHIN, SERVICE,
};
use super::KeyProblem;

fn mock_entry() -> Entry {
    Entry::new_with_credential(Box::new(MockCredential::default()))
}

fn fail_next(entry: &Entry, error: Error) {
    let mock: &MockCredential = entry.get_credential().downcast_ref().expect("a mock");
    mock.set_error(error);
}

fn key() -> DbKey {
    DbKey::from_bytes([0xA5; 32])
}

fn platform(text: &str) -> Box<dyn std::error::Error + Send + Sync> {
    text.to_owned().into()
}

#[test]
fn the_key_is_kept_as_64_lowercase_hex_characters_and_reads_back() {
    let entry = mock_entry();
    write_entry(&entry, &key()).expect("kept");
    assert_eq!(entry.get_password().expect("secret"), "a5".repeat(32));
    assert_eq!(read_entry(&entry), Ok(key()));
    delete_entry(&entry).expect("deleted");
    assert_eq!(read_entry(&entry), Err(KeyProblem::NoEntry));
    delete_entry(&entry).expect("nothing to delete is fine");
}

#[test]
fn no_entry_says_to_use_the_recovery_key() {
    let p = read_entry(&mock_entry()).expect_err("no entry");
    assert_eq!(p, KeyProblem::NoEntry);
    assert!(p.message().contains("Open the records with the recovery key"), "{p}");
}

#[test]
fn a_keystore_that_fails_or_refuses_access_is_no_keystore_and_names_the_way_out() {
    for error in [
        Error::PlatformFailure(platform("org.freedesktop.DBus.Error.ServiceUnknown")),
        Error::NoStorageAccess(platform("the collection is locked")),
    ] {
        let entry = mock_entry();
        fail_next(&entry, error);
        let p = read_entry(&entry).expect_err("fails");
        assert!(matches!(p, KeyProblem::NoKeystore(_)), "{p:?}");
        let message = p.message();
        assert!(message.starts_with("No keystore answers on this workstation"), "{message}");
        assert!(message.contains("choose Try the keystore again"), "{message}");
        assert!(message.contains("recovery key") && message.ends_with("Nothing was changed."));
        assert!(p.to_string().contains(p.detail().expect("detail")), "the log has the detail");
    }
    let entry = mock_entry();
    fail_next(&entry, Error::PlatformFailure(platform("no bus")));
    assert_eq!(write_entry(&entry, &key()), Err(KeyProblem::NoKeystore("no bus".into())));
}

#[test]
fn a_secret_that_is_not_a_key_is_garbled_and_never_shown() {
    let entry = mock_entry();
    entry.set_password("not a key").expect("set");
    let p = read_entry(&entry).expect_err("garbled");
    assert!(matches!(p, KeyProblem::Garbled(_)) && !p.to_string().contains("not a key"), "{p}");
    let secret = key().to_hex().into_bytes();
    fail_next(&entry, Error::BadEncoding(secret));
    let p = read_entry(&entry).expect_err("garbled");
    assert!(matches!(p, KeyProblem::Garbled(_)), "{p:?}");
    assert!(!p.to_string().contains(&key().to_hex()) && !format!("{p:?}").contains("a5a5"));
}

#[test]
fn the_entry_is_named_by_the_canonical_data_directory() {
    let root = tempfile::tempdir().expect("tempdir");
    let real = root.path().join("data");
    std::fs::create_dir(&real).expect("dir");
    let link = root.path().join("link");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let canonical = std::fs::canonicalize(&real).expect("canonical");
    assert_eq!(user_for(&link), format!("records:{}", canonical.display()));
    assert_eq!(user_for(&real.join("../data")), user_for(&real));
    assert_eq!(SERVICE, "Vigil");
}

#[test]
fn a_keystore_that_never_answers_is_no_keystore_after_the_limit_and_its_worker_is_left() {
    let (release, wait) = mpsc::channel::<()>();
    let started = Instant::now();
    let answer: Result<DbKey, KeyProblem> = within(Duration::from_millis(200), move || {
        let _ = wait.recv(); // a locked keystore's prompt nobody answers
        Ok(key())
    });
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(200) && waited < Duration::from_secs(5), "{waited:?}");
    let p = answer.expect_err("no answer in time");
    assert!(matches!(p, KeyProblem::NoKeystore(_)), "{p:?}");
    let detail = p.detail().expect("detail");
    assert!(detail.contains("did not answer within") && detail.contains("locked"), "{detail}");
    assert!(p.message().starts_with("No keystore answers on this workstation"));
    drop(release); // the detached worker ends on its own
}

#[test]
fn a_keystore_that_answers_in_time_gives_its_answer() {
    assert_eq!(within(ANSWER_WITHIN, || Ok(key())), Ok(key()));
    assert_eq!(
        within::<(), _>(ANSWER_WITHIN, || Err(KeyProblem::NoEntry)),
        Err(KeyProblem::NoEntry)
    );
    let p = within::<(), _>(ANSWER_WITHIN, || panic!("the platform crashed")).expect_err("panic");
    assert!(matches!(p, KeyProblem::NoKeystore(_)), "{p:?}");
    assert_eq!(ANSWER_WITHIN, Duration::from_secs(60));
}
