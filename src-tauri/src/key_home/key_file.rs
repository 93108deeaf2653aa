//! The key file, the weaker key home chosen explicitly: 64 lowercase hex characters and a
//! newline, 0600, in a folder created 0700, by default `$XDG_CONFIG_HOME/vigil/records.key`
//! (else `~/.config/vigil/records.key`). Refused inside the data directory (a key beside the
//! records protects nothing), when another user owns it, or when others may read or change it.

use std::ffi::OsString;
use std::io::{ErrorKind, Read};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use vigil_store::{file_modes, DbKey};

use super::home_file::{not_absolute, write_atomically};
use super::{canonical, KeyProblem};

/// The most a key file may hold (64 hex characters, a newline, some whitespace).
const MAX_LEN: u64 = 256;

/// Where the key file goes unless chosen otherwise: `$XDG_CONFIG_HOME/vigil/records.key`, else
/// `$HOME/.config/vigil/records.key`; `None` when neither is set (or absolute).
pub fn default_key_file() -> Option<PathBuf> {
    key_file_in(|name| std::env::var_os(name))
}

/// The default key file for the environment `var` reads.
pub(super) fn key_file_in(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let path = |name| var(name).map(PathBuf::from).filter(|p| p.is_absolute());
    let config = path("XDG_CONFIG_HOME").or_else(|| path("HOME").map(|h| h.join(".config")))?;
    Some(config.join("vigil").join("records.key"))
}

pub(super) fn load(dir: &Path, path: &Path) -> Result<DbKey, KeyProblem> {
    check_place(dir, path)?;
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(KeyProblem::KeyFileMissing(path.to_owned()))
        }
        Err(e) => return Err(unsafe_file(path, format!("it cannot be read ({e})"))),
    };
    check_owner_and_mode(path, &meta, nix::unistd::geteuid().as_raw())?;
    if !meta.is_file() {
        return Err(KeyProblem::KeyFileGarbled(path.to_owned()));
    }
    let mut text = String::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(MAX_LEN).read_to_string(&mut text));
    match read {
        Ok(_) => DbKey::from_hex(&text).ok_or_else(|| KeyProblem::KeyFileGarbled(path.to_owned())),
        Err(e) if e.kind() == ErrorKind::InvalidData => {
            Err(KeyProblem::KeyFileGarbled(path.to_owned()))
        }
        Err(e) => Err(unsafe_file(path, format!("it cannot be read ({e})"))),
    }
}

pub(super) fn store(dir: &Path, path: &Path, key: &DbKey) -> Result<(), KeyProblem> {
    check_place(dir, path)?;
    let not_written = |e: std::io::Error| KeyProblem::NotWritten(path.to_owned(), e.to_string());
    if let Some(folder) = path.parent().filter(|f| !f.exists()) {
        file_modes::private_dir(folder).map_err(not_written)?;
    }
    let mut text = key.to_hex();
    text.push('\n');
    write_atomically(path, text.as_bytes()).map_err(not_written)
}

pub(super) fn forget(dir: &Path, path: &Path) -> Result<(), KeyProblem> {
    check_place(dir, path)?;
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => {
            Err(KeyProblem::NotWritten(path.to_owned(), e.to_string()))
        }
        _ => Ok(()),
    }
}

/// Refuses a relative path, and one inside the data directory `dir` (links resolved).
fn check_place(dir: &Path, path: &Path) -> Result<(), KeyProblem> {
    if !path.is_absolute() {
        return Err(not_absolute(path));
    }
    if resolved(path).starts_with(canonical(dir)) {
        return Err(unsafe_file(
            path,
            "it is inside the data directory, beside the records, where it protects nothing; \
             keep the key in a file elsewhere or in the workstation's keystore"
                .into(),
        ));
    }
    Ok(())
}

/// `path` with the links of its nearest existing ancestor resolved.
fn resolved(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut at = path;
    loop {
        if let Ok(real) = std::fs::canonicalize(at) {
            return rest.iter().rev().fold(real, |p, name| p.join(name));
        }
        match (at.parent(), at.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                at = parent;
            }
            _ => return path.to_owned(),
        }
    }
}

/// Refuses a key file that user `uid` (this process's) does not own, or that others may use.
pub(super) fn check_owner_and_mode(
    path: &Path,
    meta: &std::fs::Metadata,
    uid: u32,
) -> Result<(), KeyProblem> {
    if meta.uid() != uid {
        return Err(unsafe_file(
            path,
            "it belongs to another user; Vigil uses a key file only its own user owns. Open the \
             records with the recovery key and keep the key again"
                .into(),
        ));
    }
    let mode = meta.mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(unsafe_file(
            path,
            format!(
                "others on this workstation may read or change it (mode {mode:04o}). Make it its \
                 owner's only (chmod 600 {}) and choose Try the key file again, or open the \
                 records with the recovery key",
                path.display()
            ),
        ));
    }
    Ok(())
}

fn unsafe_file(path: &Path, why: String) -> KeyProblem {
    KeyProblem::KeyFileUnsafe(path.to_owned(), why)
}
