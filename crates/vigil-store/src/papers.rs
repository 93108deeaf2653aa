//! Everything one session's papers show, read in one place; and the patients who left lately
//! (off the board, still at hand for their papers).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use vigil_core::discharge::view::{DepartedRow, DepartureHow};
use vigil_core::papers::sheets::SessionRecord;
use vigil_core::Protocol;

use crate::{checks, discharge, sessions, transfers, StoreError};

/// The record of session `session_id`, its chart drawn against the thresholds of
/// [`crate::thresholds::for_record`]. Errors: `not_found` for an unknown session.
pub fn record(conn: &Connection, session_id: i64) -> Result<SessionRecord, StoreError> {
    let session = sessions::get(conn, session_id)?;
    let (chart_number, dob, dose_mg): (Option<String>, Option<String>, Option<f64>) = conn
        .query_row(
            "SELECT chart_number, date_of_birth, dose_mg FROM recovery_sessions WHERE id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
    let mut stmt = conn.prepare_cached(
        "SELECT used_at_ms FROM spravato_devices WHERE session_id = ?1 ORDER BY device_number",
    )?;
    let device_ms: Vec<i64> =
        stmt.query_map([session_id], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let device_times = device_ms.into_iter().filter_map(vigil_core::instant::from_millis).collect();
    let standing = discharge::standing(conn, session_id)?;
    let checks = checks::for_session(conn, session_id)?;
    let departure: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT how, (SELECT l.label FROM nurse_labels l WHERE l.id = recorded_by)
             FROM session_departures WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (how, left_recorded_by) = match departure {
        Some((how, by)) => (DepartureHow::parse(&how), by),
        None => (None, None),
    };
    Ok(SessionRecord {
        chart_number: chart_number.unwrap_or_default(),
        date_of_birth: dob.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        dose_mg,
        device_times,
        cleared_at: standing.cleared_at,
        cleared_by: standing.cleared_by,
        left_at: standing.left_at,
        how,
        left_recorded_by,
        snapshot: discharge::snapshot(conn, session_id)?,
        against_advice: discharge::against_advice(conn, session_id)?,
        transfer: transfers::of_session(conn, session_id)?,
        escort: discharge::escort(conn, session_id)?,
        predose: crate::predose::on_record(conn, session_id, &checks)?,
        checks,
        notes: crate::notes::for_session(conn, session_id)?,
        thresholds: crate::thresholds::for_record(conn, standing.left_at)?,
        session,
    })
}

/// Patients who left in the `hours` before `now`, most recent first.
pub fn recent_departures(
    conn: &Connection,
    now: DateTime<Utc>,
    hours: i64,
) -> Result<Vec<DepartedRow>, StoreError> {
    let since = (now - chrono::Duration::hours(hours)).timestamp_millis();
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.bay, s.patient_name, s.protocol, d.left_at_ms, d.how
         FROM session_departures d JOIN recovery_sessions s ON s.id = d.session_id
         WHERE d.left_at_ms >= ?1 ORDER BY d.left_at_ms DESC, d.id DESC",
    )?;
    let rows = stmt.query_map([since], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    rows.map(|row| {
        let (session_id, bay, patient_name, protocol, left_ms, how) = row?;
        let corrupt = |what: &str| StoreError::Corrupt {
            table: "session_departures",
            id: session_id,
            what: what.into(),
        };
        Ok(DepartedRow {
            session_id,
            bay,
            patient_name,
            protocol: Protocol::parse(&protocol).ok_or_else(|| corrupt("protocol"))?,
            left_at: vigil_core::instant::from_millis(left_ms).ok_or_else(|| corrupt("left_at"))?,
            how: DepartureHow::parse(&how).ok_or_else(|| corrupt("how"))?,
        })
    })
    .collect()
}
