//! Clinic settings: each change is a row of `setting_changes`; the latest per key is in force.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::settings::DEFAULT_ALERT_REPEAT_MINUTES;
use vigil_core::ClinicSettings;

use crate::{protocols, StoreError};

const ALERT_REPEAT: &str = "alert_repeat_minutes";

/// Minutes between repeats of an unacknowledged alert.
pub fn alert_repeat_minutes(conn: &Connection) -> Result<u32, StoreError> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM setting_changes WHERE key = ?1 ORDER BY id DESC LIMIT 1",
            [ALERT_REPEAT],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_ALERT_REPEAT_MINUTES))
}

/// Records a new alert repeat interval (validated by the caller).
pub fn set_alert_repeat_minutes(
    tx: &Transaction<'_>,
    minutes: u32,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO setting_changes (key, value, changed_at_ms) VALUES (?1, ?2, ?3)",
        params![ALERT_REPEAT, minutes.to_string(), now.timestamp_millis()],
    )?;
    Ok(())
}

/// Everything the Settings screen shows.
pub fn load(conn: &Connection) -> Result<ClinicSettings, StoreError> {
    Ok(ClinicSettings {
        protocols: protocols::current(conn)?,
        alert_repeat_minutes: alert_repeat_minutes(conn)?,
    })
}
