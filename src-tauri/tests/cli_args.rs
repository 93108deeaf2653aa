//! The command line of the built binary: help, version, and mistakes answered by clap without
//! starting the app (no display is given, so a started app could not open its window; the data
//! directory stays empty, where the app would make its database).
#![allow(clippy::expect_used)] // test code: its helpers stop the test when a step fails

use std::path::Path;
use std::process::{Command, Output};

/// Runs `vigil ARGS` in `dir` (its working directory and its data directory `dir/data`), with
/// no display.
fn vigil(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(args)
        .current_dir(dir)
        .env("VIGIL_DATA_DIR", dir.join("data"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run vigil")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What `dir` holds, by name.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

#[test]
fn help_lists_the_commands_and_exits_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = vigil(dir.path(), &["--help"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let help = text(&out.stdout);
    for word in ["verify", "backup", "restore", "--version", "Without a command, starts the app"] {
        assert!(help.contains(word), "{word} in {help}");
    }
    assert!(entries(dir.path()).is_empty(), "nothing made: {:?}", entries(dir.path()));
}

#[test]
fn version_prints_the_app_schema_sqlite_and_sqlcipher_versions_and_exits_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = vigil(dir.path(), &["--version"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(lines[0], format!("vigil {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(lines[1], format!("schema version {}", vigil_store::migrations::latest_version()));
    assert_eq!(lines[2], format!("SQLite {}", rusqlite::version()));
    let cipher = vigil_store::cipher::cipher_version().expect("SQLCipher");
    assert!(cipher.starts_with('4'), "SQLCipher 4: {cipher}");
    assert_eq!(lines[3], format!("SQLCipher {cipher}"));
    assert!(entries(dir.path()).is_empty(), "nothing made: {:?}", entries(dir.path()));

    let out = vigil(dir.path(), &["-V"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).trim(), format!("vigil {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_mistyped_command_exits_2_without_starting_the_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = vigil(dir.path(), &["veryfy"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("unrecognized subcommand 'veryfy'"), "{stderr}");
    assert!(stderr.contains("verify"), "it suggests the real one: {stderr}");
    assert!(entries(dir.path()).is_empty(), "no database made: {:?}", entries(dir.path()));
}

#[test]
fn verify_quik_is_an_error_not_a_full_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = vigil(dir.path(), &["verify", "--quik"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("unexpected argument '--quik'"), "{stderr}");
    assert!(stderr.contains("--quick"), "it suggests --quick: {stderr}");
    assert!(text(&out.stdout).is_empty(), "no check ran: {}", text(&out.stdout));
}

#[test]
fn backup_help_prints_help_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = vigil(dir.path(), &["backup", "--help"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("[FOLDER]"), "{}", text(&out.stdout));
    assert!(
        entries(dir.path()).is_empty(),
        "no folder named --help, no database: {:?}",
        entries(dir.path())
    );
}
