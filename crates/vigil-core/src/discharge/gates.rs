//! The discharge gates (clinical.md section 5), computed live from the session, its live
//! checks, the escort and the unacknowledged critical alerts at `now`. Hard gates (minimum
//! period, escort) refuse a discharge; soft gates warn and need an override with a reason and
//! a named prescriber. Also when the soft gates first all passed, for the REMS form's "if there
//! were no 2-hour minimum, when would the patient have been ready".
//!
//! One list of "not ready" (issue 11, bug 3): these gates are THE list of what stands between
//! the patient and discharge. The board's Readiness column, the patient's record
//! (`SessionDetail::gates`), the discharge dialog and the papers (the snapshot at clearance,
//! the gates as they stood when a patient left against advice) all read
//! [`DischargeGates::assess`] and its `missing`, never a list of their own. What used to be a
//! second list on the check status (a positive lightheadedness check, the Modified PADSS,
//! overdue checks) is here: the first two were gates already, and a planned check that is
//! overdue became the soft gate "Planned checks", so a missed check makes the patient not
//! ready, is shown with everything else, and needs doing (or an override with a reason and a
//! prescriber) before discharge.

mod key;
mod replay;
mod soft;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DischargePolicy, Escort, EscortStatus};
use crate::checks::{
    CheckPlanSettings, CheckSchedule, RecordedCheck, StoredCheck, ThresholdSettings,
};
use crate::RecoverySession;

pub use key::GateKey;
pub use replay::{ready_without_minimum_minutes, soft_gates_first_passed_at};

/// One gate as it stands: `detail` says what was found or why it fails (values and limits,
/// never patient names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Gate {
    pub key: GateKey,
    pub hard: bool,
    pub passed: bool,
    pub label: String,
    pub detail: String,
}

impl Gate {
    pub(super) fn new(key: GateKey, passed: bool, detail: impl Into<String>) -> Self {
        Self { key, hard: key.hard(), passed, label: key.label().to_owned(), detail: detail.into() }
    }
}

/// Whether the patient may be cleared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Readiness {
    /// Every gate passed.
    Ready,
    /// Every gate passed but the escort one.
    ReadyAwaitingEscort,
    /// The minimum period is running or a soft gate fails.
    NotReady,
}

/// Every gate of a session at one instant, and what is still missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DischargeGates {
    pub readiness: Readiness,
    /// All eleven gates, in [`GateKey::ALL`] order.
    pub gates: Vec<Gate>,
    /// "<label>: <detail>" of every failed gate, in order.
    pub missing: Vec<String>,
    /// Minutes until the minimum period ends, rounded up; 0 once reached.
    pub minutes_left: u32,
    /// When the minimum period ends.
    pub ends_at: DateTime<Utc>,
}

/// What the gates are computed from.
#[derive(Debug, Clone, Copy)]
pub struct GateInput<'a> {
    pub session: &'a RecoverySession,
    /// All of the session's checks; corrected originals are left out here.
    pub checks: &'a [StoredCheck],
    pub thresholds: &'a ThresholdSettings,
    pub policy: &'a DischargePolicy,
    pub escort: Option<&'a Escort>,
    /// Active (unacknowledged, unresolved) critical clinical alerts of this session.
    pub unacknowledged_critical: usize,
    /// The check plan in force when the session was admitted (for the overdue checks).
    pub plan: &'a CheckPlanSettings,
    pub now: DateTime<Utc>,
}

impl DischargeGates {
    /// Every gate at `input.now`.
    pub fn assess(input: &GateInput) -> Self {
        let ends_at = input.session.ends_at();
        let minutes_left = replay::whole_minutes_up(input.now, ends_at);
        let minimum = if minutes_left == 0 {
            Gate::new(GateKey::Minimum, true, "Reached")
        } else {
            Gate::new(GateKey::Minimum, false, format!("{minutes_left} min left"))
        };
        let live: Vec<&StoredCheck> = input.checks.iter().filter(|c| c.is_live()).collect();
        let mut gates = vec![minimum, escort_gate(input.escort, input.policy)];
        gates.extend(soft::check_gates(&live, input.thresholds, input.policy));
        gates.push(soft::critical_gate(input.unacknowledged_critical));
        gates.push(soft::planned_checks_gate(&schedule(input)));
        let soft_failed = gates.iter().any(|g| !g.hard && !g.passed);
        let readiness = if !gates[0].passed || soft_failed {
            Readiness::NotReady
        } else if !gates[1].passed {
            Readiness::ReadyAwaitingEscort
        } else {
            Readiness::Ready
        };
        let missing = gates
            .iter()
            .filter(|g| !g.passed)
            .map(|g| format!("{}: {}", g.label, g.detail))
            .collect();
        Self { readiness, gates, missing, minutes_left, ends_at }
    }

    /// The gate `key`, if this assessment holds it. A live assessment holds all eleven; a
    /// snapshot stored before a gate existed (ten gates before "Planned checks") does not, so
    /// a caller decides what a missing gate means (live callers treat it as failed).
    pub fn gate(&self, key: GateKey) -> Option<&Gate> {
        self.gates.iter().find(|g| g.key == key)
    }

    /// Whether gate `key` is held and passed (a missing gate has not passed).
    pub fn passed(&self, key: GateKey) -> bool {
        self.gate(key).is_some_and(|g| g.passed)
    }

    /// The soft gates that failed, in order.
    pub fn failed_soft(&self) -> impl Iterator<Item = &Gate> {
        self.gates.iter().filter(|g| !g.hard && !g.passed)
    }
}

/// The session's check schedule at `input.now`, as the board and the record show it.
fn schedule(input: &GateInput) -> CheckSchedule {
    let recorded: Vec<RecordedCheck> = input
        .checks
        .iter()
        .map(|c| RecordedCheck::of(c.id, &c.check, !c.is_live(), input.thresholds))
        .collect();
    let plan = input.plan.plan_for(input.session.protocol);
    CheckSchedule::build(&plan, input.session, &recorded, input.now)
}

/// The escort gate: an escort present and identified, or going alone where policy allows.
fn escort_gate(escort: Option<&Escort>, policy: &DischargePolicy) -> Gate {
    let gate = |passed, detail: &str| Gate::new(GateKey::Escort, passed, detail);
    let Some(e) = escort else { return gate(false, "No escort recorded") };
    if e.transport.alone() {
        let by = e.transport.by_alone();
        return if e.transport.allowed_by(policy) {
            gate(true, &format!("Going home {by} (clinic policy allows)"))
        } else {
            gate(false, &format!("Going home {by}, which the clinic's policy no longer allows"))
        };
    }
    let eta = if e.eta.is_some() { " (ETA given)" } else { "" };
    match e.status {
        EscortStatus::Expected => gate(false, &format!("Escort expected{eta}")),
        EscortStatus::EnRoute => gate(false, &format!("Escort en route{eta}")),
        EscortStatus::Arrived if e.identified() => gate(true, "Escort arrived and identified"),
        EscortStatus::Arrived => gate(false, "Escort arrived, identity not checked"),
    }
}
