//! The `notes` table: a nurse's note added with its audit entry in one transaction (refused once
//! the patient left), and a session's notes read back in clinical-time order.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use std::collections::HashMap;
use vigil_core::notes::{Note, StoredNote};

use crate::audit::{self, Action, Entry};
use crate::{discharge, StoreError};

/// Records `note` by nurse `by` at `now`; returns its id.
///
/// Errors: `conflict` once the patient left (as for checks); `not_found` for an unknown session.
pub fn add(
    tx: &Transaction<'_>,
    note: &Note,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    discharge::standing(tx, note.session_id)?.phase.may_record()?;
    tx.execute(
        "INSERT INTO notes (session_id, observed_at_ms, recorded_at_ms, recorded_by, late_reason,
                            text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            note.session_id,
            note.observed_at.timestamp_millis(),
            now.timestamp_millis(),
            by,
            note.late_reason,
            note.text,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let detail = format!("note #{id}, session #{}", note.session_id);
    let entry = Entry::new(Action::AddNote, Some(by)).record("notes", id);
    audit::append(tx, now, &entry.detail(&detail))?;
    Ok(id)
}

/// Every note of `session_id`, by clinical time then id.
pub fn for_session(conn: &Connection, session_id: i64) -> Result<Vec<StoredNote>, StoreError> {
    Ok(for_sessions(conn, &[session_id])?.remove(&session_id).unwrap_or_default())
}

/// The notes of each of `session_ids` (absent when a session has none).
pub fn for_sessions(
    conn: &Connection,
    session_ids: &[i64],
) -> Result<HashMap<i64, Vec<StoredNote>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.id, n.observed_at_ms, n.recorded_at_ms, n.late_reason, n.text,
                (SELECT l.label FROM nurse_labels l WHERE l.id = n.recorded_by)
         FROM notes n WHERE n.session_id = ?1 ORDER BY n.observed_at_ms, n.id",
    )?;
    let mut out: HashMap<i64, Vec<StoredNote>> = HashMap::new();
    for &session_id in session_ids {
        let rows = stmt.query_map([session_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        for row in rows {
            let (id, observed, recorded, late_reason, text, who) = row?;
            let instant = |ms: i64, what: &str| {
                vigil_core::instant::from_millis(ms).ok_or_else(|| StoreError::Corrupt {
                    table: "notes",
                    id,
                    what: what.into(),
                })
            };
            let note = Note {
                session_id,
                observed_at: instant(observed, "observed_at_ms")?,
                late_reason,
                text,
            };
            let recorded_at = instant(recorded, "recorded_at_ms")?;
            out.entry(session_id).or_default().push(StoredNote { id, note, recorded_at, who });
        }
    }
    Ok(out)
}
