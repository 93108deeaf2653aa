//! The headless commands, for an administrator at a terminal (no window, no display needed):
//! `vigil verify [--quick]`, `vigil backup [FOLDER]`, `vigil restore FILE`. Each prints what it did and
//! exits 0 on success, 1 on a failed check, 2 on an error.

use std::path::{Path, PathBuf};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{backup, settings, Store, StoreError, DB_FILE_NAME};

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
/// record's hash included); works while the app runs.
fn verify(depth: FileCheck) -> Result<i32, String> {
    let store = Store::open_read_only(&database()?).map_err(|e| e.to_string())?;
    let status = store
        .with_conn(|c| integrity::verify(c, depth, SystemClock.now()))
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

/// Makes a verified backup into `folder` (default: the clinic's backup folder). While the app
/// runs this reads alongside it and cannot add the audit entry (the app is the only writer).
fn back_up(folder: Option<PathBuf>) -> Result<i32, String> {
    let path = database()?;
    let now = SystemClock.now();
    let (store, writer) = match Store::open_at(&path, now) {
        Ok(store) => (store, true),
        Err(StoreError::InUse { .. }) => {
            (Store::open_read_only(&path).map_err(|e| e.to_string())?, false)
        }
        Err(e) => return Err(e.to_string()),
    };
    let default = store.default_backup_folder();
    let chosen = store.with_conn(|c| settings::backup(c, &default)).map_err(|e| e.to_string())?;
    let folder = folder.unwrap_or_else(|| PathBuf::from(&chosen.folder));
    let made = store.with_conn(|c| backup::make(c, &folder, now)).map_err(|e| e.to_string())?;
    if writer {
        let detail =
            format!("{} head {} (headless)", made.file, made.head_hash.as_deref().unwrap_or("?"));
        let entry = vigil_store::audit::Entry::new(vigil_store::audit::Action::Backup, None)
            .detail(&detail);
        store
            .with_tx(|tx| vigil_store::audit::append(tx, now, &entry))
            .map_err(|e| e.to_string())?;
    }
    println!(
        "backup {} verified, head {}",
        folder.join(&made.file).display(),
        made.head_hash.unwrap_or_default()
    );
    Ok(0)
}

/// Replaces the database with a verified backup, after backing the current one up. Refused
/// while the app runs.
fn restore(file: &Path) -> Result<i32, String> {
    let path = database()?;
    let now = SystemClock.now();
    let store = match Store::open_at(&path, now) {
        Ok(store) => store,
        Err(StoreError::InUse { .. }) => {
            return fail("Vigil is running: close it before restoring.")
        }
        Err(e) => return Err(e.to_string()),
    };
    let default = store.default_backup_folder();
    let chosen = store.with_conn(|c| settings::backup(c, &default)).map_err(|e| e.to_string())?;
    let safety = store
        .with_conn(|c| backup::make(c, Path::new(&chosen.folder), now))
        .map_err(|e| e.to_string())?;
    println!("current database backed up first as {}", safety.file);
    let status =
        store.with_conn_mut(|c| backup::restore(c, file, None, now)).map_err(|e| e.to_string())?;
    println!("restored from {}: head {} {}", file.display(), status.head_seq, status.head_hash);
    Ok(if status.ok { 0 } else { 1 })
}

fn fail(message: &str) -> Result<i32, String> {
    eprintln!("vigil: {message}");
    Ok(2)
}
