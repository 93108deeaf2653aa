//! Clinic settings: each change is a row of `setting_changes` (with who made it); the latest per
//! key is in force. A change writes its audit entry in the same transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::Path;
use vigil_core::integrity::{DEFAULT_BACKUPS_KEPT, DEFAULT_BACKUP_INTERVAL_MINUTES};
use vigil_core::settings::DEFAULT_ALERT_REPEAT_MINUTES;
use vigil_core::sign_in::DEFAULT_IDLE_LOCK_SECONDS;
use vigil_core::{BackupSettings, ClinicSettings};

use crate::audit::{self, Action, Entry};
use crate::{protocols, StoreError};

mod display;
pub use display::{display, set_display};
mod shifts;
pub use shifts::{set_shifts, shifts};
mod autostart;
pub use autostart::{autostart, set_autostart};

const ALERT_REPEAT: &str = "alert_repeat_minutes";
const IDLE_LOCK: &str = "idle_lock_seconds";
const BACKUP_FOLDER: &str = "backup_folder";
const BACKUP_INTERVAL: &str = "backup_interval_minutes";
const BACKUPS_KEPT: &str = "backups_kept";
const PAPERS_KEPT_DAYS: &str = "papers_kept_days";
const EMERGENCY_MINUTES: &str = "emergency_minutes";

fn latest(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT value FROM setting_changes WHERE key = ?1 ORDER BY id DESC LIMIT 1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

fn number(conn: &Connection, key: &str, default: u32) -> Result<u32, StoreError> {
    Ok(latest(conn, key)?.and_then(|v| v.parse().ok()).unwrap_or(default))
}

/// Records new values (one row each) and one audit entry for them.
fn set(
    tx: &Transaction<'_>,
    values: &[(&str, String)],
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut entry = Entry::new(Action::SettingChange, Some(by));
    let mut detail = Vec::with_capacity(values.len());
    for (key, value) in values {
        tx.execute(
            "INSERT INTO setting_changes (key, value, changed_at_ms, changed_by) VALUES (?1, ?2, ?3, ?4)",
            params![key, value, now.timestamp_millis(), by],
        )?;
        entry = entry.record("setting_changes", tx.last_insert_rowid());
        detail.push(format!("{key}={value}"));
    }
    let detail = detail.join(", ");
    audit::append(tx, now, &entry.detail(&detail))?;
    Ok(())
}

/// Minutes between repeats of an unacknowledged alert.
pub fn alert_repeat_minutes(conn: &Connection) -> Result<u32, StoreError> {
    number(conn, ALERT_REPEAT, DEFAULT_ALERT_REPEAT_MINUTES)
}

/// Seconds without input before the workstation locks.
pub fn idle_lock_seconds(conn: &Connection) -> Result<u32, StoreError> {
    number(conn, IDLE_LOCK, DEFAULT_IDLE_LOCK_SECONDS)
}

/// Minutes an emergency access lasts before the workstation locks.
pub fn emergency_minutes(conn: &Connection) -> Result<u32, StoreError> {
    number(conn, EMERGENCY_MINUTES, vigil_core::emergency::DEFAULT_EMERGENCY_MINUTES)
}

/// Records how long emergency access lasts (validated by the caller), set by admin `by`.
pub fn set_emergency_minutes(
    tx: &Transaction<'_>,
    minutes: u32,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    set(tx, &[(EMERGENCY_MINUTES, minutes.to_string())], by, now)
}

/// Where backups go, how often, and how many are kept; the folder defaults to
/// `default_folder`.
pub fn backup(conn: &Connection, default_folder: &Path) -> Result<BackupSettings, StoreError> {
    Ok(BackupSettings {
        folder: latest(conn, BACKUP_FOLDER)?
            .unwrap_or_else(|| default_folder.to_string_lossy().into_owned()),
        interval_minutes: number(conn, BACKUP_INTERVAL, DEFAULT_BACKUP_INTERVAL_MINUTES)?,
        keep: number(conn, BACKUPS_KEPT, DEFAULT_BACKUPS_KEPT)?,
    })
}

/// Records a new alert repeat interval (validated by the caller), set by admin `by`.
pub fn set_alert_repeat_minutes(
    tx: &Transaction<'_>,
    minutes: u32,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    set(tx, &[(ALERT_REPEAT, minutes.to_string())], by, now)
}

/// Records a new idle lock time (validated by the caller), set by admin `by`.
pub fn set_idle_lock_seconds(
    tx: &Transaction<'_>,
    seconds: u32,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    set(tx, &[(IDLE_LOCK, seconds.to_string())], by, now)
}

/// Records new backup settings (validated by the caller), set by admin `by`.
pub fn set_backup(
    tx: &Transaction<'_>,
    backup: &BackupSettings,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let values = [
        (BACKUP_FOLDER, backup.folder.clone()),
        (BACKUP_INTERVAL, backup.interval_minutes.to_string()),
        (BACKUPS_KEPT, backup.keep.to_string()),
    ];
    set(tx, &values, by, now)
}

/// Days unsaved form drafts are kept before the daily cleanup deletes them (the key still
/// named "papers kept": saved papers no longer stay in the data directory).
pub fn papers_kept_days(conn: &Connection) -> Result<u32, StoreError> {
    number(conn, PAPERS_KEPT_DAYS, vigil_core::housekeeping::DEFAULT_PAPERS_KEPT_DAYS)
}

/// Records how many days drafts are kept (validated by the caller), set by admin `by`.
pub fn set_papers_kept_days(
    tx: &Transaction<'_>,
    days: u32,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    set(tx, &[(PAPERS_KEPT_DAYS, days.to_string())], by, now)
}

/// Everything the Settings screen shows.
pub fn load(conn: &Connection, default_backup_folder: &Path) -> Result<ClinicSettings, StoreError> {
    Ok(ClinicSettings {
        protocols: protocols::current(conn)?,
        alert_repeat_minutes: alert_repeat_minutes(conn)?,
        idle_lock_seconds: idle_lock_seconds(conn)?,
        emergency_minutes: emergency_minutes(conn)?,
        backup: backup(conn, default_backup_folder)?,
        papers_kept_days: papers_kept_days(conn)?,
        thresholds: crate::thresholds::current(conn)?,
        check_plan: crate::plans::history(conn)?.current(),
        discharge: crate::discharge::policy(conn)?,
    })
}
