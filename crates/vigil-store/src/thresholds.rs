//! The clinical alert thresholds in force: the latest `threshold_versions` row (JSON of
//! vigil-core's `ThresholdSettings`), or the clinic defaults when none was ever saved.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use vigil_core::checks::ThresholdSettings;

use crate::{versioned, StoreError};

/// The thresholds in force.
pub fn current(conn: &Connection) -> Result<ThresholdSettings, StoreError> {
    versioned::latest(conn)
}

/// Records new thresholds (validated by the caller), set by admin `by`, with its audit entry.
pub fn set(
    tx: &Transaction<'_>,
    settings: &ThresholdSettings,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    versioned::save(tx, settings, by, now)
}
