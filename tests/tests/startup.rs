//! Start-up faults in the real app (issue 12, items 4 and 8): a database that cannot be opened
//! shows the window with the reason and the ways out (start with the damaged file moved aside;
//! restore a backup made before the damage), a file no key opens is set aside (issue 15), and
//! the files of the running app are owner-only.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use vigil_e2e::nurse::{self, ADMIN_LABEL, ADMIN_PIN};
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session, NAME};

const GARBAGE: &[u8] = b"Not a database: what a failing disk left in the file.";

/// The recovery screen, with its reason.
fn recovery_reason(app: &Session) -> String {
    app.find(&By::heading("Vigil cannot open its records"));
    app.text(&app.find(&By::xpath("//*[@role='alert'][starts-with(normalize-space(), 'Reason:')]")))
}

/// The files the damaged database was moved aside as (`vigil.damaged-<time>.sqlite3*`).
fn damaged_files(desktop: &Desktop) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(desktop.data_dir())
        .expect("data dir")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| {
            p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("vigil.damaged-"))
        })
        .collect();
    found.sort();
    found
}

/// Quits the app the ordinary way and waits until it let go of its database.
fn quit(desktop: &Desktop, app: Session) {
    drop(app);
    let lock = vigil_store::lock_path(&desktop.database());
    wait_for("the app to quit", Duration::from_secs(20), || {
        let file = std::fs::OpenOptions::new().read(true).write(true).open(&lock).ok()?;
        file.try_lock().ok()
    });
}

fn local_input(minutes_from_now: i64) -> String {
    (chrono::Local::now() + chrono::Duration::minutes(minutes_from_now))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[test]
fn a_corrupt_database_at_start_shows_the_reason_and_starts_fresh_with_the_file_kept() {
    let mut desktop = Desktop::start();
    // Records with their key in this desktop's keystore, and a backup that key opens.
    let app = desktop.launch_app();
    quit(&desktop, app);
    let backup = Command::new(vigil_e2e::app_binary())
        .arg("backup")
        .env("VIGIL_DATA_DIR", desktop.data_dir())
        .env("DBUS_SESSION_BUS_ADDRESS", &desktop.bus_address)
        .output()
        .expect("run vigil backup");
    assert!(backup.status.success(), "{}", String::from_utf8_lossy(&backup.stderr));
    // The disk leaves garbage in the file: the key opens the backup, not it, so it is damaged.
    let db = desktop.database();
    let _ = std::fs::remove_file(side(&db, "-wal"));
    let _ = std::fs::remove_file(side(&db, "-shm"));
    std::fs::write(&db, GARBAGE).expect("write garbage");

    let app = desktop.launch_app_signed_out();
    let reason = recovery_reason(&app);
    assert!(reason.contains("not a database"), "{reason}");
    desktop.screenshot("startup-recovery-screen");

    app.click(&app.find(&By::button("Start with the file moved aside")));
    app.click(&app.find(&By::button("Move aside and start")));
    desktop.set_up_first_start(&app);
    app.find(&By::heading("No patients in recovery"));
    let note = app.text(&app.find(&By::containing("The damaged file was kept as")));
    assert!(note.contains("vigil.damaged-"), "{note}");

    let kept = damaged_files(&desktop);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read(&kept[0]).expect("kept, never deleted"), GARBAGE);
    assert!(note.contains(&kept[0].display().to_string()), "{note}");
    // The app runs on a fresh database: a patient can be admitted.
    AdmitForm::iv("Bay 2", &local_input(-5)).submit(&app);
    app.find(&By::row("Bay 2"));
}

/// A file no key opens (here: no key was ever kept for it) locks the records; the last way
/// out sets it aside, kept byte for byte, and start-up goes on as a first start.
#[test]
fn records_no_key_opens_are_set_aside_kept_and_a_first_start_follows() {
    let mut desktop = Desktop::start();
    std::fs::write(desktop.database(), GARBAGE).expect("write garbage");

    let app = desktop.launch_app_signed_out();
    app.find(&By::heading("Vigil's records are locked"));
    app.click(&app.find(&By::button("Set the records aside")));
    app.click(&app.find(&By::button("Set aside and start again")));
    let reason = app.text(&app.find(&By::containing("could not be opened were kept as")));
    let kept = damaged_files(&desktop);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read(&kept[0]).expect("kept, never deleted"), GARBAGE);
    assert!(reason.contains(&kept[0].display().to_string()), "{reason}");
    assert!(!desktop.database().exists());

    desktop.set_up_first_start(&app);
    app.find(&By::heading("No patients in recovery"));
    AdmitForm::iv("Bay 2", &local_input(-5)).submit(&app);
    app.find(&By::row("Bay 2"));
}

#[test]
fn a_backup_made_before_the_damage_brings_the_patient_back() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    AdmitForm::iv("Bay 4", &local_input(-10)).submit(&app);
    app.find(&By::row("Bay 4"));
    quit(&desktop, app);

    let backup = Command::new(vigil_e2e::app_binary())
        .arg("backup")
        .env("VIGIL_DATA_DIR", desktop.data_dir())
        // The key is in this desktop's keystore.
        .env("DBUS_SESSION_BUS_ADDRESS", &desktop.bus_address)
        .output()
        .expect("run vigil backup");
    assert!(backup.status.success(), "{}", String::from_utf8_lossy(&backup.stderr));
    let backups = desktop.data_dir().join("backups");
    let file = newest_backup(&backups);

    // The disk loses the end of the file, mid-page (and the WAL beside it).
    let db = desktop.database();
    let _ = std::fs::remove_file(side(&db, "-wal"));
    let _ = std::fs::remove_file(side(&db, "-shm"));
    let len = std::fs::metadata(&db).expect("db").len();
    assert!(len > 3 * 4096, "the database spans pages: {len}");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .expect("db")
        .set_len(3 * 4096 + 1000)
        .expect("truncate");

    let app = desktop.launch_app_signed_out();
    let reason = recovery_reason(&app);
    assert!(reason.contains("malformed") || reason.contains("integrity"), "{reason}");
    app.click(&app.find(&By::button(&format!("Restore {file}"))));
    app.click(&app.find(&By::button("Confirm restore")));
    nurse::sign_in(&app, ADMIN_LABEL, ADMIN_PIN);
    let patient = app.text(&app.find(&By::cell("Bay 4", "Patient")));
    assert_eq!(patient, NAME);
    assert_eq!(damaged_files(&desktop).len(), 1, "the truncated file is kept");
}

#[test]
fn the_running_apps_files_are_owner_only_and_older_ones_are_tightened() {
    let mut desktop = Desktop::start();
    let dir = desktop.data_dir().to_owned();
    // As an older Vigil left them: a world-readable folder and backup folder, and a paper saved
    // in plain text in the data directory (deleted at start, with its folder: issue 15).
    let papers = dir.join("papers");
    std::fs::create_dir_all(&papers).expect("papers");
    std::fs::write(papers.join("discharge-session-1-20260101T000000Z.pdf"), b"%PDF")
        .expect("paper");
    for (path, mode) in [
        (&dir, 0o755),
        (&papers, 0o755),
        (&papers.join("discharge-session-1-20260101T000000Z.pdf"), 0o644),
    ] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }

    let app = desktop.launch_app();
    AdmitForm::iv("Bay 1", &local_input(-5)).submit(&app);
    app.find(&By::row("Bay 1"));
    // The first scheduled backup comes 10 s after start.
    let backups = dir.join("backups");
    newest_backup_within(&backups, Duration::from_secs(40));
    // The housekeeping follows the first backup check.
    wait_for("the legacy papers folder to go", Duration::from_secs(20), || {
        (!papers.exists()).then_some(())
    });

    let db = desktop.database();
    let mut files =
        vec![db.clone(), side(&db, "-wal"), side(&db, "-shm"), vigil_store::lock_path(&db)];
    files.extend(std::fs::read_dir(&backups).expect("folder").map(|e| e.expect("entry").path()));
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    for folder in [&dir, &backups] {
        assert_eq!(mode(folder), 0o700, "{}", folder.display());
    }
    drop(app);
}

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

fn newest_backup(folder: &Path) -> String {
    newest_backup_within(folder, Duration::ZERO)
}

/// The newest `vigil-*.sqlite3` in `folder`, waiting up to `limit` for one.
fn newest_backup_within(folder: &Path, limit: Duration) -> String {
    wait_for("a backup", limit, || {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .ok()?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with("vigil-") && n.ends_with(".sqlite3"))
            .collect();
        names.sort();
        names.pop()
    })
}
