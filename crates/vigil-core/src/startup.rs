//! Start-up when the database cannot be opened: what the recovery screen shows (the reason,
//! the file, the backups found) and the backup the person chooses to restore.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{BackupInfo, RestoreInput, VigilError};

mod keys;
pub use keys::{
    EncryptionInfo, KeyHome, NewRecordsInput, NewRecordsOutcome, RecoveryKeyInput, ReissuedKey,
    StartupKind,
};

/// Why Vigil could not open its records, and what it found to recover from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupProblem {
    /// Which screen this is: a damaged or unreadable file, the first start, or a key problem.
    pub kind: StartupKind,
    /// The reason, as the database or the file system gave it, or a sentence naming the way
    /// out (never patient data, never the key).
    pub reason: String,
    /// The database file that could not be opened.
    pub database: String,
    /// The folder whose backups are listed: the default one beside the data directory (the
    /// clinic's chosen folder is stored in the database that cannot be read).
    pub backup_folder: String,
    /// The backups in that folder, newest first.
    pub backups: Vec<BackupInfo>,
    /// The file itself is damaged. When not (a newer Vigil's schema, a folder that cannot be
    /// written), fixing the cause and starting again is the way; the ways out stay a last resort.
    /// Always `kind == damaged`.
    pub damaged: bool,
    /// The records have no key yet: the first start, or plain records of an earlier Vigil
    /// still to be encrypted (kind `no_keystore` when no keystore answered). Then
    /// `start_new_records` makes the key (and, for plain records, encrypts them, keeping every
    /// record), with "Keep the key in a file (weaker)" as its key-file choice; the recovery key
    /// form does not apply. False in every other state.
    pub needs_key: bool,
}

/// What a recovery did: where the damaged file was kept, and the backup restored if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryOutcome {
    /// The new path of the damaged database file (its `-wal` and `-shm` beside it); none when
    /// there was no file to move.
    pub kept_as: Option<String>,
    /// The backup file restored, or none for a fresh start.
    pub restored_from: Option<String>,
}

/// Restoring from a backup at start-up: a file from the list, or the full path of another one.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecoveryRestoreInput {
    pub file: String,
}

/// The backup a [`RecoveryRestoreInput`] names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupChoice {
    /// A `vigil-*.sqlite3` file in the listed backup folder.
    Listed(String),
    /// An absolute path typed by the person.
    Path(String),
}

/// The longest path accepted (bytes).
const MAX_PATH: usize = 1000;

impl RecoveryRestoreInput {
    /// Errors: `validation` on `file` unless a plain backup name from the list or an absolute
    /// path on one line without control, invisible or text-direction characters.
    pub fn choice(&self) -> Result<BackupChoice, VigilError> {
        let file = self.file.trim();
        if !file.starts_with('/') {
            let listed = RestoreInput { file: file.to_owned() };
            return Ok(BackupChoice::Listed(listed.file_name()?.to_owned()));
        }
        if file.len() > MAX_PATH || file.chars().any(crate::text::refused_in_line) {
            return Err(VigilError::validation(
                "file",
                "Type the backup file's full path, like /srv/vigil-backups/vigil-20261127T031500000Z.sqlite3.",
            ));
        }
        Ok(BackupChoice::Path(file.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(file: &str) -> Result<BackupChoice, VigilError> {
        RecoveryRestoreInput { file: file.into() }.choice()
    }

    #[test]
    fn a_listed_name_or_an_absolute_path() {
        let name = "vigil-20261127T031500000Z.sqlite3";
        assert_eq!(choice(name), Ok(BackupChoice::Listed(name.into())));
        let path = "/media/usb/vigil-20261127T031500000Z.sqlite3";
        assert_eq!(choice(&format!(" {path} ")), Ok(BackupChoice::Path(path.into())));
    }

    #[test]
    fn anything_else_is_refused_on_file() {
        let long = format!("/{}", "a".repeat(MAX_PATH));
        for bad in
            ["", "backups/vigil-x.sqlite3", "../vigil.sqlite3", "/a\nb", "/a\u{202E}b", &long]
        {
            let error = choice(bad).expect_err(bad);
            assert_eq!(error.field.as_deref(), Some("file"), "{bad:?}");
        }
    }
}
