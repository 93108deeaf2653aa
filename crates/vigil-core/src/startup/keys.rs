//! The encryption key at start-up and in Settings, as the page sees it: why the records are
//! locked ([`StartupKind`]), where the key is kept ([`KeyHome`]), the first-start and recovery-key
//! choices and what they did, and the Settings' encryption section. The key itself never
//! travels: only the recovery key text, returned once when a key is made.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::VigilError;

/// Why the window opened in recovery mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StartupKind {
    /// The database file is damaged: restore a backup or start fresh.
    Damaged,
    /// The file is fine but cannot be used now (a newer schema, a folder that cannot be written).
    Unreadable,
    /// No records yet: the person chooses to start new ones or open existing ones.
    FirstStart,
    /// No keystore answers.
    NoKeystore,
    /// The keystore holds no key for these records (or cannot say where it is).
    NoKeyEntry,
    /// The key found does not open the records.
    WrongKey,
    /// The key file is missing, unsafe or garbled.
    KeyFile,
}

/// Where the database key is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KeyHome {
    /// The workstation's keystore (the default).
    Keystore,
    /// A key file outside the data directory (weaker).
    KeyFile,
}

/// First start: start new records, keeping their key in `keep_in`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewRecordsInput {
    pub keep_in: KeyHome,
}

/// New records started: their recovery key (shown once) and where their key is kept.
/// `Debug` leaves the recovery key out.
#[derive(Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewRecordsOutcome {
    /// 14 groups of 4 characters joined by `-`.
    pub recovery_key: String,
    pub key_home: KeyHome,
    /// The key file's path when the key is kept in a file.
    pub key_file: Option<String>,
    /// Which records the key belongs to: their data directory (printed on the card).
    pub records: String,
    /// When the key was issued.
    pub issued_at: DateTime<Utc>,
}

/// Opening records with a recovery key: on first start `file` names the copied database or
/// backup to bring in; when the key is lost, the records in place are opened. The key is then
/// kept in `keep_in`. `Debug` leaves the recovery key out.
#[derive(Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecoveryKeyInput {
    pub recovery_key: String,
    pub file: Option<String>,
    pub keep_in: KeyHome,
}

/// The longest path accepted (bytes).
const MAX_PATH: usize = 1000;

impl RecoveryKeyInput {
    /// The 32 key bytes of the typed recovery key.
    /// Errors: `validation` on `recoveryKey` ([`crate::recovery_key::parse`]).
    pub fn key(&self) -> Result<[u8; 32], VigilError> {
        crate::recovery_key::parse(&self.recovery_key)
    }

    /// The records file typed, if any (blank is none).
    /// Errors: `validation` on `file` unless an absolute path on one line without control,
    /// invisible or text-direction characters.
    pub fn records_file(&self) -> Result<Option<String>, VigilError> {
        let Some(file) = self.file.as_deref().map(str::trim).filter(|f| !f.is_empty()) else {
            return Ok(None);
        };
        if !file.starts_with('/')
            || file.len() > MAX_PATH
            || file.chars().any(crate::text::refused_in_line)
        {
            return Err(VigilError::validation(
                "file",
                "Type the records file's full path, like /media/usb/vigil-20261127T031500000Z.sqlite3.",
            ));
        }
        Ok(Some(file.to_owned()))
    }
}

/// The Settings' encryption section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EncryptionInfo {
    /// SQLCipher's version (`PRAGMA cipher_version`).
    pub cipher_version: String,
    pub key_home: KeyHome,
    /// The key file's path when the key is kept in a file.
    pub key_file: Option<String>,
    /// Backups (full paths) that are still not encrypted.
    pub plain_backups: Vec<String>,
    /// Whether someone said the newest recovery key was kept safe (a `recovery_key_kept` entry
    /// newer than the key's newest issuance). False after plain records were encrypted at the
    /// first start of this version (nobody saw a key then), or when a key shown was never
    /// confirmed as kept: the page then warns and offers "Issue a new recovery key".
    pub recovery_key_shown: bool,
}

/// A new recovery key was issued: the text (shown once) and what became of the backups.
/// `Debug` leaves the recovery key out.
#[derive(Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReissuedKey {
    pub recovery_key: String,
    /// Backups in the clinic's backup folder now encrypted with the new key.
    pub backups_reencrypted: u32,
    /// Backups left as they were (still opened by the old recovery key only): full paths.
    pub backups_not_reencrypted: Vec<String>,
    /// Which records the key belongs to: their data directory (printed on the card).
    pub records: String,
    /// When the key was issued.
    pub issued_at: DateTime<Utc>,
}

/// What `Debug` prints in place of a recovery key.
const HIDDEN: &str = "…";

impl std::fmt::Debug for NewRecordsOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewRecordsOutcome")
            .field("recovery_key", &HIDDEN)
            .field("key_home", &self.key_home)
            .field("key_file", &self.key_file)
            .field("records", &self.records)
            .field("issued_at", &self.issued_at)
            .finish()
    }
}

impl std::fmt::Debug for RecoveryKeyInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecoveryKeyInput")
            .field("recovery_key", &HIDDEN)
            .field("file", &self.file)
            .field("keep_in", &self.keep_in)
            .finish()
    }
}

impl std::fmt::Debug for ReissuedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReissuedKey")
            .field("recovery_key", &HIDDEN)
            .field("backups_reencrypted", &self.backups_reencrypted)
            .field("backups_not_reencrypted", &self.backups_not_reencrypted)
            .field("records", &self.records)
            .field("issued_at", &self.issued_at)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(file: Option<&str>) -> RecoveryKeyInput {
        RecoveryKeyInput {
            recovery_key: String::new(),
            file: file.map(str::to_owned),
            keep_in: KeyHome::Keystore,
        }
    }

    #[test]
    fn a_records_file_is_an_absolute_path_or_none() {
        assert_eq!(input(None).records_file(), Ok(None));
        assert_eq!(input(Some("  ")).records_file(), Ok(None));
        assert_eq!(input(Some(" /a/b.sqlite3 ")).records_file(), Ok(Some("/a/b.sqlite3".into())));
        let long = format!("/{}", "a".repeat(MAX_PATH));
        for bad in ["vigil.sqlite3", "../x", "/a\nb", "/a\u{202E}b", &long] {
            let error = input(Some(bad)).records_file().expect_err(bad);
            assert_eq!(error.field.as_deref(), Some("file"), "{bad:?}");
        }
    }

    #[test]
    fn debug_never_prints_the_recovery_key() {
        const KEY: &str = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD-EFGH-JKMN-PQRS-TV00-Z9Z9";
        let issued_at = DateTime::<Utc>::UNIX_EPOCH;
        let mut typed = input(Some("/media/usb/vigil.sqlite3"));
        typed.recovery_key = KEY.into();
        let started = NewRecordsOutcome {
            recovery_key: KEY.into(),
            key_home: KeyHome::KeyFile,
            key_file: Some("/home/nurse/.config/vigil/records.key".into()),
            records: "/var/lib/vigil".into(),
            issued_at,
        };
        let reissued = ReissuedKey {
            recovery_key: KEY.into(),
            backups_reencrypted: 3,
            backups_not_reencrypted: vec!["/backups/old.sqlite3".into()],
            records: "/var/lib/vigil".into(),
            issued_at,
        };
        for (printed, also) in [
            (format!("{typed:?}"), "/media/usb/vigil.sqlite3"),
            (format!("{started:?}"), "records.key"),
            (format!("{reissued:?}"), "backups_reencrypted: 3"),
            (format!("{reissued:#?}"), "old.sqlite3"),
        ] {
            assert!(!printed.contains("ABCD") && !printed.contains("Z9Z9"), "{printed}");
            assert!(printed.contains("recovery_key: \"…\""), "{printed}");
            assert!(printed.contains(also), "the rest is still printed: {printed}");
        }
    }

    #[test]
    fn kinds_and_homes_travel_in_snake_case() {
        let kind = serde_json::to_string(&StartupKind::NoKeyEntry).unwrap_or_default();
        assert_eq!(kind, "\"no_key_entry\"");
        let home: Result<KeyHome, _> = serde_json::from_str("\"key_file\"");
        assert_eq!(home.ok(), Some(KeyHome::KeyFile));
    }
}
