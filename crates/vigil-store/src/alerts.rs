//! Alert firings, acknowledgements, desktop-notification outcomes and clock jumps.
//! A firing row is the "fired" mark itself (unique per session and kind), so recording it and
//! marking it fired are one statement in one transaction: an alert fires exactly once.
//! Which deadlines are due or have fired, what a firing's key means: `vigil_core::alerting`
//! decides; this module and its parts (`sweep`, `raisings`, `outcomes`) read and write rows.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use vigil_core::alerting;
use vigil_core::checks::AlertSeverity;
use vigil_core::{ActiveAlert, Deadline, DeadlineKind, VigilError};

use crate::audit::{self, Action, Entry};
use crate::unreadable::Unreadable;
use crate::{checks, sessions, StoreError};

mod outcomes;
mod raisings;
mod sweep;
pub use outcomes::{last_outcome, record_clock_jump, record_outcome};
pub use raisings::{firing_id_of, record_late_firing, record_raising, unraised, Unraised};
pub use sweep::unfired_deadlines;

/// Records that `deadline` fired at `now`; returns the firing id, or `None` when it had fired
/// already (so the caller raises nothing).
pub fn record_firing(
    tx: &Transaction<'_>,
    deadline: &Deadline,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    record_firing_at(tx, deadline, fired_at_now(now), None)
}

/// When a firing was raised and when it is written.
#[derive(Clone, Copy)]
struct FiredAt {
    raised: DateTime<Utc>,
    written: DateTime<Utc>,
}

fn fired_at_now(now: DateTime<Utc>) -> FiredAt {
    FiredAt { raised: now, written: now }
}

/// [`record_firing`] of an alert raised at `at.raised`, written (and audited) at
/// `at.written`; with `done = Some((check_id, nurse))` it is resolved at once by that check,
/// in the same audit entry (an overdue check entered before its late firing was written).
fn record_firing_at(
    tx: &Transaction<'_>,
    deadline: &Deadline,
    at: FiredAt,
    done: Option<(i64, i64)>,
) -> Result<Option<i64>, StoreError> {
    let (fired_at, now) = (at.raised, at.written);
    let key = (!deadline.key.is_empty()).then_some(deadline.key.as_str());
    let message = (!deadline.detail.is_empty()).then_some(deadline.detail.as_str());
    let inserted = tx.execute(
        "INSERT INTO alert_firings (session_id, kind, due_at_ms, fired_at_ms, key, message)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
        params![
            deadline.session_id,
            deadline.kind.as_str(),
            deadline.due_at.timestamp_millis(),
            fired_at.timestamp_millis(),
            key,
            message,
        ],
    )?;
    if inserted == 0 {
        return Ok(None);
    }
    let id = tx.last_insert_rowid();
    let mut detail = format!("{} for session #{}", deadline.kind.as_str(), deadline.session_id);
    if fired_at != now {
        // Raised while records could not be saved, written once storage took writes again.
        detail.push_str(&format!(", raised at {} and written late", fired_at.to_rfc3339()));
    }
    let mut entry = Entry::new(Action::AlertFired, None).record("alert_firings", id);
    if let Some((check_id, by)) = done {
        detail.push_str(&format!(", resolved by check #{check_id}"));
        let resolution = checks::resolve(tx, id, "check_entered", check_id, by, now)?;
        entry = entry.record("alert_resolutions", resolution);
    }
    audit::append(tx, now, &entry.detail(&detail))?;
    Ok(Some(id))
}

/// Nurse `by` acknowledges a firing. Errors: `not_found` for an unknown firing, `conflict`
/// when it was acknowledged already (by another nurse, say).
pub fn acknowledge(
    tx: &Transaction<'_>,
    firing_id: i64,
    by: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let exists: Option<i64> = tx
        .query_row("SELECT id FROM alert_firings WHERE id = ?1", [firing_id], |r| r.get(0))
        .optional()?;
    if exists.is_none() {
        return Err(VigilError::not_found("That alert does not exist.").into());
    }
    let inserted = tx.execute(
        "INSERT INTO alert_acknowledgements (firing_id, acknowledged_at_ms, acknowledged_by)
         VALUES (?1, ?2, ?3) ON CONFLICT (firing_id) DO NOTHING",
        params![firing_id, now.timestamp_millis(), by],
    )?;
    if inserted == 0 {
        return Err(VigilError::new(
            vigil_core::ErrorCode::Conflict,
            "That alert was already acknowledged.",
        )
        .into());
    }
    let id = tx.last_insert_rowid();
    let detail = format!("alert firing #{firing_id}");
    let entry = Entry::new(Action::Acknowledge, Some(by))
        .record("alert_acknowledgements", id)
        .detail(&detail);
    audit::append(tx, now, &entry)?;
    Ok(())
}

/// Fired alerts of sessions on the board at `now` neither acknowledged nor resolved, oldest
/// first; a patient's alerts leave with the patient. Only the board's sessions are read, so this does not grow with the history.
/// A firing row that does not decode is left out (see [`active_each`]).
pub fn active(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<ActiveAlert>, StoreError> {
    active_each(conn, now, &mut Unreadable::default())
}

/// [`active`], keeping the session of each firing row that does not decode in `unreadable`
/// (the board marks that patient's row) instead of failing for every patient.
pub fn active_each(
    conn: &Connection,
    now: DateTime<Utc>,
    unreadable: &mut Unreadable,
) -> Result<Vec<ActiveAlert>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.session_id, f.kind, s.bay, s.patient_name, f.due_at_ms, f.fired_at_ms,
                f.message, f.severity, f.key
         FROM recovery_sessions s CROSS JOIN alert_firings f ON f.session_id = s.id -- sessions first: their clock index keeps this to the board
         LEFT JOIN alert_acknowledgements a ON a.firing_id = f.id
         LEFT JOIN alert_resolutions r ON r.firing_id = f.id
         WHERE s.clock_started_at_ms >= ?1 AND a.id IS NULL AND r.id IS NULL
           AND NOT EXISTS (SELECT 1 FROM session_departures d WHERE d.session_id = s.id)
         ORDER BY f.due_at_ms, f.id",
    )?;
    let since = now - Duration::hours(sessions::BOARD_WINDOW_HOURS);
    let mut rows = stmt.query([since.timestamp_millis()])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let (firing_id, session_id): (i64, i64) = (r.get(0)?, r.get(1)?);
        if let Some(alert) = unreadable.keep(session_id, active_alert(r, firing_id))? {
            out.push(alert);
        }
    }
    Ok(out)
}

/// One row of [`active_each`]'s query.
fn active_alert(r: &rusqlite::Row<'_>, firing_id: i64) -> Result<ActiveAlert, StoreError> {
    type Opt = Option<String>;
    type Columns = (i64, i64, String, String, String, i64, i64, Opt, Opt, Opt);
    let (_, session_id, kind, bay, patient_name, due, fired, message, severity, key): Columns =
        firing_columns(r, firing_id)?;
    let corrupt = |what: &str| corrupt_firing(firing_id, what);
    let kind = DeadlineKind::parse(&kind).ok_or_else(|| corrupt("kind"))?;
    let severity = match severity.as_deref() {
        None => None,
        Some(name) => Some(AlertSeverity::parse(name).ok_or_else(|| corrupt("severity"))?),
    };
    Ok(ActiveAlert {
        firing_id,
        session_id,
        kind,
        bay,
        patient_name,
        due_at: instant(due).ok_or_else(|| corrupt("due_at_ms"))?,
        fired_at: instant(fired).ok_or_else(|| corrupt("fired_at_ms"))?,
        detail: message,
        emergency: alerting::is_emergency(kind, key.as_deref(), severity),
        severity,
        not_saved: None,
    })
}

pub(super) fn instant(ms: i64) -> Option<DateTime<Utc>> {
    vigil_core::instant::from_millis(ms)
}

/// A firing row's columns, from the first, as the tuple `T`; a column that does not decode
/// makes the firing undecodable.
fn firing_columns<'r, T>(r: &'r rusqlite::Row<'r>, firing_id: i64) -> Result<T, StoreError>
where
    T: TryFrom<&'r rusqlite::Row<'r>, Error = rusqlite::Error>,
{
    T::try_from(r).map_err(|e| StoreError::undecodable("alert_firings", firing_id, e))
}

/// Firing `firing_id` holds no valid `what`.
fn corrupt_firing(firing_id: i64, what: &str) -> StoreError {
    StoreError::Corrupt { table: "alert_firings", id: firing_id, what: what.into() }
}
