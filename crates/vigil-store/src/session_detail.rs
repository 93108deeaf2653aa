//! One session as the patient's detail view shows it: where it stands on its checks, every
//! check, and the timeline (admission, checks and corrections, alerts, acknowledgements and
//! resolutions, in clinical time, each with who recorded it and both times).

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use vigil_core::checks::{
    sort_timeline, CheckRecord, CheckStatus, PadssConfirmation, SessionDetail, TimelineEntry,
    TimelineKind,
};

use crate::{checks, plans, sessions, thresholds, StoreError};

/// The detail of session `id` at `now`. Errors: `not_found`.
pub fn load(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<SessionDetail, StoreError> {
    let session = sessions::get(conn, id)?;
    let stored = checks::for_session(conn, id)?;
    let plan = plans::history(conn)?.for_admission(session.recorded_at);
    let status = CheckStatus::assess(&session, &stored, &thresholds::current(conn)?, &plan, now);
    let mut timeline: Vec<TimelineEntry> = stored.iter().map(|c| c.timeline_entry()).collect();
    timeline.push(TimelineEntry {
        kind: TimelineKind::Admission,
        record_id: session.id,
        at: session.clock_started_at,
        recorded_at: session.recorded_at,
        who: session.admitted_by.clone(),
        summary: format!(
            "Admitted to {}: {}, minimum {} min; clock started",
            session.bay,
            session.protocol.label(),
            session.minimum_minutes
        ),
        late_reason: None,
        struck: false,
        corrected_by: None,
        corrects: None,
    });
    timeline.extend(alert_entries(conn, id)?);
    let confirmations = checks::padss_confirmations(conn, id)?;
    for (record, total, at, who) in &confirmations {
        let summary = format!("Modified PADSS {total}/10 confirmed");
        timeline.push(entry(TimelineKind::Confirmation, *record, *at, *at, who.clone(), summary));
    }
    let padss_confirmation = confirmations.last().map(|(_, total, at, who)| PadssConfirmation {
        total: *total,
        confirmed_at: *at,
        who: who.clone(),
    });
    sort_timeline(&mut timeline);
    Ok(SessionDetail {
        session_id: session.id,
        bay: session.bay.clone(),
        patient_name: session.patient_name.clone(),
        protocol: session.protocol,
        minimum_minutes: session.minimum_minutes,
        clock_started_at: session.clock_started_at,
        ends_at: session.ends_at(),
        status,
        checks: stored
            .into_iter()
            .map(|c| CheckRecord { id: c.id, corrected: !c.is_live(), check: c.check })
            .collect(),
        timeline,
        padss_confirmation,
    })
}

/// Firings of the session, and their acknowledgements and resolutions.
fn alert_entries(conn: &Connection, session_id: i64) -> Result<Vec<TimelineEntry>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.kind, f.due_at_ms, f.fired_at_ms, f.message,
                a.id, a.acknowledged_at_ms,
                (SELECT l.label FROM nurse_labels l WHERE l.id = a.acknowledged_by),
                r.id, r.how, r.resolved_at_ms, r.check_id,
                (SELECT l.label FROM nurse_labels l WHERE l.id = r.resolved_by)
         FROM alert_firings f
         LEFT JOIN alert_acknowledgements a ON a.firing_id = f.id
         LEFT JOIN alert_resolutions r ON r.firing_id = f.id
         WHERE f.session_id = ?1 ORDER BY f.id",
    )?;
    let mut rows = stmt.query([session_id])?;
    let mut out = Vec::new();
    let instant = |ms: i64, id: i64| {
        DateTime::from_timestamp_millis(ms).ok_or(StoreError::Corrupt {
            table: "alert_firings",
            id,
            what: "time".into(),
        })
    };
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let kind: String = r.get(1)?;
        let message: Option<String> = r.get(4)?;
        let fired = instant(r.get(3)?, id)?;
        let what = match (kind.as_str(), message) {
            ("minimum_reached", _) => "Alert: minimum recovery period reached".to_owned(),
            ("check_overdue", m) => format!("Alert: check overdue: {}", m.unwrap_or_default()),
            (_, m) => format!("Alert: {}", m.unwrap_or_default()),
        };
        out.push(entry(TimelineKind::Alert, id, instant(r.get(2)?, id)?, fired, None, what));
        if let Some(ack) = r.get::<_, Option<i64>>(5)? {
            let at = instant(r.get(6)?, id)?;
            let summary = format!("Alert #{id} acknowledged");
            out.push(entry(TimelineKind::Acknowledgement, ack, at, at, r.get(7)?, summary));
        }
        if let Some(resolution) = r.get::<_, Option<i64>>(8)? {
            let how: String = r.get(9)?;
            let at = instant(r.get(10)?, id)?;
            let check: i64 = r.get(11)?;
            let summary = match how.as_str() {
                "correction" => format!("Alert #{id} resolved by correction (entry #{check})"),
                _ => format!("Alert #{id} resolved: the check was entered (entry #{check})"),
            };
            out.push(entry(TimelineKind::Acknowledgement, resolution, at, at, r.get(12)?, summary));
        }
    }
    Ok(out)
}

fn entry(
    kind: TimelineKind,
    record_id: i64,
    at: DateTime<Utc>,
    recorded_at: DateTime<Utc>,
    who: Option<String>,
    summary: String,
) -> TimelineEntry {
    TimelineEntry {
        kind,
        record_id,
        at,
        recorded_at,
        who,
        summary,
        late_reason: None,
        struck: false,
        corrected_by: None,
        corrects: None,
    }
}
