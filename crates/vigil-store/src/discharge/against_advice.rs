//! A patient leaving against advice: the departure row with its form.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::discharge::AgainstAdvice;

use super::{encode, standing};
use crate::audit::{Action, Entry};
use crate::versioned::insert_audited;
use crate::StoreError;

/// Records a patient leaving against advice, with the form. Errors: `conflict` once cleared or
/// gone (a cleared patient departs instead).
pub fn leave_against_advice(
    tx: &Transaction<'_>,
    session_id: i64,
    form: &AgainstAdvice,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    standing(tx, session_id)?.phase.may_leave_against_advice()?;
    let detail = format!("session #{session_id}");
    insert_audited(
        tx,
        "session_departures",
        Entry::new(Action::AgainstAdvice, Some(by)).detail(&detail),
        now,
        "INSERT INTO session_departures
            (session_id, how, left_at_ms, recorded_at_ms, recorded_by, against_advice)
         VALUES (?1, 'against_advice', ?2, ?3, ?4, ?5)",
        params![
            session_id,
            form.left_at.timestamp_millis(),
            now.timestamp_millis(),
            by,
            encode(form, "against-advice form")?
        ],
    )
}

/// The against-advice form of a session that left against advice.
pub fn against_advice(
    conn: &Connection,
    session_id: i64,
) -> Result<Option<AgainstAdvice>, StoreError> {
    let row: Option<(i64, Option<String>)> = conn
        .query_row(
            "SELECT id, against_advice FROM session_departures WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        Some((id, Some(data))) => serde_json::from_str(&data).map(Some).map_err(|_| {
            StoreError::Corrupt { table: "session_departures", id, what: "against_advice".into() }
        }),
        _ => Ok(None),
    }
}
