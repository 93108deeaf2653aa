//! Owner-only files. The records are health data: the data directory and the backup and papers
//! folders are 0700, and every file Vigil writes there (the database, its `-wal`/`-shm`, the
//! lock, backups and their side files, papers) is 0600, whatever the process umask. SQLite
//! gives a database's `-wal`, `-shm` and `-journal` the mode of the database file, so a
//! database created 0600 keeps its side files 0600 too.

use std::fs::{DirBuilder, File, OpenOptions, Permissions};
use std::io::{self, ErrorKind};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// The mode of Vigil's folders: owner only.
pub const DIR_MODE: u32 = 0o700;
/// The mode of Vigil's files: owner read and write only.
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` and its missing parents (each new one 0700) and makes `dir` itself 0700.
///
/// Errors: the folder cannot be created. A folder Vigil may write to but not re-mode (another
/// owner's) is left as it is.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)?;
    restrict(dir, DIR_MODE)
}

/// Creates (or truncates) `path` for writing, 0600.
pub fn private_file(path: &Path) -> io::Result<File> {
    let file =
        OpenOptions::new().write(true).create(true).truncate(true).mode(FILE_MODE).open(path)?;
    restrict(path, FILE_MODE)?;
    Ok(file)
}

/// Writes `bytes` into `path` (created or truncated, 0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut file = private_file(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Replaces `path` with `bytes` in one step: a temporary file beside it (named for this process
/// and this write, so concurrent writes never share one), `mode` whatever the umask, synced,
/// renamed over `path`, the folder synced. A reader sees the old content or the new, never a
/// part; a failed write leaves no temporary file. Used for the key file and its home file
/// (0600) and the autostart entries (0644).
pub fn replace_atomically(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    use std::io::Write;
    use std::sync::atomic::{AtomicU64, Ordering};
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let folder = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    let temp = folder.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let written = (|| {
        let mut file =
            OpenOptions::new().write(true).create(true).truncate(true).mode(mode).open(&temp)?;
        file.set_permissions(Permissions::from_mode(mode))?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    File::open(folder)?.sync_all()
}

/// Creates `path` empty and 0600 if it does not exist yet, so that whatever opens it next
/// (SQLite) finds an owner-only file; an existing file is not opened, only tightened.
pub fn ensure_private_file(path: &Path) -> io::Result<()> {
    match OpenOptions::new().write(true).create_new(true).mode(FILE_MODE).open(path) {
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    restrict(path, FILE_MODE)
}

/// Takes from `path` every permission `mode` does not give (for Vigil's modes: whatever the
/// group and others had), never adding one: a file made read-only stays read-only. A missing
/// path, or one this process may not re-mode (not its owner), is left alone.
pub fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let current = meta.permissions().mode() & 0o7777;
    let tightened = current & mode;
    if tightened == current {
        return Ok(());
    }
    match std::fs::set_permissions(path, Permissions::from_mode(tightened)) {
        Err(e) if e.kind() == ErrorKind::PermissionDenied => Ok(()),
        other => other,
    }
}

/// Makes `folder` 0700 and each regular file directly in it whose name `ours` accepts 0600
/// (symbolic links and sub-folders are not followed). A missing folder is fine.
pub fn tighten_folder(folder: &Path, ours: impl Fn(&str) -> bool) -> io::Result<()> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    restrict(folder, DIR_MODE)?;
    for entry in entries.flatten() {
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if regular && entry.file_name().to_str().is_some_and(&ours) {
            restrict(&entry.path(), FILE_MODE)?;
        }
    }
    Ok(())
}
