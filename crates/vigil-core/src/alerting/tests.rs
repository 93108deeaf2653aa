//! The alerting decisions on fixed sessions: overdue-check deadlines (and the late-entered
//! admission's), escort late, what has not fired, the one clinical alert of a check and its
//! key, the emergency prompt, and which overdue alerts a check resolves. Fictional data.

use std::collections::HashSet;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::checks::{
    AlertSeverity, CheckContext, CheckInput, CheckPlan, CheckSchedule, ClinicalAlertKind,
    RecordedCheck, StoredCheck, ThresholdSettings, VitalsInput,
};
use crate::discharge::{DischargeGates, Gate, GateKey, Readiness, SessionPhase};
use crate::{Deadline, DeadlineKind, DischargePolicy, Protocol, RecoverySession};

pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).single().expect("valid")
}

pub fn at(m: i64) -> DateTime<Utc> {
    start() + Duration::minutes(m)
}

/// A 60-minute IV session admitted `recorded_m` minutes after its clock start.
fn iv_session(recorded_m: i64) -> RecoverySession {
    RecoverySession {
        id: 7,
        patient_name: "Testy McTestface".into(),
        bay: "Bay 1".into(),
        protocol: Protocol::IvKetamine,
        minimum_minutes: 60,
        clock_started_at: start(),
        recorded_at: at(recorded_m),
        admitted_by: None,
    }
}

fn vitals_check(id: i64, m: i64) -> RecordedCheck {
    RecordedCheck {
        id,
        observed_at: at(m),
        baseline: false,
        has_bp: true,
        has_vitals: true,
        has_sedation: false,
        has_lightheadedness: false,
        positive: false,
        bp_recheck_at: None,
        corrected: false,
    }
}

fn schedule(session: &RecoverySession, checks: &[RecordedCheck], now_m: i64) -> CheckSchedule {
    CheckSchedule::build(&CheckPlan::default_for(session.protocol), session, checks, at(now_m))
}

fn keys(deadlines: &[Deadline]) -> Vec<&str> {
    deadlines.iter().map(|d| d.key.as_str()).collect()
}

#[test]
fn each_planned_check_not_done_is_due_at_its_overdue_time() {
    let session = iv_session(0);
    let s = schedule(&session, &[vitals_check(1, 16)], 16);
    let deadlines = overdue_check_deadlines(&session, &s);
    assert_eq!(
        keys(&deadlines),
        ["iv:vitals:+30", "iv:vitals:+45", "iv:vitals:+60", "iv:lightheadedness:+60"]
    );
    let first = &deadlines[0];
    assert_eq!(
        (first.session_id, first.kind, first.due_at, first.detail.as_str()),
        (7, DeadlineKind::CheckOverdue, at(35), "Vitals at +30 min")
    );
}

#[test]
fn a_late_entered_admission_raises_no_alert_for_checks_already_overdue() {
    // Recorded at +35: the +15 check was overdue at +20 (no alert), the +30 one becomes
    // overdue at +35 exactly (still alerts: it could be entered in time), later ones alert.
    let session = iv_session(35);
    let s = schedule(&session, &[], 35);
    let deadlines = overdue_check_deadlines(&session, &s);
    assert_eq!(
        keys(&deadlines),
        ["iv:vitals:+30", "iv:vitals:+45", "iv:vitals:+60", "iv:lightheadedness:+60"]
    );
    let later = iv_session(36);
    assert!(!keys(&overdue_check_deadlines(&later, &s)).contains(&"iv:vitals:+30"));
    // The board still shows them overdue.
    assert_eq!(s.overdue().len(), 2);
}

fn gates(readiness: Readiness, escort_detail: &str) -> DischargeGates {
    let escort = Gate {
        key: GateKey::Escort,
        hard: true,
        passed: readiness == Readiness::Ready,
        label: "Escort".into(),
        detail: escort_detail.into(),
    };
    DischargeGates {
        readiness,
        gates: vec![escort],
        missing: vec![],
        minutes_left: 0,
        ends_at: at(60),
    }
}

#[test]
fn escort_late_is_due_the_policy_minutes_after_the_minimum() {
    let session = iv_session(0);
    let policy = DischargePolicy { escort_late_minutes: 25, ..DischargePolicy::default() };
    let g = gates(Readiness::ReadyAwaitingEscort, "Not arrived (ETA 11:30)");
    let d = escort_late_deadline(&session, SessionPhase::Observing, &g, &policy).expect("late");
    assert_eq!(
        (d.session_id, d.kind, d.key.as_str(), d.due_at, d.detail.as_str()),
        (7, DeadlineKind::EscortLate, "", at(85), "Not arrived (ETA 11:30)")
    );
    let no_gate = DischargeGates { gates: vec![], ..g };
    let d = escort_late_deadline(&session, SessionPhase::Observing, &no_gate, &policy);
    assert_eq!(d.map(|d| d.detail), Some(String::new()), "a missing gate tells nothing more");
}

#[test]
fn escort_late_only_for_an_observed_session_awaiting_its_escort_alone() {
    let session = iv_session(0);
    let policy = DischargePolicy::default();
    for readiness in [Readiness::Ready, Readiness::NotReady] {
        let g = gates(readiness, "");
        assert_eq!(escort_late_deadline(&session, SessionPhase::Observing, &g, &policy), None);
    }
    let g = gates(Readiness::ReadyAwaitingEscort, "");
    for phase in SessionPhase::ALL.into_iter().filter(|p| *p != SessionPhase::Observing) {
        assert_eq!(escort_late_deadline(&session, phase, &g, &policy), None, "{phase:?}");
    }
}

#[test]
fn unfired_leaves_out_exactly_the_fired_session_kind_and_key() {
    let d = |session_id, kind, key: &str| Deadline {
        session_id,
        kind,
        key: key.into(),
        due_at: at(20),
        detail: String::new(),
    };
    let all = vec![
        d(1, DeadlineKind::CheckOverdue, "iv:vitals:+15"),
        d(2, DeadlineKind::CheckOverdue, "iv:vitals:+15"),
        d(1, DeadlineKind::MinimumReached, ""),
        d(1, DeadlineKind::EscortLate, ""),
    ];
    let fired: HashSet<FiredKey> = [
        (1, DeadlineKind::CheckOverdue, "iv:vitals:+15".to_owned()),
        (1, DeadlineKind::MinimumReached, String::new()),
    ]
    .into();
    assert_eq!(unfired(all.clone(), &fired), [all[1].clone(), all[3].clone()]);
    assert_eq!(fired_key(&all[0]), (1, DeadlineKind::CheckOverdue, "iv:vitals:+15".into()));
}

/// A validated observation at +55 with blood pressure `sys`/`dia` (or a baseline at -10).
fn check(baseline: bool, sys: f64, dia: f64) -> crate::checks::Check {
    let observed_m = if baseline { -10 } else { 55 };
    let input = CheckInput {
        session_id: Some(7.0),
        purpose: if baseline { "baseline" } else { "observation" }.into(),
        observed_at: at(observed_m).format("%Y-%m-%d %H:%M").to_string(),
        symptom_grade: Some(0.0),
        vitals: Some(VitalsInput {
            systolic: Some(sys),
            diastolic: Some(dia),
            ..VitalsInput::default()
        }),
        ..CheckInput::default()
    };
    let ctx = CheckContext::new(7, Protocol::IvKetamine, start());
    input.validate(at(observed_m + 1), &Utc, &ctx).expect("valid fixture check")
}

fn stored(id: i64, check: crate::checks::Check, corrected_by: Option<i64>) -> StoredCheck {
    StoredCheck { id, check, recorded_at: at(0), who: None, corrects: None, corrected_by }
}

#[test]
fn a_check_raises_one_alert_measured_against_the_live_baseline() {
    let settings = ThresholdSettings::default();
    let calm = check(false, 150.0, 85.0);
    assert_eq!(check_alert(&calm, &[], &settings), None);
    let base = stored(1, check(true, 100.0, 70.0), None);
    let rise = check_alert(&calm, std::slice::from_ref(&base), &settings)
        .expect("a rise over the baseline");
    assert_eq!((rise.kind, rise.severity), (ClinicalAlertKind::BpRise, AlertSeverity::Warning));
    let corrected = stored(1, check(true, 100.0, 70.0), Some(2));
    assert_eq!(check_alert(&calm, &[corrected], &settings), None, "a corrected baseline");
    let critical = check_alert(&check(false, 185.0, 100.0), &[base], &settings).expect("alert");
    assert_eq!(critical.kind, ClinicalAlertKind::CriticalBp, "the most urgent reason leads");
    assert!(critical.message.contains("over the pre-dose baseline"), "{}", critical.message);
}

#[test]
fn a_critical_firing_keyed_emergency_is_the_emergency_prompt() {
    let key = clinical_key(12, ClinicalAlertKind::Emergency);
    assert_eq!(key, "12:emergency");
    let critical = Some(AlertSeverity::Critical);
    assert!(is_emergency(DeadlineKind::Clinical, Some(&key), critical));
    assert!(!is_emergency(DeadlineKind::Clinical, Some(&key), Some(AlertSeverity::Warning)));
    assert!(!is_emergency(DeadlineKind::Clinical, Some(&key), None));
    assert!(!is_emergency(DeadlineKind::CheckOverdue, Some(&key), critical));
    let bp = clinical_key(12, ClinicalAlertKind::CriticalBp);
    assert!(!is_emergency(DeadlineKind::Clinical, Some(&bp), critical));
    assert!(!is_emergency(DeadlineKind::Clinical, Some("emergency"), critical));
    assert!(!is_emergency(DeadlineKind::Clinical, None, critical));
}

#[test]
fn a_check_resolves_the_open_overdue_alerts_of_the_planned_checks_it_did() {
    let session = iv_session(0);
    let s = schedule(&session, &[vitals_check(5, 33)], 40);
    assert_eq!(s.done_by("iv:vitals:+30"), Some(5));
    assert_eq!(s.done_by("iv:vitals:+15"), Some(5), "a late check still does it");
    assert_eq!(s.done_by("iv:vitals:+45"), None, "+33 is too early for +45's");
    assert_eq!(s.done_by("no:such:key"), None);
    let open = [
        (101, "iv:vitals:+15".to_owned()),
        (102, "iv:vitals:+30".to_owned()),
        (103, "recheck:bp:9".to_owned()),
        (104, "iv:vitals:+45".to_owned()),
    ];
    assert_eq!(resolved_overdue(&s, &open), [101, 102]);
}

#[test]
fn severities_keep_their_stored_names() {
    for s in [AlertSeverity::Warning, AlertSeverity::Critical] {
        assert_eq!(AlertSeverity::parse(s.as_str()), Some(s));
    }
    assert_eq!(
        (AlertSeverity::Warning.as_str(), AlertSeverity::Critical.as_str()),
        ("warning", "critical")
    );
    assert_eq!(AlertSeverity::parse("severe"), None);
}
