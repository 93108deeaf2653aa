//! One session as the patient's detail view shows it: where it stands on its checks, every
//! check, and the timeline (admission, checks and corrections, alerts, acknowledgements and
//! resolutions, in clinical time, each with who recorded it and both times).

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use vigil_core::checks::{
    sort_timeline, AcknowledgementRow, CheckRecord, CheckStatus, FiringRow, PadssConfirmation,
    PredoseStanding, ResolutionRow, SessionDetail, TimelineEntry, TimelineKind,
};
use vigil_core::DeadlineKind;

use crate::{
    checks, discharge, notes, plans, predose, readiness, sessions, thresholds, StoreError,
};

/// The detail of session `id` at `now`, assessed and charted against the thresholds of
/// [`thresholds::for_record`]. Errors: `not_found`.
pub fn load(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<SessionDetail, StoreError> {
    let session = sessions::get(conn, id)?;
    let stored = checks::for_session(conn, id)?;
    let plan = plans::history(conn)?.for_admission(session.recorded_at);
    // The board's thresholds while running; those in force when the patient left after.
    let thresholds = thresholds::for_record(conn, discharge::standing(conn, id)?.left_at)?;
    let mut status = CheckStatus::assess(&session, &stored, &thresholds, &plan, now);
    let trends = vigil_core::trends::trend_chart(&session, &stored, &thresholds);
    let decisions = predose::for_session(conn, id)?;
    status.predose = PredoseStanding::shown(status.predose.take(), &decisions, &stored);
    // The one "not ready" list: the same gates the board and the discharge dialog read.
    let gates = discharge::gates_of(conn, &session, now)?;
    let mut timeline: Vec<TimelineEntry> = stored.iter().map(|c| c.timeline_entry()).collect();
    timeline.push(TimelineEntry::admission(&session));
    timeline.extend(alert_entries(conn, id)?);
    let confirmations = checks::padss_confirmations(conn, id)?;
    timeline.extend(confirmation_entries(&confirmations));
    timeline.extend(readiness_entries(conn, id)?);
    timeline.extend(predose_entries(&decisions, &stored));
    timeline.extend(notes::for_session(conn, id)?.iter().map(|n| n.timeline_entry()));
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
        gates,
        checks: stored
            .into_iter()
            .map(|c| CheckRecord { id: c.id, corrected: !c.is_live(), check: c.check })
            .collect(),
        timeline,
        padss_confirmation,
        trends,
    })
}

/// The session's PADSS confirmations.
fn confirmation_entries(confirmations: &[checks::PadssConfirmationRow]) -> Vec<TimelineEntry> {
    confirmations
        .iter()
        .map(|(record, total, at, who)| {
            let summary = format!("Modified PADSS {total}/10 confirmed");
            entry(TimelineKind::Confirmation, *record, *at, *at, who.clone(), summary)
        })
        .collect()
}

/// The session's readiness changes.
fn readiness_entries(conn: &Connection, session_id: i64) -> Result<Vec<TimelineEntry>, StoreError> {
    Ok(readiness::history(conn, session_id)?
        .into_iter()
        .map(|change| {
            let (at, summary) = (change.changed_at, change.mark.summary());
            TimelineEntry::new(TimelineKind::Readiness, change.id, at, at, None, summary)
        })
        .collect())
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
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let corrupt =
            |what: &str| StoreError::Corrupt { table: "alert_firings", id, what: what.into() };
        let instant = |ms: i64| vigil_core::instant::from_millis(ms).ok_or_else(|| corrupt("time"));
        let kind: String = r.get(1)?;
        out.push(TimelineEntry::alert(&FiringRow {
            id,
            kind: DeadlineKind::parse(&kind).ok_or_else(|| corrupt("kind"))?,
            due_at: instant(r.get(2)?)?,
            fired_at: instant(r.get(3)?)?,
            message: r.get(4)?,
        }));
        if let Some(ack) = r.get::<_, Option<i64>>(5)? {
            let at = instant(r.get(6)?)?;
            let row = AcknowledgementRow { id: ack, firing_id: id, at, who: r.get(7)? };
            out.push(TimelineEntry::acknowledgement(&row));
        }
        if let Some(resolution) = r.get::<_, Option<i64>>(8)? {
            out.push(TimelineEntry::resolution(&ResolutionRow {
                id: resolution,
                firing_id: id,
                how: r.get(9)?,
                check_id: r.get(11)?,
                at: instant(r.get(10)?)?,
                who: r.get(12)?,
            }));
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
    TimelineEntry::new(kind, record_id, at, recorded_at, who, summary)
}

/// The pre-dose decisions of the session; one on a reading corrected since says so.
fn predose_entries(
    decisions: &[vigil_core::checks::RecordedPredoseDecision],
    stored: &[vigil_core::checks::StoredCheck],
) -> Vec<TimelineEntry> {
    let corrected = |id: i64| stored.iter().any(|c| c.id == id && !c.is_live());
    decisions
        .iter()
        .map(|d| {
            let mut summary = d.decision.timeline_summary();
            if let Some(late) = &d.late {
                summary.push_str(&format!(" ({late})"));
            }
            if corrected(d.decision.check_id) {
                summary.push_str(" (the reading was corrected since)");
            }
            let kind = TimelineKind::PredoseDecision;
            TimelineEntry::new(
                kind,
                d.id,
                d.decision.decided_at,
                d.recorded_at,
                d.who.clone(),
                summary,
            )
        })
        .collect()
}
