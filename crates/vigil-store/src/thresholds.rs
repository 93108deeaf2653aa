//! The clinical alert thresholds in force: the latest `threshold_versions` row (JSON of
//! vigil-core's `ThresholdSettings`), or the clinic defaults when none was ever saved.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::checks::ThresholdSettings;
use vigil_core::VigilError;

use crate::audit::{self, Action, Entry};
use crate::StoreError;

/// The thresholds in force.
pub fn current(conn: &Connection) -> Result<ThresholdSettings, StoreError> {
    let row: Option<(i64, String)> = conn
        .query_row("SELECT id, data FROM threshold_versions ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    match row {
        None => Ok(ThresholdSettings::default()),
        Some((id, data)) => serde_json::from_str(&data).map_err(|_| StoreError::Corrupt {
            table: "threshold_versions",
            id,
            what: "data".into(),
        }),
    }
}

/// Records new thresholds (validated by the caller), set by admin `by`, with its audit entry.
pub fn set(
    tx: &Transaction<'_>,
    settings: &ThresholdSettings,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let data = serde_json::to_string(settings)
        .map_err(|e| VigilError::internal(format!("the thresholds could not be encoded: {e}")))?;
    tx.execute(
        "INSERT INTO threshold_versions (data, changed_at_ms, changed_by) VALUES (?1, ?2, ?3)",
        params![data, now.timestamp_millis(), by],
    )?;
    let id = tx.last_insert_rowid();
    let entry = Entry::new(Action::ThresholdChange, Some(by)).record("threshold_versions", id);
    audit::append(tx, now, &entry)?;
    Ok(id)
}
