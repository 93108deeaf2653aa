//! The escort of a session: each save a new version, the latest in force.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use std::collections::HashMap;
use vigil_core::discharge::Escort;
use vigil_core::instant;

use super::{encode, standing};
use crate::audit::{Action, Entry};
use crate::unreadable::Unreadable;
use crate::versioned::insert_audited;
use crate::StoreError;

/// The escort in force for each of `session_ids` (absent when none was recorded). Errors:
/// the first that does not decode (see [`escorts_each`]).
pub fn escorts(conn: &Connection, session_ids: &[i64]) -> Result<HashMap<i64, Escort>, StoreError> {
    escorts_each(conn, session_ids, &mut Unreadable::strict())
}

/// [`escorts`], keeping a session whose escort does not decode in `unreadable`.
pub fn escorts_each(
    conn: &Connection,
    session_ids: &[i64],
    unreadable: &mut Unreadable,
) -> Result<HashMap<i64, Escort>, StoreError> {
    let mut out = HashMap::new();
    for &session_id in session_ids {
        if let Some(Some(escort)) = unreadable.keep(session_id, escort_of(conn, session_id))? {
            out.insert(session_id, escort);
        }
    }
    Ok(out)
}

fn escort_of(conn: &Connection, session_id: i64) -> Result<Option<Escort>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, data FROM escort_versions WHERE session_id = ?1 ORDER BY id DESC LIMIT 1",
    )?;
    let mut rows = stmt.query([session_id])?;
    let Some(r) = rows.next()? else { return Ok(None) };
    let id: i64 = r.get(0)?;
    let corrupt =
        |what: &str| StoreError::Corrupt { table: "escort_versions", id, what: what.into() };
    let data: String = r.get(1).map_err(|e| StoreError::undecodable("escort_versions", id, e))?;
    let escort: Escort = serde_json::from_str(&data).map_err(|_| corrupt("data"))?;
    if [escort.eta, escort.arrived_at].into_iter().flatten().any(|at| !instant::in_range(at)) {
        return Err(corrupt("data (an instant out of range)"));
    }
    Ok(Some(escort))
}

/// The escort in force for one session.
pub fn escort(conn: &Connection, session_id: i64) -> Result<Option<Escort>, StoreError> {
    Ok(escorts(conn, &[session_id])?.remove(&session_id))
}

/// Records a new version of the session's escort. Errors: `conflict` once the patient left.
pub fn save_escort(
    tx: &Transaction<'_>,
    session_id: i64,
    escort: &Escort,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    standing(tx, session_id)?.phase.may_record()?;
    let detail = format!("session #{session_id}");
    insert_audited(
        tx,
        "escort_versions",
        Entry::new(Action::SaveEscort, Some(by)).detail(&detail),
        now,
        "INSERT INTO escort_versions (session_id, data, recorded_at_ms, recorded_by)
         VALUES (?1, ?2, ?3, ?4)",
        params![session_id, encode(escort, "escort")?, now.timestamp_millis(), by],
    )
}
