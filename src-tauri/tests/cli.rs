//! The headless `vigil restore`, run as the built binary on a data directory of its own.
#![allow(clippy::expect_used)] // test code: its helpers stop the test when a step fails

mod cli_support;

use cli_support::{key, keyed, Workstation};
use std::path::Path;
use vigil_store::{backup, Store};

/// Overwrites the middle of the file with garbage, as a failing disk would.
fn damage(db: &Path) {
    let mut bytes = std::fs::read(db).expect("read");
    assert!(bytes.len() > 8192, "the database has more than two pages");
    for b in &mut bytes[4096..8192] {
        *b = 0xA5;
    }
    std::fs::write(db, bytes).expect("write");
}

fn protocol_rows(db: &Path) -> i64 {
    let conn = keyed(db);
    conn.query_row("SELECT count(*) FROM protocol_versions", [], |r| r.get(0)).expect("count")
}

#[test]
fn restore_moves_a_damaged_database_aside_and_restores() {
    let station = Workstation::new();
    let (data, db) = (station.data(), station.db());
    let folder = station.root().join("kept");
    let made = {
        let store = Store::open(&db, &key()).expect("open");
        store.with_conn(|c| backup::make(c, &key(), &folder, chrono::Utc::now())).expect("backup")
    };
    station.keep_key_in_file(&key());
    damage(&db);
    assert!(Store::open(&db, &key()).is_err(), "the damaged database no longer opens");

    let backup_file = folder.join(&made.file);
    let out = station.vigil(&["restore", backup_file.to_str().expect("utf-8 path")], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stdout: {stdout}\nstderr: {stderr}");

    let aside: Vec<String> = std::fs::read_dir(&data)
        .expect("list")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("vigil.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept aside: {aside:?}");
    assert!(stdout.contains(&aside[0]), "it says where the damaged file went: {stdout}");
    assert!(stdout.contains("restored from"), "{stdout}");
    assert_eq!(protocol_rows(&db), 3, "the restored database holds the backup's records");
    let verify = station.vigil(&["verify"], None);
    assert_eq!(verify.status.code(), Some(0), "{}", String::from_utf8_lossy(&verify.stdout));
}

#[test]
fn backup_and_restore_go_on_over_a_tampered_database() {
    let station = Workstation::new();
    let (data, db) = (station.data(), station.db());
    let folder = data.join("backups");
    let good = {
        let store = Store::open(&db, &key()).expect("open");
        let good = store
            .with_conn(|c| backup::make(c, &key(), &folder, chrono::Utc::now()))
            .expect("backup");
        store
            .with_conn(|c| {
                Ok(c.execute_batch(
                    "DROP TRIGGER audit_events_no_update;
                     UPDATE audit_events SET detail = 'altered' WHERE seq = 2;",
                )?)
            })
            .expect("tamper");
        good
    };
    station.keep_key_in_file(&key());

    let out = station.vigil(&["backup"], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "written but unverified: {stdout}");
    assert!(stdout.contains("UNVERIFIED (audit entry 2"), "{stdout}");

    let file = folder.join(&good.file);
    let out = station.vigil(&["restore", file.to_str().expect("utf-8 path")], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("(unverified)"), "the copy is marked: {stdout}");
    let listed = backup::list(&folder).expect("list");
    let unverified = listed.iter().filter(|b| b.unverified.is_some()).count();
    assert_eq!((listed.len(), unverified), (3, 2), "{listed:?}");
    let verify = station.vigil(&["verify"], None);
    assert_eq!(verify.status.code(), Some(0), "the restored record verifies");
}
