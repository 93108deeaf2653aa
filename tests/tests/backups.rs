//! Backups in the real app (issue 12, item 5): an administrator makes backups until the set is
//! full, restores the oldest from Settings, and the board shows that backup's records; nothing
//! was pruned during the restore, and the copy of the replaced database is kept beside them.

use std::path::Path;
use std::time::Duration;
use vigil_e2e::nurse::{self, ADMIN_LABEL, ADMIN_PIN};
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

/// Backups kept, as the administrator sets it.
const KEEP: usize = 3;

fn local_input(minutes_from_now: i64) -> String {
    (chrono::Local::now() + chrono::Duration::minutes(minutes_from_now))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The backup files in the folder, oldest first (their names sort by time).
fn backup_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|d| d.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    names.retain(|n| n.starts_with("vigil-") && n.ends_with(".sqlite3"));
    names.sort();
    names
}

/// The bays recorded in a backup file (encrypted with the app's key).
fn bays_in(desktop: &Desktop, file: &Path) -> Vec<String> {
    let db = desktop.open_records_file(file);
    let mut st = db.prepare("SELECT bay FROM recovery_sessions ORDER BY id").expect("query");
    st.query_map([], |r| r.get(0)).and_then(|rows| rows.collect()).expect("bays")
}

fn back_up_now(app: &Session, folder: &Path) -> String {
    let before = backup_files(folder);
    app.click(&app.find(&By::button("Back up now")));
    let file = wait_for("a new backup", Duration::from_secs(30), || {
        let status = app.try_find(&By::containing("Backed up to"))?;
        let text = app.text(&status);
        let file = text.trim_start_matches("Backed up to ").trim_end_matches('.').to_owned();
        (!before.contains(&file)).then_some(file)
    });
    app.find(&By::row(&file));
    file
}

#[test]
fn the_oldest_backup_of_a_full_set_restores_from_settings() {
    let mut desktop = Desktop::start();
    let folder = desktop.data_dir().join("backups");
    let app = desktop.launch_app();
    AdmitForm::iv("Bay 1", &local_input(-10)).submit(&app);
    app.find(&By::row("Bay 1"));

    app.click(&app.find(&By::button("Settings")));
    app.find(&By::heading("Settings"));
    app.type_into(&app.find(&By::label("Backups kept")), &KEEP.to_string());
    app.click(&app.find(&By::button("Save backup settings")));
    wait_for("the backup settings saved", Duration::from_secs(10), || {
        app.try_find(&By::xpath("//form[.//*[@id='backup-keep']]//*[@role='status']"))
    });
    // One more than the set holds: whatever the schedule made at start is pruned away.
    let made: Vec<String> = (0..=KEEP).map(|_| back_up_now(&app, &folder)).collect();
    wait_for("the set pruned to its size", Duration::from_secs(10), || {
        (backup_files(&folder).len() == KEEP).then_some(())
    });
    let set = backup_files(&folder);
    assert_eq!(set, made[1..].to_vec(), "the set is the last {KEEP} made");
    let oldest = set[0].clone();
    assert_eq!(bays_in(&desktop, &folder.join(&oldest)), ["Bay 1"]);

    // A patient admitted after the backups is not in them.
    app.click(&app.find(&By::button("Back to the board")));
    AdmitForm::iv("Bay 2", &local_input(-5)).submit(&app);
    app.find(&By::row("Bay 2"));

    app.click(&app.find(&By::button("Settings")));
    app.click(&app.find(&By::button(&format!("Restore {oldest}"))));
    app.click(&app.find(&By::button(&format!("Confirm restore of {oldest}"))));
    // The restore signs everyone out: the sign-in screen comes back (or, on failure, the error).
    wait_for("the restore", Duration::from_secs(30), || {
        if let Some(error) = app.try_find(&By::containing("could not be restored")) {
            panic!("{}", app.text(&error));
        }
        app.try_find(&By::heading("Sign in"))
    });
    desktop.screenshot("backups-oldest-restored");

    let after = backup_files(&folder);
    assert_eq!(after.len(), KEEP + 1, "nothing pruned, the replaced database kept: {after:?}");
    assert!(after.contains(&oldest));
    let copy = after.iter().find(|f| !set.contains(f)).expect("the copy of the replaced database");
    assert_eq!(bays_in(&desktop, &folder.join(copy)), ["Bay 1", "Bay 2"]);

    // Signed in again, the board shows the backup's records.
    nurse::sign_in(&app, ADMIN_LABEL, ADMIN_PIN);
    if let Some(back) = app.try_find(&By::button("Back to the board")) {
        app.click(&back);
    }
    app.find(&By::row("Bay 1"));
    assert!(app.try_find(&By::row("Bay 2")).is_none(), "Bay 2 came after the backup");
}
