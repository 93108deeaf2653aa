//! The log of the headless commands, run as the built binary: they make no log folder and no
//! data directory, append to the day's file (0600) only in the app's existing log folder owned
//! by their user, and print only warnings and errors on stderr unless `VIGIL_LOG` asks for
//! more, so their answers stand alone.
#![allow(clippy::expect_used)] // test code: its helpers stop the test when a step fails

mod cli_support;

use cli_support::{dead_bus, key, Workstation};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use vigil_store::Store;

/// Runs `vigil ARGS` on `data` in `station` (its key home, no keystore), at log `level`.
fn vigil(station: &Workstation, data: &Path, args: &[&str], level: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vigil"));
    command
        .args(args)
        .env("VIGIL_DATA_DIR", data)
        .env("HOME", station.home())
        .env("XDG_CONFIG_HOME", station.home().join(".config"))
        .env("DBUS_SESSION_BUS_ADDRESS", dead_bus(station.root()))
        .env_remove("VIGIL_LOG");
    if let Some(level) = level {
        command.env("VIGIL_LOG", level);
    }
    command.output().expect("run vigil")
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("exists").permissions().mode() & 0o777
}

/// A data directory holding a new database, its key in a key file.
fn data_with_database(station: &Workstation) -> PathBuf {
    Store::open(&station.db(), &key()).expect("open");
    station.keep_key_in_file(&key());
    station.data()
}

/// The log folder as the app makes it (0700).
fn apps_log_folder(data: &Path) -> PathBuf {
    let folder = data.join("logs");
    std::fs::DirBuilder::new().mode(0o700).create(&folder).expect("log folder");
    folder
}

fn utc_date() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

/// The day's file in `folder`: of the UTC date when the test `started` or of now (midnight
/// may pass meanwhile).
fn days_file(folder: &Path, started: &str) -> PathBuf {
    [started.to_owned(), utc_date()]
        .iter()
        .map(|date| folder.join(format!("vigil.{date}.log")))
        .find(|file| file.is_file())
        .unwrap_or_else(|| panic!("no day's file in {}", folder.display()))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_command_appends_to_the_apps_log_folder_owner_only_and_answers_alone() {
    let started = utc_date();
    let station = Workstation::new();
    let data = data_with_database(&station);
    let folder = apps_log_folder(&data);
    let out = vigil(&station, &data, &["backup"], None);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.starts_with("backup ") && stdout.contains(" verified"), "{stdout}");
    assert_eq!(stderr, "", "no log lines beside the answer");
    let file = days_file(&folder, &started);
    let logged = std::fs::read_to_string(&file).expect("the day's file");
    assert!(logged.contains(" INFO ") && logged.contains(" made (0 old ones pruned)"), "{logged}");
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn vigil_log_sets_the_commands_stderr_level() {
    let station = Workstation::new();
    let data = data_with_database(&station);
    let out = vigil(&station, &data, &["backup"], Some("info"));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains(" INFO ") && stderr.contains(" made (0 old ones pruned)"), "{stderr}");
}

#[test]
fn verify_makes_no_log_folder_nor_file() {
    let station = Workstation::new();
    let data = data_with_database(&station);
    let out = vigil(&station, &data, &["verify", "--quick"], None);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.starts_with("ok "), "{stdout}");
    assert_eq!(stderr, "", "nothing beside the answer");
    assert!(!data.join("logs").exists(), "the command made the log folder");
}

#[test]
fn a_file_where_the_log_folder_would_be_changes_nothing() {
    let station = Workstation::new();
    let data = data_with_database(&station);
    std::fs::write(data.join("logs"), "a file where the log folder would be").expect("file");
    let out = vigil(&station, &data, &["verify", "--quick"], None);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "the command runs: {stderr}");
    assert!(stdout.starts_with("ok "), "{stdout}");
    assert_eq!(stderr, "", "not the app's log folder: left alone, quietly");
    assert!(data.join("logs").is_file());
}

#[test]
fn the_log_makes_no_data_directory() {
    let station = Workstation::new();
    let data = station.root().join("never made");
    let out = vigil(&station, &data, &["verify"], None);
    assert_eq!(out.status.code(), Some(2), "no database: {}", text(&out.stderr));
    assert!(!data.exists(), "the log made {}", data.display());
    assert!(!text(&out.stderr).contains("no log file"), "nothing to say");
}
