//! Who is in a bay now. A bay holds one patient from admission until their departure
//! (discharged, transferred or left against advice) or until the session leaves the board
//! window: the same rule as the board's ([`crate::sessions::on_board`]).

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use vigil_core::admission::bay::{bay_taken, same_bay};

use crate::sessions::BOARD_WINDOW_HOURS;
use crate::StoreError;

/// Whoever is in a bay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupant {
    pub session_id: i64,
    /// The bay as it was typed at their admission.
    pub bay: String,
    pub patient_name: String,
}

/// Whoever is in `bay` (compared without case or spacing) at `now`, if anyone. A session
/// whose name cannot be read still occupies its bay; one whose bay cannot be read is skipped.
pub fn occupant(
    conn: &Connection,
    bay: &str,
    now: DateTime<Utc>,
) -> Result<Option<Occupant>, StoreError> {
    let since = now - chrono::Duration::hours(BOARD_WINDOW_HOURS);
    let mut stmt = conn.prepare_cached(
        "SELECT id, bay, patient_name FROM recovery_sessions
         WHERE clock_started_at_ms >= ?1 AND NOT EXISTS
            (SELECT 1 FROM session_departures d WHERE d.session_id = recovery_sessions.id)
         ORDER BY clock_started_at_ms",
    )?;
    let mut rows = stmt.query([since.timestamp_millis()])?;
    while let Some(row) = rows.next()? {
        let Ok(stored) = row.get::<_, String>(1) else { continue };
        if same_bay(&stored, bay) {
            let patient_name = row.get::<_, String>(2).unwrap_or_default();
            return Ok(Some(Occupant { session_id: row.get(0)?, bay: stored, patient_name }));
        }
    }
    Ok(None)
}

/// Errors: `validation` on `bay` naming the bay (as first typed) and its current patient by
/// initials when `bay` is taken at `now`. Call it inside the admission's transaction, so two
/// admissions cannot both pass.
pub fn refuse_occupied(conn: &Connection, bay: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    match occupant(conn, bay, now)? {
        Some(taken) => Err(bay_taken(&taken.bay, &taken.patient_name).into()),
        None => Ok(()),
    }
}
