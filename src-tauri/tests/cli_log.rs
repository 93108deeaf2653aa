//! The log of the headless commands, run as the built binary: the day's file in
//! `<data dir>/logs/` (0700, files 0600); a log folder that cannot be made changes nothing but
//! a line on stderr, said once; a data directory that is not there is not made by the log.
#![allow(clippy::expect_used)] // test code: its helpers stop the test when a step fails

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};
use vigil_store::{Store, DB_FILE_NAME};

fn vigil(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(args)
        .env("VIGIL_DATA_DIR", data)
        .env_remove("VIGIL_LOG")
        .output()
        .expect("run vigil")
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("exists").permissions().mode() & 0o777
}

/// A data directory holding a new database.
fn data_with_database(root: &Path) -> std::path::PathBuf {
    let data = root.join("data");
    Store::open(&data.join(DB_FILE_NAME)).expect("open");
    data
}

fn todays_file() -> String {
    format!("vigil.{}.log", chrono::Utc::now().format("%Y-%m-%d"))
}

#[test]
fn a_command_logs_to_the_days_file_owner_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = data_with_database(dir.path());
    let out = vigil(&data, &["verify", "--quick"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let folder = data.join("logs");
    let file = folder.join(todays_file());
    assert!(file.is_file(), "{} is made", file.display());
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn a_log_folder_that_cannot_be_made_is_said_once_and_changes_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = data_with_database(dir.path());
    std::fs::write(data.join("logs"), "a file where the log folder would be").expect("file");
    let out = vigil(&data, &["verify", "--quick"]);
    let (stdout, stderr) =
        (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "the command runs: {stderr}");
    assert!(stdout.starts_with("ok "), "{stdout}");
    assert_eq!(stderr.matches("no log file").count(), 1, "said once: {stderr}");
}

#[test]
fn the_log_makes_no_data_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("never made");
    let out = vigil(&data, &["verify"]);
    assert_eq!(out.status.code(), Some(2), "no database: {}", String::from_utf8_lossy(&out.stderr));
    assert!(!data.exists(), "the log made {}", data.display());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("no log file"), "nothing to say");
}
