//! "Cleared for discharge": the event with its snapshot of every gate, signed by the nurse.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::discharge::DischargeSnapshot;

use super::{encode, standing};
use crate::audit::{Action, Entry};
use crate::versioned::insert_audited;
use crate::StoreError;

/// Records "cleared for discharge" with its snapshot, signed by `by`. Errors: `conflict` unless
/// the session is still observed (a second discharge, or one after the patient left).
pub fn clear(
    tx: &Transaction<'_>,
    session_id: i64,
    snapshot: &DischargeSnapshot,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    standing(tx, session_id)?.phase.may_clear()?;
    let overrides = snapshot.overrides.len();
    let detail = format!("session #{session_id}, {overrides} gate override(s)");
    insert_audited(
        tx,
        "discharge_clearances",
        Entry::new(Action::ClearDischarge, Some(by)).detail(&detail),
        now,
        "INSERT INTO discharge_clearances (session_id, cleared_at_ms, cleared_by, snapshot)
         VALUES (?1, ?2, ?3, ?4)",
        params![session_id, now.timestamp_millis(), by, encode(snapshot, "snapshot")?],
    )
}

/// The snapshot stored when the session was cleared.
pub fn snapshot(
    conn: &Connection,
    session_id: i64,
) -> Result<Option<DischargeSnapshot>, StoreError> {
    let row: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, snapshot FROM discharge_clearances WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(id, data)| {
        serde_json::from_str(&data).map_err(|_| StoreError::Corrupt {
            table: "discharge_clearances",
            id,
            what: "snapshot".into(),
        })
    })
    .transpose()
}
