//! The `predose_decisions` table: the prescriber's decision on a pre-dose blood pressure above
//! the clinic's limit, recorded with its audit entry, and read back onto the session's check
//! status (board row, patient record, papers) and timeline.
//!
//! One decision per baseline check, refused as a `conflict` after that: a mistaken decision is
//! corrected by correcting the baseline check (the correction is a new check that asks for a
//! decision of its own when it is still above the limit). Refused after the patient left.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashMap;
use vigil_core::checks::BloodPressure;
use vigil_core::checks::{
    CheckStatus, PredoseChoice, PredoseDecision, PredoseStanding, RecordedPredoseDecision,
    StoredCheck,
};
use vigil_core::{ErrorCode, VigilError};

use crate::audit::{self, Action, Entry};
use crate::unreadable::Unreadable;
use crate::{checks, discharge, thresholds, StoreError};

/// The pre-dose standing of session `session_id` now (`None` when no decision is needed),
/// with its decision attached.
pub fn standing(conn: &Connection, session_id: i64) -> Result<Option<PredoseStanding>, StoreError> {
    let stored = checks::for_session(conn, session_id)?;
    let standing = PredoseStanding::assess(&stored, &thresholds::current(conn)?);
    let decisions = for_session(conn, session_id)?;
    Ok(standing.map(|s| s.with_decisions(&decisions)))
}

/// What the papers print for session `session_id`: every recorded decision from its stored
/// row, then the live standing (of `checks`, today's limit) while it still needs a decision.
pub fn on_record(
    conn: &Connection,
    session_id: i64,
    checks: &[StoredCheck],
) -> Result<Vec<PredoseStanding>, StoreError> {
    let live = PredoseStanding::assess(checks, &thresholds::current(conn)?);
    Ok(PredoseStanding::on_record(live.as_ref(), &for_session(conn, session_id)?, checks))
}

/// Sets each status's (by session id) pre-dose standing to the one shown (see
/// [`PredoseStanding::shown`]): its decision attached, and a recorded decision kept even when
/// the limit or the latest baseline no longer asks for one. For the board and the record only:
/// the alert sweep never reads decisions, so an unreadable one cannot stop alerts.
pub fn attach(
    conn: &Connection,
    statuses: &mut HashMap<i64, CheckStatus>,
) -> Result<(), StoreError> {
    attach_each(conn, statuses, &mut Unreadable::strict())
}

/// [`attach`], keeping a session whose decisions do not decode in `unreadable` (its status
/// keeps the live standing without them) instead of failing for every session.
pub fn attach_each(
    conn: &Connection,
    statuses: &mut HashMap<i64, CheckStatus>,
    unreadable: &mut Unreadable,
) -> Result<(), StoreError> {
    for (session_id, status) in statuses.iter_mut() {
        let Some(decisions) = unreadable.keep(*session_id, for_session(conn, *session_id))? else {
            continue;
        };
        if decisions.is_empty() {
            continue;
        }
        let live = status.predose.take();
        let stored = if live.is_none() { checks::for_session(conn, *session_id)? } else { vec![] };
        status.predose = PredoseStanding::shown(live, &decisions, &stored);
    }
    Ok(())
}

/// Records `decision` for session `session_id` (validated by the caller against the session's
/// standing in this transaction) by nurse `by` at `now`, with one audit entry.
///
/// Errors: `conflict` when the patient has left, or a decision was already recorded for the
/// same baseline check.
pub fn record(
    tx: &Transaction<'_>,
    session_id: i64,
    decision: &PredoseDecision,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    refuse_when_left_or_decided(tx, session_id, decision.check_id)?;
    tx.execute(
        "INSERT INTO predose_decisions (session_id, check_id, decision, prescriber, decided_at_ms,
            note, systolic, diastolic, threshold_systolic, threshold_diastolic, recorded_at_ms,
            recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            session_id,
            decision.check_id,
            decision.decision.as_str(),
            decision.prescriber,
            decision.decided_at.timestamp_millis(),
            decision.note,
            decision.bp.systolic,
            decision.bp.diastolic,
            decision.threshold.systolic,
            decision.threshold.diastolic,
            now.timestamp_millis(),
            by,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let detail = format!(
        "session #{session_id}, check #{}, {}",
        decision.check_id,
        decision.decision.as_str()
    );
    let entry = Entry::new(Action::PredoseDecision, Some(by)).record("predose_decisions", id);
    audit::append(tx, now, &entry.detail(&detail))?;
    Ok(id)
}

/// Refuses a decision once the patient has left, or a second one for the same baseline check.
fn refuse_when_left_or_decided(
    tx: &Transaction<'_>,
    session_id: i64,
    check_id: i64,
) -> Result<(), StoreError> {
    if discharge::standing(tx, session_id)?.left_at.is_some() {
        return Err(conflict(
            "The patient has left: a pre-dose decision can no longer be recorded.",
        ));
    }
    let existing: Option<i64> = tx
        .query_row("SELECT id FROM predose_decisions WHERE check_id = ?1", [check_id], |r| r.get(0))
        .optional()?;
    if existing.is_some() {
        return Err(conflict(
            "A decision was already recorded for this pre-dose blood pressure; \
             to change it, correct the baseline check.",
        ));
    }
    Ok(())
}

fn conflict(message: &str) -> StoreError {
    VigilError::new(ErrorCode::Conflict, message).into()
}

/// Every decision recorded for session `session_id`, oldest first.
pub fn for_session(
    conn: &Connection,
    session_id: i64,
) -> Result<Vec<RecordedPredoseDecision>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.check_id, p.decision, p.prescriber, p.decided_at_ms, p.note, p.systolic,
                p.diastolic, p.threshold_systolic, p.threshold_diastolic, p.recorded_at_ms,
                (SELECT l.label FROM nurse_labels l WHERE l.id = p.recorded_by),
                (SELECT s.clock_started_at_ms FROM recovery_sessions s WHERE s.id = p.session_id)
         FROM predose_decisions p WHERE p.session_id = ?1 ORDER BY p.id",
    )?;
    let mut rows = stmt.query([session_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let corrupt =
            |what: &str| StoreError::Corrupt { table: "predose_decisions", id, what: what.into() };
        let instant =
            |ms: i64, what: &str| vigil_core::instant::from_millis(ms).ok_or_else(|| corrupt(what));
        let choice: String = r.get(2)?;
        let decision = PredoseDecision {
            check_id: r.get(1)?,
            decision: PredoseChoice::parse(&choice).ok_or_else(|| corrupt("decision"))?,
            prescriber: r.get(3)?,
            decided_at: instant(r.get(4)?, "decided_at_ms")?,
            note: r.get(5)?,
            bp: BloodPressure { systolic: r.get(6)?, diastolic: r.get(7)? },
            threshold: BloodPressure { systolic: r.get(8)?, diastolic: r.get(9)? },
        };
        // Marked when timed after the dose started (recorded anyway: late truth is kept).
        let started = instant(r.get(12)?, "session clock start")?;
        let late = decision.lateness(started).map(str::to_owned);
        out.push(RecordedPredoseDecision {
            id,
            decision,
            recorded_at: instant(r.get(10)?, "recorded_at_ms")?,
            who: r.get(11)?,
            late,
        });
    }
    Ok(out)
}
