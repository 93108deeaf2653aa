//! The backups and the key: after plain records were encrypted, their old plain backups are
//! re-encrypted to the key; after a new recovery key, the backups of the clinic's folder are
//! re-encrypted to the new key. Each backup is exported to an encrypted copy beside it, the copy
//! verified (integrity and audit chain) and renamed over the backup in one step; a backup that
//! cannot be converted stays as it was and is reported. Plain backups left are listed for
//! Settings and may be removed with their side files. So are the plain databases set aside in
//! the data directory ([`damaged`]).

pub mod damaged;

pub use damaged::{plain_set_aside, remove_set_aside, SET_ASIDE};

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use vigil_store::backup;
use vigil_store::cipher::{self, FileKind, Source};
use vigil_store::{DbKey, StoreError};

const PREFIX: &str = "vigil-";
const SUFFIX: &str = ".sqlite3";
/// The side files a backup may have.
const SIDE_FILES: [&str; 2] = [".head", ".unverified"];

/// What a re-encryption did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Converted {
    pub done: u32,
    /// The backups left as they were.
    pub left: Vec<PathBuf>,
}

/// The backup files (`vigil-*.sqlite3`) in `folder` whose kind is `kind`, by name. A folder
/// that does not exist or cannot be read has none.
pub fn backups_of_kind(folder: &Path, kind: FileKind) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(PREFIX) && name.ends_with(SUFFIX)
        })
        .map(|e| e.path())
        .filter(|p| p.is_file() && cipher::file_kind(p).ok() == Some(kind))
        .collect();
    files.sort();
    files
}

/// The plain backups in `folders` (each folder once).
pub fn plain_backups(folders: &[PathBuf]) -> Vec<PathBuf> {
    distinct(folders).iter().flat_map(|f| backups_of_kind(f, FileKind::Plain)).collect()
}

/// Re-encrypts the plain backups in `folders` to `key`.
pub fn encrypt_plain(folders: &[PathBuf], key: &DbKey, now: DateTime<Utc>) -> Converted {
    let mut converted = Converted::default();
    for file in plain_backups(folders) {
        converted.add(&file, convert(&file, Source::Plain, key, now));
    }
    converted
}

/// Re-encrypts the encrypted backups in `folder` from `old` to `new`. Those `old` does not
/// open (kept from before an earlier key) stay as they were.
pub fn rekey_folder(folder: &Path, old: &DbKey, new: &DbKey, now: DateTime<Utc>) -> Converted {
    let mut converted = Converted::default();
    for file in backups_of_kind(folder, FileKind::Encrypted) {
        converted.add(&file, convert(&file, Source::Keyed(old), new, now));
    }
    converted
}

/// Deletes the plain backups in `folders` and their side files; returns how many went and
/// the first error (a backup that could not be deleted; the others are still tried).
pub fn remove_plain(folders: &[PathBuf]) -> (u32, Option<StoreError>) {
    let mut removed = 0;
    let mut failed = None;
    for file in plain_backups(folders) {
        if let Err(e) = std::fs::remove_file(&file) {
            failed.get_or_insert(StoreError::Io(file.clone(), e));
            continue;
        }
        for side in SIDE_FILES {
            let _ = std::fs::remove_file(with_suffix(&file, side));
        }
        removed += 1;
    }
    (removed, failed)
}

impl Converted {
    fn add(&mut self, file: &Path, result: Result<(), StoreError>) {
        match result {
            Ok(()) => self.done += 1,
            Err(e) => {
                tracing::warn!("the backup {} was not re-encrypted: {e}", file.display());
                self.left.push(file.to_owned());
            }
        }
    }
}

/// Exports `file` (opened as `from`) to a copy encrypted with `key`, verifies the copy, and
/// renames it over `file`. On failure `file` is unchanged and the copy removed.
fn convert(
    file: &Path,
    from: Source<'_>,
    key: &DbKey,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let copy = with_suffix(file, ".reencrypting");
    let _ = std::fs::remove_file(&copy);
    let result = (|| {
        cipher::export(file, from, &copy, key)?;
        let status = backup::verify_file(&copy, key, now)?;
        if !status.ok {
            return Err(StoreError::Damaged(status.problem.unwrap_or_default()));
        }
        std::fs::File::open(&copy).and_then(|f| f.sync_all()).map_err(|e| io(&copy, e))?;
        std::fs::rename(&copy, file).map_err(|e| io(file, e))?;
        let folder = file.parent().unwrap_or(Path::new("."));
        std::fs::File::open(folder).and_then(|f| f.sync_all()).map_err(|e| io(folder, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&copy);
    }
    result
}

fn io(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Io(path.to_owned(), e)
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// `folders` without repeats (the clinic's folder may be the default one).
fn distinct(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen: Vec<PathBuf> = Vec::new();
    for folder in folders {
        let real = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.clone());
        if !seen.iter().any(|s| std::fs::canonicalize(s).unwrap_or_else(|_| s.clone()) == real) {
            seen.push(folder.clone());
        }
    }
    seen
}
