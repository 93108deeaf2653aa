//! The key in the workstation's keystore (the `keyring` crate: the Secret Service on Linux):
//! service `Vigil`, user `records:<canonical data dir>`, the secret 64 lowercase hex characters
//! (so `secret-tool lookup service Vigil username records:<dir>` prints it). Keystore errors
//! become [`KeyProblem`]s; what they carry is the platform's words, never the secret.
//! Each call runs on a worker thread and is given up after [`ANSWER_WITHIN`]: a locked
//! keystore's unlock prompt may otherwise wait (keyring's Secret Service waits up to a year)
//! before any window exists.

use keyring::{Entry, Error};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;
use vigil_store::DbKey;

use super::{canonical, KeyProblem};

/// The keystore's service name for Vigil's keys.
pub const SERVICE: &str = "Vigil";

/// The keystore's user name for the records in `dir`.
pub fn user_for(dir: &Path) -> String {
    format!("records:{}", canonical(dir).display())
}

/// How long a keystore call may take: long enough for a person to answer a real unlock prompt.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(60);

pub(super) fn load(dir: &Path) -> Result<DbKey, KeyProblem> {
    let dir = dir.to_owned();
    within(ANSWER_WITHIN, move || read_entry(&entry(&dir)?))
}

pub(super) fn store(dir: &Path, key: &DbKey) -> Result<(), KeyProblem> {
    let (dir, key) = (dir.to_owned(), key.clone());
    within(ANSWER_WITHIN, move || write_entry(&entry(&dir)?, &key))
}

pub(super) fn forget(dir: &Path) -> Result<(), KeyProblem> {
    let dir = dir.to_owned();
    within(ANSWER_WITHIN, move || delete_entry(&entry(&dir)?))
}

/// Runs `call` on a worker thread and waits at most `limit` for its answer. A call that does
/// not answer in time is left to finish (or not) on its own, detached, and is
/// [`KeyProblem::NoKeystore`]; a worker that panics is one too.
pub(super) fn within<T, F>(limit: Duration, call: F) -> Result<T, KeyProblem>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, KeyProblem> + Send + 'static,
{
    let (tx, rx) = mpsc::sync_channel(1);
    let worker = std::thread::Builder::new().name("vigil-keystore".into()).spawn(move || {
        // The receiver is gone when the wait is over: the answer is dropped then.
        let _ = tx.send(call());
    });
    if let Err(e) = worker {
        return Err(KeyProblem::NoKeystore(format!("the keystore call could not start: {e}")));
    }
    match rx.recv_timeout(limit) {
        Ok(answer) => answer,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(KeyProblem::NoKeystore(format!(
            "the keystore did not answer within {} s (it may be locked and waiting for its \
             password)",
            limit.as_secs()
        ))),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(KeyProblem::NoKeystore("the keystore call failed".into()))
        }
    }
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
