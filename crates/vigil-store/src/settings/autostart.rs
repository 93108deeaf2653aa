//! Whether Vigil starts with the workstation's desktop session (issue 17) as the setting key
//! `autostart`: "on" or "off", on when never set (or unreadable). A change is one row and one
//! audit entry, by an administrator (the command checks the permission); the XDG autostart
//! files that carry it out are the shell's (`src-tauri/src/autostart.rs`).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};

use super::{latest, set};
use crate::StoreError;

const AUTOSTART: &str = "autostart";

/// Whether the clinic wants Vigil started with the desktop session (on by default).
pub fn autostart(conn: &Connection) -> Result<bool, StoreError> {
    Ok(latest(conn, AUTOSTART)?.as_deref() != Some("off"))
}

/// Records `enabled` as the setting, by nurse `by`, when it differs from the one in force.
/// Returns whether anything was written.
pub fn set_autostart(
    tx: &Transaction<'_>,
    enabled: bool,
    by: i64,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if autostart(tx)? == enabled {
        return Ok(false);
    }
    let value = if enabled { "on" } else { "off" };
    set(tx, &[(AUTOSTART, value.into())], by, now)?;
    Ok(true)
}
