//! Encryption at rest in the real app (issue 15), with a real Secret Service (gnome-keyring,
//! unlocked, on the test's private bus) or none: after an admission, a check and a backup, the
//! raw bytes of the database, its WAL, the backup and every file of the data directory hold
//! none of the fictional patient's identifiers; with the keystore not running, its entry
//! missing or holding a wrong key, the app says so, names the way out and writes nothing; the
//! recovery key opens the records, also a copied database and a backup on a fresh data
//! directory. First, the harness itself: each desktop has its own unlocked keyring (or none),
//! and its bus starts nothing by activation.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use vigil_e2e::nurse::{self, ADMIN_LABEL, ADMIN_PIN};
use vigil_e2e::process::wait_for;
use vigil_e2e::records::{self, SET_UP};
use vigil_e2e::{bus, keystore};
use vigil_e2e::{AdmitForm, By, Desktop, Session, NAME};

const BAY: &str = "Bay 3";
const LOCKED: &str = "Vigil's records are locked";
const PLAIN_HEADER: &[u8] = b"SQLite format 3";

fn admission() -> AdmitForm {
    let ended = chrono::Local::now() - chrono::Duration::minutes(25);
    AdmitForm::iv(BAY, &ended.format("%Y-%m-%d %H:%M").to_string())
}

/// Admits [`admission`] and waits for its row.
fn admit(app: &Session) {
    admission().submit(app);
    app.find(&By::row(BAY));
}

/// Records the first vitals of [`BAY`] through the check form.
fn record_check(app: &Session) {
    app.click(&app.find(&By::button(&format!("Record check for {BAY}"))));
    app.click(&app.find(&By::option("Symptom grade", "0 None")));
    for (label, value) in
        [("Systolic", "124"), ("Diastolic", "80"), ("Heart rate", "72"), ("SpO2", "97")]
    {
        app.type_into(&app.find(&By::label(label)), value);
    }
    app.click(&app.find(&By::option("Oxygen", "Room air")));
    app.click(&app.find(&By::button("Save check")));
    app.find(&By::containing(&format!("Check saved for {BAY}")));
}

/// Makes a backup from Settings ("Back up now"); returns its path and goes back to the board.
fn back_up_now(desktop: &Desktop, app: &Session) -> PathBuf {
    app.click(&app.find(&By::button("Settings")));
    app.click(&app.find(&By::button("Back up now")));
    let file = wait_for("the backup", Duration::from_secs(30), || {
        let text = app.text(&app.try_find(&By::containing("Backed up to"))?);
        Some(text.trim_start_matches("Backed up to ").trim_end_matches('.').to_owned())
    });
    app.click(&app.find(&By::button("Back to the board")));
    desktop.data_dir().join("backups").join(file)
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").map(|e| e.expect("entry").path()) {
        if entry.is_dir() {
            found.extend(files_under(&entry));
        } else {
            found.push(entry);
        }
    }
    found
}

/// The records as they lie on disk: every file of the data directory by path, but its logs
/// and the single-writer lock (which names the process holding it).
fn records_on_disk(desktop: &Desktop) -> BTreeMap<PathBuf, Vec<u8>> {
    let logs = desktop.data_dir().join("logs");
    let lock = vigil_store::lock_path(&desktop.database());
    files_under(desktop.data_dir())
        .into_iter()
        .filter(|p| !p.starts_with(&logs) && *p != lock)
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect()
}

/// Asserts that the records on disk are byte for byte as `before`, naming the files that
/// changed, appeared or went.
fn assert_nothing_written(desktop: &Desktop, before: &BTreeMap<PathBuf, Vec<u8>>) {
    let after = records_on_disk(desktop);
    let changed: Vec<String> = before
        .keys()
        .chain(after.keys().filter(|p| !before.contains_key(*p)))
        .filter(|p| before.get(*p) != after.get(*p))
        .map(|p| {
            let len = |m: &BTreeMap<PathBuf, Vec<u8>>| m.get(p).map(Vec::len);
            format!("{} ({:?} -> {:?} bytes)", p.display(), len(before), len(&after))
        })
        .collect();
    assert!(changed.is_empty(), "nothing was written, yet: {changed:?}");
}

/// The patient's identifiers as bytes, each in every form the app could store it.
fn identifiers() -> Vec<(String, Vec<u8>)> {
    let form = admission();
    let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
    let mut out = vec![(format!("{NAME} (UTF-16LE)"), utf16(NAME))];
    // The date of birth as typed and displayed (ISO), and as other formats would write it.
    for text in
        [NAME, &form.chart_number, &form.date_of_birth, "19800229", "29/02/1980", "02/29/1980"]
    {
        out.push((text.to_owned(), text.as_bytes().to_vec()));
    }
    out
}

fn find_identifiers(file: &Path, bytes: &[u8]) -> Vec<String> {
    identifiers()
        .into_iter()
        .filter(|(_, needle)| bytes.windows(needle.len()).any(|w| w == needle.as_slice()))
        .map(|(what, _)| format!("{what} in {}", file.display()))
        .collect()
}

/// The text of the key problem screen's alerts (its reason), once it shows.
fn locked_reason(app: &Session) -> String {
    app.find(&By::heading(LOCKED));
    let alerts = By::xpath("//main//*[@role='alert']");
    let reason = wait_for("the reason", Duration::from_secs(10), || {
        let alert = app.try_find(&alerts)?;
        Some(app.text(&alert)).filter(|t| !t.trim().is_empty())
    });
    println!("the locked screen's reason: {reason}");
    reason
}

/// Signs in after the records opened and finds the patient on the board.
fn patient_on_the_board(app: &Session) {
    nurse::sign_in(app, ADMIN_LABEL, ADMIN_PIN);
    assert_eq!(app.text(&app.find(&By::cell(BAY, "Patient"))), NAME);
}

#[test]
fn each_desktop_has_its_own_unlocked_secret_service_or_none_and_activates_nothing() {
    let attributes = [("service", "vigil-e2e-harness"), ("username", "records:/nowhere")];
    let with = Desktop::start();
    assert!(bus::name_owned(&with.bus_address, "org.freedesktop.secrets"));
    keystore::store(&with.bus_address, &attributes, "stored-without-a-prompt");
    let found = keystore::lookup(&with.bus_address, &attributes);
    assert_eq!(found.as_deref(), Some("stored-without-a-prompt"));

    let without = Desktop::start_without_keystore();
    assert!(!bus::name_owned(&without.bus_address, "org.freedesktop.secrets"));
    assert!(bus::activatable_names(&without.bus_address).is_empty(), "nothing is activated");
    assert_eq!(keystore::lookup(&without.bus_address, &attributes), None, "no keystore answers");
    let other = Desktop::start();
    assert_eq!(keystore::lookup(&other.bus_address, &attributes), None, "keyrings are apart");
}

#[test]
fn no_patient_identifier_is_in_the_raw_bytes_of_the_database_its_wal_backups_or_data_dir() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app);
    record_check(&app);
    let backup = back_up_now(&desktop, &app);
    app.find(&By::row(BAY));

    // The identifiers are in the records (so their absence below is the encryption's doing).
    let form = admission();
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

    // Read while the app runs: the WAL holds the latest pages.
    let db = desktop.database();
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    let wal_bytes = std::fs::read(&wal).expect("the WAL of the running app");
    assert!(!wal_bytes.is_empty(), "the WAL has content while the app runs");
    let db_bytes = std::fs::read(&db).expect("the database");
    assert!(!db_bytes.starts_with(PLAIN_HEADER), "the database is not plain SQLite");
    let backup_bytes = std::fs::read(&backup).expect("the backup");
    assert!(!backup_bytes.starts_with(PLAIN_HEADER), "the backup is not plain SQLite");
    desktop.open_records_file(&backup);

    let mut files = files_under(desktop.data_dir());
    assert!(files.contains(&db) && files.contains(&wal) && files.contains(&backup), "{files:?}");
    files.sort();
    let key = desktop.records_key();
    let mut found = Vec::new();
    for file in &files {
        // A file the app removes meanwhile (a rotated log, a checkpointed WAL) is skipped.
        let Ok(bytes) = std::fs::read(file) else { continue };
        found.extend(find_identifiers(file, &bytes));
        if bytes.windows(key.len()).any(|w| w.eq_ignore_ascii_case(key.as_bytes())) {
            found.push(format!("the database key in {}", file.display()));
        }
    }
    println!("read {} files under the data directory: {files:?}", files.len());
    assert!(found.is_empty(), "found in plain text: {found:?}");
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
    records::take_recovery_key(&app);
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
    assert_nothing_written(&desktop, &before);
    assert_eq!(desktop.keystore_secret(), None, "nothing was stored");

    records::open_with_recovery_key(&app, &desktop.recovery_key(), None, true);
    patient_on_the_board(&app);
    assert_eq!(desktop.keystore_secret(), Some(key), "the key is kept in the keystore again");
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
    assert_nothing_written(&desktop, &before);
    assert_eq!(desktop.keystore_secret(), Some(wrong), "the keystore item is left as it was");

    desktop.replace_keystore_entry(&right);
    app.click(&app.find(&By::button("Try the keystore again")));
    patient_on_the_board(&app);
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
    }
}
