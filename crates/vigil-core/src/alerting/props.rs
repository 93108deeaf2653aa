//! Properties of the alerting decisions over random sessions (any protocol, minimum, admission
//! recorded before or long after the clock start), random checks and random instants: the
//! overdue deadlines are exactly the planned checks not done that were not already overdue when
//! the admission was recorded; `unfired` removes exactly the fired; a check resolves exactly
//! the open overdue alerts whose planned check it did; escort late and the emergency prompt.

use std::collections::HashSet;

use proptest::prelude::*;

use super::tests::at;
use super::*;
use crate::checks::{AlertSeverity, CheckPlan, CheckSchedule, ClinicalAlertKind, RecordedCheck};
use crate::discharge::{DischargeGates, Readiness, SessionPhase};
use crate::{DeadlineKind, DischargePolicy, Protocol, RecoverySession};

/// (minute, has vitals+bp, has lightheadedness, has sedation, positive).
type CheckSpec = (i64, bool, bool, bool, bool);

fn session(protocol: usize, minimum: u32, recorded_m: i64) -> RecoverySession {
    let protocol = [Protocol::IvKetamine, Protocol::ImKetamine, Protocol::Spravato][protocol];
    RecoverySession {
        id: 3,
        patient_name: "Test Patient".into(),
        bay: "Bay 2".into(),
        protocol,
        minimum_minutes: minimum,
        clock_started_at: at(0),
        recorded_at: at(recorded_m),
        admitted_by: None,
    }
}

fn recorded(specs: &[CheckSpec]) -> Vec<RecordedCheck> {
    specs
        .iter()
        .enumerate()
        .map(|(i, &(m, vitals, light, sedation, positive))| RecordedCheck {
            id: i64::try_from(i).expect("few") + 1,
            observed_at: at(m),
            baseline: false,
            has_bp: vitals,
            has_vitals: vitals,
            has_sedation: sedation,
            has_lightheadedness: light,
            positive: light && positive,
            bp_recheck_at: None,
            corrected: false,
        })
        .collect()
}

fn arb_case() -> impl Strategy<Value = (RecoverySession, CheckSchedule)> {
    let checks = prop::collection::vec(
        (0i64..200, any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        0..8,
    );
    (0usize..3, 30u32..180, -60i64..240, checks, 0i64..300).prop_map(
        |(protocol, minimum, recorded_m, specs, now_m)| {
            let s = session(protocol, minimum, recorded_m);
            let plan = CheckPlan::default_for(s.protocol);
            let schedule = CheckSchedule::build(&plan, &s, &recorded(&specs), at(now_m));
            (s, schedule)
        },
    )
}

proptest! {
    #[test]
    fn overdue_deadlines_are_the_open_checks_not_overdue_at_admission((s, schedule) in arb_case()) {
        let deadlines = overdue_check_deadlines(&s, &schedule);
        let expected: Vec<_> = schedule
            .items
            .iter()
            .filter(|p| p.done_by.is_none() && p.overdue_at >= s.recorded_at)
            .collect();
        prop_assert_eq!(deadlines.len(), expected.len());
        for (d, p) in deadlines.iter().zip(expected) {
            prop_assert_eq!((d.session_id, d.kind), (s.id, DeadlineKind::CheckOverdue));
            prop_assert_eq!((&d.key, d.due_at, &d.detail), (&p.key, p.overdue_at, &p.label));
            prop_assert!(schedule.done_by(&d.key).is_none());
        }
        let keys: HashSet<&str> = deadlines.iter().map(|d| d.key.as_str()).collect();
        prop_assert_eq!(keys.len(), deadlines.len(), "one deadline per key");
        // Admitted on time, every planned check not done can alert.
        let on_time = RecoverySession { recorded_at: s.clock_started_at, ..s.clone() };
        let all_open = schedule.items.iter().filter(|p| p.done_by.is_none()).count();
        prop_assert_eq!(overdue_check_deadlines(&on_time, &schedule).len(), all_open);
    }

    #[test]
    fn a_check_resolves_exactly_the_overdue_alerts_it_did(
        (s, schedule) in arb_case(),
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 0..6),
    ) {
        let _ = s;
        let open: Vec<(i64, String)> = picks
            .iter()
            .enumerate()
            .map(|(i, (pick, known))| {
                let key = match (schedule.items.is_empty(), known) {
                    (false, true) => schedule.items[pick.index(schedule.items.len())].key.clone(),
                    _ => format!("gone:{i}"),
                };
                (100 + i64::try_from(i).expect("few"), key)
            })
            .collect();
        let resolved = resolved_overdue(&schedule, &open);
        let expected: Vec<i64> = open
            .iter()
            .filter(|(_, k)| schedule.items.iter().any(|p| &p.key == k && p.done_by.is_some()))
            .map(|(id, _)| *id)
            .collect();
        prop_assert_eq!(resolved, expected);
    }

    #[test]
    fn unfired_removes_exactly_the_fired(
        (s, schedule) in arb_case(),
        fired_mask in prop::collection::vec(any::<bool>(), 0..40),
        other_session in any::<bool>(),
    ) {
        let mut deadlines = s.deadlines();
        deadlines.extend(overdue_check_deadlines(&s, &schedule));
        let fired: HashSet<FiredKey> = deadlines
            .iter()
            .zip(fired_mask.iter().chain(std::iter::repeat(&false)))
            .filter(|(_, f)| **f)
            .map(|(d, _)| {
                let (id, kind, key) = fired_key(d);
                (if other_session { id + 1 } else { id }, kind, key)
            })
            .collect();
        let left = unfired(deadlines.clone(), &fired);
        let expected: Vec<_> =
            deadlines.iter().filter(|d| !fired.contains(&fired_key(d))).cloned().collect();
        prop_assert_eq!(&left, &expected);
        if other_session {
            prop_assert_eq!(left, deadlines, "another session's firing leaves these due");
        }
    }

    #[test]
    fn escort_late_only_awaiting_the_escort_while_observed(
        phase in 0usize..5,
        readiness in 0usize..3,
        late in 0u32..600,
        minimum in 30u32..180,
    ) {
        let s = session(0, minimum, 0);
        let phase = SessionPhase::ALL[phase];
        let readiness =
            [Readiness::Ready, Readiness::ReadyAwaitingEscort, Readiness::NotReady][readiness];
        let gates = DischargeGates {
            readiness,
            gates: vec![],
            missing: vec![],
            minutes_left: 0,
            ends_at: s.ends_at(),
        };
        let policy = DischargePolicy { escort_late_minutes: late, ..DischargePolicy::default() };
        let d = escort_late_deadline(&s, phase, &gates, &policy);
        let expect = phase == SessionPhase::Observing && readiness == Readiness::ReadyAwaitingEscort;
        prop_assert_eq!(d.is_some(), expect);
        if let Some(d) = d {
            prop_assert_eq!(d.due_at, at(i64::from(minimum) + i64::from(late)));
            prop_assert_eq!((d.kind, d.key.as_str()), (DeadlineKind::EscortLate, ""));
        }
    }

    #[test]
    fn only_a_critical_clinical_emergency_firing_is_the_emergency_prompt(
        check_id in 1i64..1_000_000,
        kind in 0usize..6,
        critical in any::<bool>(),
        deadline_kind in 0usize..4,
    ) {
        let kind = [
            ClinicalAlertKind::Emergency,
            ClinicalAlertKind::CriticalBp,
            ClinicalAlertKind::BpRise,
            ClinicalAlertKind::LowSpo2,
            ClinicalAlertKind::HeartRate,
            ClinicalAlertKind::RespiratoryRate,
        ][kind];
        let severity = if critical { AlertSeverity::Critical } else { AlertSeverity::Warning };
        let deadline_kind = DeadlineKind::ALL[deadline_kind];
        let key = clinical_key(check_id, kind);
        prop_assert_eq!(key.split_once(':').map(|(id, _)| id.parse::<i64>().ok()), Some(Some(check_id)));
        prop_assert_eq!(
            is_emergency(deadline_kind, Some(&key), Some(severity)),
            deadline_kind == DeadlineKind::Clinical
                && kind == ClinicalAlertKind::Emergency
                && critical
        );
    }
}
