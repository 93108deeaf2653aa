//! The Spravato REMS Patient Monitoring Form: the details only a nurse can give (versions, the
//! latest in force), the mark that the form was submitted (once per session, with its channel
//! and reference), and the forms-due list.

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::papers::rems::{
    local_day, FormDue, FormSubmission, RemsDeadline, RemsDetails, SubmissionChannel,
};
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

/// Marks a Spravato session's form submitted, with the submission's channel and reference.
/// Errors: `conflict` for another protocol or a form already marked.
pub fn submit(
    tx: &Transaction<'_>,
    session_id: i64,
    submission: &FormSubmission,
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
        "INSERT INTO rems_submissions
            (session_id, reference, submitted_at_ms, submitted_by, channel)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            session_id,
            submission.reference,
            now.timestamp_millis(),
            by,
            submission.channel.as_str()
        ],
    )?;
    let id = tx.last_insert_rowid();
    let entry = Entry::new(Action::RemsSubmitted, Some(by)).record("rems_submissions", id);
    let detail = format!("session #{session_id} by {}", submission.channel.label());
    audit::append(tx, now, &entry.detail(&detail))?;
    Ok(id)
}

/// Every Spravato session whose form is not submitted yet, and those submitted in the last 30
/// days, oldest first. Days are local to zone `tz`: the last day on time is D+7, and a form is
/// "due soon" from day D+`warn_from_day` (the discharge policy's `rems_warn_from_day`).
pub fn forms_due<Tz: TimeZone>(
    conn: &Connection,
    now: DateTime<Utc>,
    tz: &Tz,
    warn_from_day: u32,
) -> Result<Vec<FormDue>, StoreError> {
    let recent = (now - chrono::Duration::days(30)).timestamp_millis();
    let today = local_day(now, tz);
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.bay, s.patient_name, s.clock_started_at_ms, u.submitted_at_ms,
                (SELECT l.label FROM nurse_labels l WHERE l.id = u.submitted_by), u.reference,
                u.channel
         FROM recovery_sessions s LEFT JOIN rems_submissions u ON u.session_id = s.id
         WHERE s.protocol = 'spravato' AND (u.id IS NULL OR u.submitted_at_ms >= ?1)
         ORDER BY s.clock_started_at_ms, s.id",
    )?;
    let rows = stmt.query_map([recent], |r| {
        Ok(Row {
            session_id: r.get(0)?,
            bay: r.get(1)?,
            patient_name: r.get(2)?,
            treated_ms: r.get(3)?,
            submitted_ms: r.get(4)?,
            submitted_by: r.get(5)?,
            reference: r.get(6)?,
            channel: r.get(7)?,
        })
    })?;
    rows.map(|row| row?.form(tz, today, warn_from_day)).collect()
}

/// One row of the forms-due query.
struct Row {
    session_id: i64,
    bay: String,
    patient_name: String,
    treated_ms: i64,
    submitted_ms: Option<i64>,
    submitted_by: Option<String>,
    reference: Option<String>,
    channel: Option<String>,
}

impl Row {
    fn form<Tz: TimeZone>(
        self,
        tz: &Tz,
        today: chrono::NaiveDate,
        warn_from_day: u32,
    ) -> Result<FormDue, StoreError> {
        let corrupt = |table: &'static str, what: &str| StoreError::Corrupt {
            table,
            id: self.session_id,
            what: what.into(),
        };
        let treated_at = vigil_core::instant::from_millis(self.treated_ms)
            .ok_or_else(|| corrupt("recovery_sessions", "clock_started"))?;
        let submitted_at = self.submitted_ms.and_then(vigil_core::instant::from_millis);
        let channel = match self.channel.as_deref() {
            None => None,
            Some(name) => Some(
                SubmissionChannel::parse(name)
                    .ok_or_else(|| corrupt("rems_submissions", "channel"))?,
            ),
        };
        let deadline = RemsDeadline::of(treated_at, tz);
        Ok(FormDue {
            session_id: self.session_id,
            bay: self.bay,
            patient_name: self.patient_name,
            treated_at,
            treated_on: deadline.treated_on,
            last_day: deadline.last_day,
            status: deadline.status(today, warn_from_day, self.submitted_ms.is_some()),
            submitted_at,
            submitted_by: self.submitted_by,
            reference: self.reference,
            channel,
        })
    }
}
