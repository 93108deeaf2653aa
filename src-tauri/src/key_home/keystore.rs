//! The key in the workstation's keystore (the `keyring` crate: the Secret Service on Linux):
//! service `Vigil`, user `records:<canonical data dir>`, the secret 64 lowercase hex characters
//! (so `secret-tool lookup service Vigil username records:<dir>` prints it). Keystore errors
//! become [`KeyProblem`]s; what they carry is the platform's words, never the secret.

use keyring::{Entry, Error};
use std::path::Path;
use vigil_store::DbKey;

use super::{canonical, KeyProblem};

/// The keystore's service name for Vigil's keys.
pub const SERVICE: &str = "Vigil";

/// The keystore's user name for the records in `dir`.
pub fn user_for(dir: &Path) -> String {
    format!("records:{}", canonical(dir).display())
}

pub(super) fn load(dir: &Path) -> Result<DbKey, KeyProblem> {
    read_entry(&entry(dir)?)
}

pub(super) fn store(dir: &Path, key: &DbKey) -> Result<(), KeyProblem> {
    write_entry(&entry(dir)?, key)
}

pub(super) fn forget(dir: &Path) -> Result<(), KeyProblem> {
    delete_entry(&entry(dir)?)
}

fn entry(dir: &Path) -> Result<Entry, KeyProblem> {
    Entry::new(SERVICE, &user_for(dir)).map_err(problem)
}

pub(super) fn read_entry(entry: &Entry) -> Result<DbKey, KeyProblem> {
    let secret = entry.get_password().map_err(problem)?;
    DbKey::from_hex(&secret).ok_or_else(|| {
        KeyProblem::Garbled(
            "the keystore's entry for these records does not hold a Vigil key".into(),
        )
    })
}

pub(super) fn write_entry(entry: &Entry, key: &DbKey) -> Result<(), KeyProblem> {
    entry.set_password(&key.to_hex()).map_err(problem)
}

pub(super) fn delete_entry(entry: &Entry) -> Result<(), KeyProblem> {
    match entry.delete_credential() {
        Ok(()) | Err(Error::NoEntry) => Ok(()),
        Err(e) => Err(problem(e)),
    }
}

/// The problem a keystore error is. The details are written here or are the platform's
/// errors: `BadEncoding` (which holds the stored bytes) and `Ambiguous` are never formatted.
pub(super) fn problem(e: Error) -> KeyProblem {
    match e {
        Error::NoEntry => KeyProblem::NoEntry,
        Error::PlatformFailure(e) | Error::NoStorageAccess(e) => {
            KeyProblem::NoKeystore(e.to_string())
        }
        Error::BadEncoding(_) => {
            KeyProblem::Garbled("the keystore's entry for these records is not text".into())
        }
        Error::Ambiguous(found) => KeyProblem::Garbled(format!(
            "the keystore holds {} entries for these records",
            found.len()
        )),
        Error::TooLong(attribute, limit) => KeyProblem::NoKeystore(format!(
            "the keystore refuses a {attribute} longer than {limit}"
        )),
        Error::Invalid(attribute, why) => {
            KeyProblem::NoKeystore(format!("the keystore refuses the {attribute}: {why}"))
        }
        _ => KeyProblem::NoKeystore("the keystore failed".into()),
    }
}
