//! Where Vigil keeps its data: `VIGIL_DATA_DIR` when set (tests, a clinic's chosen disk),
//! otherwise the per-user data directory, as Tauri would choose it on Linux:
//! `$XDG_DATA_HOME/app.vigil.recovery`, else `~/.local/share/app.vigil.recovery`. Resolved
//! without a running app, so the headless commands find the same database. And who may read
//! it: the owner only (issue 12, item 8): the umask, and the modes of what exists already.
//! And the legacy papers folder, `papers` beside the database, where an older Vigil saved PDFs
//! of discharge sheets and REMS forms: PDFs now go only where the nurse chooses, outside the
//! data directory (`commands::papers`), and the housekeeping empties and removes this folder.

use std::path::{Path, PathBuf};
use vigil_store::{file_modes, Store, DB_FILE_NAME};

/// The environment variable that points Vigil at another data directory.
pub const DATA_DIR_ENV: &str = "VIGIL_DATA_DIR";

/// The app's identifier (tauri.conf.json), the name of its folder in the data directory.
const IDENTIFIER: &str = "app.vigil.recovery";

/// Resolves the data directory. Errors: neither `VIGIL_DATA_DIR`, `XDG_DATA_HOME` nor `HOME`
/// is set.
pub fn resolve() -> Result<PathBuf, String> {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var(DATA_DIR_ENV) {
        return Ok(dir);
    }
    let base = var("XDG_DATA_HOME")
        .or_else(|| var("HOME").map(|h| h.join(".local/share")))
        .ok_or("no data directory: set VIGIL_DATA_DIR or HOME")?;
    Ok(base.join(IDENTIFIER))
}

/// The legacy papers folder of an older Vigil: `papers` beside the database (emptied of its
/// PDFs and removed by the housekeeping; nothing is saved there any more).
pub fn papers_folder(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("papers")
}

/// Makes every file this process creates from now on owner-only (umask 077): the database's
/// side files, backups, papers, WebKit's caches. Called first thing in `main`, before the
/// headless commands too.
pub fn private_umask() {
    use nix::sys::stat::{umask, Mode};
    umask(Mode::from_bits_truncate(0o077));
}

/// Brings what an older Vigil left readable by others to owner-only: the data directory `dir`
/// and its files, the default backup folder and the papers folder beside the database (0700,
/// files 0600). Failures are logged, never fatal.
pub fn keep_private(dir: &Path) {
    let db = dir.join(DB_FILE_NAME);
    let folders = [dir.to_owned(), Store::default_backup_folder_of(&db), papers_folder(&db)];
    for folder in folders {
        if let Err(e) = file_modes::tighten_folder(&folder, |_| true) {
            tracing::warn!("could not make {} owner-only: {e}", folder.display());
        }
    }
}

/// As [`keep_private`] for the clinic's chosen backup folder, whose other files (not
/// `vigil-*`) are not Vigil's to change.
pub fn keep_backups_private(folder: &Path) {
    if let Err(e) = file_modes::tighten_folder(folder, |name| name.starts_with("vigil-")) {
        tracing::warn!("could not make {} owner-only: {e}", folder.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).expect("exists").permissions().mode() & 0o777
    }

    fn chmod(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }

    #[test]
    fn the_legacy_papers_folder_is_beside_the_database() {
        let db = Path::new("/data/vigil/vigil.db");
        assert_eq!(papers_folder(db), Path::new("/data/vigil/papers"));
        assert_eq!(papers_folder(Path::new("vigil.db")), Path::new("papers"));
    }

    #[test]
    fn what_an_older_vigil_left_readable_is_made_owner_only() {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().join("data");
        let db = dir.join(DB_FILE_NAME);
        let backups = Store::default_backup_folder_of(&db);
        let papers = papers_folder(&db);
        for folder in [&dir, &backups, &papers] {
            std::fs::create_dir_all(folder).expect("folder");
            chmod(folder, 0o755);
        }
        let files =
            [db.clone(), backups.join("vigil-20260101T000000000Z.sqlite3"), papers.join("a.pdf")];
        for file in &files {
            std::fs::write(file, b"x").expect("file");
            chmod(file, 0o644);
        }
        let chosen = tmp.path().join("chosen");
        std::fs::create_dir_all(&chosen).expect("chosen");
        let (ours, theirs) =
            (chosen.join("vigil-20260101T000000000Z.sqlite3"), chosen.join("notes.txt"));
        for file in [&ours, &theirs] {
            std::fs::write(file, b"x").expect("file");
            chmod(file, 0o644);
        }

        keep_private(&dir);
        keep_backups_private(&chosen);
        for folder in [&dir, &backups, &papers, &chosen] {
            assert_eq!(mode(folder), 0o700, "{}", folder.display());
        }
        for file in files.iter().chain([&ours]) {
            assert_eq!(mode(file), 0o600, "{}", file.display());
        }
        assert_eq!(mode(&theirs), 0o644, "another program's file in the chosen folder");
    }
}
