//! Alert raisings (`alert_raisings`): which firings the app has raised. A firing committed but
//! never raised (the app died between the two, or the raising's row could not be written) is
//! found by [`unraised`] and raised at the next sweep; a firing that could not be written when
//! it was raised is written late by [`record_late_firing`], with its raising, exactly once.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::{Deadline, DeadlineKind};

use super::{corrupt_firing, firing_columns};
use crate::{sessions, StoreError};

/// A firing of a session on the board, neither acknowledged nor resolved, never raised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unraised {
    pub firing_id: i64,
    pub deadline: Deadline,
    pub bay: String,
    pub patient_name: String,
}

/// Records that firing `firing_id` was raised at `now` (once: a second call changes nothing).
pub fn record_raising(
    tx: &Transaction<'_>,
    firing_id: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO alert_raisings (firing_id, raised_at_ms) VALUES (?1, ?2)
         ON CONFLICT (firing_id) DO NOTHING",
        params![firing_id, now.timestamp_millis()],
    )?;
    Ok(())
}

/// Writes a firing that was raised at `fired_at` while it could not be written, and its
/// raising, at `now`; returns its id. When the firing was written meanwhile (same session,
/// kind and key), nothing is written twice: its id is returned.
pub fn record_late_firing(
    tx: &Transaction<'_>,
    deadline: &Deadline,
    fired_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let done = if deadline.kind == DeadlineKind::CheckOverdue {
        check_done(tx, deadline, now)?
    } else {
        None
    };
    let at = super::FiredAt { raised: fired_at, written: now };
    let id = match super::record_firing_at(tx, deadline, at, done)? {
        Some(id) => id,
        None => firing_id_of(tx, deadline)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?,
    };
    record_raising(tx, id, fired_at)?;
    Ok(id)
}

/// The check (with who recorded it) that did the planned check an overdue `deadline` is for,
/// if one is recorded by `now`: the late firing is resolved by it at once, as the check
/// resolves an overdue firing written in time. A row that does not decode counts as not done
/// (the alert stays active).
fn check_done(
    tx: &Transaction<'_>,
    deadline: &Deadline,
    now: DateTime<Utc>,
) -> Result<Option<(i64, i64)>, StoreError> {
    let done = || -> Result<Option<i64>, StoreError> {
        let session = sessions::get(tx, deadline.session_id)?;
        let statuses = crate::checks::statuses(tx, std::slice::from_ref(&session), now)?;
        Ok(statuses.get(&session.id).and_then(|s| s.schedule.done_by(&deadline.key)))
    };
    let check_id = match done() {
        Ok(Some(id)) => id,
        Ok(None) => return Ok(None),
        Err(e) if e.is_undecodable() => return Ok(None),
        Err(e) => return Err(e),
    };
    let by =
        tx.query_row("SELECT recorded_by FROM checks WHERE id = ?1", [check_id], |r| r.get(0))?;
    Ok(Some((check_id, by)))
}

/// The id of the firing of `deadline` (its session, kind and key), if written.
pub fn firing_id_of(conn: &Connection, deadline: &Deadline) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id FROM alert_firings
             WHERE session_id = ?1 AND kind = ?2 AND coalesce(key, '') = ?3",
            params![deadline.session_id, deadline.kind.as_str(), deadline.key],
            |r| r.get(0),
        )
        .optional()?)
}

/// Firings of sessions on the board at `now`, neither acknowledged nor resolved, with no
/// raising, fired at or before `fired_by` (a firing committed a moment ago is being raised by
/// whoever committed it), oldest deadline first.
pub fn unraised(
    conn: &Connection,
    now: DateTime<Utc>,
    fired_by: DateTime<Utc>,
) -> Result<Vec<Unraised>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.session_id, f.kind, coalesce(f.key, ''), f.due_at_ms,
                coalesce(f.message, ''), s.bay, s.patient_name
         FROM recovery_sessions s CROSS JOIN alert_firings f ON f.session_id = s.id
         WHERE s.clock_started_at_ms >= ?1 AND f.fired_at_ms <= ?2
           AND NOT EXISTS (SELECT 1 FROM alert_raisings g WHERE g.firing_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements a WHERE a.firing_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM alert_resolutions r WHERE r.firing_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM session_departures d WHERE d.session_id = s.id)
         ORDER BY f.due_at_ms, f.id",
    )?;
    let since = now - Duration::hours(sessions::BOARD_WINDOW_HOURS);
    let mut rows = stmt.query(params![since.timestamp_millis(), fired_by.timestamp_millis()])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let firing_id: i64 = r.get(0)?;
        match unraised_row(r, firing_id) {
            Ok(u) => out.push(u),
            Err(e) if e.is_undecodable() => {
                tracing::warn!("firing {firing_id} not raised after a crash: {e}");
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// One row of [`unraised`]'s query.
fn unraised_row(r: &rusqlite::Row<'_>, firing_id: i64) -> Result<Unraised, StoreError> {
    type Columns = (i64, i64, String, String, i64, String, String, String);
    let (_, session_id, kind, key, due, detail, bay, patient_name): Columns =
        firing_columns(r, firing_id)?;
    let corrupt = |what: &str| corrupt_firing(firing_id, what);
    let kind = DeadlineKind::parse(&kind).ok_or_else(|| corrupt("kind"))?;
    let due_at = vigil_core::instant::from_millis(due).ok_or_else(|| corrupt("due_at_ms"))?;
    let deadline = Deadline { session_id, kind, key, due_at, detail };
    Ok(Unraised { firing_id, deadline, bay, patient_name })
}
