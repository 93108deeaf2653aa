//! The headless commands, for an administrator at a terminal (no window, no display needed):
//! `vigil verify [--quick]`, `vigil backup [FOLDER]`, `vigil restore FILE`, parsed by clap
//! (`--help`, `--version`; a mistyped command or option is an error, exit 2, and opens no
//! window). Each prints what it did and exits 0 on success, 1 on a failed check, 2 on an
//! error. Without a command, the app starts. The work is done by `backup`, as for the app.

use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use vigil_core::{Clock, IntegrityStatus};
use vigil_store::integrity::FileCheck;
use vigil_store::{StoreError, DB_FILE_NAME};

use crate::backup::{self as service, RestoredFile};
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
    },
    /// Make a verified backup
    ///
    /// Makes a verified backup; in the clinic's backup folder, then keeps only the clinic's
    /// number of backups there (a folder of your own is never pruned). Exit 1 when the database
    /// does not verify (the backup is then marked unverified).
    Backup {
        /// Where to put it (default: the clinic's backup folder)
        folder: Option<PathBuf>,
    },
    /// Replace the database with a verified backup
    ///
    /// Replaces the database with a verified backup, after backing the current one up (or
    /// moving it aside when it cannot be opened). Refused while the app runs.
    Restore {
        /// The backup file to restore
        file: PathBuf,
    },
}

/// The command in `args` (the program's name first); `Ok(None)`: start the app. `Err` is
/// clap's answer: an error (exit 2), or the help or version asked for (exit 0).
pub fn parse<I, T>(args: I) -> Result<Option<Command>, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    Cli::try_parse_from(args).map(|cli| cli.command)
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

/// Runs `command` on the database at `db`; its exit code.
pub fn execute(db: &Path, command: Command) -> Result<i32, String> {
    match command {
        Command::Verify { quick } => {
            verify(db, if quick { FileCheck::Quick } else { FileCheck::Full })
        }
        Command::Backup { folder } => back_up(db, folder.as_deref()),
        Command::Restore { file } => restore(db, &file),
    }
}

fn database() -> Result<PathBuf, String> {
    Ok(data_dir::resolve()?.join(DB_FILE_NAME))
}

fn verify(db: &Path, depth: FileCheck) -> Result<i32, String> {
    let status = service::verify(db, depth, SystemClock.now()).map_err(|e| e.to_string())?;
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
fn back_up(db: &Path, folder: Option<&Path>) -> Result<i32, String> {
    let taken = service::headless(db, folder, SystemClock.now()).map_err(|e| e.to_string())?;
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

/// Restores `file` over the database (the current one copied first; a database too damaged to
/// open moved aside instead, named with the time).
fn restore(db: &Path, file: &Path) -> Result<i32, String> {
    match service::restore_file(db, file, SystemClock.now()) {
        Ok(RestoredFile::OverCurrent(done)) => {
            let marked = if done.safety.unverified.is_some() { " (unverified)" } else { "" };
            println!("current database backed up first as {}{marked}", done.safety.file);
            Ok(restored(file, &done.status))
        }
        Ok(RestoredFile::OverDamaged { why, recovered }) => {
            println!("the current database cannot be opened: {why}");
            println!("damaged database moved aside as {}", recovered.kept_as.display());
            Ok(restored(file, &recovered.status))
        }
        Err(StoreError::InUse { .. }) => {
            Err("Vigil is running: close it before restoring.".to_owned())
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Prints the restore's outcome; its exit code.
fn restored(file: &Path, status: &IntegrityStatus) -> i32 {
    println!("restored from {}: head {} {}", file.display(), status.head_seq, status.head_hash);
    if status.ok {
        0
    } else {
        1
    }
}

#[cfg(test)]
mod tests;
