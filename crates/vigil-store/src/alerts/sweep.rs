//! The alert sweep's reading: the deadlines of the sessions on the board that have not fired
//! yet. The rows are read here; which deadlines a session has and which have fired are decided
//! in `vigil_core::alerting`.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use std::collections::HashSet;
use vigil_core::alerting::{self, FiredKey};
use vigil_core::{Deadline, DeadlineKind};

use crate::unreadable::Unreadable;
use crate::{checks, discharge, sessions, StoreError};

/// The deadlines of sessions on the board at `now` that have not fired yet: each session's
/// minimum, each planned check not done (due at its overdue time; none for a late-entered
/// admission's, see `vigil_core::alerting::overdue_check_deadlines`) and "escort not arrived".
///
/// A stored row that does not decode affects only its own session: a session whose own row is
/// unreadable has no deadlines, one whose checks or escort are unreadable keeps its minimum,
/// and every other session's deadlines are computed as usual (the board says which are
/// unreadable). The minimums come from the session rows alone: a clinic-wide setting that
/// does not decode (thresholds, check plan, discharge policy) leaves out only the part that
/// reads it (overdue checks, escort late) for this sweep, logged with its table and id; a
/// failure of the storage itself is returned.
pub fn unfired_deadlines(
    conn: &Connection,
    now: DateTime<Utc>,
) -> Result<Vec<Deadline>, StoreError> {
    let unreadable = &mut Unreadable::default();
    let on_board = sessions::on_board_each(conn, now, unreadable)?;
    let fired = fired_keys(conn, now)?;
    let mut deadlines: Vec<Deadline> = on_board.iter().flat_map(|s| s.deadlines()).collect();
    let overdue = checks_overdue(conn, &on_board, now, unreadable);
    deadlines.extend(or_skipped("overdue-check", overdue)?);
    deadlines.extend(or_skipped("escort-late", escort_late(conn, &on_board, now, unreadable))?);
    Ok(alerting::unfired(deadlines, &fired))
}

/// `part`'s deadlines; none, logged, when a stored row it reads does not decode.
fn or_skipped(
    part: &str,
    read: Result<Vec<Deadline>, StoreError>,
) -> Result<Vec<Deadline>, StoreError> {
    match read {
        Err(e) if e.is_undecodable() => {
            tracing::warn!("{part} alerts skipped this sweep: {e}");
            Ok(Vec::new())
        }
        other => other,
    }
}

/// Each planned check not done, due at its overdue time (none for one already overdue when
/// the admission was recorded).
fn checks_overdue(
    conn: &Connection,
    on_board: &[vigil_core::RecoverySession],
    now: DateTime<Utc>,
    unreadable: &mut Unreadable,
) -> Result<Vec<Deadline>, StoreError> {
    let statuses = checks::statuses_each(conn, on_board, now, unreadable)?;
    Ok(on_board
        .iter()
        .filter_map(|s| Some(alerting::overdue_check_deadlines(s, &statuses.get(&s.id)?.schedule)))
        .flatten()
        .collect())
}

/// (session, kind, key) of the non-clinical firings of the board window's sessions. A firing
/// row that does not decode (or of a kind no deadline has) is skipped: it cannot be matched to
/// a deadline, and recording a firing twice is refused by the table itself (`ON CONFLICT DO
/// NOTHING`).
fn fired_keys(conn: &Connection, now: DateTime<Utc>) -> Result<HashSet<FiredKey>, StoreError> {
    let since = now - Duration::hours(sessions::BOARD_WINDOW_HOURS);
    let mut stmt = conn.prepare_cached(
        "SELECT f.session_id, f.kind, coalesce(f.key, '')
         FROM recovery_sessions s CROSS JOIN alert_firings f ON f.session_id = s.id
         WHERE s.clock_started_at_ms >= ?1 AND f.kind <> 'clinical'",
    )?;
    let mut rows = stmt.query([since.timestamp_millis()])?;
    let mut out = HashSet::new();
    while let Some(r) = rows.next()? {
        let key =
            || -> rusqlite::Result<(i64, String, String)> { Ok((r.get(0)?, r.get(1)?, r.get(2)?)) };
        match key().map_err(StoreError::from) {
            Ok((session_id, kind, key)) => {
                if let Some(kind) = DeadlineKind::parse(&kind) {
                    out.insert((session_id, kind, key));
                }
            }
            Err(e) if e.is_undecodable() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// "Escort not arrived" of each session on the board (`alerting::escort_late_deadline`); none
/// for a session whose escort, gates or phase do not decode.
fn escort_late(
    conn: &Connection,
    on_board: &[vigil_core::RecoverySession],
    now: DateTime<Utc>,
    unreadable: &mut Unreadable,
) -> Result<Vec<Deadline>, StoreError> {
    let policy = discharge::policy(conn)?;
    let gates = discharge::gates_each(conn, on_board, now, unreadable)?;
    let ids: Vec<i64> = on_board.iter().map(|s| s.id).collect();
    let standings = discharge::standings_each(conn, &ids, unreadable)?;
    Ok(on_board
        .iter()
        .filter_map(|s| {
            let (standing, gates) = (standings.get(&s.id)?, gates.get(&s.id)?);
            alerting::escort_late_deadline(s, standing.phase, gates, &policy)
        })
        .collect())
}
