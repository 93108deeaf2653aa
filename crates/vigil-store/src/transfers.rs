//! Transfers to emergency care: a departure of the kind 'transferred' in `session_departures`,
//! holding the transfer record (when, where to, handed over to whom, emergency services called,
//! the gates as they stood). Recording one checks the session's phase inside the caller's
//! `BEGIN IMMEDIATE` transaction (observing or cleared; never twice, never after another
//! departure) and appends its one audit entry there.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::discharge::Transfer;
use vigil_core::VigilError;

use crate::audit::{self, Action, Entry};
use crate::{discharge, StoreError};

/// Records session `session_id`'s transfer to emergency care, by `by` at `now`; the patient
/// leaves at the transfer's time. Errors: `conflict` once the patient has left.
pub fn record(
    tx: &Transaction<'_>,
    session_id: i64,
    transfer: &Transfer,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    discharge::standing(tx, session_id)?.phase.may_transfer()?;
    let data = serde_json::to_string(transfer).map_err(|e| {
        StoreError::Rule(VigilError::internal(format!("the transfer could not be encoded: {e}")))
    })?;
    tx.execute(
        "INSERT INTO session_departures
            (session_id, how, left_at_ms, recorded_at_ms, recorded_by, transfer)
         VALUES (?1, 'transferred', ?2, ?3, ?4, ?5)",
        params![
            session_id,
            transfer.transferred_at.timestamp_millis(),
            now.timestamp_millis(),
            by,
            data
        ],
    )?;
    let id = tx.last_insert_rowid();
    let entry = Entry::new(Action::Transfer, Some(by)).record("session_departures", id);
    audit::append(tx, now, &entry.detail(&format!("session #{session_id}")))?;
    Ok(id)
}

/// The transfer record of a session that was transferred to emergency care.
pub fn of_session(conn: &Connection, session_id: i64) -> Result<Option<Transfer>, StoreError> {
    let row: Option<(i64, Option<String>)> = conn
        .query_row(
            "SELECT id, transfer FROM session_departures WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        Some((id, Some(data))) => serde_json::from_str(&data).map(Some).map_err(|_| {
            StoreError::Corrupt { table: "session_departures", id, what: "transfer".into() }
        }),
        _ => Ok(None),
    }
}
