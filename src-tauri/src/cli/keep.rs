//! Keeping the key after `vigil restore --recovery-key`, so that the app (and the next command)
//! opens the restored records without the recovery key: in the home `key-home` already names
//! (the workstation's keystore when there is none), or in a key file chosen with `--key-file`
//! (weaker). Kept before the restore, so a keystore that does not answer stops the command
//! with nothing written; undone when a restore into a new data directory then fails.
//!
//! A key file that already holds another key is never overwritten: the default key file is one
//! per user, and may be another data directory's. The keystore's entry is this data
//! directory's own, so it is replaced (the recovery key has just opened the records here).

use std::path::{Path, PathBuf};
use vigil_store::{file_modes, DbKey};

use crate::key_home::{self, KeyHome, KeyProblem};

/// What keeping the key changed, to say it and to undo it.
#[derive(Debug)]
pub struct Kept {
    dir: PathBuf,
    home: KeyHome,
    /// The key the home held for these records before (`None`: none).
    before: Option<DbKey>,
    /// What `key-home` held before (`None`: there was no such file).
    home_before: Option<Vec<u8>>,
    /// The folders that did not exist before (the data directory, the key file's), deepest
    /// first: removed again by [`Kept::undo`] when empty.
    made: Vec<PathBuf>,
    /// Whether anything was written.
    changed: bool,
}

/// Where `--key-file[=PATH]` (`key_file`) or else `<dir>/key-home` says to keep the key.
pub fn target(dir: &Path, key_file: Option<Option<PathBuf>>) -> Result<KeyHome, String> {
    match key_file {
        Some(Some(path)) => std::path::absolute(&path)
            .map(KeyHome::KeyFile)
            .map_err(|e| format!("the key file {} cannot be used: {e}", path.display())),
        Some(None) => key_home::default_key_file().map(KeyHome::KeyFile).ok_or_else(|| {
            "there is no default key file (HOME is not set): name one with --key-file=PATH. \
             Nothing was changed."
                .to_owned()
        }),
        None => Ok(key_home::read_home(dir).unwrap_or(KeyHome::Keystore)),
    }
}

/// Keeps `key` for the records in `dir` in `home` (and says so in `key-home`), unless it is
/// there already. Errors name the way out; nothing is left written then.
pub fn keep(dir: &Path, key: &DbKey, home: KeyHome) -> Result<Kept, String> {
    let before = match key_home::load_from(dir, &home) {
        Ok(held) => Some(held),
        Err(KeyProblem::NoEntry | KeyProblem::KeyFileMissing(_)) => None,
        Err(KeyProblem::NoKeystore(detail)) => return Err(no_keystore(&detail)),
        Err(problem) => return Err(not_kept(&problem)),
    };
    let home_before = std::fs::read(dir.join(key_home::HOME_FILE)).ok();
    let mut kept =
        Kept { dir: dir.to_owned(), home, before, home_before, made: Vec::new(), changed: false };
    if kept.before.as_ref() == Some(key) && key_home::read_home(dir).ok() == Some(kept.home.clone())
    {
        return Ok(kept);
    }
    if let KeyHome::KeyFile(path) = &kept.home {
        if kept.before.as_ref().is_some_and(|held| held != key) {
            return Err(format!(
                "the key file {} already holds another key (of other records?), which is not \
                 replaced: name another file with --key-file=PATH. Nothing was changed.",
                path.display()
            ));
        }
    }
    kept.made = missing_folders(dir);
    if let KeyHome::KeyFile(path) = &kept.home {
        kept.made.extend(path.parent().map(missing_folders).unwrap_or_default());
    }
    kept.made.sort_by_key(|folder| std::cmp::Reverse(folder.components().count()));
    kept.changed = true;
    if let Err(e) = file_modes::private_dir(dir) {
        kept.undo();
        return Err(format!("the data directory {} cannot be made: {e}", dir.display()));
    }
    match key_home::store(dir, key, &kept.home) {
        Ok(()) => Ok(kept),
        Err(problem) => {
            kept.undo();
            Err(match problem {
                KeyProblem::NoKeystore(detail) => no_keystore(&detail),
                other => not_kept(&other),
            })
        }
    }
}

impl Kept {
    /// The line that says where the key is kept now (`None`: nothing changed).
    pub fn note(&self) -> Option<String> {
        if !self.changed {
            return None;
        }
        Some(match &self.home {
            KeyHome::Keystore => "the key of these records is now kept in this workstation's \
                                  keystore"
                .to_owned(),
            KeyHome::KeyFile(path) => format!(
                "the key of these records is now kept in the key file {} (weaker than the \
                 keystore: whoever copies that file and the records can read them)",
                path.display()
            ),
        })
    }

    /// Puts the key home back as it was (a restore into a new data directory failed).
    pub fn undo(&self) {
        if !self.changed {
            return;
        }
        let _ = match &self.before {
            Some(key) => key_home::store(&self.dir, key, &self.home),
            None => key_home::forget(&self.dir, &self.home),
        };
        let home_file = self.dir.join(key_home::HOME_FILE);
        let now = std::fs::read(&home_file).ok();
        if now != self.home_before {
            let _ = match &self.home_before {
                Some(bytes) => std::fs::write(&home_file, bytes),
                None => std::fs::remove_file(&home_file),
            };
        }
        for folder in &self.made {
            let _ = std::fs::remove_dir(folder);
        }
    }
}

/// `folder` and its ancestors that do not exist.
fn missing_folders(folder: &Path) -> Vec<PathBuf> {
    folder
        .ancestors()
        .take_while(|f| !f.as_os_str().is_empty() && !f.exists())
        .map(Path::to_owned)
        .collect()
}

fn no_keystore(detail: &str) -> String {
    format!(
        "no keystore answers on this workstation to keep the key in (the Secret Service, e.g. \
         GNOME Keyring, is not running or is locked: {detail}): start or unlock it and run the \
         command again, or keep the key in a file with --key-file (weaker: whoever copies the \
         file and the records can read them). Nothing was changed."
    )
}

fn not_kept(problem: &KeyProblem) -> String {
    format!("the key could not be kept, so nothing was restored: {problem}")
}
