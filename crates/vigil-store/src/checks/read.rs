//! Reading a session's checks and their statuses at `now` (the schedule, baseline and PADSS,
//! assessed in `vigil_core::checks::CheckStatus`), for one session or several.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;
use vigil_core::checks::{Check, CheckStatus, StoredCheck, ThresholdSettings};
use vigil_core::{instant, RecoverySession};

use crate::unreadable::Unreadable;
use crate::{plans, thresholds, StoreError};

/// The session check `check_id` belongs to, if the check exists.
pub fn session_of(conn: &Connection, check_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_row("SELECT session_id FROM checks WHERE id = ?1", [check_id], |r| r.get(0))
        .optional()?)
}

/// Every check of `session_id` with who recorded it and its correction links, by clinical time.
/// Errors: a row that does not decode (`Corrupt`, naming the check).
pub fn for_session(conn: &Connection, session_id: i64) -> Result<Vec<StoredCheck>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.session_id, c.recorded_at_ms, c.data, c.corrects_id, c.correction_reason,
                (SELECT l.label FROM nurse_labels l WHERE l.id = c.recorded_by),
                (SELECT k.id FROM checks k WHERE k.corrects_id = c.id)
         FROM checks c WHERE c.session_id = ?1 ORDER BY c.observed_at_ms, c.id",
    )?;
    let mut rows = stmt.query([session_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        out.push(stored_check(r, id)?);
    }
    Ok(out)
}

/// One row of [`for_session`]'s query as a stored check.
fn stored_check(r: &rusqlite::Row<'_>, id: i64) -> Result<StoredCheck, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt { table: "checks", id, what: what.into() };
    let columns = || -> rusqlite::Result<_> {
        Ok((
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<i64>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<i64>>(7)?,
        ))
    };
    let (recorded, data, corrects, reason, who, corrected_by) =
        columns().map_err(|e| StoreError::undecodable("checks", id, e))?;
    let check: Check = serde_json::from_str(&data).map_err(|_| corrupt("data"))?;
    // The rules add durations to it: it must be an instant Vigil keeps (see `instant`).
    if !instant::in_range(check.observed_at) {
        return Err(corrupt("data (observed_at out of range)"));
    }
    let recorded_at = instant::from_millis(recorded).ok_or_else(|| corrupt("recorded_at_ms"))?;
    Ok(StoredCheck {
        id,
        check,
        recorded_at,
        who,
        corrects: corrects.map(|c| (c, reason.unwrap_or_default())),
        corrected_by,
    })
}

/// The checks of each of `session_ids` (absent when a session has none). Errors: the first
/// row that does not decode, for any session (see [`for_sessions_each`]).
pub fn for_sessions(
    conn: &Connection,
    session_ids: &[i64],
) -> Result<HashMap<i64, Vec<StoredCheck>>, StoreError> {
    for_sessions_each(conn, session_ids, &mut Unreadable::strict())
}

/// [`for_sessions`], keeping a session whose checks do not decode in `unreadable` (and out of
/// the map) instead of failing for every session.
pub fn for_sessions_each(
    conn: &Connection,
    session_ids: &[i64],
    unreadable: &mut Unreadable,
) -> Result<HashMap<i64, Vec<StoredCheck>>, StoreError> {
    let mut out = HashMap::new();
    for &id in session_ids {
        if let Some(checks) = unreadable.keep(id, for_session(conn, id))? {
            if !checks.is_empty() {
                out.insert(id, checks);
            }
        }
    }
    Ok(out)
}

/// The check statuses of `sessions` at `now`, by session id, without pre-dose decisions.
/// Errors: any row that does not decode (see [`statuses_each`]).
pub fn statuses(
    conn: &Connection,
    sessions: &[RecoverySession],
    now: DateTime<Utc>,
) -> Result<HashMap<i64, CheckStatus>, StoreError> {
    statuses_each(conn, sessions, now, &mut Unreadable::strict())
}

/// [`statuses`], leaving out (and keeping in `unreadable`) each session whose checks do not
/// decode: the other sessions' statuses, and so their alerts, are unaffected.
pub fn statuses_each(
    conn: &Connection,
    sessions: &[RecoverySession],
    now: DateTime<Utc>,
    unreadable: &mut Unreadable,
) -> Result<HashMap<i64, CheckStatus>, StoreError> {
    let settings: ThresholdSettings = thresholds::current(conn)?;
    let plans = plans::history(conn)?;
    let mut out = HashMap::new();
    // No pre-dose decisions here: the alert sweep reads these statuses, and an unreadable
    // decision must not stop alerts. The board and the record attach them
    // (`crate::predose::attach`).
    for s in sessions {
        let Some(stored) = unreadable.keep(s.id, for_session(conn, s.id))? else { continue };
        let plan = plans.for_admission(s.recorded_at);
        out.insert(s.id, CheckStatus::assess(s, &stored, &settings, &plan, now));
    }
    Ok(out)
}
