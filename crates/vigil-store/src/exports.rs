//! Reading sessions and checks for CSV export (issue 16): the rows of the sessions whose clock
//! started in a UTC range, and the checks of those sessions, each table in ONE query (not one
//! per session), handed to the caller row by row in clinical order. Nothing is written here:
//! the export's audit entry is the shell's (`saved_files`).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row};
use vigil_core::checks::Check;
use vigil_core::exports::columns::{CheckRow, SessionRow};
use vigil_core::instant;

use crate::readiness::first_ready_at_sql;
use crate::StoreError;

/// `ready_at` is the one definition of ready ([`first_ready_at_sql`]), the report's too.
const SESSIONS: &str = concat!(
    "SELECT s.id, s.patient_name, s.chart_number, s.date_of_birth, s.bay,
        s.protocol, s.dose_mg, s.weight_kg, s.clock_started_at_ms, s.minimum_minutes,
        s.recorded_at_ms, (SELECT l.label FROM nurse_labels l WHERE l.id = s.admitted_by), ",
    first_ready_at_sql!(),
    ", c.cleared_at_ms, (SELECT l.label FROM nurse_labels l WHERE l.id = c.cleared_by),
        d.left_at_ms, d.how, (SELECT l.label FROM nurse_labels l WHERE l.id = d.recorded_by),
        (SELECT json_extract(e.data, '$.fullName') FROM escort_versions e
          WHERE e.session_id = s.id ORDER BY e.id DESC LIMIT 1),
        s.note
     FROM recovery_sessions s
     LEFT JOIN discharge_clearances c ON c.session_id = s.id
     LEFT JOIN session_departures d ON d.session_id = s.id
     WHERE s.clock_started_at_ms >= ?1 AND s.clock_started_at_ms < ?2
     ORDER BY s.clock_started_at_ms, s.id"
);

/// Calls `each` with every session whose clock started in `[from, to)`, by clock start.
/// Errors: a row that does not decode (`Corrupt`, naming the session), or what `each` returns.
pub fn each_session(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    mut each: impl FnMut(SessionRow) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(SESSIONS)?;
    let mut rows = stmt.query([from.timestamp_millis(), to.timestamp_millis()])?;
    while let Some(r) = rows.next()? {
        each(session_row(r)?)?;
    }
    Ok(())
}

fn session_row(r: &Row<'_>) -> Result<SessionRow, StoreError> {
    let id: i64 = r.get(0)?;
    let bad =
        |what: &str| StoreError::Corrupt { table: "recovery_sessions", id, what: what.into() };
    let at = |i: usize| -> Result<Option<DateTime<Utc>>, StoreError> {
        match r.get::<_, Option<i64>>(i).map_err(|_| bad("a time"))? {
            None => Ok(None),
            Some(ms) => instant::from_millis(ms).map(Some).ok_or_else(|| bad("a time")),
        }
    };
    let text = |i: usize| r.get::<_, Option<String>>(i).map_err(|_| bad("a text"));
    let must = |t: Option<DateTime<Utc>>| t.ok_or_else(|| bad("a time"));
    Ok(SessionRow {
        id,
        patient_name: r.get(1).map_err(|_| bad("patient_name"))?,
        chart_number: text(2)?,
        date_of_birth: text(3)?,
        bay: r.get(4).map_err(|_| bad("bay"))?,
        protocol: r.get(5).map_err(|_| bad("protocol"))?,
        dose_mg: r.get(6).map_err(|_| bad("dose_mg"))?,
        weight_kg: r.get(7).map_err(|_| bad("weight_kg"))?,
        clock_started_at: must(at(8)?)?,
        minimum_minutes: r.get(9).map_err(|_| bad("minimum_minutes"))?,
        admitted_at: must(at(10)?)?,
        admitted_by: text(11)?,
        ready_at: at(12)?,
        cleared_at: at(13)?,
        cleared_by: text(14)?,
        left_at: at(15)?,
        how_left: text(16)?,
        departure_recorded_by: text(17)?,
        escort_name: text(18)?,
        note: text(19)?,
    })
}

const CHECKS: &str = "SELECT c.id, s.patient_name, s.chart_number, c.recorded_at_ms, c.data,
        c.corrects_id, c.correction_reason,
        (SELECT l.label FROM nurse_labels l WHERE l.id = c.recorded_by),
        (SELECT k.id FROM checks k WHERE k.corrects_id = c.id)
     FROM recovery_sessions s JOIN checks c ON c.session_id = s.id
     WHERE s.clock_started_at_ms >= ?1 AND s.clock_started_at_ms < ?2
     ORDER BY s.clock_started_at_ms, s.id, c.observed_at_ms, c.id";

/// Calls `each` with every check of the sessions whose clock started in `[from, to)`
/// (baselines and corrections included), by session then clinical time. Errors: a row that
/// does not decode (`Corrupt`, naming the check), or what `each` returns.
pub fn each_check(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    mut each: impl FnMut(CheckRow) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(CHECKS)?;
    let mut rows = stmt.query([from.timestamp_millis(), to.timestamp_millis()])?;
    while let Some(r) = rows.next()? {
        each(check_row(r)?)?;
    }
    Ok(())
}

fn check_row(r: &Row<'_>) -> Result<CheckRow, StoreError> {
    let id: i64 = r.get(0)?;
    let bad = |what: &str| StoreError::Corrupt { table: "checks", id, what: what.into() };
    let columns = || -> rusqlite::Result<_> {
        Ok((
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<String>>(7)?,
            r.get::<_, Option<i64>>(8)?,
        ))
    };
    let (patient_name, chart_number, recorded, data, corrects, reason, who, corrected_by) =
        columns().map_err(|e| StoreError::undecodable("checks", id, e))?;
    let check: Check = serde_json::from_str(&data).map_err(|_| bad("data"))?;
    if !instant::in_range(check.observed_at) {
        return Err(bad("data (observed_at out of range)"));
    }
    Ok(CheckRow {
        id,
        patient_name,
        chart_number,
        check,
        recorded_at: instant::from_millis(recorded).ok_or_else(|| bad("recorded_at_ms"))?,
        recorded_by: who,
        corrects: corrects.map(|c| (c, reason.unwrap_or_default())),
        corrected_by,
    })
}
