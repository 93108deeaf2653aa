//! PADSS confirmations (`padss_confirmations`): a nurse confirming a session's Modified PADSS,
//! with its audit entry, and reading them back.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use vigil_core::{instant, VigilError};

use crate::audit::{self, Action, Entry};
use crate::StoreError;

/// Records that nurse `by` confirmed `padss` for session `session_id`, with its audit entry.
pub fn confirm_padss(
    tx: &Transaction<'_>,
    session_id: i64,
    padss: &vigil_core::checks::Padss,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let data = serde_json::to_string(padss)
        .map_err(|e| VigilError::internal(format!("the score could not be encoded: {e}")))?;
    tx.execute(
        "INSERT INTO padss_confirmations (session_id, total, data, confirmed_at_ms, confirmed_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![session_id, padss.total, data, now.timestamp_millis(), by],
    )?;
    let id = tx.last_insert_rowid();
    let detail = format!("session #{session_id}, {}/10", padss.total);
    let entry = Entry::new(Action::ConfirmPadss, Some(by)).record("padss_confirmations", id);
    audit::append(tx, now, &entry.detail(&detail))?;
    Ok(id)
}

/// One stored PADSS confirmation: (id, total, when, who).
pub type PadssConfirmationRow = (i64, u8, DateTime<Utc>, Option<String>);

/// Every PADSS confirmation of a session, oldest first.
pub fn padss_confirmations(
    conn: &Connection,
    session_id: i64,
) -> Result<Vec<PadssConfirmationRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.total, p.confirmed_at_ms,
                (SELECT l.label FROM nurse_labels l WHERE l.id = p.confirmed_by)
         FROM padss_confirmations p WHERE p.session_id = ?1 ORDER BY p.id",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, u8>(1)?, r.get::<_, i64>(2)?, r.get(3)?))
    })?;
    rows.map(|row| {
        let (id, total, at, who) = row?;
        let at = instant::from_millis(at).ok_or(StoreError::Corrupt {
            table: "padss_confirmations",
            id,
            what: "confirmed_at_ms".into(),
        })?;
        Ok((id, total, at, who))
    })
    .collect()
}
