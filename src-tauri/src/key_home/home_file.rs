//! `<data>/key-home`: which key home the records in that data directory use, in plain text
//! (`keystore\n` or `key-file <absolute path>\n`; no secret). Absent means the keystore. And
//! the one atomic write both it and the key file use (a 0600 temporary file, synced, renamed).

use std::ffi::OsStr;
use std::io::ErrorKind;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use vigil_store::file_modes;

use super::{KeyHome, KeyProblem};

/// The file's name in the data directory.
pub const HOME_FILE: &str = "key-home";

const KEYSTORE: &[u8] = b"keystore";
const KEY_FILE: &[u8] = b"key-file ";

/// The key home `<dir>/key-home` names; the keystore when there is no such file.
/// Errors: it cannot be read, or does not say `keystore` or `key-file <absolute path>`
/// ([`KeyProblem::Garbled`]).
pub fn read_home(dir: &Path) -> Result<KeyHome, KeyProblem> {
    let path = dir.join(HOME_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(KeyHome::Keystore),
        Err(e) => {
            return Err(KeyProblem::Garbled(format!("{} cannot be read ({e})", path.display())))
        }
    };
    let line = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
    if line == KEYSTORE {
        return Ok(KeyHome::Keystore);
    }
    match line.strip_prefix(KEY_FILE).map(|p| PathBuf::from(OsStr::from_bytes(p))) {
        Some(key_file) if key_file.is_absolute() => Ok(KeyHome::KeyFile(key_file)),
        _ => Err(KeyProblem::Garbled(format!(
            "{} does not say keystore or key-file and a full path",
            path.display()
        ))),
    }
}

/// Records `home` in `<dir>/key-home` (atomically, 0600). Errors: a relative key file path
/// ([`KeyProblem::KeyFileUnsafe`]); the file cannot be written ([`KeyProblem::NotWritten`]).
pub fn write_home(dir: &Path, home: &KeyHome) -> Result<(), KeyProblem> {
    let mut line = Vec::new();
    match home {
        KeyHome::Keystore => line.extend_from_slice(KEYSTORE),
        KeyHome::KeyFile(key_file) => {
            if !key_file.is_absolute() {
                return Err(not_absolute(key_file));
            }
            line.extend_from_slice(KEY_FILE);
            line.extend_from_slice(key_file.as_os_str().as_bytes());
        }
    }
    line.push(b'\n');
    let path = dir.join(HOME_FILE);
    write_atomically(&path, &line).map_err(|e| KeyProblem::NotWritten(path, e.to_string()))
}

pub(super) fn not_absolute(key_file: &Path) -> KeyProblem {
    KeyProblem::KeyFileUnsafe(
        key_file.to_owned(),
        "its path is not a full path (from /); choose the file by its full path".into(),
    )
}

/// Replaces `path` with `bytes` in one step, 0600 (`file_modes::replace_atomically`): a reader
/// sees the old content or the new, never a part.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    file_modes::replace_atomically(path, bytes, file_modes::FILE_MODE)
}
