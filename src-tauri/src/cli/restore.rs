//! `vigil restore [--recovery-key [--key-file[=PATH]]] FILE`: the key is proved against the
//! current database and the backup before anything is written; with `--recovery-key` it is
//! then kept in the key home (see `keep`), so that the restored records open without it; then
//! the backup replaces the database (over the current one, over a damaged one moved aside, or
//! where there was none: a new workstation). A restore into a data directory that had no
//! database and fails leaves the directory as it was, key home included.

use std::path::{Path, PathBuf};
use vigil_core::{Clock, IntegrityStatus};
use vigil_store::cipher::{self, FileKind};
use vigil_store::StoreError;
use zeroize::Zeroizing;

use super::keep::{self, Kept};
use super::key::{self, Source};
use crate::backup::{self as service, RestoredFile};
use crate::state::SystemClock;

/// How the key is given to `restore`.
pub struct KeyChoice {
    /// Read the recovery key from standard input.
    pub recovery_key: bool,
    /// `--key-file[=PATH]`: keep the key in a key file (with the recovery key only).
    pub key_file: Option<Option<PathBuf>>,
}

/// Restores `file` as the database at `db`; its exit code.
pub fn run(
    db: &Path,
    file: &Path,
    choice: KeyChoice,
    typed: &mut dyn FnMut() -> Result<Zeroizing<String>, String>,
) -> Result<i32, String> {
    let dir = db.parent().unwrap_or(Path::new("."));
    let current = cipher::file_kind(db).map_err(|e| e.to_string())?;
    if current == FileKind::Plain {
        return Err(key::not_encrypted(db));
    }
    let fresh = current == FileKind::Missing;
    let dir_existed = dir.exists();
    let (key, source) = key::obtain(dir, choice.recovery_key, typed)?;
    if !fresh {
        key::opens(db, &key, source)?;
    }
    key::opens_backup(file, &key)?;
    let kept = match source {
        Source::RecoveryKey => Some(keep::keep(dir, &key, keep::target(dir, choice.key_file)?)?),
        Source::KeyHome => None,
    };
    let outcome = service::restore_file(db, &key, file, SystemClock.now());
    let undone = outcome.is_err() && fresh;
    if undone {
        kept.as_ref().map(Kept::undo);
        if !dir_existed {
            let _ = std::fs::remove_dir(dir);
        }
    }
    let code = report(file, outcome);
    if let Some(note) = kept.as_ref().and_then(Kept::note).filter(|_| !undone) {
        // Kept even when the restore then failed: the key opens the records here.
        println!("{note}");
    }
    code
}

/// Prints what the restore did; its exit code.
fn report(file: &Path, outcome: Result<RestoredFile, StoreError>) -> Result<i32, String> {
    match outcome {
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
        Ok(RestoredFile::IntoNew(status)) => {
            println!("there was no database here: the backup is the database now");
            Ok(restored(file, &status))
        }
        Err(StoreError::InUse { .. }) => {
            Err("Vigil is running: close it before restoring. Nothing was restored.".to_owned())
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
