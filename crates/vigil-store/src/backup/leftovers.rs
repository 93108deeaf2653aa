//! What a backup leaves behind only when it is interrupted: the temporary copy
//! (`vigil-<time>.sqlite3.partial`) and the side files SQLite makes beside it (`-wal`, `-shm`,
//! `-journal`). Each backup removes its own; a crash's are removed by the next cleanup once
//! they are an hour old (a younger one may be a `vigil backup` still running at a terminal).

use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};

use super::{PREFIX, TIME_FORMAT};
use crate::StoreError;

/// What follows the backup's name in a temporary file's name.
const PARTIAL: &str = ".sqlite3.partial";
/// The side files SQLite may make beside a database file.
const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Removes the side files SQLite made beside the temporary copy `partial` (none is in use once
/// the copy's connections are closed).
pub(super) fn remove_side_files(partial: &Path) {
    for side in SIDE_FILES {
        let mut name = partial.as_os_str().to_owned();
        name.push(side);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Removes the temporary files of backups interrupted more than an hour before `now` from
/// `folder`; returns how many went. A folder that does not exist has none.
///
/// Errors: the folder cannot be read, or a leftover cannot be removed.
pub fn clean_leftovers(folder: &Path, now: DateTime<Utc>) -> Result<usize, StoreError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(StoreError::Io(folder.to_owned(), e)),
    };
    let stale_before = now - Duration::hours(1);
    let mut removed = 0;
    for name in entries.filter_map(|e| e.ok()?.file_name().into_string().ok()) {
        if started_at(&name).is_some_and(|at| at < stale_before) {
            let path = folder.join(&name);
            std::fs::remove_file(&path).map_err(|e| StoreError::Io(path, e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// When the backup a leftover belongs to started, if `name` is a leftover.
fn started_at(name: &str) -> Option<DateTime<Utc>> {
    let rest = name.strip_prefix(PREFIX)?;
    let at = rest.find(PARTIAL)?;
    let tail = &rest[at + PARTIAL.len()..];
    if !(tail.is_empty() || SIDE_FILES.contains(&tail)) {
        return None;
    }
    let stamp = rest.get(..19)?;
    chrono::NaiveDateTime::parse_from_str(stamp, TIME_FORMAT).ok().map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_temporary_files_are_leftovers() {
        let at = |n: &str| started_at(n).is_some();
        assert!(at("vigil-20261127T031500123Z.sqlite3.partial"));
        assert!(at("vigil-20261127T031500123Z-2.sqlite3.partial-wal"));
        assert!(at("vigil-20261127T031500123Z.sqlite3.partial-shm"));
        assert!(!at("vigil-20261127T031500123Z.sqlite3"));
        assert!(!at("vigil-20261127T031500123Z.sqlite3.head"));
        assert!(!at("vigil-20261127T031500123Z.sqlite3.partial.bak"));
        assert!(!at("vigil-garbage.sqlite3.partial"));
        assert!(!at("notes.sqlite3.partial"));
    }
}
