//! The alert sweep's deadlines of one session beside its minimum: each planned check not done
//! (due at its overdue time, none for one already overdue when the admission was recorded)
//! and "escort not arrived"; and which deadlines have not fired yet.

use std::collections::HashSet;

use chrono::Duration;

use crate::checks::CheckSchedule;
use crate::discharge::{DischargeGates, GateKey, Readiness, SessionPhase};
use crate::{Deadline, DeadlineKind, DischargePolicy, RecoverySession};

/// What identifies a firing and the deadline it is for: (session, kind, key; empty for none).
/// A deadline fires at most once per key.
pub type FiredKey = (i64, DeadlineKind, String);

/// The key of `deadline`'s firing.
pub fn fired_key(deadline: &Deadline) -> FiredKey {
    (deadline.session_id, deadline.kind, deadline.key.clone())
}

/// Each planned check of `session` not done in `schedule`, due at its overdue time. A planned
/// check that was already overdue when the admission was recorded (a late-entered admission)
/// raises no alert: nobody could have entered it in time; it still shows as overdue on the
/// board.
pub fn overdue_check_deadlines(
    session: &RecoverySession,
    schedule: &CheckSchedule,
) -> Vec<Deadline> {
    schedule
        .items
        .iter()
        .filter(|planned| planned.done_by.is_none() && planned.overdue_at >= session.recorded_at)
        .map(|planned| Deadline {
            session_id: session.id,
            kind: DeadlineKind::CheckOverdue,
            key: planned.key.clone(),
            due_at: planned.overdue_at,
            detail: planned.label.clone(),
        })
        .collect()
}

/// "Escort not arrived" for a session still observed whose every other gate is green and whose
/// escort is not there: due the policy's `escort_late_minutes` after the minimum, telling the
/// escort gate's detail. `None` otherwise.
pub fn escort_late_deadline(
    session: &RecoverySession,
    phase: SessionPhase,
    gates: &DischargeGates,
    policy: &DischargePolicy,
) -> Option<Deadline> {
    if phase != SessionPhase::Observing || gates.readiness != Readiness::ReadyAwaitingEscort {
        return None;
    }
    let late = Duration::minutes(i64::from(policy.escort_late_minutes));
    Some(Deadline {
        session_id: session.id,
        kind: DeadlineKind::EscortLate,
        key: String::new(),
        // A kept instant plus at most u32::MAX minutes: cannot overflow (`instant`).
        due_at: session.ends_at() + late,
        detail: gates.gate(GateKey::Escort).map_or_else(String::new, |e| e.detail.clone()),
    })
}

/// The `deadlines` whose firing is not among `fired`, in their order.
pub fn unfired(deadlines: Vec<Deadline>, fired: &HashSet<FiredKey>) -> Vec<Deadline> {
    deadlines.into_iter().filter(|d| !fired.contains(&fired_key(d))).collect()
}
