//! Readiness history (issue 11, feature 10): the append-only `readiness_changes` rows, one each
//! time the board's discharge readiness of an observed session changed, with the failing gates
//! (keys and details, never names) and the time the board started saying it. Written only by
//! the scheduler's sweep through [`record_changes`] (the design is in
//! `vigil_core::discharge::ReadinessMark`'s module): each row with its audit entry (by the app,
//! no nurse) in the sweep's one transaction. Read back for the patient's timeline.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use std::collections::HashMap;
use vigil_core::discharge::{
    readiness_change, FailingGate, Readiness, ReadinessMark, SessionPhase,
};
use vigil_core::{instant, VigilError};

use crate::audit::{self, Action, Entry};
use crate::unreadable::Unreadable;
use crate::{discharge, sessions, StoreError};

/// THE definition of "ready" for the records (the report's time until ready and the CSV
/// export's `ready_at` column): the first readiness change of session `s` to Ready or Ready
/// (awaiting escort) at or after its clock start, as epoch milliseconds (NULL if none). "Every
/// gate but the escort met" counts: the patient was ready; only their ride was not. An SQL
/// expression (a literal, so queries can `concat!` it) over a `recovery_sessions s` row.
macro_rules! first_ready_at_sql {
    () => {
        "(SELECT min(r.changed_at_ms) FROM readiness_changes r
          WHERE r.session_id = s.id AND r.readiness IN ('ready', 'ready_awaiting_escort')
            AND r.changed_at_ms >= s.clock_started_at_ms)"
    };
}
pub(crate) use first_ready_at_sql;

/// One stored change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadinessRow {
    pub id: i64,
    pub session_id: i64,
    pub mark: ReadinessMark,
    /// The sweep's time: what the board said from then on.
    pub changed_at: DateTime<Utc>,
}

fn readiness_name(readiness: Readiness) -> &'static str {
    match readiness {
        Readiness::Ready => "ready",
        Readiness::ReadyAwaitingEscort => "ready_awaiting_escort",
        Readiness::NotReady => "not_ready",
    }
}

fn parse_readiness(name: &str) -> Option<Readiness> {
    [Readiness::Ready, Readiness::ReadyAwaitingEscort, Readiness::NotReady]
        .into_iter()
        .find(|r| readiness_name(*r) == name)
}

const SELECT: &str =
    "SELECT id, session_id, readiness, failing_gates, changed_at_ms FROM readiness_changes";

fn read_row(r: &rusqlite::Row<'_>) -> Result<ReadinessRow, StoreError> {
    let id: i64 = r.get(0)?;
    decode_row(r, id).map_err(|e| match e {
        StoreError::Sqlite(e) => StoreError::undecodable("readiness_changes", id, e),
        other => other,
    })
}

fn decode_row(r: &rusqlite::Row<'_>, id: i64) -> Result<ReadinessRow, StoreError> {
    let corrupt =
        |what: &str| StoreError::Corrupt { table: "readiness_changes", id, what: what.into() };
    let name: String = r.get(2)?;
    let readiness = parse_readiness(&name).ok_or_else(|| corrupt("readiness"))?;
    let failing: Vec<FailingGate> =
        serde_json::from_str(&r.get::<_, String>(3)?).map_err(|_| corrupt("failing_gates"))?;
    let changed_at = instant::from_millis(r.get(4)?).ok_or_else(|| corrupt("changed_at_ms"))?;
    Ok(ReadinessRow {
        id,
        session_id: r.get(1)?,
        mark: ReadinessMark { readiness, failing },
        changed_at,
    })
}

/// Every stored change of `session_id`, oldest first.
pub fn history(conn: &Connection, session_id: i64) -> Result<Vec<ReadinessRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE session_id = ?1 ORDER BY id"))?;
    let mut rows = stmt.query([session_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(read_row(r)?);
    }
    Ok(out)
}

/// The last stored mark of each of `session_ids` that has one; a session whose last row does
/// not decode is left out and kept in `unreadable`.
pub fn latest(
    conn: &Connection,
    session_ids: &[i64],
    unreadable: &mut Unreadable,
) -> Result<HashMap<i64, ReadinessMark>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("{SELECT} WHERE session_id = ?1 ORDER BY id DESC LIMIT 1"))?;
    let mut out = HashMap::new();
    for &session_id in session_ids {
        let mut rows = stmt.query([session_id])?;
        if let Some(r) = rows.next()? {
            if let Some(row) = unreadable.keep(session_id, read_row(r))? {
                out.insert(session_id, row.mark);
            }
        }
    }
    Ok(out)
}

/// Appends `mark` for `session_id` at `now`, with its audit entry (by the app).
pub fn insert(
    tx: &Transaction<'_>,
    session_id: i64,
    mark: &ReadinessMark,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let failing = serde_json::to_string(&mark.failing).map_err(|e| {
        VigilError::internal(format!("the failing gates could not be encoded: {e}"))
    })?;
    tx.execute(
        "INSERT INTO readiness_changes (session_id, readiness, failing_gates, changed_at_ms)
         VALUES (?1, ?2, ?3, ?4)",
        params![session_id, readiness_name(mark.readiness), failing, now.timestamp_millis()],
    )?;
    let id = tx.last_insert_rowid();
    let detail = format!("session #{session_id}: {}", readiness_name(mark.readiness));
    let entry = Entry::new(Action::ReadinessChanged, None).record("readiness_changes", id);
    audit::append(tx, now, &entry.detail(&detail))?;
    Ok(id)
}

/// Assesses every session on the board still observed at `now` and appends a row for each
/// whose readiness or failing gates differ from its last row (or that has none yet). Returns
/// the new rows' ids.
/// A session whose records do not decode gets no row (and does not stop the others').
pub fn record_changes(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<Vec<i64>, StoreError> {
    let unreadable = &mut Unreadable::default();
    let board = sessions::on_board_each(tx, now, unreadable)?;
    let ids: Vec<i64> = board.iter().map(|s| s.id).collect();
    let standings = discharge::standings_each(tx, &ids, unreadable)?;
    let observing: Vec<_> = board
        .into_iter()
        .filter(|s| standings.get(&s.id).is_some_and(|st| st.phase == SessionPhase::Observing))
        .collect();
    let ids: Vec<i64> = observing.iter().map(|s| s.id).collect();
    let gates = discharge::gates_each(tx, &observing, now, unreadable)?;
    let last = latest(tx, &ids, unreadable)?;
    let mut written = Vec::new();
    for id in ids {
        let Some(gates) = gates.get(&id) else { continue };
        if unreadable.contains(id) {
            continue;
        }
        if let Some(mark) = readiness_change(last.get(&id), gates) {
            written.push(insert(tx, id, &mark, now)?);
        }
    }
    Ok(written)
}
