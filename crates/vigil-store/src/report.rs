//! Loading the day and shift report (issue 16): the facts of one window in three queries, each
//! led by the `recovery_sessions` clock-start index over the window (and the 24 h before it),
//! so a day's report reads a day's rows however many years the file holds. The figures are
//! made by `vigil_core::report`.
//!
//! Known limit: a session never given a departure whose clock started more than
//! [`LOOKBACK_HOURS`] before the window is not in the report. It has left the board as well
//! (`sessions::BOARD_WINDOW_HOURS`, the same 24 h), and "no departure" has no index: finding
//! such sessions would read every session ever kept, on every report. Listing them needs an
//! index of open sessions (a schema change), not a wider query.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rusqlite::{params, Connection};
use vigil_core::instant::from_millis;
use vigil_core::report::{
    build_report, AlertFact, CheckFact, DayReport, LeftHow, ReportFacts, ReportInput, ReportWindow,
    SessionFact,
};
use vigil_core::Protocol;

use crate::readiness::first_ready_at_sql;
use crate::settings;
use crate::StoreError;

/// How far before the window's start a clock start is looked for: a patient still in recovery
/// at the window's start had their clock started at most this long before.
pub const LOOKBACK_HOURS: i64 = 24;

/// The report asked for by `input` (its shift among the clinic's shifts), days local to `tz`.
/// Errors: `validation` on `day` or `shift`; `storage`/`corrupt` when reading fails.
pub fn load<Tz: TimeZone>(
    conn: &Connection,
    input: &ReportInput,
    tz: &Tz,
) -> Result<DayReport, StoreError> {
    let shifts = settings::shifts(conn)?;
    let window = input.window(&shifts, tz)?;
    let facts = facts(conn, &window)?;
    Ok(build_report(&window, &facts, tz))
}

/// The facts of the sessions whose clock started in [start - 24 h, end) of `window`.
pub fn facts(conn: &Connection, window: &ReportWindow) -> Result<ReportFacts, StoreError> {
    let range = (
        (window.starts_at - Duration::hours(LOOKBACK_HOURS)).timestamp_millis(),
        window.ends_at.timestamp_millis(),
    );
    Ok(ReportFacts {
        sessions: sessions(conn, range)?,
        alerts: alerts(conn, range)?,
        checks: checks(conn, range)?,
    })
}

fn instant(ms: i64, table: &'static str, id: i64, what: &str) -> Result<DateTime<Utc>, StoreError> {
    from_millis(ms).ok_or_else(|| StoreError::Corrupt { table, id, what: what.into() })
}

const SESSIONS_SQL: &str = concat!(
    "SELECT s.id, s.bay, s.patient_name, s.protocol, s.minimum_minutes, s.clock_started_at_ms, ",
    first_ready_at_sql!(),
    ", d.how, d.left_at_ms,
                EXISTS (SELECT 1 FROM rems_submissions u WHERE u.session_id = s.id)
         FROM recovery_sessions s LEFT JOIN session_departures d ON d.session_id = s.id
         WHERE s.clock_started_at_ms >= ?1 AND s.clock_started_at_ms < ?2
         ORDER BY s.clock_started_at_ms, s.id"
);

fn sessions(conn: &Connection, (from, to): (i64, i64)) -> Result<Vec<SessionFact>, StoreError> {
    let mut stmt = conn.prepare_cached(SESSIONS_SQL)?;
    type Raw =
        (i64, String, String, String, u32, i64, Option<i64>, Option<String>, Option<i64>, bool);
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, bay, patient_name, protocol, minimum_minutes, start, ready, how, left, rems): Raw =
            row?;
        let table = "recovery_sessions";
        let corrupt = |what: &str| StoreError::Corrupt { table, id, what: what.into() };
        let left = match (how, left) {
            (Some(how), Some(at)) => Some((
                LeftHow::parse(&how).ok_or_else(|| corrupt("departure"))?,
                instant(at, "session_departures", id, "left_at")?,
            )),
            _ => None,
        };
        out.push(SessionFact {
            session_id: id,
            bay,
            patient_name,
            protocol: Protocol::parse(&protocol).ok_or_else(|| corrupt("protocol"))?,
            minimum_minutes,
            clock_started_at: instant(start, table, id, "clock_started")?,
            first_ready_at: ready
                .map(|t| instant(t, "readiness_changes", id, "changed_at"))
                .transpose()?,
            left,
            rems_submitted: rems,
        });
    }
    Ok(out)
}

const ALERTS_SQL: &str =
    "SELECT a.id, a.session_id, a.kind, coalesce(g.raised_at_ms, a.fired_at_ms),
                k.acknowledged_at_ms,
                coalesce((SELECT l.label FROM nurse_labels l WHERE l.id = k.acknowledged_by),
                         'a nurse not recorded')
         FROM recovery_sessions s
         JOIN alert_firings a ON a.session_id = s.id
         LEFT JOIN alert_raisings g ON g.firing_id = a.id
         LEFT JOIN alert_acknowledgements k ON k.firing_id = a.id
         WHERE s.clock_started_at_ms >= ?1 AND s.clock_started_at_ms < ?2";

fn alerts(conn: &Connection, (from, to): (i64, i64)) -> Result<Vec<AlertFact>, StoreError> {
    let mut stmt = conn.prepare_cached(ALERTS_SQL)?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, session_id, kind, raised, acked, by): (
            i64,
            i64,
            String,
            i64,
            Option<i64>,
            String,
        ) = row?;
        out.push(AlertFact {
            firing_id: id,
            session_id,
            kind,
            raised_at: instant(raised, "alert_firings", id, "raised_at")?,
            acknowledged: match acked {
                Some(at) => {
                    Some((instant(at, "alert_acknowledgements", id, "acknowledged_at")?, by))
                }
                None => None,
            },
        });
    }
    Ok(out)
}

/// `CROSS JOIN` and the unary `+` keep SQLite from leading with the (unique) `corrects_id`
/// index, which would read every check ever recorded.
const CHECKS_SQL: &str =
    "SELECT c.id, c.session_id, c.purpose = 'baseline', c.observed_at_ms, c.recorded_at_ms,
                coalesce((SELECT l.label FROM nurse_labels l WHERE l.id = c.recorded_by), '')
         FROM recovery_sessions s CROSS JOIN checks c ON c.session_id = s.id
         WHERE s.clock_started_at_ms >= ?1 AND s.clock_started_at_ms < ?2
           AND +c.corrects_id IS NULL";

fn checks(conn: &Connection, (from, to): (i64, i64)) -> Result<Vec<CheckFact>, StoreError> {
    let mut stmt = conn.prepare_cached(CHECKS_SQL)?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, session_id, baseline, observed, recorded, by): (i64, i64, bool, i64, i64, String) =
            row?;
        out.push(CheckFact {
            check_id: id,
            session_id,
            baseline,
            observed_at: instant(observed, "checks", id, "observed_at")?,
            recorded_at: instant(recorded, "checks", id, "recorded_at")?,
            recorded_by: by,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query plan of `sql`, one line per step.
    fn plan(conn: &Connection, sql: &str) -> Vec<String> {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("plan");
        let rows = stmt.query_map(params![0, 1], |r| r.get::<_, String>(3)).expect("rows");
        rows.map(|r| r.expect("row")).collect()
    }

    #[test]
    fn each_query_starts_from_the_clock_start_index_and_scans_no_table() {
        let mut conn = Connection::open_in_memory().expect("memory");
        crate::migrations::apply(&mut conn).expect("schema");
        for sql in [SESSIONS_SQL, ALERTS_SQL, CHECKS_SQL] {
            let steps = plan(&conn, sql);
            assert!(
                steps[0].contains("recovery_sessions_clock_started"),
                "led by the clock-start index: {steps:?}"
            );
            assert!(!steps.iter().any(|s| s.starts_with("SCAN")), "no full scan: {steps:?}");
        }
    }
}
