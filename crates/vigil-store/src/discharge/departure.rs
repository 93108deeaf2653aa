//! The departure of a cleared patient with their escort (against advice is in
//! `against_advice`; transfers to emergency care are in `transfers`).

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};

use super::standing;
use crate::audit::{Action, Entry};
use crate::versioned::insert_audited;
use crate::StoreError;

/// Records that a cleared patient left with their escort at `now`. Errors: `conflict` unless
/// the session was cleared and has not left.
pub fn depart(
    tx: &Transaction<'_>,
    session_id: i64,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    standing(tx, session_id)?.phase.may_depart()?;
    let detail = format!("session #{session_id}");
    insert_audited(
        tx,
        "session_departures",
        Entry::new(Action::Depart, Some(by)).detail(&detail),
        now,
        "INSERT INTO session_departures (session_id, how, left_at_ms, recorded_at_ms, recorded_by)
         VALUES (?1, 'discharged', ?2, ?2, ?3)",
        params![session_id, now.timestamp_millis(), by],
    )
}
