//! Turning a window's facts into the report (definitions in the module doc).

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, TimeZone};

use crate::checks::DEFAULT_LATE_ENTRY_MINUTES;
use crate::papers::rems::RemsDeadline;
use crate::Protocol;

use super::stats::{longest, median};
use super::{
    AlertKindCount, AlertSummary, DayReport, LateCheck, LateKind, LeftHow, NurseAckTimes, RemsDue,
    ReportFacts, ReportPatient, ReportWindow, SessionFact, UnacknowledgedAlert,
};

/// The report of `window` from its `facts`; local days (REMS) in zone `tz`. Sessions not in
/// recovery during the window, and alerts not raised in it, are left out, so the store may
/// load a little more than the window.
pub fn build_report<Tz: TimeZone>(
    window: &ReportWindow,
    facts: &ReportFacts,
    tz: &Tz,
) -> DayReport {
    let mut sessions: Vec<&SessionFact> =
        facts.sessions.iter().filter(|s| in_window(s, window)).collect();
    sessions.sort_by_key(|s| (s.clock_started_at, s.session_id));
    let by_id: HashMap<i64, &SessionFact> = sessions.iter().map(|s| (s.session_id, *s)).collect();
    DayReport {
        title: window.title.clone(),
        day: window.day,
        starts_at: window.starts_at,
        ends_at: window.ends_at,
        patients: sessions.iter().map(|s| patient(s)).collect(),
        alerts: alerts(window, facts, &by_id),
        late_checks: late_checks(window, facts, &by_id),
        rems_due: sessions
            .iter()
            .filter(|s| s.protocol == Protocol::Spravato && !s.rems_submitted)
            .map(|s| {
                let deadline = RemsDeadline::of(s.clock_started_at, tz);
                RemsDue {
                    session_id: s.session_id,
                    bay: s.bay.clone(),
                    patient_name: s.patient_name.clone(),
                    treated_on: deadline.treated_on,
                    last_day: deadline.last_day,
                }
            })
            .collect(),
    }
}

fn in_window(s: &SessionFact, window: &ReportWindow) -> bool {
    s.clock_started_at < window.ends_at
        && s.left.is_none_or(|(_, left_at)| left_at >= window.starts_at)
}

fn patient(s: &SessionFact) -> ReportPatient {
    let minutes = |t: chrono::DateTime<chrono::Utc>| (t - s.clock_started_at).num_minutes();
    ReportPatient {
        session_id: s.session_id,
        bay: s.bay.clone(),
        patient_name: s.patient_name.clone(),
        protocol: s.protocol,
        clock_started_at: s.clock_started_at,
        minimum_minutes: s.minimum_minutes,
        minutes_until_ready: s.first_ready_at.map(minutes),
        minutes_until_departure: s.left.map(|(_, at)| minutes(at)),
        left: s.left.map_or(LeftHow::StillHere, |(how, _)| how),
        left_at: s.left.map(|(_, at)| at),
    }
}

fn alerts(
    window: &ReportWindow,
    facts: &ReportFacts,
    sessions: &HashMap<i64, &SessionFact>,
) -> AlertSummary {
    let raised: Vec<_> = facts
        .alerts
        .iter()
        .filter(|a| sessions.contains_key(&a.session_id))
        .filter(|a| a.raised_at >= window.starts_at && a.raised_at < window.ends_at)
        .collect();
    let mut kinds: BTreeMap<&str, u32> = BTreeMap::new();
    let mut per_nurse: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    let mut unacknowledged = Vec::new();
    for a in &raised {
        *kinds.entry(a.kind.as_str()).or_default() += 1;
        match &a.acknowledged {
            Some((at, nurse)) => {
                per_nurse.entry(nurse).or_default().push((*at - a.raised_at).num_seconds())
            }
            None => unacknowledged.push(UnacknowledgedAlert {
                firing_id: a.firing_id,
                session_id: a.session_id,
                bay: sessions.get(&a.session_id).map(|s| s.bay.clone()).unwrap_or_default(),
                kind: a.kind.clone(),
                raised_at: a.raised_at,
            }),
        }
    }
    unacknowledged.sort_by_key(|u| (u.raised_at, u.firing_id));
    AlertSummary {
        total: raised.len() as u32,
        by_kind: kinds
            .into_iter()
            .map(|(k, count)| AlertKindCount { kind: k.into(), count })
            .collect(),
        per_nurse: per_nurse
            .into_iter()
            .map(|(nurse, times)| NurseAckTimes {
                nurse: nurse.into(),
                count: times.len() as u32,
                median_seconds: median(&times).unwrap_or_default(),
                longest_seconds: longest(&times).unwrap_or_default(),
            })
            .collect(),
        unacknowledged,
    }
}

fn late_checks(
    window: &ReportWindow,
    facts: &ReportFacts,
    sessions: &HashMap<i64, &SessionFact>,
) -> Vec<LateCheck> {
    let limit = Duration::minutes(DEFAULT_LATE_ENTRY_MINUTES.into());
    let row = |session_id: i64| {
        sessions.get(&session_id).map(|s| (s.bay.clone(), s.patient_name.clone()))
    };
    let mut out = Vec::new();
    for c in &facts.checks {
        let Some((bay, patient_name)) = row(c.session_id) else { continue };
        let start = sessions[&c.session_id].clock_started_at;
        let from = if c.baseline { c.observed_at.max(start) } else { c.observed_at };
        let entered_in_window = c.recorded_at >= window.starts_at && c.recorded_at < window.ends_at;
        if entered_in_window && c.recorded_at - from > limit {
            out.push(LateCheck {
                session_id: c.session_id,
                bay,
                patient_name,
                kind: LateKind::LateEntry,
                at: c.observed_at,
                minutes_late: Some((c.recorded_at - from).num_minutes()),
                nurse: Some(c.recorded_by.clone()),
            });
        }
    }
    for a in facts.alerts.iter().filter(|a| a.kind == "check_overdue") {
        let Some((bay, patient_name)) = row(a.session_id) else { continue };
        if a.raised_at >= window.starts_at && a.raised_at < window.ends_at {
            out.push(LateCheck {
                session_id: a.session_id,
                bay,
                patient_name,
                kind: LateKind::Overdue,
                at: a.raised_at,
                minutes_late: None,
                nurse: None,
            });
        }
    }
    out.sort_by_key(|c| (c.at, c.session_id));
    out
}
