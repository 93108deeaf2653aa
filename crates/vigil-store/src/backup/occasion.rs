//! One way to take a backup for every caller: Settings' "Back up now", the schedule and the exit
//! (routine), `vigil backup` (headless) and the copy of the current database taken before a
//! restore. The copy is read through a connection of its own, so a long backup never holds up
//! the app's writes; what is recorded and what is pruned depend on the occasion.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use vigil_core::BackupInfo;

use crate::audit::{self, Action, Entry};
use crate::{settings, Store, StoreError};

/// Why a backup is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    /// Scheduled, at exit, or asked for in Settings: recorded in the audit trail, then the
    /// folder is pruned to the clinic's number of backups.
    Routine,
    /// `vigil backup` at a terminal: recorded when this process is the writer; then pruned
    /// like a routine one when it went to the clinic's backup folder. A folder of the
    /// administrator's own (a USB stick, an archive) is never pruned.
    Headless,
    /// The copy of the current database before a restore: not recorded (the restore's entry
    /// names it; the database it would go into is about to be replaced), and nothing is pruned
    /// (the backup being restored may be the oldest of a full set).
    BeforeRestore,
}

/// A backup taken, and how many old ones were pruned after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub backup: BackupInfo,
    /// The folder it went to.
    pub folder: PathBuf,
    pub pruned: usize,
    /// Why pruning failed, when it did: a warning, the backup itself stands.
    pub prune_failed: Option<String>,
}

/// Backs the database of `store` up into `folder` (default: the clinic's backup folder) at
/// `now`, for `occasion`, on behalf of account `by` (`None`: the app itself). A database that
/// does not verify is still backed up, marked unverified ([`super::make`]).
///
/// Only the clinic's backup folder is pruned (`folder` is `None`, or the same folder once both
/// are canonicalized), to the clinic's number of backups; a pruning that fails is reported in
/// [`Taken::prune_failed`], not as an error.
///
/// Errors: the settings cannot be read, the copy cannot be written, or its audit entry cannot
/// be written (the file is then in the folder).
pub fn back_up(
    store: &Store,
    folder: Option<&Path>,
    occasion: Occasion,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Taken, StoreError> {
    let default = store.default_backup_folder();
    let chosen = store.with_conn(|c| settings::backup(c, &default))?;
    let clinic = PathBuf::from(&chosen.folder);
    let folder = folder.unwrap_or(&clinic).to_owned();
    let reader = Store::open_read_only(store.path(), &store.key())?;
    let backup = reader.with_conn(|c| super::make(c, &store.key(), &folder, now))?;
    drop(reader);
    if occasion != Occasion::BeforeRestore && store.is_writer() {
        let mut detail =
            format!("{} head {}", backup.file, backup.head_hash.as_deref().unwrap_or("?"));
        if let Some(why) = &backup.unverified {
            detail.push_str(&format!(", unverified: {why}"));
        }
        if occasion == Occasion::Headless {
            detail.push_str(" (headless)");
        }
        let entry = Entry::new(Action::Backup, by).detail(&detail);
        store.with_tx(|tx| audit::append(tx, now, &entry))?;
    }
    let into_clinic = same_folder(&folder, &clinic);
    let (pruned, prune_failed) = match occasion {
        Occasion::Routine | Occasion::Headless if into_clinic => {
            match super::prune(&folder, chosen.keep as usize) {
                Ok(pruned) => (pruned, None),
                Err(e) => (0, Some(e.to_string())),
            }
        }
        _ => (0, None),
    };
    Ok(Taken { backup, folder, pruned, prune_failed })
}

/// Whether `a` and `b` are the same folder (symbolic links and `..` resolved; both exist once
/// a backup went into one of them).
fn same_folder(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
