//! The key of the records for the headless commands: from the data directory's key home
//! (`key_home::load`), or from the recovery key typed on standard input (`--recovery-key`). And
//! the proof that it opens what the command works on, read-only, before anything is written.
//! Every failure is a sentence for the terminal naming the way out; none holds the key.

use std::path::Path;
use vigil_store::cipher::{self, FileKind};
use vigil_store::{DbKey, StoreError};
use zeroize::{Zeroize, Zeroizing};

use crate::key_home::{self, KeyProblem};

/// Where the key came from (the messages differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    KeyHome,
    RecoveryKey,
}

/// The key of the records in `dir`: the recovery key `typed` returns when `recovery` (asked
/// for only then), else the key home's.
pub fn obtain(
    dir: &Path,
    recovery: bool,
    typed: &mut dyn FnMut() -> Result<Zeroizing<String>, String>,
) -> Result<(DbKey, Source), String> {
    if recovery {
        let text = typed()?;
        Ok((from_recovery_key(&text)?, Source::RecoveryKey))
    } else {
        let key = key_home::load(dir).map_err(|p| loading(dir, &p))?;
        Ok((key, Source::KeyHome))
    }
}

/// The key a typed recovery key stands for; the parse error's own sentence when it is not one.
pub fn from_recovery_key(typed: &str) -> Result<DbKey, String> {
    match vigil_core::recovery_key::parse(typed) {
        Ok(mut bytes) => {
            let key = DbKey::from_bytes(bytes);
            bytes.zeroize();
            Ok(key)
        }
        Err(e) => Err(format!("{} Nothing was changed.", e.message)),
    }
}

/// Refuses a database that `key` does not open (or that is not encrypted yet), reading only.
pub fn opens(db: &Path, key: &DbKey, source: Source) -> Result<(), String> {
    if cipher::file_kind(db).map_err(|e| e.to_string())? == FileKind::Plain {
        return Err(not_encrypted(db));
    }
    match cipher::check_key(db, key) {
        Ok(()) => Ok(()),
        Err(StoreError::WrongKey) => Err(wrong_key(db, source)),
        Err(e) => Err(format!("the records at {} cannot be read: {e}", db.display())),
    }
}

/// Refuses a backup that `key` does not open. A plain backup (from before the records were
/// encrypted) opens with any key.
pub fn opens_backup(file: &Path, key: &DbKey) -> Result<(), String> {
    let cannot = |e: StoreError| {
        format!("the backup {} cannot be read ({e}). Nothing was changed.", file.display())
    };
    match cipher::file_kind(file).map_err(cannot)? {
        FileKind::Plain => Ok(()),
        FileKind::Missing => {
            Err(format!("there is no file {}. Nothing was changed.", file.display()))
        }
        _ => match cipher::check_key(file, key) {
            Ok(()) => Ok(()),
            Err(StoreError::WrongKey) => Err(format!(
                "the key does not open the backup {}: it was made with another key (other \
                 records, or before a new recovery key was issued), or it is not a Vigil backup. \
                 Run again with --recovery-key and the recovery key of the records it belongs \
                 to. Nothing was changed.",
                file.display()
            )),
            Err(e) => Err(cannot(e)),
        },
    }
}

pub fn not_encrypted(db: &Path) -> String {
    format!(
        "the records at {} are not encrypted yet: start Vigil once to encrypt them; then an \
         administrator issues their recovery key in Settings, Encryption. Nothing was changed.",
        db.display()
    )
}

fn wrong_key(db: &Path, source: Source) -> String {
    match source {
        Source::KeyHome => format!(
            "the key this workstation keeps does not open the records at {} (they were made with \
             another key, or the start of the file is damaged): run the command again with \
             --recovery-key and their recovery key, or restore a backup. Nothing was changed.",
            db.display()
        ),
        Source::RecoveryKey => format!(
            "this recovery key does not open the records at {}: it belongs to other records, or \
             a new recovery key was issued since (the older one opens only backups kept \
             elsewhere). Type their newest recovery key, or restore a backup. Nothing was \
             changed.",
            db.display()
        ),
    }
}

/// A key home that could not give the key of the records in `dir`, as the terminal says it.
pub fn loading(dir: &Path, problem: &KeyProblem) -> String {
    const AGAIN: &str = "run the command again with --recovery-key and type the recovery key";
    const UNCHANGED: &str = "Nothing was changed.";
    match problem {
        KeyProblem::NoEntry => format!(
            "the key for the records in {} is not in this workstation's keystore (it was \
             removed, or the records came from another workstation): {AGAIN}. {UNCHANGED}",
            dir.display()
        ),
        KeyProblem::NoKeystore(detail) => format!(
            "no keystore answers on this workstation (the Secret Service, e.g. GNOME Keyring, is \
             not running or is locked: {detail}): start or unlock it and run the command again, \
             or {AGAIN}. {UNCHANGED}"
        ),
        KeyProblem::KeyFileMissing(path) => format!(
            "the key file {} is missing: put it back, or {AGAIN}. {UNCHANGED}",
            path.display()
        ),
        KeyProblem::KeyFileGarbled(path) => format!(
            "the key file {} does not hold a Vigil key (64 hexadecimal characters): put back a \
             good copy, or {AGAIN}. {UNCHANGED}",
            path.display()
        ),
        KeyProblem::KeyFileUnsafe(path, why) => {
            format!("the key file {} is not used: {why}. Or {AGAIN}. {UNCHANGED}", path.display())
        }
        KeyProblem::Garbled(detail) => format!(
            "Vigil cannot tell where the key of these records is: {detail}. {AGAIN}. {UNCHANGED}"
        ),
        KeyProblem::NotWritten(..) => format!("{problem}"),
    }
}
