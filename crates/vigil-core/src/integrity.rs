//! The record's integrity as the UI shows it: the audit chain's state and the backups.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::VigilError;

/// The outcome of the last verification of the database and its audit chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntegrityStatus {
    pub ok: bool,
    pub checked_at: DateTime<Utc>,
    /// Audit rows verified.
    #[ts(type = "number")]
    pub rows: i64,
    /// The last audit row's sequence number and hash (the chain's head).
    #[ts(type = "number")]
    pub head_seq: i64,
    pub head_hash: String,
    /// The first audit row that does not verify, when the chain is broken.
    #[ts(type = "number | null")]
    pub first_bad_seq: Option<i64>,
    /// What is wrong, for the administrator (no patient data).
    pub problem: Option<String>,
}

/// One backup file in the backup folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file's name inside the backup folder.
    pub file: String,
    pub created_at: DateTime<Utc>,
    #[ts(type = "number")]
    pub bytes: i64,
    /// The chain head written beside the backup when it was verified.
    pub head_hash: Option<String>,
    /// Why the backup did not verify when it was made (the database it copies was already
    /// damaged or altered), or `None` for a verified backup. Such a backup is kept, never
    /// restored from the app.
    pub unverified: Option<String>,
}

/// Where and how often backups are made, and how many are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupSettings {
    pub folder: String,
    pub interval_minutes: u32,
    pub keep: u32,
}

/// Defaults: every 4 hours, the last 30 kept.
pub const DEFAULT_BACKUP_INTERVAL_MINUTES: u32 = 240;
pub const DEFAULT_BACKUPS_KEPT: u32 = 30;

/// A change of the backup settings.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BackupSettingsEdit {
    pub folder: String,
    pub interval_minutes: f64,
    pub keep: f64,
}

impl BackupSettingsEdit {
    /// Errors: `validation` on `folder` (must be an absolute path without control, invisible
    /// or text-direction characters), `intervalMinutes` (whole, 5 to 1440) or `keep` (whole, 1 to 1000).
    pub fn validate(&self) -> Result<BackupSettings, VigilError> {
        let folder = self.folder.trim();
        if !folder.starts_with('/')
            || folder.chars().any(crate::text::refused_in_line)
            || folder.len() > 1000
        {
            return Err(VigilError::validation(
                "folder",
                "The backup folder must be an absolute path, like /srv/vigil-backups.",
            ));
        }
        let whole =
            |v: f64, lo: f64, hi: f64| v.is_finite() && v.fract() == 0.0 && (lo..=hi).contains(&v);
        if !whole(self.interval_minutes, 5.0, 1440.0) {
            return Err(VigilError::validation(
                "intervalMinutes",
                "The backup interval must be a whole number of minutes from 5 to 1440.",
            ));
        }
        if !whole(self.keep, 1.0, 1000.0) {
            return Err(VigilError::validation(
                "keep",
                "The number of backups kept must be a whole number from 1 to 1000.",
            ));
        }
        Ok(BackupSettings {
            folder: folder.to_owned(),
            interval_minutes: self.interval_minutes as u32,
            keep: self.keep as u32,
        })
    }
}

/// Restoring the database from one backup in the backup folder.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestoreInput {
    pub file: String,
}

impl RestoreInput {
    /// The backup's file name. Errors: `validation` on `file` unless a plain `vigil-*.sqlite3`
    /// name (no path: only files in the backup folder can be restored).
    pub fn file_name(&self) -> Result<&str, VigilError> {
        let f = self.file.as_str();
        let plain = f.starts_with("vigil-")
            && f.ends_with(".sqlite3")
            && f.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
            && !f.contains("..");
        if !plain {
            return Err(VigilError::validation("file", "Choose a backup from the list."));
        }
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(folder: &str, interval: f64, keep: f64) -> BackupSettingsEdit {
        BackupSettingsEdit { folder: folder.into(), interval_minutes: interval, keep }
    }

    #[test]
    fn backup_settings_bounds() {
        assert!(edit("/srv/backups", 5.0, 1.0).validate().is_ok());
        assert!(edit("/srv/backups", 1440.0, 1000.0).validate().is_ok());
        let field = |e: BackupSettingsEdit| e.validate().unwrap_err().field;
        assert_eq!(field(edit("backups", 60.0, 3.0)).as_deref(), Some("folder"));
        assert_eq!(field(edit("/a\nb", 60.0, 3.0)).as_deref(), Some("folder"));
        assert_eq!(field(edit("/a", 4.0, 3.0)).as_deref(), Some("intervalMinutes"));
        assert_eq!(field(edit("/a", f64::NAN, 3.0)).as_deref(), Some("intervalMinutes"));
        assert_eq!(field(edit("/a", 60.0, 0.0)).as_deref(), Some("keep"));
        assert_eq!(field(edit("/a", 60.0, 2.5)).as_deref(), Some("keep"));
    }

    #[test]
    fn only_plain_backup_names_can_be_restored() {
        let ok = RestoreInput { file: "vigil-20261127T031500Z.sqlite3".into() };
        assert!(ok.file_name().is_ok());
        for bad in [
            "../vigil.sqlite3",
            "/etc/passwd",
            "vigil-../../x.sqlite3",
            "x.sqlite3",
            "vigil-a/b.sqlite3",
        ] {
            assert!(RestoreInput { file: bad.into() }.file_name().is_err(), "{bad}");
        }
    }
}
