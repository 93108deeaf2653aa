//! The file work of the key ways out: where the chosen key home is, keeping the key there (and
//! undoing it), checking that a recovery key opens a file, and bringing a copied database or
//! backup in as the records (an encrypted copy written beside them, then renamed in one step).

use std::path::{Path, PathBuf};
use vigil_core::startup::KeyHome as Choice;
use vigil_core::{ErrorCode, VigilError};
use vigil_store::cipher::{self, FileKind, Source};
use vigil_store::{file_modes, DbKey, StoreError};

use crate::key_home::{self, KeyHome, KeyProblem, HOME_FILE};

/// The key home `choice` means for the records in `dir`. The key file is the default one; it
/// may hold this key already, or the key of these records' own key home, but never another
/// records' key.
///
/// Errors: `unavailable` when there is no configuration folder for a key file; `conflict`
/// when the key file holds another records' key.
pub fn home_for(dir: &Path, choice: Choice, key: &DbKey) -> Result<KeyHome, VigilError> {
    let Choice::KeyFile = choice else {
        return Ok(KeyHome::Keystore);
    };
    let path = default_key_file().ok_or_else(|| {
        VigilError::new(
            ErrorCode::Unavailable,
            "There is no configuration folder for a key file (neither XDG_CONFIG_HOME nor HOME \
             is set). Keep the key in the workstation's keystore. Nothing was changed.",
        )
    })?;
    let home = KeyHome::KeyFile(path.clone());
    let ours = key_home::read_home(dir).ok() == Some(home.clone());
    match key_home::load_from(dir, &home) {
        Ok(held) if held != *key && !ours => Err(VigilError::new(
            ErrorCode::Conflict,
            format!(
                "The key file {} already holds the key of other records. Move it away first, or \
                 keep the key in the workstation's keystore. Nothing was changed.",
                path.display()
            ),
        )),
        _ => Ok(home),
    }
}

#[cfg(test)]
thread_local! {
    /// The shell's tests' key file (each test thread its own), instead of the user's.
    pub static TEST_KEY_FILE: std::cell::RefCell<Option<PathBuf>> = const { std::cell::RefCell::new(None) };
}

/// The key file chosen by "A key file (weaker)": [`key_home::default_key_file`].
fn default_key_file() -> Option<PathBuf> {
    #[cfg(test)]
    if let Some(path) = TEST_KEY_FILE.with(|f| f.borrow().clone()) {
        return Some(path);
    }
    key_home::default_key_file()
}

/// Where the new key of plain records found at start is kept: the keystore (in the shell's
/// tests, their key file when they set one).
pub fn plain_records_home() -> KeyHome {
    #[cfg(test)]
    if let Some(path) = TEST_KEY_FILE.with(|f| f.borrow().clone()) {
        return KeyHome::KeyFile(path);
    }
    KeyHome::Keystore
}

/// Keeps `key` for the records in `dir` in `home` (and writes `key-home`).
///
/// Errors: `unavailable` when no keystore answers (the message names the key file choice);
/// `storage` when the key cannot be kept (the message names why and what to do).
pub fn keep(dir: &Path, key: &DbKey, home: &KeyHome) -> Result<(), VigilError> {
    // A first start on a new workstation: the data directory itself is made now.
    file_modes::private_dir(dir).map_err(|e| {
        VigilError::new(ErrorCode::Storage, format!("{} cannot be made: {e}", dir.display()))
    })?;
    key_home::store(dir, key, home).map_err(|p| {
        tracing::warn!("the key could not be kept: {p}");
        match p {
            KeyProblem::NoKeystore(_) => no_keystore(),
            other => VigilError::new(ErrorCode::Storage, other.message()),
        }
    })
}

/// The refusal when no keystore answers as the key is to be kept.
pub fn no_keystore() -> VigilError {
    VigilError::new(
        ErrorCode::Unavailable,
        "No keystore answers on this workstation (the Secret Service, e.g. GNOME Keyring, is \
         not running or is locked). Start or unlock it and try again, or choose Keep the key in \
         a file (weaker). Nothing was changed.",
    )
}

/// Undoes [`keep`] of `key` after the records could not be opened: the key forgotten and
/// `key-home` gone, only while `home` still holds `key` (a key kept there since, or one that
/// cannot be read back, is never removed).
pub fn undo_keep(dir: &Path, home: &KeyHome, key: &DbKey) {
    match key_home::load_from(dir, home) {
        Ok(held) if held == *key => {}
        Ok(_) => {
            tracing::warn!("the key kept was replaced since: it is left where it is");
            return;
        }
        Err(p) => {
            tracing::warn!("the key kept cannot be read back, so it is left: {p}");
            return;
        }
    }
    if let Err(p) = key_home::forget(dir, home) {
        tracing::warn!("the key kept could not be removed again: {p}");
    }
    let _ = std::fs::remove_file(dir.join(HOME_FILE));
}

/// Checks that `key` opens the Vigil records at `file` (`what` names it in messages).
///
/// Errors: `validation` on `file` when there is no file there or it is not encrypted Vigil
/// records; on `recoveryKey` when the key does not open it.
pub fn check_opens(file: &Path, key: &DbKey, what: &str) -> Result<(), VigilError> {
    let not_records =
        |why: String| VigilError::validation("file", format!("{why} Nothing was changed."));
    match cipher::file_kind(file) {
        Ok(FileKind::Encrypted) => {}
        Ok(FileKind::Missing) => {
            return Err(not_records(format!("There is no file at {}.", file.display())))
        }
        Ok(_) => {
            return Err(not_records(format!(
                "{} is not encrypted Vigil records: choose a Vigil database or backup.",
                file.display()
            )))
        }
        Err(e) => return Err(not_records(format!("{} cannot be read ({e}).", file.display()))),
    }
    let conn = match cipher::open_keyed_read_only(file, key) {
        Ok(conn) => conn,
        Err(StoreError::WrongKey) => {
            return Err(VigilError::validation(
                vigil_core::recovery_key::FIELD,
                format!(
                    "This recovery key does not open {what}. Check it against the paper (or \
                     choose the file these records were kept in). Nothing was changed."
                ),
            ))
        }
        Err(e) => return Err(not_records(format!("{} cannot be read ({e}).", file.display()))),
    };
    let trail = conn.query_row("SELECT count(*) FROM audit_events", [], |r| r.get::<_, i64>(0));
    if trail.is_err() {
        return Err(not_records(format!("{} is not Vigil records.", file.display())));
    }
    Ok(())
}

/// Writes a copy of `file` (opened with `key`) encrypted with `key` beside `db`, synced, then
/// renamed to `db` (its stale `-wal`/`-shm` removed first).
///
/// Errors: `storage` when the copy cannot be written (nothing is left behind).
pub fn bring_in(file: &Path, key: &DbKey, db: &Path) -> Result<(), VigilError> {
    let folder = db.parent().unwrap_or(Path::new("."));
    let temp = with_suffix(db, ".importing");
    let result = (|| {
        file_modes::private_dir(folder).map_err(|e| StoreError::Io(folder.to_owned(), e))?;
        let _ = std::fs::remove_file(&temp);
        cipher::export(file, Source::Keyed(key), &temp, key)?;
        let io = |p: &Path| {
            let p = p.to_owned();
            move |e| StoreError::Io(p, e)
        };
        std::fs::File::open(&temp).and_then(|f| f.sync_all()).map_err(io(&temp))?;
        for side in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(with_suffix(db, side));
        }
        std::fs::rename(&temp, db).map_err(io(db))?;
        std::fs::File::open(folder).and_then(|f| f.sync_all()).map_err(io(folder))
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        VigilError::new(
            ErrorCode::Storage,
            format!("The records could not be copied in: {e}. Nothing was changed."),
        )
    })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
