//! The command line as clap parses it (help, version, mistakes), and the headless backup
//! pruning like the app's.

use super::*;
use clap::error::ErrorKind;
use vigil_core::BackupSettingsEdit;
use vigil_store::{backup, Store};

use crate::commands::settings::change_backup;
use crate::key_home::{self, KeyHome};
use crate::test_support::{admin_state_at_t0, test_key};

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
    let verify = |quick, recovery_key| Command::Verify { quick, recovery_key };
    assert_eq!(parsed(&["vigil", "verify"]), verify(false, false));
    assert_eq!(parsed(&["vigil", "verify", "--quick"]), verify(true, false));
    assert_eq!(parsed(&["vigil", "verify", "--recovery-key", "--quick"]), verify(true, true));
    assert_eq!(parsed(&["vigil", "backup"]), Command::Backup { folder: None, recovery_key: false });
    assert_eq!(
        parsed(&["vigil", "backup", "--recovery-key", "/mnt/usb"]),
        Command::Backup { folder: Some(PathBuf::from("/mnt/usb")), recovery_key: true }
    );
    let restore = |recovery_key, key_file| Command::Restore {
        file: PathBuf::from("kept.sqlite3"),
        recovery_key,
        key_file,
    };
    assert_eq!(parsed(&["vigil", "restore", "kept.sqlite3"]), restore(false, None));
    assert_eq!(
        parsed(&["vigil", "restore", "--recovery-key", "kept.sqlite3"]),
        restore(true, None)
    );
    assert_eq!(
        parsed(&["vigil", "restore", "--recovery-key", "--key-file", "kept.sqlite3"]),
        restore(true, Some(None)),
        "the file after a bare --key-file is the backup, not the key file"
    );
    assert_eq!(
        parsed(&[
            "vigil",
            "restore",
            "--recovery-key",
            "--key-file=/k/records.key",
            "kept.sqlite3"
        ]),
        restore(true, Some(Some(PathBuf::from("/k/records.key"))))
    );
}

#[test]
fn the_recovery_key_is_a_flag_never_a_value_and_key_file_needs_it() {
    let error = refused(&["vigil", "verify", "--recovery-key=ABCD-EFGH"]);
    assert_eq!(error.kind(), ErrorKind::TooManyValues, "{}", error.render());
    let error = refused(&["vigil", "backup", "--recovery-key", "ABCD-EFGH", "/mnt/usb"]);
    assert_eq!(error.kind(), ErrorKind::UnknownArgument, "{}", error.render());
    let error = refused(&["vigil", "restore", "--key-file", "kept.sqlite3"]);
    assert_eq!(error.kind(), ErrorKind::MissingRequiredArgument, "{}", error.render());
    assert!(error.render().to_string().contains("--recovery-key"), "{}", error.render());
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
    let lines: Vec<&str> = text.trim().lines().collect();
    let schema = format!("schema version {}", vigil_store::migrations::latest_version());
    let sqlite = format!("SQLite {}", rusqlite::version());
    let app = format!("vigil {}", env!("CARGO_PKG_VERSION"));
    assert_eq!(lines[..3], [app.as_str(), schema.as_str(), sqlite.as_str()], "{text}");
    let cipher = vigil_store::cipher::cipher_version().expect("SQLCipher");
    assert_eq!(lines[3], format!("SQLCipher {cipher}"));
    let short = refused(&["vigil", "-V"]);
    assert_eq!((short.kind(), short.exit_code()), (ErrorKind::DisplayVersion, 0));
    assert_eq!(short.render().to_string().trim(), app, "-V: the app's version alone");
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
        assert_eq!(
            run_with_key_home(&db, Command::Backup { folder: None, recovery_key: false }),
            Ok(0)
        );
    }
    let folder = Store::default_backup_folder_of(&db);
    let kept = backup::list(&folder).expect("list");
    assert_eq!(kept.len(), 2, "pruned to the clinic's number: {kept:?}");
}

/// A data directory (`<root>/data`) whose clinic keeps `keep` backups, its key in a key file
/// outside it (`<root>/keys`); the database's path.
fn database_keeping(root: &Path, keep: f64) -> PathBuf {
    let dir = root.join("data");
    let (state, _clock) = admin_state_at_t0(&dir);
    let folder = state.store.default_backup_folder().display().to_string();
    let edit = BackupSettingsEdit { folder, interval_minutes: 240.0, keep };
    change_backup(&state, &edit).expect("keep");
    let home = KeyHome::KeyFile(root.join("keys").join("records.key"));
    key_home::store(&dir, &test_key(), &home).expect("key file home");
    state.store.path().to_owned()
}

/// Runs `command` with the key from the key home (no recovery key may be asked for).
fn run_with_key_home(db: &Path, command: Command) -> Result<i32, String> {
    execute_with(db, command, &mut || panic!("no recovery key is asked for"))
}

#[test]
fn the_headless_backup_into_a_folder_of_ones_own_prunes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = database_keeping(dir.path(), 2.0);
    let own = dir.path().join("archive");
    for _ in 0..4 {
        let command = Command::Backup { folder: Some(own.clone()), recovery_key: false };
        assert_eq!(run_with_key_home(&db, command), Ok(0));
    }
    assert_eq!(backup::list(&own).expect("list").len(), 4, "the archive kept whole");
}

#[test]
fn a_pruning_that_fails_after_a_good_headless_backup_is_not_a_failure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = database_keeping(dir.path(), 1.0);
    let folder = Store::default_backup_folder_of(&db);
    std::fs::create_dir_all(folder.join("vigil-20000101T000000000Z.sqlite3/inside")).expect("dir");
    let command = Command::Backup { folder: None, recovery_key: false };
    assert_eq!(run_with_key_home(&db, command), Ok(0));
    assert_eq!(backup::list(&folder).expect("list").len(), 2, "the new one and the stuck one");
}

#[test]
fn plain_records_send_the_administrator_to_settings_for_a_recovery_key() {
    let message = key::not_encrypted(std::path::Path::new("/srv/vigil/vigil.sqlite3"));
    assert!(message.contains("/srv/vigil/vigil.sqlite3 are not encrypted yet"), "{message}");
    assert!(message.contains("start Vigil once to encrypt them"), "{message}");
    assert!(
        message.contains("an administrator issues their recovery key in Settings, Encryption"),
        "{message}"
    );
    assert!(!message.contains("shows their recovery key"), "the upgrade shows none: {message}");
}
