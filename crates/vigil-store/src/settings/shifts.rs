//! The clinic's shifts (issue 16, the shift report) as the setting key `shifts`: a JSON list of
//! `{name, start, hours}`, read with its default ("Day" 07:00 12 h, "Night" 19:00 12 h) when
//! never set or unreadable; a change is one row and one audit entry, by an administrator (the
//! command checks the permission).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use vigil_core::report::{Shift, ShiftsEdit};
use vigil_core::VigilError;

use super::{latest, set};
use crate::StoreError;

const SHIFTS: &str = "shifts";

/// The shifts in force.
pub fn shifts(conn: &Connection) -> Result<Vec<Shift>, StoreError> {
    let stored = latest(conn, SHIFTS)?;
    let parsed = stored.and_then(|json| serde_json::from_str::<Vec<Shift>>(&json).ok());
    let valid = parsed.and_then(|shifts| ShiftsEdit { shifts }.validate().ok());
    Ok(valid.unwrap_or_else(Shift::defaults))
}

/// Records `new` (validated by the caller) as the shifts, by nurse `by`, when they differ from
/// those in force. Returns whether anything was written.
pub fn set_shifts(
    tx: &Transaction<'_>,
    new: &[Shift],
    by: i64,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if shifts(tx)? == new {
        return Ok(false);
    }
    let json = serde_json::to_string(new)
        .map_err(|e| VigilError::internal(format!("the shifts could not be encoded: {e}")))?;
    set(tx, &[(SHIFTS, json)], by, now)?;
    Ok(true)
}
