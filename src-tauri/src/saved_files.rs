//! Files a nurse saves out of Vigil: a paper as PDF, a CSV export, a report. Each goes into a
//! folder the nurse chose and [`folder::check_folder`] accepted (never the data directory or
//! the backup folder), as a new owner-only file, and is recorded in the audit trail as an
//! `export` in the same step: a file whose audit entry cannot be written is removed, so there
//! is no export without its entry. File names carry ids and times, never a patient's name.

pub mod folder;

use std::path::PathBuf;
use vigil_core::{ErrorCode, Permission, VigilError};
use vigil_store::audit::{self, Action, Entry};

use crate::state::AppState;

/// Where to save: `<stem>.<ext>`, and whose it is. The bytes and the audit entry's words come
/// from the closure given to [`save`], called only once the folder is accepted.
#[derive(Debug)]
pub struct SavedFile {
    /// The file's name without extension: ids and a time, never a name.
    pub stem: String,
    /// `pdf`, `csv`.
    pub ext: &'static str,
    /// The session the file is about, when it is one patient's: a session that does not
    /// exist is refused (`not_found`) before anything is made or written.
    pub session: Option<i64>,
}

/// What the closure given to [`save`] made: the file's bytes, and what was exported for the
/// audit entry ("sessions from 2026-11-01 to 2026-11-30 (12 rows)"; the file's path is
/// appended). Ids, dates and counts only, never a name.
#[derive(Debug)]
pub struct Saved {
    pub bytes: Vec<u8>,
    pub what: String,
}

/// Checks `folder`, then makes the file with `make` (the records are read only now), writes
/// it there and records the export by the nurse signed in, who must hold `permission`;
/// returns the file's path.
///
/// Errors: `forbidden` without the permission; `validation` on `folder` (see
/// [`folder::check_folder`]) and `not_found` for a session that does not exist, both before
/// `make` is called; whatever `make` returns; `storage` when the file cannot be written or its
/// audit entry cannot be (the file is then removed).
pub fn save(
    state: &AppState,
    permission: Permission,
    folder: &str,
    file: SavedFile,
    make: impl FnOnce() -> Result<Saved, VigilError>,
) -> Result<PathBuf, VigilError> {
    let nurse = state.nurse_for(permission)?;
    let data_dir = match state.store.path().parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let backups = state.backup_folder()?;
    let folder = folder::check_folder(
        folder,
        &[
            folder::Forbidden { folder: &data_dir, named: "Vigil's data directory" },
            folder::Forbidden { folder: &backups, named: "the backup folder" },
        ],
    )?;
    if let Some(id) = file.session {
        state.store.with_conn(|c| vigil_store::sessions::get(c, id).map(|_| ()))?;
    }
    let made = make()?;
    let path = folder::write_new(&folder, &file.stem, file.ext, &made.bytes).map_err(|e| {
        VigilError::new(ErrorCode::Storage, format!("The file could not be written: {e}."))
    })?;
    let detail = format!("{} to {}", made.what, path.display());
    let entry = Entry::new(Action::Export, Some(nurse.id)).detail(&detail);
    let audited = state.store.with_tx(|tx| {
        if let Some(id) = file.session {
            vigil_store::sessions::get(tx, id)?; // never a record of a file of no one
        }
        audit::append(tx, state.clock.now(), &entry)
    });
    if let Err(e) = audited {
        let _ = std::fs::remove_file(&path); // no export without its audit entry
        return Err(e.into());
    }
    Ok(path)
}

#[cfg(test)]
mod tests;
