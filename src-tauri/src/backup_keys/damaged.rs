//! Databases set aside in the data directory (`vigil.damaged-*`, with their `-wal` and `-shm`):
//! those an earlier Vigil moved aside, or plain records moved aside, are plain and hold patient
//! records in the clear. At start they are encrypted to the records' key like the plain backups
//! (exported, the copy verified, renamed over the file, then the plain side files removed); one
//! that cannot be (it is damaged) stays as it was. Settings lists the plain ones left, named as
//! what they are, and an administrator may remove them with their side files.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use vigil_store::cipher::{self, FileKind, Source};
use vigil_store::{DbKey, StoreError};

use super::{convert, with_suffix, Converted};

/// How the names of files set aside begin (`vigil.damaged-<UTC time>[-n].sqlite3`).
const PREFIX: &str = "vigil.damaged";
/// The side files SQLite may keep beside such a file.
const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];
/// Names that begin like one but are not a database set aside.
const NOT_A_DATABASE: [&str; 4] = ["-wal", "-shm", "-journal", ".reencrypting"];
/// What Settings says after the path of one.
pub const SET_ASIDE: &str = " (a damaged database set aside)";

/// The plain databases set aside in the data directory `dir`, by name. A directory that
/// cannot be read has none.
pub fn plain_set_aside(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(PREFIX) && !NOT_A_DATABASE.iter().any(|s| name.ends_with(s))
        })
        .map(|e| e.path())
        .filter(|p| p.is_file() && cipher::file_kind(p).ok() == Some(FileKind::Plain))
        .collect();
    files.sort();
    files
}

/// Encrypts the plain databases set aside in `dir` to `key`; the plain side files of each one
/// converted go (their content is in the encrypted copy).
pub fn encrypt_set_aside(dir: &Path, key: &DbKey, now: DateTime<Utc>) -> Converted {
    let mut converted = Converted::default();
    for file in plain_set_aside(dir) {
        let result = convert(&file, Source::Plain, key, now);
        if result.is_ok() {
            remove_side_files(&file);
        }
        converted.add(&file, result);
    }
    converted
}

/// Deletes the plain databases set aside in `dir` and their side files; returns how many went
/// and the first error (the others are still tried).
pub fn remove_set_aside(dir: &Path) -> (u32, Option<StoreError>) {
    let mut removed = 0;
    let mut failed = None;
    for file in plain_set_aside(dir) {
        if let Err(e) = std::fs::remove_file(&file) {
            failed.get_or_insert(StoreError::Io(file.clone(), e));
            continue;
        }
        remove_side_files(&file);
        removed += 1;
    }
    (removed, failed)
}

fn remove_side_files(file: &Path) {
    for side in SIDE_FILES {
        let _ = std::fs::remove_file(with_suffix(file, side));
    }
}

#[cfg(test)]
#[path = "damaged_tests.rs"]
mod tests;
