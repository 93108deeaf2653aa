//! `vigil verify`, run as the built binary: a row inserted behind the app's back, and the newest
//! entry deleted together with its record (found through the newest backup's `.head`).
#![allow(clippy::expect_used)] // test code: its helpers stop the test when a step fails

mod cli_support;

use cli_support::{key, keyed, text, Workstation};
use std::path::Path;
use vigil_core::people::{NewNurse, Pin};
use vigil_core::Role;
use vigil_store::{backup, nurses, Store};

fn verify(station: &Workstation) -> (Option<i32>, String) {
    let out = station.vigil(&["verify"], None);
    (out.status.code(), text(&out.stdout))
}

/// A database with one account (its entry is the newest), backed up into the default folder,
/// its key in a key file.
fn backed_up(station: &Workstation) -> std::path::PathBuf {
    let db = station.db();
    let store = Store::open(&db, &key()).expect("open");
    let nurse = NewNurse {
        display_name: "Test Nurse".into(),
        credentials: "RN".into(),
        role: Role::Nurse,
        pin: Pin::parse("2468", "pin").expect("pin"),
    };
    let now = chrono::Utc::now();
    store.with_tx(|tx| nurses::create(tx, &nurse, None, now)).expect("account");
    let folder = store.default_backup_folder();
    store.with_conn(|c| backup::make(c, &key(), &folder, now)).expect("backup");
    station.keep_key_in_file(&key());
    db
}

fn raw(db: &Path, sql: &str) {
    keyed(db).execute_batch(sql).expect(sql);
}

#[test]
fn a_row_inserted_behind_the_apps_back_fails_verification() {
    let station = Workstation::new();
    let db = backed_up(&station);
    assert_eq!(verify(&station).0, Some(0));
    raw(&db, "INSERT INTO clock_jumps (detected_at_ms, jump_ms) VALUES (1782907200000, 60000);");
    let (code, stdout) = verify(&station);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("clock_jumps#1 has no audit entry"), "{stdout}");
}

#[test]
fn the_newest_entry_deleted_with_its_records_fails_verification() {
    let station = Workstation::new();
    let db = backed_up(&station);
    raw(
        &db,
        "DROP TRIGGER audit_events_no_delete; DROP TRIGGER nurses_no_delete;
         DROP TRIGGER nurse_pins_no_delete; DROP TRIGGER nurse_status_no_delete;
         DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events);
         DELETE FROM nurse_status; DELETE FROM nurse_pins; DELETE FROM nurses;",
    );
    let (code, stdout) = verify(&station);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("before the head of the newest backup"), "{stdout}");
}
