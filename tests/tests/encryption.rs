//! Encryption at rest in the real app (issue 15), with a real Secret Service (gnome-keyring,
//! unlocked, on the test's private bus) or none: after an admission, a check and a backup, the
//! raw bytes of the database, its WAL (shown to hold the admission), the backup, every file of
//! the data directory, the app's home (WebKit's storage) and the logs hold none of the
//! fictional patient's identifiers and no key; with the keystore not running (at first start
//! or with records), its entry missing or holding a wrong key, the app says so, names the way
//! out and writes nothing, also when quit from there; the recovery key opens the records, also
//! a copied database and a backup on a fresh data directory, and is nowhere on disk after.
//! First, the harness itself: each desktop has its own unlocked keyring (or none, or one
//! stopped and started again), and its bus starts nothing by activation.

#[path = "encryption/steps.rs"]
mod steps;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use steps::{admit, back_up_now, locked_reason, patient_on_the_board, BAY, PLAIN_HEADER};
use vigil_e2e::disk::{self, records_on_disk};
use vigil_e2e::records::{self, SET_UP};
use vigil_e2e::{bus, keystore, nurse};
use vigil_e2e::{By, Desktop, NAME};

const SECRETS: &str = "org.freedesktop.secrets";
const NOTIFICATIONS: &str = "org.freedesktop.Notifications";

#[test]
fn each_desktop_has_its_own_unlocked_secret_service_or_none_and_activates_nothing() {
    let attributes = [("service", "vigil-e2e-harness"), ("username", "records:/nowhere")];
    let mut with = Desktop::start();
    // A bus that answers "yes" first, so its "no" below is an answer, not a failure.
    assert!(bus::name_owned(&with.bus_address, NOTIFICATIONS), "dunst is on the bus");
    assert!(bus::name_owned(&with.bus_address, SECRETS));
    keystore::store(&with.bus_address, &attributes, "stored-without-a-prompt");
    let found = keystore::lookup(&with.bus_address, &attributes);
    assert_eq!(found.as_deref(), Some("stored-without-a-prompt"));

    let without = Desktop::start_without_keystore();
    assert!(bus::name_owned(&without.bus_address, NOTIFICATIONS), "dunst is on this bus too");
    assert!(!bus::name_owned(&without.bus_address, SECRETS));
    assert!(bus::activatable_names(&without.bus_address).is_empty(), "nothing is activated");
    let error = keystore::lookup_error(&without.bus_address, &attributes);
    println!("secret-tool with no keystore: {error}");
    assert!(error.contains(SECRETS), "no keystore answers: {error}");
    let other = Desktop::start();
    assert_eq!(keystore::lookup(&other.bus_address, &attributes), None, "keyrings are apart");

    with.stop_keystore();
    assert!(bus::name_owned(&with.bus_address, NOTIFICATIONS));
    assert!(!bus::name_owned(&with.bus_address, SECRETS), "the stopped keystore left the bus");
    assert!(keystore::lookup_error(&with.bus_address, &attributes).contains(SECRETS));
    with.restart_keystore();
    let found = keystore::lookup(&with.bus_address, &attributes);
    assert_eq!(found.as_deref(), Some("stored-without-a-prompt"), "the same keyring again");
}

#[test]
fn no_patient_identifier_is_in_the_raw_bytes_of_the_database_its_wal_backups_or_data_dir() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app);
    steps::record_check(&app);
    let backup = back_up_now(&desktop, &app);
    app.find(&By::row(BAY));

    // The identifiers are in the records (so their absence below is the encryption's doing).
    let form = steps::admission();
    let stored: (String, String, String) = desktop
        .open_records()
        .query_row(
            "SELECT patient_name, chart_number, date_of_birth FROM recovery_sessions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the admission");
    assert_eq!(stored, (NAME.to_owned(), form.chart_number, form.date_of_birth));
    let checks: i64 = desktop
        .open_records()
        .query_row("SELECT count(*) FROM checks", [], |r| r.get(0))
        .expect("count checks");
    assert_eq!(checks, 1);

    // Read while the app runs: the WAL holds the latest pages, the admission among them (the
    // database file alone, opened with the key, does not have it).
    let db = desktop.database();
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    let key = desktop.records_key();
    let frames = steps::wal_frames(&std::fs::read(&wal).expect("the WAL of the running app"));
    println!("the WAL holds {frames} frames");
    assert!(frames > 0, "the WAL has frames while the app runs");
    assert_eq!(steps::admitted_without_wal(&db, &key), 0, "the admission is in the WAL alone");
    let db_bytes = std::fs::read(&db).expect("the database");
    assert!(!db_bytes.starts_with(PLAIN_HEADER), "the database is not plain SQLite");
    let backup_bytes = std::fs::read(&backup).expect("the backup");
    assert!(!backup_bytes.starts_with(PLAIN_HEADER), "the backup is not plain SQLite");
    desktop.open_records_file(&backup);

    let files = desktop.written_files();
    assert!(files.contains(&db) && files.contains(&wal) && files.contains(&backup), "{files:?}");
    let webkit = files.iter().filter(|f| f.starts_with(desktop.app_home())).count();
    println!("read {} files ({webkit} in the app's home): {files:?}", files.len());
    let mut needles = steps::identifiers();
    needles.extend(disk::key_needles(&key, Some(&desktop.recovery_key())));
    let found = disk::scan(&files, &needles);
    assert!(found.is_empty(), "found in plain: {found:?}");
}

#[test]
fn with_no_keystore_running_the_app_says_so_writes_nothing_and_a_key_file_is_a_choice() {
    let mut desktop = Desktop::start_without_keystore();
    let app = desktop.launch_app_signed_out();
    app.find(&By::heading(SET_UP));
    app.click(&app.find(&By::button("Start new records")));
    let key_file_choice = app.find(&By::button("Keep the key in a file (weaker)"));
    let message = app.text(&app.find(&By::xpath("//main//*[@role='alert']"))).to_lowercase();
    println!("with no keystore: {message}");
    assert!(message.contains("keyring") || message.contains("keystore"), "{message}");
    assert!(message.contains("file"), "the way out is named: {message}");
    desktop.screenshot("encryption-no-keystore");
    let key_file = desktop.config_home().join("vigil/records.key");
    assert!(records_on_disk(&desktop).is_empty(), "nothing written in the data directory");
    assert!(!key_file.exists(), "no key file before it was chosen");

    app.click(&key_file_choice);
    let recovery_key = records::take_recovery_key(&app);
    nurse::set_up_first_admin(&app);
    admit(&app);

    let meta = std::fs::metadata(&key_file).expect("the key file");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600, "the key file is owner-only");
    let folder = key_file.parent().expect("folder");
    assert_eq!(std::fs::metadata(folder).expect("folder").permissions().mode() & 0o777, 0o700);
    assert!(!key_file.starts_with(desktop.data_dir()), "the key is not beside the records");
    let home = std::fs::read_to_string(desktop.data_dir().join("key-home")).expect("key-home");
    assert_eq!(home, format!("key-file {}\n", key_file.display()));
    assert!(!std::fs::read(desktop.database()).expect("db").starts_with(PLAIN_HEADER));
    let sessions: i64 = desktop
        .open_records()
        .query_row("SELECT count(*) FROM recovery_sessions", [], |r| r.get(0))
        .expect("the records open with the key file's key");
    assert_eq!(sessions, 1);
    desktop.assert_no_key_on_disk(&desktop.records_key(), Some(&recovery_key));
}

#[test]
fn with_the_keystore_stopped_existing_records_stay_locked_and_unchanged_until_it_is_back() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app);
    desktop.quit_app(app);
    let key = desktop.records_key();
    let before = records_on_disk(&desktop);
    assert!(before.contains_key(&desktop.database()), "{:?}", before.keys());
    desktop.stop_keystore();

    let app = desktop.launch_app_signed_out();
    let reason = locked_reason(&app).to_lowercase();
    assert!(reason.contains("keystore"), "the keystore is named: {reason}");
    assert!(reason.contains("try the keystore again"), "the way out is named: {reason}");
    desktop.screenshot("encryption-keystore-stopped");
    unchanged_while_locked_and_after_quitting(&desktop, app, &before);

    let app = desktop.launch_app_signed_out();
    locked_reason(&app);
    desktop.restart_keystore();
    app.click(&app.find(&By::button("Try the keystore again")));
    patient_on_the_board(&app);
    assert_eq!(desktop.keystore_secret(), Some(key.clone()), "the same key, still kept");
    desktop.assert_no_key_on_disk(&key, Some(&desktop.recovery_key()));
}

#[test]
fn a_missing_keystore_entry_locks_the_records_until_the_recovery_key_opens_them() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app);
    desktop.quit_app(app);
    let key = desktop.records_key();
    let before = records_on_disk(&desktop);
    desktop.remove_keystore_entry();

    let app = desktop.launch_app_signed_out();
    let reason = locked_reason(&app);
    assert!(reason.to_lowercase().contains("recovery key"), "the way out is named: {reason}");
    desktop.screenshot("encryption-no-key-entry");
    unchanged_while_locked_and_after_quitting(&desktop, app, &before);
    assert_eq!(desktop.keystore_secret(), None, "nothing was stored");

    let app = desktop.launch_app_signed_out();
    locked_reason(&app);
    records::open_with_recovery_key(&app, &desktop.recovery_key(), None, true);
    patient_on_the_board(&app);
    assert_eq!(desktop.keystore_secret(), Some(key.clone()), "the key is kept again");
    desktop.assert_no_key_on_disk(&key, Some(&desktop.recovery_key()));
}

#[test]
fn a_wrong_key_in_the_keystore_locks_the_records_until_the_right_one_is_back() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app);
    desktop.quit_app(app);
    let right = desktop.records_key();
    let wrong = "0123456789abcdef".repeat(4);
    assert_ne!(right, wrong);
    let before = records_on_disk(&desktop);
    desktop.replace_keystore_entry(&wrong);

    let app = desktop.launch_app_signed_out();
    let reason = locked_reason(&app).to_lowercase();
    assert!(reason.contains("does not open") || reason.contains("wrong"), "{reason}");
    desktop.screenshot("encryption-wrong-key");
    unchanged_while_locked_and_after_quitting(&desktop, app, &before);
    assert_eq!(desktop.keystore_secret(), Some(wrong), "the keystore item is left as it was");

    let app = desktop.launch_app_signed_out();
    locked_reason(&app);
    desktop.replace_keystore_entry(&right);
    app.click(&app.find(&By::button("Try again")));
    patient_on_the_board(&app);
    desktop.assert_no_key_on_disk(&right, Some(&desktop.recovery_key()));
}

/// Admits the patient on a first desktop, makes a backup and quits; returns the recovery key,
/// the database key and copies of the database and the backup (in `outside`). The database
/// is copied with its write-ahead log when the app left one (the log holds the latest pages).
fn records_from_another_workstation(outside: &Path) -> (String, String, PathBuf, PathBuf) {
    let mut first = Desktop::start();
    let app = first.launch_app();
    admit(&app);
    let backup = back_up_now(&first, &app);
    first.quit_app(app);
    let (db_copy, backup_copy) = (outside.join("copied.sqlite3"), outside.join("backup.sqlite3"));
    std::fs::copy(first.database(), &db_copy).expect("copy the database");
    let wal = PathBuf::from(format!("{}-wal", first.database().display()));
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        println!("the quit app left its WAL: copied with the database");
        std::fs::copy(&wal, outside.join("copied.sqlite3-wal")).expect("copy the WAL");
    }
    std::fs::copy(&backup, &backup_copy).expect("copy the backup");
    first.assert_no_key_on_disk(&first.records_key(), Some(&first.recovery_key()));
    (first.recovery_key(), first.records_key(), db_copy, backup_copy)
}

#[test]
fn the_recovery_key_opens_a_copied_database_and_a_backup_on_a_fresh_data_directory() {
    let outside = tempfile::tempdir().expect("a folder outside any data directory");
    let (recovery_key, key, db_copy, backup_copy) =
        records_from_another_workstation(outside.path());
    for (what, file) in [("database", db_copy), ("backup", backup_copy)] {
        let mut desktop = Desktop::start();
        let app = desktop.launch_app_signed_out();
        app.find(&By::heading(SET_UP));
        app.click(&app.find(&By::button("Open existing records with a recovery key")));
        records::open_with_recovery_key(&app, &recovery_key, Some(&file), true);
        patient_on_the_board(&app);
        desktop.screenshot(&format!("encryption-recovered-{what}"));
        assert_eq!(desktop.records_key(), key, "the {what}'s key is kept in this keystore");
        assert!(!std::fs::read(desktop.database()).expect("db").starts_with(PLAIN_HEADER));
        desktop.assert_no_key_on_disk(&key, Some(&recovery_key));
    }
}

/// The records' files are byte for byte as `before` on the locked screen, and again once the
/// app, quit from it, has ended.
fn unchanged_while_locked_and_after_quitting(
    desktop: &Desktop,
    app: vigil_e2e::Session,
    before: &std::collections::BTreeMap<PathBuf, Vec<u8>>,
) {
    disk::assert_nothing_written(desktop, before, "on the locked screen");
    desktop.quit_app(app);
    disk::assert_nothing_written(desktop, before, "after quitting from the locked screen");
}
