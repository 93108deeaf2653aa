//! Where a session stands at its end: its phase (observing, cleared, gone), who cleared it and
//! when it left, read from the clearance and departure rows.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::collections::HashMap;
use vigil_core::discharge::view::DepartureHow;
use vigil_core::discharge::SessionPhase;
use vigil_core::instant;

use crate::unreadable::Unreadable;
use crate::StoreError;

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
