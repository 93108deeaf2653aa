//! A database file that cannot be used: moved aside, never deleted. The file is renamed with
//! the time (`vigil.damaged-<UTC time>.sqlite3`) together with its `-wal` and `-shm`, so the
//! three still open together for whoever examines them, and the next open starts a fresh file.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

use crate::StoreError;

const TIME_FORMAT: &str = "%Y%m%dT%H%M%S%3fZ";
/// The side files SQLite keeps beside a database in WAL mode.
const SIDE_FILES: [&str; 2] = ["-wal", "-shm"];

/// Moves the database at `db` (with its `-wal` and `-shm`) aside, renamed with `now`; returns
/// the new path of the database file. Side files go first: a `-wal` left beside a new file of
/// the old name would be replayed into it.
///
/// Errors: there is no file at `db`, or a rename fails (what was renamed so far stays renamed).
pub fn move_aside(db: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    if !db.exists() {
        return Err(StoreError::Io(db.to_owned(), std::io::ErrorKind::NotFound.into()));
    }
    let target = free_name(db, now);
    for side in SIDE_FILES {
        let from = with_suffix(db, side);
        if from.exists() {
            let to = with_suffix(&target, side);
            std::fs::rename(&from, &to).map_err(|e| StoreError::Io(to, e))?;
        }
    }
    std::fs::rename(db, &target).map_err(|e| StoreError::Io(target.clone(), e))?;
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        // The renames last only once the folder's entry is on disk.
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(target)
}

/// Undoes [`move_aside`] after a restore into its place failed: removes whatever the failed
/// restore left at `db` (with its side files) and renames `kept` (with its side files) back, so
/// the next start finds the damaged file again and offers the ways out, rather than opening a
/// new, empty or half-restored record without a word.
///
/// Errors: a removal or rename fails (what was renamed back so far stays so).
pub fn put_back(kept: &Path, db: &Path) -> Result<(), StoreError> {
    for path in [with_suffix(db, "-wal"), with_suffix(db, "-shm"), db.to_owned()] {
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(StoreError::Io(path, e));
            }
            _ => {}
        }
    }
    for side in SIDE_FILES {
        let from = with_suffix(kept, side);
        if from.exists() {
            let to = with_suffix(db, side);
            std::fs::rename(&from, &to).map_err(|e| StoreError::Io(to, e))?;
        }
    }
    std::fs::rename(kept, db).map_err(|e| StoreError::Io(db.to_owned(), e))?;
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

/// `vigil.damaged-<time>.sqlite3` beside `db` (with "-2", "-3"... when taken).
fn free_name(db: &Path, now: DateTime<Utc>) -> PathBuf {
    let stem = db.file_stem().unwrap_or_default().to_string_lossy();
    let ext = db.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    let stamp = now.format(TIME_FORMAT);
    let taken = |p: &PathBuf| p.exists() || SIDE_FILES.iter().any(|s| with_suffix(p, s).exists());
    (1..)
        .map(|n| match n {
            1 => db.with_file_name(format!("{stem}.damaged-{stamp}{ext}")),
            n => db.with_file_name(format!("{stem}.damaged-{stamp}-{n}{ext}")),
        })
        .find(|p| !taken(p))
        .unwrap_or_else(|| db.with_extension("damaged"))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_restore_puts_the_damaged_file_back_with_its_side_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("vigil.sqlite3");
        std::fs::write(&db, b"damaged").expect("db");
        std::fs::write(with_suffix(&db, "-wal"), b"its log").expect("wal");
        let now = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 30, 3, 15, 0).unwrap();
        let kept = move_aside(&db, now).expect("aside");
        // What a restore that failed half-way leaves: a new file and its log.
        std::fs::write(&db, b"half restored").expect("new");
        std::fs::write(with_suffix(&db, "-wal"), b"new log").expect("new wal");

        put_back(&kept, &db).expect("back");
        assert_eq!(std::fs::read(&db).expect("read"), b"damaged");
        assert_eq!(std::fs::read(with_suffix(&db, "-wal")).expect("read"), b"its log");
        assert!(!with_suffix(&db, "-shm").exists());
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.contains(".damaged-"))
            .collect();
        assert!(names.is_empty(), "nothing left aside: {names:?}");
    }
}
