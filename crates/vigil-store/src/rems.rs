//! The Spravato REMS Patient Monitoring Form: the details only a nurse can give (versions, the
//! latest in force) and the mark that the form was submitted (once per session).

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::papers::rems::{due_by, FormDue, RemsDetails};
use vigil_core::{ErrorCode, Protocol, VigilError};

use crate::audit::{self, Action, Entry};
use crate::{sessions, StoreError};

/// The REMS details of a session, if any were saved.
pub fn details(conn: &Connection, session_id: i64) -> Result<Option<RemsDetails>, StoreError> {
    let row: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, data FROM rems_details WHERE session_id = ?1 ORDER BY id DESC LIMIT 1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(id, data)| {
        serde_json::from_str(&data).map_err(|_| StoreError::Corrupt {
            table: "rems_details",
            id,
            what: "data".into(),
        })
    })
    .transpose()
}

fn spravato(conn: &Connection, session_id: i64) -> Result<(), StoreError> {
    if sessions::get(conn, session_id)?.protocol != Protocol::Spravato {
        return Err(VigilError::new(
            ErrorCode::Conflict,
            "The REMS Patient Monitoring Form is for Spravato sessions only.",
        )
        .into());
    }
    Ok(())
}

/// Records a new version of a Spravato session's REMS details. Errors: `conflict` for another
/// protocol.
pub fn save_details(
    tx: &Transaction<'_>,
    session_id: i64,
    details: &RemsDetails,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    spravato(tx, session_id)?;
    let data = serde_json::to_string(details)
        .map_err(|e| VigilError::internal(format!("the REMS details could not be encoded: {e}")))?;
    tx.execute(
        "INSERT INTO rems_details (session_id, data, recorded_at_ms, recorded_by)
         VALUES (?1, ?2, ?3, ?4)",
        params![session_id, data, now.timestamp_millis(), by],
    )?;
    let id = tx.last_insert_rowid();
    let entry = Entry::new(Action::RemsDetails, Some(by)).record("rems_details", id);
    audit::append(tx, now, &entry.detail(&format!("session #{session_id}")))?;
    Ok(id)
}

/// Marks a Spravato session's form submitted, with the submission's reference. Errors:
/// `conflict` for another protocol or a form already marked.
pub fn submit(
    tx: &Transaction<'_>,
    session_id: i64,
    reference: &str,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    spravato(tx, session_id)?;
    let done: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM rems_submissions WHERE session_id = ?1)",
        [session_id],
        |r| r.get(0),
    )?;
    if done {
        return Err(VigilError::new(
            ErrorCode::Conflict,
            "This form was already marked submitted.",
        )
        .into());
    }
    tx.execute(
        "INSERT INTO rems_submissions (session_id, reference, submitted_at_ms, submitted_by)
         VALUES (?1, ?2, ?3, ?4)",
        params![session_id, reference, now.timestamp_millis(), by],
    )?;
    let id = tx.last_insert_rowid();
    let entry = Entry::new(Action::RemsSubmitted, Some(by)).record("rems_submissions", id);
    audit::append(tx, now, &entry.detail(&format!("session #{session_id}")))?;
    Ok(id)
}

/// Every Spravato session whose form is not submitted yet, and those submitted in the last 30
/// days, oldest first; the due date is the 7th calendar day after treatment in zone `tz`.
pub fn forms_due<Tz: TimeZone>(
    conn: &Connection,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<Vec<FormDue>, StoreError> {
    let recent = (now - chrono::Duration::days(30)).timestamp_millis();
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.bay, s.patient_name, s.clock_started_at_ms, u.submitted_at_ms,
                (SELECT l.label FROM nurse_labels l WHERE l.id = u.submitted_by), u.reference
         FROM recovery_sessions s LEFT JOIN rems_submissions u ON u.session_id = s.id
         WHERE s.protocol = 'spravato' AND (u.id IS NULL OR u.submitted_at_ms >= ?1)
         ORDER BY s.clock_started_at_ms, s.id",
    )?;
    let rows = stmt.query_map([recent], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, Option<i64>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
        ))
    })?;
    rows.map(|row| {
        let (session_id, bay, patient_name, treated_ms, submitted_ms, submitted_by, reference) =
            row?;
        let corrupt = |what: &str| StoreError::Corrupt {
            table: "recovery_sessions",
            id: session_id,
            what: what.into(),
        };
        let treated_at =
            DateTime::from_timestamp_millis(treated_ms).ok_or_else(|| corrupt("clock_started"))?;
        let submitted_at = submitted_ms.and_then(DateTime::from_timestamp_millis);
        let due = due_by(treated_at, tz);
        Ok(FormDue {
            session_id,
            bay,
            patient_name,
            treated_at,
            due_by: due,
            overdue: submitted_at.is_none() && now > due,
            submitted_at,
            submitted_by,
            reference,
        })
    })
    .collect()
}
