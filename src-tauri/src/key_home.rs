//! Where the database key lives (its "key home"): the workstation's keystore by default (the
//! Secret Service on Linux, through the `keyring` crate), or, by explicit choice, a key file
//! (weaker: anyone who copies the file and the records can read them). Which one is written in
//! `<data>/key-home` (`keystore` or `key-file <path>`, no secret in it; absent = keystore).
//! Loading and keeping the key, and every way that can fail, as a [`KeyProblem`] whose message
//! names the way out. The key itself never appears in a log, an error or a message.

mod home_file;
mod key_file;
mod keystore;
#[cfg(test)]
mod keystore_tests;
mod problem;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use vigil_store::DbKey;

pub use home_file::{read_home, write_home, HOME_FILE};
pub use key_file::default_key_file;
pub use keystore::{user_for, SERVICE};
pub use problem::KeyProblem;

/// Where the key of one data directory is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyHome {
    /// The workstation's keystore: service `Vigil`, user `records:<canonical data dir>`.
    Keystore,
    /// A key file (an absolute path outside the data directory): 64 hex characters, 0600.
    KeyFile(PathBuf),
}

/// The key of the records in `dir`, from the key home `<dir>/key-home` names.
pub fn load(dir: &Path) -> Result<DbKey, KeyProblem> {
    load_from(dir, &read_home(dir)?)
}

/// The key of the records in `dir`, from `home`.
pub fn load_from(dir: &Path, home: &KeyHome) -> Result<DbKey, KeyProblem> {
    match home {
        KeyHome::Keystore => keystore::load(dir),
        KeyHome::KeyFile(path) => key_file::load(dir, path),
    }
}

/// Keeps `key` for the records in `dir` in `home`, then records `home` in `<dir>/key-home`.
/// A key kept elsewhere before is left there (see [`forget`]).
pub fn store(dir: &Path, key: &DbKey, home: &KeyHome) -> Result<(), KeyProblem> {
    match home {
        KeyHome::Keystore => keystore::store(dir, key)?,
        KeyHome::KeyFile(path) => key_file::store(dir, path, key)?,
    }
    write_home(dir, home)
}

/// Removes the key of the records in `dir` from `home` (after it moved elsewhere). Nothing to
/// remove is fine. `<dir>/key-home` is not changed.
pub fn forget(dir: &Path, home: &KeyHome) -> Result<(), KeyProblem> {
    match home {
        KeyHome::Keystore => keystore::forget(dir),
        KeyHome::KeyFile(path) => key_file::forget(dir, path),
    }
}

/// `dir` with symbolic links resolved (as it is when it does not exist yet, made absolute), so
/// that one data directory has one keystore entry however it was reached.
pub(crate) fn canonical(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_owned())
}
