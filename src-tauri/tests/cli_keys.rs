//! The key of the records at a terminal, run as the built binary: `verify`, `backup` and
//! `restore` with the key from the key home or with `--recovery-key` typed on standard input;
//! each way it fails (a mistyped recovery key, another records' key, a key file gone, no
//! keystore answering) is a message naming the way out, exit 2, and nothing written; and
//! `restore --recovery-key --key-file` brings the records to a new workstation.
#![allow(clippy::expect_used)] // test code: its helpers stop the test when a step fails

mod cli_support;

use cli_support::{key, other_key, recovery_key, snapshot, text, Workstation};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::Output;
use vigil_store::{backup, Store};

/// Records in the station's data directory and a verified backup of them outside it (in
/// `root/kept`); the backup's path.
fn records_with_a_backup(station: &Workstation) -> PathBuf {
    let store = Store::open(&station.db(), &key()).expect("open");
    let folder = station.root().join("kept");
    let made =
        store.with_conn(|c| backup::make(c, &key(), &folder, chrono::Utc::now())).expect("backup");
    folder.join(made.file)
}

/// The recovery key with one character of its third group changed: the check catches it.
fn mistyped() -> String {
    let mut typed: Vec<char> = recovery_key(&key()).chars().collect();
    typed[11] = if typed[11] == 'A' { 'B' } else { 'A' };
    typed.into_iter().collect()
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Asserts `out` is a refusal (exit 2) saying every one of `words`, and returns its stderr.
fn refused(out: &Output, words: &[&str]) -> String {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stdout: {}\nstderr: {stderr}", text(&out.stdout));
    for word in words {
        assert!(stderr.contains(word), "{word:?} in {stderr}");
    }
    assert!(stderr.contains("Nothing was changed"), "{stderr}");
    stderr
}

#[test]
fn the_recovery_key_typed_on_stdin_verifies_backs_up_and_restores_and_is_never_shown() {
    let station = Workstation::new();
    let kept = records_with_a_backup(&station);
    station.keep_key_in_file(&key());
    std::fs::remove_file(station.key_file()).expect("the key file is lost");
    let missing = station.vigil(&["verify"], None);
    refused(&missing, &["key file", "is missing", "--recovery-key"]);

    let typed = format!("{}\n", recovery_key(&key()).to_lowercase());
    let runs = [
        station.vigil(&["verify", "--recovery-key"], Some(&typed)),
        station.vigil(&["backup", "--recovery-key"], Some(&typed)),
        station.vigil(&["restore", "--recovery-key", path(&kept)], Some(&typed)),
    ];
    for out in &runs {
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "stdout: {stdout}\nstderr: {stderr}");
        let said = format!("{stdout}{stderr}").to_uppercase().replace('-', "");
        let secret = recovery_key(&key()).replace('-', "");
        assert!(!said.contains(&secret[..12]), "the recovery key is never shown: {said}");
        assert!(!said.contains(&key().to_hex().to_uppercase()), "nor the key: {said}");
        assert!(!stderr.contains("Recovery key:"), "no prompt when stdin is not a terminal");
    }
    assert!(text(&runs[0].stdout).starts_with("ok "), "{}", text(&runs[0].stdout));
    let restored = text(&runs[2].stdout);
    assert!(restored.contains("restored from"), "{restored}");
    assert!(restored.contains("now kept in the key file"), "{restored}");
    let file = std::fs::read_to_string(station.key_file()).expect("the key file is back");
    assert_eq!(file, format!("{}\n", key().to_hex()));
    let out = station.vigil(&["verify"], None);
    assert_eq!(out.status.code(), Some(0), "the key home works again: {}", text(&out.stderr));
}

#[test]
fn a_mistyped_recovery_key_is_named_and_changes_nothing() {
    let station = Workstation::new();
    let kept = records_with_a_backup(&station);
    let before = snapshot(station.root());
    let kept_arg = path(&kept);
    for args in [
        &["verify", "--recovery-key"][..],
        &["backup", "--recovery-key"],
        &["restore", "--recovery-key", kept_arg],
        &["restore", "--recovery-key", "--key-file", kept_arg],
    ] {
        let out = station.vigil(args, Some(&format!("{}\n", mistyped())));
        refused(&out, &["This recovery key does not add up", "mistyped"]);
        let out = station.vigil(args, Some("ABCD-EFGH-UUUU\n"));
        refused(&out, &["\"U\" in group 3 is not in recovery keys"]);
        let out = station.vigil(args, Some(""));
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("no recovery key was typed"), "{stderr}");
    }
    assert_eq!(snapshot(station.root()), before, "nothing written");
}

#[test]
fn another_records_key_opens_nothing_and_changes_nothing() {
    let station = Workstation::new();
    let kept = records_with_a_backup(&station);
    let typed = format!("{}\n", recovery_key(&other_key()));
    let before = snapshot(station.root());
    for args in [
        &["verify", "--recovery-key"][..],
        &["backup", "--recovery-key"],
        &["restore", "--recovery-key", path(&kept)],
    ] {
        let out = station.vigil(args, Some(&typed));
        refused(&out, &["this recovery key does not open the records", "restore a backup"]);
    }
    assert_eq!(snapshot(station.root()), before, "nothing written");

    station.keep_key_in_file(&other_key());
    let before = snapshot(station.root());
    for args in [&["verify"][..], &["backup"], &["restore", path(&kept)]] {
        let out = station.vigil(args, None);
        refused(&out, &["does not open the records", "--recovery-key", "restore a backup"]);
    }
    assert_eq!(snapshot(station.root()), before, "nothing written");
}

#[test]
fn no_keystore_answering_is_named_with_the_way_out_and_changes_nothing() {
    let station = Workstation::new();
    let kept = records_with_a_backup(&station);
    std::fs::write(station.data().join("key-home"), "keystore\n").expect("key-home");
    let before = snapshot(station.root());
    for args in [&["verify"][..], &["backup"], &["restore", path(&kept)]] {
        let out = station.vigil(args, None);
        refused(&out, &["no keystore answers on this workstation", "--recovery-key"]);
    }
    let typed = format!("{}\n", recovery_key(&key()));
    let out = station.vigil(&["restore", "--recovery-key", path(&kept)], Some(&typed));
    refused(&out, &["no keystore answers", "to keep the key in", "--key-file (weaker"]);
    assert_eq!(snapshot(station.root()), before, "nothing written");
}

#[test]
fn restore_with_the_recovery_key_brings_the_records_to_a_new_workstation() {
    let old = Workstation::new();
    let kept = records_with_a_backup(&old);
    let new = Workstation::new();
    let typed = format!("{}\n", recovery_key(&key()));

    let out = new.vigil(&["restore", "--recovery-key", "--key-file", path(&kept)], Some(&typed));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("there was no database here"), "{stdout}");
    assert!(stdout.contains("now kept in the key file"), "{stdout}");
    let file = std::fs::metadata(new.key_file()).expect("the key file");
    assert_eq!(file.permissions().mode() & 0o777, 0o600);
    let home = std::fs::read_to_string(new.data().join("key-home")).expect("key-home");
    assert_eq!(home, format!("key-file {}\n", new.key_file().display()));
    let verify = new.vigil(&["verify"], None);
    assert_eq!(verify.status.code(), Some(0), "{}", text(&verify.stderr));
    let store = Store::open(&new.db(), &key()).expect("the restored records open with the key");
    let rows: i64 = store
        .with_conn(|c| Ok(c.query_row("SELECT count(*) FROM protocol_versions", [], |r| r.get(0))?))
        .expect("count");
    assert_eq!(rows, 3, "the backup's records");
}

#[test]
fn a_restore_that_fails_on_a_new_workstation_leaves_nothing_behind() {
    let old = Workstation::new();
    let kept = records_with_a_backup(&old);
    let conn = vigil_store::cipher::open_keyed(&kept, &key()).expect("the backup");
    conn.execute_batch(
        "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET detail = 'x' WHERE seq = 1;",
    )
    .expect("tamper with the backup");
    drop(conn);
    let new = Workstation::new();
    let before = snapshot(new.root());
    let typed = format!("{}\n", recovery_key(&key()));
    let out = new.vigil(&["restore", "--recovery-key", "--key-file", path(&kept)], Some(&typed));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("does not verify"), "{stderr}");
    assert!(!new.data().exists(), "no data directory left");
    assert_eq!(snapshot(new.root()), before, "no key file, nothing written");
}

#[test]
fn the_key_file_of_other_records_is_never_overwritten() {
    let old = Workstation::new();
    let kept = records_with_a_backup(&old);
    let new = Workstation::new();
    std::fs::create_dir_all(new.data()).expect("data");
    new.keep_key_in_file(&other_key());
    std::fs::remove_file(new.data().join("key-home")).expect("another data directory's key file");
    let before = snapshot(new.root());
    let typed = format!("{}\n", recovery_key(&key()));
    let out = new.vigil(&["restore", "--recovery-key", "--key-file", path(&kept)], Some(&typed));
    refused(&out, &["already holds another key", "--key-file=PATH"]);
    assert_eq!(snapshot(new.root()), before, "nothing written");
}
