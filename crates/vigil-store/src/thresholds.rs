//! The clinical alert thresholds: the latest `threshold_versions` row (JSON of vigil-core's
//! `ThresholdSettings`) is in force, or the clinic defaults when none was ever saved; and the
//! thresholds one session's record is drawn against.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use vigil_core::checks::ThresholdSettings;

use crate::{versioned, StoreError};

/// The thresholds in force now. The live rules read these for every running session: a saved
/// check is assessed and raises its alerts against them, and the board's statuses use them, so
/// a change applies at once to every patient on the floor (unlike the check plan, which stays
/// with the version in force at admission).
pub fn current(conn: &Connection) -> Result<ThresholdSettings, StoreError> {
    versioned::latest(conn)
}

/// The thresholds that were in force at `at`: the latest version saved at or before `at`, or
/// the defaults before any. Errors: `Corrupt` when a version does not decode.
pub fn in_force_at(conn: &Connection, at: DateTime<Utc>) -> Result<ThresholdSettings, StoreError> {
    Ok(versioned::history(conn)?
        .into_iter()
        .rev()
        .find(|(from, _)| *from <= at)
        .map(|(_, settings)| settings)
        .unwrap_or_default())
}

/// The thresholds a session's record (its chart's limit lines, its statuses on the record and
/// on its papers) is drawn against, consistent with the live rule of [`current`]: a running
/// session (`left_at` is `None`) follows the thresholds in force now, as the board does; a
/// session that ended keeps those in force when the patient left, the last the board showed
/// for it, so a later change never redraws a past record or its discharge sheet.
pub fn for_record(
    conn: &Connection,
    left_at: Option<DateTime<Utc>>,
) -> Result<ThresholdSettings, StoreError> {
    match left_at {
        None => current(conn),
        Some(left_at) => in_force_at(conn, left_at),
    }
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
