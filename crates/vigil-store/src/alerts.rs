//! Alert firings, acknowledgements, desktop-notification outcomes and clock jumps.
//! A firing row is the "fired" mark itself (unique per session and kind), so recording it and
//! marking it fired are one statement in one transaction: an alert fires exactly once.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashSet;
use vigil_core::checks::AlertSeverity;
use vigil_core::{ActiveAlert, Deadline, DeadlineKind, NotificationOutcome, VigilError};

use crate::audit::{self, Action, Entry};
use crate::unreadable::Unreadable;
use crate::{checks, discharge, sessions, StoreError};
use vigil_core::discharge::{GateKey, Readiness, SessionPhase};

mod raisings;
pub use raisings::{firing_id_of, record_late_firing, record_raising, unraised, Unraised};

/// The deadlines of sessions on the board at `now` that have not fired yet: each session's
/// minimum, and each planned check not done (due at its overdue time). A planned check that was
/// already overdue when the admission was recorded (a late-entered admission) raises no alert:
/// nobody could have entered it in time; it still shows as overdue on the board.
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
    Ok(deadlines
        .into_iter()
        .filter(|d| !fired.contains(&(d.session_id, d.kind.as_str().to_owned(), d.key.clone())))
        .collect())
}

/// `part`'s deadlines; none, logged, when a stored row it reads does not decode.
fn or_skipped(
    part: &str,
    read: Result<Vec<Deadline>, StoreError>,
) -> Result<Vec<Deadline>, StoreError> {
    match read {
        Err(e) if e.is_undecodable() => {
            eprintln!("vigil: {part} alerts skipped this sweep: {e}");
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
    let mut deadlines = Vec::new();
    for session in on_board {
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
    Ok(deadlines)
}

/// (session, kind, key) of the non-clinical firings of the board window's sessions. A firing
/// row that does not decode is skipped: it cannot be matched to a deadline, and recording a
/// firing twice is refused by the table itself (`ON CONFLICT DO NOTHING`).
fn fired_keys(
    conn: &Connection,
    now: DateTime<Utc>,
) -> Result<HashSet<(i64, String, String)>, StoreError> {
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
            Ok(key) => {
                out.insert(key);
            }
            Err(e) if e.is_undecodable() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// "Escort not arrived": for each session whose every other gate is green and whose escort is
/// not there, due the policy's minutes after the minimum.
fn escort_late(
    conn: &Connection,
    on_board: &[vigil_core::RecoverySession],
    now: DateTime<Utc>,
    unreadable: &mut Unreadable,
) -> Result<Vec<Deadline>, StoreError> {
    let late = Duration::minutes(i64::from(discharge::policy(conn)?.escort_late_minutes));
    let gates = discharge::gates_each(conn, on_board, now, unreadable)?;
    let ids: Vec<i64> = on_board.iter().map(|s| s.id).collect();
    let standings = discharge::standings_each(conn, &ids, unreadable)?;
    Ok(on_board
        .iter()
        .filter(|s| standings.get(&s.id).is_some_and(|st| st.phase == SessionPhase::Observing))
        .filter_map(|s| {
            let g = gates.get(&s.id)?;
            (g.readiness == Readiness::ReadyAwaitingEscort).then(|| Deadline {
                session_id: s.id,
                kind: DeadlineKind::EscortLate,
                key: String::new(),
                // A kept instant plus at most u32::MAX minutes: cannot overflow (`instant`).
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
    let columns = || -> rusqlite::Result<_> {
        Ok((
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
    };
    let (session_id, kind, bay, patient_name, due, fired, message, severity, key) =
        columns().map_err(|e| StoreError::undecodable("alert_firings", firing_id, e))?;
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
        not_saved: None,
    })
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
    vigil_core::instant::from_millis(ms)
}
