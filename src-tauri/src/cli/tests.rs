//! The command line as clap parses it (help, version, mistakes), and the headless backup
//! pruning like the app's.

use super::*;
use clap::error::ErrorKind;
use vigil_core::BackupSettingsEdit;
use vigil_store::{backup, Store};

use crate::commands::settings::change_backup;
use crate::test_support::admin_state_at_t0;

fn refused(args: &[&str]) -> clap::Error {
    parse(args).expect_err("clap answers instead of running a command")
}

#[test]
fn no_command_starts_the_app() {
    assert_eq!(parse(["vigil"]).expect("parsed"), None);
}

#[test]
fn the_three_commands_and_their_arguments_parse() {
    let parsed = |args: &[&str]| parse(args).expect("parsed").expect("a command");
    assert_eq!(parsed(&["vigil", "verify"]), Command::Verify { quick: false });
    assert_eq!(parsed(&["vigil", "verify", "--quick"]), Command::Verify { quick: true });
    assert_eq!(parsed(&["vigil", "backup"]), Command::Backup { folder: None });
    assert_eq!(
        parsed(&["vigil", "backup", "/mnt/usb"]),
        Command::Backup { folder: Some(PathBuf::from("/mnt/usb")) }
    );
    assert_eq!(
        parsed(&["vigil", "restore", "kept.sqlite3"]),
        Command::Restore { file: PathBuf::from("kept.sqlite3") }
    );
}

#[test]
fn help_and_version_are_answers_with_exit_0() {
    for args in [&["vigil", "--help"][..], &["vigil", "-h"], &["vigil", "help"]] {
        let answer = refused(args);
        assert_eq!(answer.kind(), ErrorKind::DisplayHelp, "{args:?}");
        assert_eq!(answer.exit_code(), 0);
        let text = answer.render().to_string();
        for command in ["verify", "backup", "restore", "Without a command, starts the app"] {
            assert!(text.contains(command), "{command} in {text}");
        }
    }
    let version = refused(&["vigil", "--version"]);
    assert_eq!(version.kind(), ErrorKind::DisplayVersion);
    assert_eq!(version.exit_code(), 0);
    let text = version.render().to_string();
    assert_eq!(text.trim(), format!("vigil {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_mistyped_command_is_an_error_with_exit_2() {
    let error = refused(&["vigil", "veryfy"]);
    assert_eq!(error.kind(), ErrorKind::InvalidSubcommand);
    assert_eq!(error.exit_code(), 2);
    assert!(error.render().to_string().contains("verify"), "it suggests the real one");
}

#[test]
fn verify_quik_is_an_error_not_a_full_check() {
    let error = refused(&["vigil", "verify", "--quik"]);
    assert_eq!(error.kind(), ErrorKind::UnknownArgument);
    assert_eq!(error.exit_code(), 2);
    assert!(error.render().to_string().contains("--quick"), "it suggests --quick");
}

#[test]
fn backup_help_is_help_not_a_folder_named_help() {
    let answer = refused(&["vigil", "backup", "--help"]);
    assert_eq!(answer.kind(), ErrorKind::DisplayHelp);
    assert!(answer.render().to_string().contains("[FOLDER]"));
}

#[test]
fn restore_without_a_file_and_extra_arguments_are_errors() {
    assert_eq!(refused(&["vigil", "restore"]).kind(), ErrorKind::MissingRequiredArgument);
    assert_eq!(refused(&["vigil", "backup", "a", "b"]).kind(), ErrorKind::UnknownArgument);
    assert_eq!(refused(&["vigil", "--quick"]).exit_code(), 2);
}

#[test]
fn the_headless_backup_prunes_to_the_clinics_number_like_the_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = database_keeping(dir.path(), 2.0);
    for _ in 0..4 {
        assert_eq!(execute(&db, Command::Backup { folder: None }), Ok(0));
    }
    let folder = Store::default_backup_folder_of(&db);
    let kept = backup::list(&folder).expect("list");
    assert_eq!(kept.len(), 2, "pruned to the clinic's number: {kept:?}");
}

/// A data directory whose clinic keeps `keep` backups; the database's path.
fn database_keeping(dir: &Path, keep: f64) -> PathBuf {
    let (state, _clock) = admin_state_at_t0(dir);
    let folder = state.store.default_backup_folder().display().to_string();
    let edit = BackupSettingsEdit { folder, interval_minutes: 240.0, keep };
    change_backup(&state, &edit).expect("keep");
    state.store.path().to_owned()
}

#[test]
fn the_headless_backup_into_a_folder_of_ones_own_prunes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = database_keeping(dir.path(), 2.0);
    let own = dir.path().join("archive");
    for _ in 0..4 {
        assert_eq!(execute(&db, Command::Backup { folder: Some(own.clone()) }), Ok(0));
    }
    assert_eq!(backup::list(&own).expect("list").len(), 4, "the archive kept whole");
}

#[test]
fn a_pruning_that_fails_after_a_good_headless_backup_is_not_a_failure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = database_keeping(dir.path(), 1.0);
    let folder = Store::default_backup_folder_of(&db);
    std::fs::create_dir_all(folder.join("vigil-20000101T000000000Z.sqlite3/inside")).expect("dir");
    assert_eq!(execute(&db, Command::Backup { folder: None }), Ok(0));
    assert_eq!(backup::list(&folder).expect("list").len(), 2, "the new one and the stuck one");
}
