//! The headless commands, for an administrator at a terminal (no window, no display needed):
//! `vigil verify [--quick]`, `vigil backup [FOLDER]`, `vigil restore FILE`, parsed by clap
//! (`--help`, `--version` with the schema, SQLite and SQLCipher versions; a mistyped command
//! or option is an error, exit 2, and opens no window). Each prints what it did and exits 0 on
//! success, 1 on a failed check, 2 on an error. Without a command, the app starts. The work is
//! done by `backup`, as for the app.
//!
//! The key of the records comes from the data directory's key home (the keystore, or a key
//! file), or with `--recovery-key` from the recovery key typed on standard input (`key`,
//! `typed`): never from an argument, which other users see in `ps` and the shell keeps in its
//! history. `restore --recovery-key` then keeps the key in the key home (`restore`, `keep`).

mod keep;
mod key;
mod restore;
mod typed;
pub mod version;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use vigil_core::Clock;
use vigil_store::cipher::{self, FileKind};
use vigil_store::integrity::FileCheck;
use vigil_store::{DbKey, DB_FILE_NAME};
use zeroize::Zeroizing;

use crate::backup as service;
use crate::data_dir;
use crate::state::SystemClock;

/// Vigil: monitoring after ketamine and esketamine dosing.
#[derive(Debug, Parser)]
#[command(name = "vigil", version, after_help = "Without a command, starts the app.")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

/// A headless command.
#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Verify the database file and its audit chain
    ///
    /// Verifies the database file and the audit chain, then the chain against the newest
    /// backup; works while the app runs. Exit 1 when something does not verify.
    Verify {
        /// Only the checks made at every start (otherwise every record's hash and entry too)
        #[arg(long)]
        quick: bool,
        /// Type the recovery key (asked for on standard input) instead of using the key this
        /// workstation keeps
        #[arg(long)]
        recovery_key: bool,
    },
    /// Make a verified backup
    ///
    /// Makes a verified backup; in the clinic's backup folder, then keeps only the clinic's
    /// number of backups there (a folder of your own is never pruned). Exit 1 when the database
    /// does not verify (the backup is then marked unverified).
    Backup {
        /// Where to put it (default: the clinic's backup folder)
        folder: Option<PathBuf>,
        /// Type the recovery key (asked for on standard input) instead of using the key this
        /// workstation keeps
        #[arg(long)]
        recovery_key: bool,
    },
    /// Replace the database with a verified backup
    ///
    /// Replaces the database with a verified backup, after backing the current one up (or
    /// moving it aside when it cannot be opened); where there is no database (a new
    /// workstation), the backup becomes the database. Refused while the app runs.
    Restore {
        /// The backup file to restore
        file: PathBuf,
        /// Type the recovery key (asked for on standard input) instead of using the key this
        /// workstation keeps; the key is then kept where this data directory keeps it (the
        /// keystore, unless a key file is in use or --key-file chooses one), so that Vigil
        /// opens the restored records
        #[arg(long)]
        recovery_key: bool,
        /// With --recovery-key: keep the key in a key file instead of the keystore (weaker:
        /// whoever copies the file and the records can read them); default
        /// ~/.config/vigil/records.key
        #[arg(long, value_name = "PATH", require_equals = true, requires = "recovery_key")]
        key_file: Option<Option<PathBuf>>,
    },
}

/// The command in `args` (the program's name first); `Ok(None)`: start the app. `Err` is
/// clap's answer: an error (exit 2), or the help or version asked for (exit 0).
pub fn parse<I, T>(args: I) -> Result<Option<Command>, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let matches = Cli::command().long_version(version::long()).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches).map(|cli| cli.command)
}

/// Runs the command in `args` (the program's name first) if there is one, returning its exit
/// code; `None` means "start the app". Help, version and errors are printed here.
pub fn run<I, T>(args: I) -> Option<i32>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let command = match parse(args) {
        Ok(command) => command?,
        Err(answer) => {
            let _ = answer.print();
            return Some(answer.exit_code());
        }
    };
    crate::log::install_for_cli();
    Some(database().and_then(|db| execute(&db, command)).unwrap_or_else(|e| {
        // The command's answer at the terminal (the log has its own line where it matters).
        eprintln!("vigil: {e}");
        2
    }))
}

/// Runs `command` on the database at `db` (a recovery key read from standard input); its exit
/// code.
pub fn execute(db: &Path, command: Command) -> Result<i32, String> {
    execute_with(db, command, &mut typed::from_stdin)
}

/// [`execute`], the recovery key (when the command asks for one) from `typed`.
pub fn execute_with(
    db: &Path,
    command: Command,
    typed: &mut dyn FnMut() -> Result<Zeroizing<String>, String>,
) -> Result<i32, String> {
    match command {
        Command::Verify { quick, recovery_key } => {
            let key = existing_records(db, "verify", recovery_key, typed)?;
            verify(db, &key, if quick { FileCheck::Quick } else { FileCheck::Full })
        }
        Command::Backup { folder, recovery_key } => {
            let key = existing_records(db, "back up", recovery_key, typed)?;
            back_up(db, &key, folder.as_deref())
        }
        Command::Restore { file, recovery_key, key_file } => {
            let choice = restore::KeyChoice { recovery_key, key_file };
            restore::run(db, &file, choice, typed)
        }
    }
}

fn database() -> Result<PathBuf, String> {
    Ok(data_dir::resolve()?.join(DB_FILE_NAME))
}

/// The key of the encrypted records at `db`, proved to open them; errors when there are none
/// (nothing to `what`), they are not encrypted yet, or no key opens them.
fn existing_records(
    db: &Path,
    what: &str,
    recovery: bool,
    typed: &mut dyn FnMut() -> Result<Zeroizing<String>, String>,
) -> Result<DbKey, String> {
    match cipher::file_kind(db).map_err(|e| e.to_string())? {
        FileKind::Missing => {
            return Err(format!("there are no records at {} to {what}", db.display()))
        }
        FileKind::Plain => return Err(key::not_encrypted(db)),
        FileKind::Empty | FileKind::Encrypted => {}
    }
    let dir = db.parent().unwrap_or(Path::new("."));
    let (key, source) = key::obtain(dir, recovery, typed)?;
    key::opens(db, &key, source)?;
    Ok(key)
}

fn verify(db: &Path, key: &DbKey, depth: FileCheck) -> Result<i32, String> {
    let status = service::verify(db, key, depth, SystemClock.now()).map_err(|e| e.to_string())?;
    if status.ok {
        println!("ok {} entries, head {} {}", status.rows, status.head_seq, status.head_hash);
        Ok(0)
    } else {
        println!(
            "BROKEN at entry {}: {}",
            status.first_bad_seq.map_or("-".to_owned(), |s| s.to_string()),
            status.problem.unwrap_or_default()
        );
        Ok(1)
    }
}

/// Backs up into `folder` (default: the clinic's, the only one pruned). While the app runs
/// this reads alongside it and cannot add the audit entry (the app is the only writer). A
/// pruning that fails is a warning line: the backup stands.
fn back_up(db: &Path, key: &DbKey, folder: Option<&Path>) -> Result<i32, String> {
    let taken = service::headless(db, key, folder, SystemClock.now()).map_err(|e| e.to_string())?;
    let made = &taken.backup;
    let head = made.head_hash.as_deref().unwrap_or("unknown");
    let file = taken.folder.join(&made.file);
    match &made.unverified {
        None => println!("backup {} verified, head {head}", file.display()),
        Some(why) => {
            println!("backup {} written but UNVERIFIED ({why}), head {head}", file.display())
        }
    }
    if taken.pruned > 0 {
        println!("{} old backups removed", taken.pruned);
    }
    if let Some(why) = &taken.prune_failed {
        println!("warning: old backups could not be removed: {why}");
    }
    Ok(if made.unverified.is_some() { 1 } else { 0 })
}

#[cfg(test)]
mod tests;
