//! The headless commands, for an administrator at a terminal (no window, no display needed):
//! `vigil verify [--quick]`, `vigil backup [FOLDER]`, `vigil restore FILE`. Each prints what it did and
//! exits 0 on success, 1 on a failed check, 2 on an error.

use std::path::{Path, PathBuf};
use vigil_store::backup::{self, safe_restore, Occasion};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{Store, StoreError, DB_FILE_NAME};

use crate::data_dir;
use crate::state::SystemClock;
use vigil_core::Clock;

/// Runs the subcommand in `args` (after the program name) if there is one; `None` means "start
/// the app".
pub fn run(args: &[String]) -> Option<i32> {
    let code = match args.first().map(String::as_str)? {
        "verify" => verify(if args.get(1).is_some_and(|a| a == "--quick") {
            FileCheck::Quick
        } else {
            FileCheck::Full
        }),
        "backup" => back_up(args.get(1).map(PathBuf::from)),
        "restore" => match args.get(1) {
            Some(file) => restore(Path::new(file)),
            None => fail("usage: vigil restore FILE"),
        },
        "help" | "--help" | "-h" => {
            println!("usage: vigil [verify [--quick] | backup [FOLDER] | restore FILE]");
            println!("  (no argument: start the app)");
            Ok(0)
        }
        _ => return None,
    };
    Some(code.unwrap_or_else(|e| {
        eprintln!("vigil: {e}");
        2
    }))
}

fn database() -> Result<PathBuf, String> {
    Ok(data_dir::resolve()?.join(DB_FILE_NAME))
}

/// Verifies the file and the audit chain (`--quick`: as at every start; otherwise fully, every
/// record's hash and every record's entry included), then the chain against the newest
/// backup's head; works while the app runs.
fn verify(depth: FileCheck) -> Result<i32, String> {
    let store = Store::open_read_only(&database()?).map_err(|e| e.to_string())?;
    let default = store.default_backup_folder();
    let status = store
        .with_conn(|c| {
            let folder = PathBuf::from(vigil_store::settings::backup(c, &default)?.folder);
            integrity::verify_with_backups(c, depth, SystemClock.now(), &folder)
        })
        .map_err(|e| e.to_string())?;
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

/// Makes a backup into `folder` (default: the clinic's backup folder), verified or, when the
/// database does not verify, marked unverified (exit 1). While the app runs this reads
/// alongside it and cannot add the audit entry (the app is the only writer).
fn back_up(folder: Option<PathBuf>) -> Result<i32, String> {
    let path = database()?;
    let now = SystemClock.now();
    let store = match Store::open_at(&path, now) {
        Ok(store) => store,
        Err(StoreError::InUse { .. }) => Store::open_read_only(&path).map_err(|e| e.to_string())?,
        Err(e) => return Err(e.to_string()),
    };
    let taken = backup::back_up(&store, folder.as_deref(), Occasion::Headless, None, now)
        .map_err(|e| e.to_string())?;
    let made = &taken.backup;
    let head = made.head_hash.as_deref().unwrap_or("unknown");
    let file = taken.folder.join(&made.file);
    match &made.unverified {
        None => println!("backup {} verified, head {head}", file.display()),
        Some(why) => {
            println!("backup {} written but UNVERIFIED ({why}), head {head}", file.display())
        }
    }
    Ok(if made.unverified.is_some() { 1 } else { 0 })
}

/// Replaces the database with a verified backup, after copying the current one into the
/// backup folder (kept even when it does not verify). A database too damaged to open is moved
/// aside instead, named with the time. Refused while the app runs.
fn restore(file: &Path) -> Result<i32, String> {
    let path = database()?;
    let now = SystemClock.now();
    let store = match Store::open_at(&path, now) {
        Ok(store) => store,
        Err(StoreError::InUse { .. }) => {
            return fail("Vigil is running: close it before restoring.")
        }
        Err(e) if safe_restore::is_damage(&e) => {
            println!("the current database cannot be opened: {e}");
            let recovered =
                safe_restore::restore_over_damaged(&path, file, now).map_err(|e| e.to_string())?;
            println!("damaged database moved aside as {}", recovered.kept_as.display());
            return Ok(restored(file, &recovered.status));
        }
        Err(e) => return Err(e.to_string()),
    };
    let done = safe_restore::restore_with_safety_copy(&store, file, None, now)
        .map_err(|e| e.to_string())?;
    let marked = if done.safety.unverified.is_some() { " (unverified)" } else { "" };
    println!("current database backed up first as {}{marked}", done.safety.file);
    Ok(restored(file, &done.status))
}

/// Prints the restore's outcome; its exit code.
fn restored(file: &Path, status: &vigil_core::IntegrityStatus) -> i32 {
    println!("restored from {}: head {} {}", file.display(), status.head_seq, status.head_hash);
    if status.ok {
        0
    } else {
        1
    }
}

fn fail(message: &str) -> Result<i32, String> {
    eprintln!("vigil: {message}");
    Ok(2)
}
