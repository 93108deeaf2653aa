//! The end of a session: the escort (each save a new version, the latest in force), the
//! "cleared for discharge" event with its snapshot of every gate, the departure (with the escort
//! or against advice; transfers to emergency care are in `transfers`), and the clinic's
//! discharge policy (versions). Each write checks the
//! session's phase inside its own transaction, so two nurses cannot discharge the same patient
//! twice, and writes its audit entry there too.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashMap;
use vigil_core::board::BoardDischarge;
use vigil_core::discharge::view::DepartureHow;
use vigil_core::discharge::{
    AgainstAdvice, DischargeGates, DischargePolicy, DischargeSnapshot, Escort, GateInput,
    SessionPhase,
};
use vigil_core::{instant, RecoverySession, VigilError};

use crate::audit::{self, Action, Entry};
use crate::unreadable::Unreadable;
use crate::{checks, plans, thresholds, StoreError};

/// Where a session stands at its end: its phase, and who cleared it and when it left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub phase: SessionPhase,
    pub cleared_at: Option<DateTime<Utc>>,
    /// "Ana Ruiz, RN".
    pub cleared_by: Option<String>,
    pub left_at: Option<DateTime<Utc>>,
}

impl Default for Standing {
    fn default() -> Self {
        Self { phase: SessionPhase::Observing, cleared_at: None, cleared_by: None, left_at: None }
    }
}

fn encode<T: serde::Serialize>(value: &T, what: &str) -> Result<String, StoreError> {
    serde_json::to_string(value)
        .map_err(|e| VigilError::internal(format!("the {what} could not be encoded: {e}")).into())
}

/// The discharge policy in force (the clinic defaults until one is saved).
pub fn policy(conn: &Connection) -> Result<DischargePolicy, StoreError> {
    let row: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, data FROM discharge_policy_versions ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        None => Ok(DischargePolicy::default()),
        Some((id, data)) => serde_json::from_str(&data).map_err(|_| StoreError::Corrupt {
            table: "discharge_policy_versions",
            id,
            what: "data".into(),
        }),
    }
}

/// Records a new discharge policy (validated by the caller) set by `by`, with its audit entry.
pub fn set_policy(
    tx: &Transaction<'_>,
    policy: &DischargePolicy,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO discharge_policy_versions (data, changed_at_ms, changed_by) VALUES (?1, ?2, ?3)",
        params![encode(policy, "policy")?, now.timestamp_millis(), by],
    )?;
    let id = tx.last_insert_rowid();
    let entry =
        Entry::new(Action::DischargePolicyChange, Some(by)).record("discharge_policy_versions", id);
    audit::append(tx, now, &entry)?;
    Ok(id)
}

/// The escort in force for each of `session_ids` (absent when none was recorded). Errors:
/// the first that does not decode (see [`escorts_each`]).
pub fn escorts(conn: &Connection, session_ids: &[i64]) -> Result<HashMap<i64, Escort>, StoreError> {
    escorts_each(conn, session_ids, &mut Unreadable::strict())
}

/// [`escorts`], keeping a session whose escort does not decode in `unreadable`.
pub fn escorts_each(
    conn: &Connection,
    session_ids: &[i64],
    unreadable: &mut Unreadable,
) -> Result<HashMap<i64, Escort>, StoreError> {
    let mut out = HashMap::new();
    for &session_id in session_ids {
        if let Some(Some(escort)) = unreadable.keep(session_id, escort_of(conn, session_id))? {
            out.insert(session_id, escort);
        }
    }
    Ok(out)
}

fn escort_of(conn: &Connection, session_id: i64) -> Result<Option<Escort>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, data FROM escort_versions WHERE session_id = ?1 ORDER BY id DESC LIMIT 1",
    )?;
    let mut rows = stmt.query([session_id])?;
    let Some(r) = rows.next()? else { return Ok(None) };
    let id: i64 = r.get(0)?;
    let corrupt =
        |what: &str| StoreError::Corrupt { table: "escort_versions", id, what: what.into() };
    let data: String = r.get(1).map_err(|e| StoreError::undecodable("escort_versions", id, e))?;
    let escort: Escort = serde_json::from_str(&data).map_err(|_| corrupt("data"))?;
    if [escort.eta, escort.arrived_at].into_iter().flatten().any(|at| !instant::in_range(at)) {
        return Err(corrupt("data (an instant out of range)"));
    }
    Ok(Some(escort))
}

/// The escort in force for one session.
pub fn escort(conn: &Connection, session_id: i64) -> Result<Option<Escort>, StoreError> {
    Ok(escorts(conn, &[session_id])?.remove(&session_id))
}

/// Records a new version of the session's escort. Errors: `conflict` once the patient left.
pub fn save_escort(
    tx: &Transaction<'_>,
    session_id: i64,
    escort: &Escort,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    standing(tx, session_id)?.phase.may_record()?;
    tx.execute(
        "INSERT INTO escort_versions (session_id, data, recorded_at_ms, recorded_by)
         VALUES (?1, ?2, ?3, ?4)",
        params![session_id, encode(escort, "escort")?, now.timestamp_millis(), by],
    )?;
    let id = tx.last_insert_rowid();
    let entry = Entry::new(Action::SaveEscort, Some(by)).record("escort_versions", id);
    audit::append(tx, now, &entry.detail(&format!("session #{session_id}")))?;
    Ok(id)
}

/// Where each of `session_ids` stands (observing when nothing was recorded). Errors: the
/// first that does not decode (see [`standings_each`]).
pub fn standings(
    conn: &Connection,
    session_ids: &[i64],
) -> Result<HashMap<i64, Standing>, StoreError> {
    standings_each(conn, session_ids, &mut Unreadable::strict())
}

/// [`standings`], keeping a session whose standing does not decode in `unreadable`.
pub fn standings_each(
    conn: &Connection,
    session_ids: &[i64],
    unreadable: &mut Unreadable,
) -> Result<HashMap<i64, Standing>, StoreError> {
    let mut out = HashMap::new();
    for &id in session_ids {
        if let Some(standing) = unreadable.keep(id, standing_of(conn, id))? {
            out.insert(id, standing);
        }
    }
    Ok(out)
}

fn standing_of(conn: &Connection, id: i64) -> Result<Standing, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.cleared_at_ms, (SELECT l.label FROM nurse_labels l WHERE l.id = c.cleared_by),
                d.how, d.left_at_ms
         FROM recovery_sessions s
         LEFT JOIN discharge_clearances c ON c.session_id = s.id
         LEFT JOIN session_departures d ON d.session_id = s.id
         WHERE s.id = ?1",
    )?;
    let mut rows = stmt.query([id])?;
    let r = rows.next()?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    let columns = || -> rusqlite::Result<_> {
        Ok((
            r.get::<_, Option<i64>>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<i64>>(3)?,
        ))
    };
    let (cleared_ms, cleared_by, how, left_ms) =
        columns().map_err(|e| StoreError::undecodable("session_departures", id, e))?;
    let corrupt =
        |what: &str| StoreError::Corrupt { table: "session_departures", id, what: what.into() };
    let phase = match (how.as_deref(), cleared_ms) {
        (None, None) => SessionPhase::Observing,
        (None, Some(_)) => SessionPhase::Cleared,
        (Some(how), _) => DepartureHow::parse(how).ok_or_else(|| corrupt("how"))?.phase(),
    };
    let at = |ms: Option<i64>, what: &str| {
        ms.map(|ms| instant::from_millis(ms).ok_or_else(|| corrupt(what))).transpose()
    };
    Ok(Standing {
        phase,
        cleared_at: at(cleared_ms, "cleared_at_ms")?,
        cleared_by,
        left_at: at(left_ms, "left_at_ms")?,
    })
}

/// Where one session stands. Errors: `not_found` for an unknown session.
pub fn standing(conn: &Connection, session_id: i64) -> Result<Standing, StoreError> {
    standings(conn, &[session_id])?
        .remove(&session_id)
        .ok_or(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
}

/// Records "cleared for discharge" with its snapshot, signed by `by`. Errors: `conflict` unless
/// the session is still observed (a second discharge, or one after the patient left).
pub fn clear(
    tx: &Transaction<'_>,
    session_id: i64,
    snapshot: &DischargeSnapshot,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    standing(tx, session_id)?.phase.may_clear()?;
    tx.execute(
        "INSERT INTO discharge_clearances (session_id, cleared_at_ms, cleared_by, snapshot)
         VALUES (?1, ?2, ?3, ?4)",
        params![session_id, now.timestamp_millis(), by, encode(snapshot, "snapshot")?],
    )?;
    let id = tx.last_insert_rowid();
    let overrides = snapshot.overrides.len();
    let entry = Entry::new(Action::ClearDischarge, Some(by)).record("discharge_clearances", id);
    let detail = format!("session #{session_id}, {overrides} gate override(s)");
    audit::append(tx, now, &entry.detail(&detail))?;
    Ok(id)
}

/// The snapshot stored when the session was cleared.
pub fn snapshot(
    conn: &Connection,
    session_id: i64,
) -> Result<Option<DischargeSnapshot>, StoreError> {
    let row: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, snapshot FROM discharge_clearances WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(id, data)| {
        serde_json::from_str(&data).map_err(|_| StoreError::Corrupt {
            table: "discharge_clearances",
            id,
            what: "snapshot".into(),
        })
    })
    .transpose()
}

/// Records that a cleared patient left with their escort at `now`. Errors: `conflict` unless
/// the session was cleared and has not left.
pub fn depart(
    tx: &Transaction<'_>,
    session_id: i64,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    standing(tx, session_id)?.phase.may_depart()?;
    let at = now.timestamp_millis();
    tx.execute(
        "INSERT INTO session_departures (session_id, how, left_at_ms, recorded_at_ms, recorded_by)
         VALUES (?1, 'discharged', ?2, ?2, ?3)",
        params![session_id, at, by],
    )?;
    let id = tx.last_insert_rowid();
    let entry = Entry::new(Action::Depart, Some(by)).record("session_departures", id);
    audit::append(tx, now, &entry.detail(&format!("session #{session_id}")))?;
    Ok(id)
}

/// Records a patient leaving against advice, with the form. Errors: `conflict` once cleared or
/// gone (a cleared patient departs instead).
pub fn leave_against_advice(
    tx: &Transaction<'_>,
    session_id: i64,
    form: &AgainstAdvice,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    standing(tx, session_id)?.phase.may_leave_against_advice()?;
    tx.execute(
        "INSERT INTO session_departures
            (session_id, how, left_at_ms, recorded_at_ms, recorded_by, against_advice)
         VALUES (?1, 'against_advice', ?2, ?3, ?4, ?5)",
        params![
            session_id,
            form.left_at.timestamp_millis(),
            now.timestamp_millis(),
            by,
            encode(form, "against-advice form")?
        ],
    )?;
    let id = tx.last_insert_rowid();
    let entry = Entry::new(Action::AgainstAdvice, Some(by)).record("session_departures", id);
    audit::append(tx, now, &entry.detail(&format!("session #{session_id}")))?;
    Ok(id)
}

/// The against-advice form of a session that left against advice.
pub fn against_advice(
    conn: &Connection,
    session_id: i64,
) -> Result<Option<AgainstAdvice>, StoreError> {
    let row: Option<(i64, Option<String>)> = conn
        .query_row(
            "SELECT id, against_advice FROM session_departures WHERE session_id = ?1",
            [session_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        Some((id, Some(data))) => serde_json::from_str(&data).map(Some).map_err(|_| {
            StoreError::Corrupt { table: "session_departures", id, what: "against_advice".into() }
        }),
        _ => Ok(None),
    }
}

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
