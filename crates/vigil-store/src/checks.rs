//! The `checks` table: recording a check or a correction with everything it sets off in the
//! same transaction (its one clinical alert naming every reason, the overdue alerts it
//! answers, the alerts its original raised resolved "by correction", one audit entry); which
//! alert it raises and which it resolves is decided in `vigil_core::alerting`. Reading a
//! session's checks is in `read`, PADSS confirmations in `padss`.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use vigil_core::alerting::{check_alert, clinical_key, resolved_overdue};
use vigil_core::checks::{Check, CheckPurpose, CheckStatus, ClinicalAlert, ThresholdSettings};
use vigil_core::{ErrorCode, RecoverySession, VigilError};

use crate::audit::{self, Action, Entry};
use crate::{plans, thresholds, StoreError};

mod padss;
mod read;
pub use padss::{confirm_padss, padss_confirmations, PadssConfirmationRow};
pub use read::{for_session, for_sessions, for_sessions_each, session_of, statuses, statuses_each};

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
    let check = &check.with_threshold_in_force(&settings);
    let check_id = insert_check(tx, session.id, check, corrects, by, now)?;
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
    let effects = raise_and_resolve(tx, session, check, check_id, &settings, by, now)?;
    for (firing, _) in &effects.alerts {
        entry = entry.record("alert_firings", *firing);
    }
    for resolution in effects.resolutions {
        entry = entry.record("alert_resolutions", resolution);
    }
    let alerts = effects.alerts;
    if !alerts.is_empty() {
        entry_detail.push_str(&format!(", {} alert(s)", alerts.len()));
    }
    audit::append(tx, now, &entry.detail(&entry_detail))?;
    Ok(Recorded { check_id, alerts })
}

/// Inserts the check row; returns its id.
fn insert_check(
    tx: &Transaction<'_>,
    session_id: i64,
    check: &Check,
    corrects: Option<(i64, &str)>,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let data = serde_json::to_string(check)
        .map_err(|e| VigilError::internal(format!("the check could not be encoded: {e}")))?;
    tx.execute(
        "INSERT INTO checks (session_id, purpose, observed_at_ms, recorded_at_ms, recorded_by,
                             corrects_id, correction_reason, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            session_id,
            purpose_str(check.purpose),
            check.observed_at.timestamp_millis(),
            now.timestamp_millis(),
            by,
            corrects.map(|c| c.0),
            corrects.map(|c| c.1),
            data,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// What a new check set off: the clinical alert it raised (with its firing id) and the
/// resolutions of the overdue alerts it answers.
struct Effects {
    alerts: Vec<(i64, ClinicalAlert)>,
    resolutions: Vec<i64>,
}

/// Raises the check's one clinical alert (if any) and resolves the overdue alerts the new
/// check answers.
fn raise_and_resolve(
    tx: &Transaction<'_>,
    session: &RecoverySession,
    check: &Check,
    check_id: i64,
    settings: &ThresholdSettings,
    by: i64,
    now: DateTime<Utc>,
) -> Result<Effects, StoreError> {
    let stored = for_session(tx, session.id)?;
    // One reading, one alert: every rule it breaks is named in the one firing's message.
    let mut alerts = Vec::new();
    if let Some(alert) = check_alert(check, &stored, settings) {
        let firing = insert_clinical_firing(tx, session.id, check_id, &alert, now)?;
        alerts.push((firing, alert));
    }
    let plan = plans::history(tx)?.for_admission(session.recorded_at);
    let status = CheckStatus::assess(session, &stored, settings, &plan, now);
    let mut resolutions = Vec::new();
    for firing in resolved_overdue(&status.schedule, &open_overdue_firings(tx, session.id)?) {
        resolutions.push(resolve(tx, firing, "check_entered", check_id, by, now)?);
    }
    Ok(Effects { alerts, resolutions })
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
    tx.execute(
        "INSERT INTO alert_firings
            (session_id, kind, due_at_ms, fired_at_ms, key, check_id, severity, message)
         VALUES (?1, 'clinical', ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            session_id,
            alert.observed_at.timestamp_millis(),
            now.timestamp_millis(),
            clinical_key(check_id, alert.kind),
            check_id,
            alert.severity.as_str(),
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
