//! Alert firings, acknowledgements, desktop-notification outcomes and clock jumps.
//! A firing row is the "fired" mark itself (unique per session and kind), so recording it and
//! marking it fired are one statement in one transaction: an alert fires exactly once.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashSet;
use vigil_core::checks::AlertSeverity;
use vigil_core::{ActiveAlert, Deadline, DeadlineKind, NotificationOutcome, VigilError};

use crate::audit::{self, Action, Entry};
use crate::{checks, discharge, sessions, StoreError};
use vigil_core::discharge::{GateKey, Readiness, SessionPhase};

/// The deadlines of sessions on the board at `now` that have not fired yet: each session's
/// minimum, and each planned check not done (due at its overdue time). A planned check that was
/// already overdue when the admission was recorded (a late-entered admission) raises no alert:
/// nobody could have entered it in time; it still shows as overdue on the board.
pub fn unfired_deadlines(
    conn: &Connection,
    now: DateTime<Utc>,
) -> Result<Vec<Deadline>, StoreError> {
    let on_board = sessions::on_board(conn, now)?;
    let fired: HashSet<(i64, String, String)> = {
        let since = now - Duration::hours(sessions::BOARD_WINDOW_HOURS);
        let mut stmt = conn.prepare_cached(
            "SELECT f.session_id, f.kind, coalesce(f.key, '')
             FROM recovery_sessions s CROSS JOIN alert_firings f ON f.session_id = s.id
             WHERE s.clock_started_at_ms >= ?1 AND f.kind <> 'clinical'",
        )?;
        let rows =
            stmt.query_map([since.timestamp_millis()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let statuses = checks::statuses(conn, &on_board, now)?;
    let mut deadlines: Vec<Deadline> = on_board.iter().flat_map(|s| s.deadlines()).collect();
    for session in &on_board {
        let Some(status) = statuses.get(&session.id) else { continue };
        for planned in &status.schedule.items {
            if planned.done_by.is_some() || planned.overdue_at < session.recorded_at {
                continue;
            }
            deadlines.push(Deadline {
                session_id: session.id,
                kind: DeadlineKind::CheckOverdue,
                key: planned.key.clone(),
                due_at: planned.overdue_at,
                detail: planned.label.clone(),
            });
        }
    }
    deadlines.extend(escort_late(conn, &on_board, now)?);
    Ok(deadlines
        .into_iter()
        .filter(|d| !fired.contains(&(d.session_id, d.kind.as_str().to_owned(), d.key.clone())))
        .collect())
}

/// "Escort not arrived": for each session whose every other gate is green and whose escort is
/// not there, due the policy's minutes after the minimum.
fn escort_late(
    conn: &Connection,
    on_board: &[vigil_core::RecoverySession],
    now: DateTime<Utc>,
) -> Result<Vec<Deadline>, StoreError> {
    let late = Duration::minutes(i64::from(discharge::policy(conn)?.escort_late_minutes));
    let gates = discharge::gates(conn, on_board, now)?;
    let standings = discharge::standings(conn, &on_board.iter().map(|s| s.id).collect::<Vec<_>>())?;
    Ok(on_board
        .iter()
        .filter(|s| standings.get(&s.id).is_none_or(|st| st.phase == SessionPhase::Observing))
        .filter_map(|s| {
            let g = gates.get(&s.id)?;
            (g.readiness == Readiness::ReadyAwaitingEscort).then(|| Deadline {
                session_id: s.id,
                kind: DeadlineKind::EscortLate,
                key: String::new(),
                due_at: s.ends_at() + late,
                detail: g.gate(GateKey::Escort).map_or_else(String::new, |e| e.detail.clone()),
            })
        })
        .collect())
}

/// Records that `deadline` fired at `now`; returns the firing id, or `None` when it had fired
/// already (so the caller raises nothing).
pub fn record_firing(
    tx: &Transaction<'_>,
    deadline: &Deadline,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let key = (!deadline.key.is_empty()).then_some(deadline.key.as_str());
    let message = (!deadline.detail.is_empty()).then_some(deadline.detail.as_str());
    let inserted = tx.execute(
        "INSERT INTO alert_firings (session_id, kind, due_at_ms, fired_at_ms, key, message)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
        params![
            deadline.session_id,
            deadline.kind.as_str(),
            deadline.due_at.timestamp_millis(),
            now.timestamp_millis(),
            key,
            message,
        ],
    )?;
    if inserted == 0 {
        return Ok(None);
    }
    let id = tx.last_insert_rowid();
    let detail = format!("{} for session #{}", deadline.kind.as_str(), deadline.session_id);
    let entry = Entry::new(Action::AlertFired, None).record("alert_firings", id).detail(&detail);
    audit::append(tx, now, &entry)?;
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
pub fn active(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<ActiveAlert>, StoreError> {
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
    let rows = stmt.query_map([since.timestamp_millis()], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, i64>(6)?,
            r.get::<_, Option<String>>(7)?,
            r.get::<_, Option<String>>(8)?,
            r.get::<_, Option<String>>(9)?,
        ))
    })?;
    rows.map(|row| {
        let (firing_id, session_id, kind, bay, patient_name, due, fired, message, severity, key) =
            row?;
        let corrupt = |what: &str| StoreError::Corrupt {
            table: "alert_firings",
            id: firing_id,
            what: what.into(),
        };
        let kind = DeadlineKind::parse(&kind).ok_or_else(|| corrupt("kind"))?;
        let severity = match severity.as_deref() {
            None => None,
            Some("warning") => Some(AlertSeverity::Warning),
            Some("critical") => Some(AlertSeverity::Critical),
            Some(_) => return Err(corrupt("severity")),
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
            emergency: is_emergency(kind, key.as_deref(), severity),
            severity,
        })
    })
    .collect()
}

/// Records what became of a desktop notification. `detail` must hold no patient data.
pub fn record_outcome(
    tx: &Transaction<'_>,
    firing_id: Option<i64>,
    delivered: bool,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO notification_outcomes (firing_id, outcome, detail, recorded_at_ms) VALUES (?1, ?2, ?3, ?4)",
        params![firing_id, if delivered { "delivered" } else { "failed" }, detail, now.timestamp_millis()],
    )?;
    let entry = Entry::new(Action::NotificationOutcome, None)
        .record("notification_outcomes", tx.last_insert_rowid());
    audit::append(tx, now, &entry)?;
    Ok(())
}

/// The most recent notification outcome, if any.
pub fn last_outcome(conn: &Connection) -> Result<Option<NotificationOutcome>, StoreError> {
    let row = conn
        .query_row(
            "SELECT id, outcome, detail, recorded_at_ms FROM notification_outcomes ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?)),
        )
        .optional()?;
    row.map(|(id, outcome, detail, at)| {
        let at = instant(at).ok_or(StoreError::Corrupt {
            table: "notification_outcomes",
            id,
            what: "recorded_at_ms".into(),
        })?;
        Ok(NotificationOutcome { delivered: outcome == "delivered", detail, at })
    })
    .transpose()
}

/// Records a wall-clock jump of `jump` detected at `now`.
pub fn record_clock_jump(
    tx: &Transaction<'_>,
    now: DateTime<Utc>,
    jump: Duration,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO clock_jumps (detected_at_ms, jump_ms) VALUES (?1, ?2)",
        params![now.timestamp_millis(), jump.num_milliseconds()],
    )?;
    let entry = Entry::new(Action::ClockJump, None).record("clock_jumps", tx.last_insert_rowid());
    audit::append(tx, now, &entry)?;
    Ok(())
}

/// A clinical firing is keyed `"{check_id}:{most urgent kind}"`; the emergency prompt is the
/// most urgent kind, so a critical firing keyed `…:emergency` is a critical emergency prompt.
fn is_emergency(kind: DeadlineKind, key: Option<&str>, severity: Option<AlertSeverity>) -> bool {
    kind == DeadlineKind::Clinical
        && severity == Some(AlertSeverity::Critical)
        && key.and_then(|k| k.split_once(':')).is_some_and(|(_, rule)| {
            rule == vigil_core::checks::ClinicalAlertKind::Emergency.as_str()
        })
}

fn instant(ms: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms)
}
