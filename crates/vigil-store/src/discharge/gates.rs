//! The discharge gates of sessions (with the thresholds, plan and policy in force) and what the
//! board shows of each session's discharge.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::collections::HashMap;
use vigil_core::board::BoardDischarge;
use vigil_core::discharge::{DischargeGates, Escort, GateInput};
use vigil_core::{RecoverySession, VigilError};

use super::{escorts_each, policy, standings_each};
use crate::unreadable::Unreadable;
use crate::{checks, plans, thresholds, StoreError};

/// The number of critical clinical alerts of each session neither acknowledged nor resolved.
pub fn unacknowledged_critical(
    conn: &Connection,
    session_ids: &[i64],
) -> Result<HashMap<i64, usize>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM alert_firings f
         LEFT JOIN alert_acknowledgements a ON a.firing_id = f.id
         LEFT JOIN alert_resolutions r ON r.firing_id = f.id
         WHERE f.session_id = ?1 AND f.severity = 'critical' AND a.id IS NULL AND r.id IS NULL",
    )?;
    let mut out = HashMap::new();
    for &id in session_ids {
        let n: i64 = stmt.query_row([id], |r| r.get(0))?;
        out.insert(id, usize::try_from(n).unwrap_or(usize::MAX));
    }
    Ok(out)
}

/// The discharge gates of each of `sessions` at `now`, with the thresholds and policy in force.
/// Errors: any record that does not decode (see [`gates_each`]).
pub fn gates(
    conn: &Connection,
    sessions: &[RecoverySession],
    now: DateTime<Utc>,
) -> Result<HashMap<i64, DischargeGates>, StoreError> {
    gates_each(conn, sessions, now, &mut Unreadable::strict())
}

/// The discharge gates of one `session` at `now` ([`gates`] of it alone).
pub fn gates_of(
    conn: &Connection,
    session: &RecoverySession,
    now: DateTime<Utc>,
) -> Result<DischargeGates, StoreError> {
    gates(conn, std::slice::from_ref(session), now)?
        .remove(&session.id)
        .ok_or_else(|| VigilError::internal("the gates could not be assessed").into())
}

/// [`gates`], leaving out (and keeping in `unreadable`) each session whose checks or escort do
/// not decode.
pub fn gates_each(
    conn: &Connection,
    sessions: &[RecoverySession],
    now: DateTime<Utc>,
    unreadable: &mut Unreadable,
) -> Result<HashMap<i64, DischargeGates>, StoreError> {
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let escorts = escorts_each(conn, &ids, unreadable)?;
    gates_with(conn, sessions, &escorts, now, unreadable)
}

/// [`gates_each`] with the sessions' escorts already read.
fn gates_with(
    conn: &Connection,
    sessions: &[RecoverySession],
    escorts: &HashMap<i64, Escort>,
    now: DateTime<Utc>,
    unreadable: &mut Unreadable,
) -> Result<HashMap<i64, DischargeGates>, StoreError> {
    let thresholds = thresholds::current(conn)?;
    let policy = policy(conn)?;
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let mut stored = checks::for_sessions_each(conn, &ids, unreadable)?;
    let critical = unacknowledged_critical(conn, &ids)?;
    let plans = plans::history(conn)?;
    Ok(sessions
        .iter()
        .filter(|session| !unreadable.contains(session.id))
        .map(|session| {
            let checks = stored.remove(&session.id).unwrap_or_default();
            let plan = plans.for_admission(session.recorded_at);
            let input = GateInput {
                session,
                checks: &checks,
                thresholds: &thresholds,
                policy: &policy,
                escort: escorts.get(&session.id),
                unacknowledged_critical: critical.get(&session.id).copied().unwrap_or(0),
                plan: &plan,
                now,
            };
            (session.id, DischargeGates::assess(&input))
        })
        .collect())
}

/// What the board shows of each of `sessions`' discharge at `now`; a session whose records do
/// not decode is left out and kept in `unreadable`.
pub fn board(
    conn: &Connection,
    sessions: &[RecoverySession],
    now: DateTime<Utc>,
    unreadable: &mut Unreadable,
) -> Result<HashMap<i64, BoardDischarge>, StoreError> {
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let escorts = escorts_each(conn, &ids, unreadable)?;
    let mut gates = gates_with(conn, sessions, &escorts, now, unreadable)?;
    let mut standings = standings_each(conn, &ids, unreadable)?;
    Ok(ids
        .iter()
        .filter_map(|id| {
            let standing = standings.remove(id)?;
            let board = BoardDischarge {
                gates: gates.remove(id)?,
                phase: standing.phase,
                escort_status: escorts.get(id).filter(|e| e.escorted()).map(|e| e.status),
                cleared_at: standing.cleared_at,
            };
            Some((*id, board))
        })
        .collect())
}
