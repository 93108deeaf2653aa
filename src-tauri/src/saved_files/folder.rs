//! Where a saved file goes (issue 15; CSV too since issue 16): only to a folder the nurse
//! chooses, never into the data directory or the backup folder, since a PDF or a CSV export
//! holds patients' names in plain text. Owns the folder offered by default (the user's
//! Documents folder, else home), the checks of a chosen folder (a `validation` error on
//! `folder`), and writing a new file there (0600, never over an existing file).

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use vigil_core::VigilError;

/// The argument's name, the field of every refusal here.
const FIELD: &str = "folder";

/// The longest folder path accepted (Linux's PATH_MAX).
const MAX_PATH_BYTES: usize = 4096;

/// How many names a save tries (`name.pdf`, `name-2.pdf`, ...) before giving up.
const NAMES_TRIED: u32 = 20;

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from)
}

/// The folder offered to save PDFs in: `$HOME/Documents` when it is a folder, else `$HOME`;
/// `None` without a home.
pub fn default_folder() -> Option<PathBuf> {
    home().map(|home| default_in(&home))
}

/// The default folder in `home`.
fn default_in(home: &Path) -> PathBuf {
    let documents = home.join("Documents");
    if documents.is_dir() {
        documents
    } else {
        home.to_owned()
    }
}

/// A folder outside which PDFs must stay, and how the refusal names it.
#[derive(Debug)]
pub struct Forbidden<'a> {
    pub folder: &'a Path,
    pub named: &'static str,
}

fn refused(message: impl Into<String>) -> VigilError {
    VigilError::validation(FIELD, message)
}

/// The folder typed (`~` is the home folder), checked: a full path to an existing folder this
/// process may write in, not inside any of `forbidden`. Returns its canonical path.
///
/// Errors: `validation` on `folder` saying which of these it is not.
pub fn check_folder(typed: &str, forbidden: &[Forbidden<'_>]) -> Result<PathBuf, VigilError> {
    if typed.chars().any(vigil_core::text::refused_in_line) || typed.len() > MAX_PATH_BYTES {
        return Err(refused(
            "The folder's path has a character Vigil does not accept (a control, invisible or \
             text-direction character), or is too long.",
        ));
    }
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(refused("Type the folder to save the file in."));
    }
    let path = match (typed.strip_prefix('~'), home()) {
        (Some(""), Some(home)) => home,
        (Some(rest), Some(home)) if rest.starts_with('/') => home.join(&rest[1..]),
        _ => PathBuf::from(typed),
    };
    if !path.is_absolute() {
        return Err(refused("Give the folder's full path, starting with /."));
    }
    let shown = path.display();
    let canonical = match path.canonicalize() {
        Ok(canonical) => canonical,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(refused(format!("There is no folder {shown}.")))
        }
        Err(e) => return Err(refused(format!("The folder {shown} cannot be opened: {e}."))),
    };
    if !canonical.is_dir() {
        return Err(refused(format!("{shown} is a file, not a folder.")));
    }
    for f in forbidden {
        let banned = f.folder.canonicalize().or_else(|_| std::path::absolute(f.folder));
        let Ok(banned) = banned else { continue }; // "": no folder at all
        if canonical.starts_with(&banned) {
            return Err(refused(format!(
                "A saved file holds patient data in plain text: it is never saved in {}. \
                 Choose another folder.",
                f.named
            )));
        }
    }
    use nix::unistd::{access, AccessFlags};
    if access(&canonical, AccessFlags::W_OK | AccessFlags::X_OK).is_err() {
        return Err(refused(format!("Vigil may not write in the folder {shown}.")));
    }
    Ok(canonical)
}

/// Writes `bytes` as a new file `<stem>.<ext>` in `folder` (else `<stem>-2.<ext>`, ...),
/// created owner-only (0600) and never over an existing file; returns its path. A file left
/// half written by a failure is removed.
///
/// Errors: every name is taken, or the file cannot be created or written.
pub fn write_new(folder: &Path, stem: &str, ext: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    for n in 1..=NAMES_TRIED {
        let name = if n == 1 { format!("{stem}.{ext}") } else { format!("{stem}-{n}.{ext}") };
        let path = folder.join(name);
        let mut file = match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(vigil_store::file_modes::FILE_MODE)
            .open(&path)
        {
            Ok(file) => file,
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        return match written {
            Ok(()) => Ok(path),
            Err(e) => {
                let _ = std::fs::remove_file(&path);
                Err(e)
            }
        };
    }
    Err(std::io::Error::new(ErrorKind::AlreadyExists, "every file name is taken"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn field_and_message(typed: &str, forbidden: &[Forbidden<'_>]) -> (Option<String>, String) {
        let e = check_folder(typed, forbidden).expect_err(typed);
        assert_eq!(e.code, vigil_core::ErrorCode::Validation, "{typed}");
        (e.field, e.message)
    }

    #[test]
    fn a_chosen_folder_must_be_a_writable_folder_given_in_full() {
        let tmp = tempfile::tempdir().expect("tmp");
        let file = tmp.path().join("a.txt");
        std::fs::write(&file, b"x").expect("file");
        let locked = tmp.path().join("locked");
        std::fs::create_dir(&locked).expect("dir");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        let missing = tmp.path().join("missing");
        let cases = [
            ("", "Type the folder"),
            ("   ", "Type the folder"),
            ("Documents", "full path"),
            ("/tmp\u{202E}", "does not accept"),
            ("\r/tmp", "does not accept"),
            (missing.to_str().expect("utf-8"), "There is no folder"),
            (file.to_str().expect("utf-8"), "is a file, not a folder"),
        ];
        for (typed, says) in cases {
            let (field, message) = field_and_message(typed, &[]);
            assert_eq!(field.as_deref(), Some("folder"), "{typed}");
            assert!(message.contains(says), "{typed}: {message}");
        }
        // Root may write anywhere; the check is the system's own (access(2)).
        if !nix::unistd::Uid::effective().is_root() {
            let (_, message) = field_and_message(locked.to_str().expect("utf-8"), &[]);
            assert!(message.contains("may not write"), "{message}");
        }
        let ok = check_folder(&format!(" {} ", tmp.path().display()), &[]).expect("a folder");
        assert_eq!(ok, tmp.path().canonicalize().expect("canonical"));
    }

    #[test]
    fn the_data_directory_and_the_backup_folder_and_below_are_refused() {
        let tmp = tempfile::tempdir().expect("tmp");
        let data = tmp.path().join("data");
        let backups = tmp.path().join("elsewhere/backups");
        let inside = data.join("papers");
        for dir in [&inside, &backups] {
            std::fs::create_dir_all(dir).expect("dir");
        }
        // The same folder by another way in: a symbolic link outside the data directory.
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&data, &link).expect("link");
        let forbidden = [
            Forbidden { folder: &data, named: "Vigil's data directory" },
            Forbidden { folder: &backups, named: "the backup folder" },
        ];
        for typed in [&data, &inside, &link, &link.join("papers"), &backups] {
            let (field, message) = field_and_message(typed.to_str().expect("utf-8"), &forbidden);
            assert_eq!(field.as_deref(), Some("folder"));
            assert!(message.contains("patient data in plain text"), "{message}");
        }
        let beside = tmp.path().join("elsewhere");
        assert!(check_folder(beside.to_str().expect("utf-8"), &forbidden).is_ok());
    }

    #[test]
    fn a_new_file_is_owner_only_and_never_replaces_one() {
        let tmp = tempfile::tempdir().expect("tmp");
        let taken = tmp.path().join("sheet.pdf");
        std::fs::write(&taken, b"the nurse's own file").expect("file");
        let first = write_new(tmp.path(), "sheet", "pdf", b"%PDF-1").expect("second name");
        let second = write_new(tmp.path(), "sheet", "pdf", b"%PDF-2").expect("third name");
        assert_eq!(first, tmp.path().join("sheet-2.pdf"));
        assert_eq!(second, tmp.path().join("sheet-3.pdf"));
        assert_eq!(std::fs::read(&taken).expect("read"), b"the nurse's own file");
        assert_eq!(std::fs::read(&first).expect("read"), b"%PDF-1");
        let mode = std::fs::metadata(&first).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn the_default_is_documents_when_there_is_one_else_home() {
        let home = tempfile::tempdir().expect("tmp");
        assert_eq!(default_in(home.path()), home.path());
        std::fs::write(home.path().join("Documents"), b"a file").expect("file");
        assert_eq!(default_in(home.path()), home.path(), "a file named Documents is no folder");
        std::fs::remove_file(home.path().join("Documents")).expect("rm");
        std::fs::create_dir(home.path().join("Documents")).expect("dir");
        assert_eq!(default_in(home.path()), home.path().join("Documents"));
    }
}
