//! The `checks` table: recording a check or a correction with everything it sets off in the
//! same transaction (its one clinical alert naming every reason, the overdue alerts it
//! answers, the alerts its original raised resolved "by correction", one audit entry), and
//! reading a session's checks.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashMap;
use vigil_core::checks::{
    clinical_alerts, combined_alert, Baseline, Check, CheckPurpose, CheckStatus, ClinicalAlert,
    StoredCheck, ThresholdSettings,
};
use vigil_core::{instant, ErrorCode, RecoverySession, VigilError};

use crate::audit::{self, Action, Entry};
use crate::unreadable::Unreadable;
use crate::{plans, thresholds, StoreError};

/// What recording a check did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub check_id: i64,
    /// The clinical alert it raised with its new firing id: at most one, naming every reason
    /// (keyed `"{check_id}:{most urgent kind}"`).
    pub alerts: Vec<(i64, ClinicalAlert)>,
}

/// Records `check` for `session` by nurse `by` at `now`; with `corrects = Some((id, reason))`
/// it is a correction of check `id`.
///
/// Errors: `validation` on `observedAt` for an observation at or after the patient left (as
/// it stands in this transaction); `not_found` for an unknown original; `validation` on `originalCheckId` when the
/// original belongs to another session; `conflict` when it was corrected already.
pub fn record(
    tx: &Transaction<'_>,
    session: &RecoverySession,
    check: &Check,
    corrects: Option<(i64, &str)>,
    by: i64,
    now: DateTime<Utc>,
) -> Result<Recorded, StoreError> {
    // Asked again here, inside the transaction: a departure or a threshold change committed
    // after the caller validated the check must count.
    check.refuse_after_departure(crate::discharge::standing(tx, session.id)?.left_at)?;
    if let Some((original, _)) = corrects {
        check_original(tx, session.id, original)?;
    }
    let settings = thresholds::current(tx)?;
    let check = &with_threshold_in_force(check, &settings);
    let data = serde_json::to_string(check)
        .map_err(|e| VigilError::internal(format!("the check could not be encoded: {e}")))?;
    tx.execute(
        "INSERT INTO checks (session_id, purpose, observed_at_ms, recorded_at_ms, recorded_by,
                             corrects_id, correction_reason, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            session.id,
            purpose_str(check.purpose),
            check.observed_at.timestamp_millis(),
            now.timestamp_millis(),
            by,
            corrects.map(|c| c.0),
            corrects.map(|c| c.1),
            data,
        ],
    )?;
    let check_id = tx.last_insert_rowid();
    let (action, mut entry_detail) = match corrects {
        Some((original, _)) => {
            (Action::CorrectCheck, format!("check #{check_id} corrects #{original}"))
        }
        None => (Action::RecordCheck, format!("check #{check_id}")),
    };
    let mut entry = Entry::new(action, Some(by)).record("checks", check_id);
    if let Some((original, _)) = corrects {
        for firing in unresolved_firings_of_check(tx, original)? {
            entry = entry
                .record("alert_resolutions", resolve(tx, firing, "correction", check_id, by, now)?);
        }
    }
    let stored = for_session(tx, session.id)?;
    let baseline = Baseline::from_checks(stored.iter().filter(|c| c.is_live()).map(|c| &c.check));
    // One reading, one alert: every rule it breaks is named in the one firing's message.
    let mut alerts = Vec::new();
    if let Some(alert) = combined_alert(&clinical_alerts(check, baseline.as_ref(), &settings)) {
        let firing = insert_clinical_firing(tx, session.id, check_id, &alert, now)?;
        entry = entry.record("alert_firings", firing);
        alerts.push((firing, alert));
    }
    let plan = plans::history(tx)?.for_admission(session.recorded_at);
    let status = CheckStatus::assess(session, &stored, &settings, &plan, now);
    for (firing, key) in open_overdue_firings(tx, session.id)? {
        let done = status.schedule.items.iter().any(|p| p.key == key && p.done_by.is_some());
        if done {
            entry = entry.record(
                "alert_resolutions",
                resolve(tx, firing, "check_entered", check_id, by, now)?,
            );
        }
    }
    if !alerts.is_empty() {
        entry_detail.push_str(&format!(", {} alert(s)", alerts.len()));
    }
    audit::append(tx, now, &entry.detail(&entry_detail))?;
    Ok(Recorded { check_id, alerts })
}

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

/// `check` with its orthostatic heart-rate flag set to the threshold in force in this
/// transaction (the caller validated it with the one read before).
fn with_threshold_in_force(check: &Check, settings: &ThresholdSettings) -> Check {
    let mut check = check.clone();
    if let Some(o) = check.orthostatic.as_mut() {
        o.hr_rise_flag_at = Some(settings.orthostatic_hr_rise);
    }
    check
}

fn purpose_str(purpose: CheckPurpose) -> &'static str {
    match purpose {
        CheckPurpose::Baseline => "baseline",
        CheckPurpose::Observation => "observation",
    }
}

fn check_original(tx: &Transaction<'_>, session_id: i64, original: i64) -> Result<(), StoreError> {
    let found: Option<(i64, Option<i64>)> = tx
        .query_row(
            "SELECT session_id, (SELECT k.id FROM checks k WHERE k.corrects_id = c.id)
             FROM checks c WHERE c.id = ?1",
            [original],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match found {
        None => Err(VigilError::not_found("The check to correct does not exist.").into()),
        Some((other, _)) if other != session_id => Err(VigilError::validation(
            "originalCheckId",
            "That check belongs to another patient's session.",
        )
        .into()),
        Some((_, Some(_))) => Err(VigilError::new(
            ErrorCode::Conflict,
            "That check was corrected already; correct the correction instead.",
        )
        .into()),
        Some(_) => Ok(()),
    }
}

fn insert_clinical_firing(
    tx: &Transaction<'_>,
    session_id: i64,
    check_id: i64,
    alert: &ClinicalAlert,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let severity = match alert.severity {
        vigil_core::checks::AlertSeverity::Warning => "warning",
        vigil_core::checks::AlertSeverity::Critical => "critical",
    };
    tx.execute(
        "INSERT INTO alert_firings
            (session_id, kind, due_at_ms, fired_at_ms, key, check_id, severity, message)
         VALUES (?1, 'clinical', ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            session_id,
            alert.observed_at.timestamp_millis(),
            now.timestamp_millis(),
            format!("{check_id}:{}", alert.kind.as_str()),
            check_id,
            severity,
            alert.message,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Firings raised by `check_id` not resolved yet, acknowledged or not: acknowledged is not
/// resolved, and a correction resolves what the wrong value raised either way.
fn unresolved_firings_of_check(
    tx: &Transaction<'_>,
    check_id: i64,
) -> Result<Vec<i64>, StoreError> {
    let mut stmt = tx.prepare_cached(
        "SELECT f.id FROM alert_firings f WHERE f.check_id = ?1
           AND NOT EXISTS (SELECT 1 FROM alert_resolutions r WHERE r.firing_id = f.id)
         ORDER BY f.id",
    )?;
    let ids = stmt.query_map([check_id], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(ids)
}

/// Overdue-check firings of a session still open: (firing id, planned check key).
fn open_overdue_firings(
    tx: &Transaction<'_>,
    session_id: i64,
) -> Result<Vec<(i64, String)>, StoreError> {
    let mut stmt = tx.prepare_cached(
        "SELECT f.id, f.key FROM alert_firings f
         WHERE f.session_id = ?1 AND f.kind = 'check_overdue'
           AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements a WHERE a.firing_id = f.id)
           AND NOT EXISTS (SELECT 1 FROM alert_resolutions r WHERE r.firing_id = f.id)",
    )?;
    let rows = stmt.query_map([session_id], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?)))?;
    rows.map(|r| r.map(|(id, key)| (id, key.unwrap_or_default())).map_err(StoreError::from))
        .collect()
}

/// Resolves firing `firing_id` (`how`: "check_entered" or "correction") by check `check_id`
/// of nurse `by`; returns the resolution's id (the caller audits it).
pub(crate) fn resolve(
    tx: &Transaction<'_>,
    firing_id: i64,
    how: &str,
    check_id: i64,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    tx.execute(
        "INSERT INTO alert_resolutions (firing_id, how, check_id, resolved_at_ms, resolved_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![firing_id, how, check_id, now.timestamp_millis(), by],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Records that nurse `by` confirmed `padss` for session `session_id`, with its audit entry.
pub fn confirm_padss(
    tx: &Transaction<'_>,
    session_id: i64,
    padss: &vigil_core::checks::Padss,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let data = serde_json::to_string(padss)
        .map_err(|e| VigilError::internal(format!("the score could not be encoded: {e}")))?;
    tx.execute(
        "INSERT INTO padss_confirmations (session_id, total, data, confirmed_at_ms, confirmed_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![session_id, padss.total, data, now.timestamp_millis(), by],
    )?;
    let id = tx.last_insert_rowid();
    let detail = format!("session #{session_id}, {}/10", padss.total);
    let entry = Entry::new(Action::ConfirmPadss, Some(by)).record("padss_confirmations", id);
    audit::append(tx, now, &entry.detail(&detail))?;
    Ok(id)
}

/// One stored PADSS confirmation: (id, total, when, who).
pub type PadssConfirmationRow = (i64, u8, DateTime<Utc>, Option<String>);

/// Every PADSS confirmation of a session, oldest first.
pub fn padss_confirmations(
    conn: &Connection,
    session_id: i64,
) -> Result<Vec<PadssConfirmationRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.total, p.confirmed_at_ms,
                (SELECT l.label FROM nurse_labels l WHERE l.id = p.confirmed_by)
         FROM padss_confirmations p WHERE p.session_id = ?1 ORDER BY p.id",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, u8>(1)?, r.get::<_, i64>(2)?, r.get(3)?))
    })?;
    rows.map(|row| {
        let (id, total, at, who) = row?;
        let at = instant::from_millis(at).ok_or(StoreError::Corrupt {
            table: "padss_confirmations",
            id,
            what: "confirmed_at_ms".into(),
        })?;
        Ok((id, total, at, who))
    })
    .collect()
}
