//! The check schedule of one session at `now`: the protocol's planned checks plus re-checks
//! (a positive lightheadedness check at +15 min, a critical blood pressure at +5 min), each
//! with a stable key and its status. A planned check is done by a later-or-slightly-early
//! check holding what it needs; it is due at its time and overdue after the grace period
//! (clinical.md section 7: overdue exists only for a scheduled check not entered in time).

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::alerts::{clinical_alerts, ClinicalAlertKind};
use super::check::{Check, CheckPurpose};
use super::plan::{key_prefix, CheckPlan, PlannedCheckKind};
use super::thresholds::ThresholdSettings;
use crate::RecoverySession;

/// What the schedule needs to know about one stored check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordedCheck {
    pub id: i64,
    pub observed_at: DateTime<Utc>,
    /// Pre-dose checks never satisfy planned checks nor schedule re-checks.
    pub baseline: bool,
    pub has_bp: bool,
    pub has_vitals: bool,
    pub has_sedation: bool,
    pub has_lightheadedness: bool,
    /// Lightheadedness positive: schedules a re-check.
    pub positive: bool,
    /// When a critical blood pressure in this check must be re-checked.
    pub bp_recheck_at: Option<DateTime<Utc>>,
    /// Corrected by a later record: ignored (its correction is a check of its own).
    pub corrected: bool,
}

impl RecordedCheck {
    /// The schedule's view of stored check `id`.
    pub fn of(id: i64, check: &Check, corrected: bool, settings: &ThresholdSettings) -> Self {
        let bp_recheck_at = clinical_alerts(check, None, settings)
            .into_iter()
            .find(|a| a.kind == ClinicalAlertKind::CriticalBp)
            .and_then(|a| a.recheck_at);
        Self {
            id,
            observed_at: check.observed_at,
            baseline: check.purpose == CheckPurpose::Baseline,
            has_bp: check.has_bp(),
            has_vitals: check.has_vitals(),
            has_sedation: check.has_sedation(),
            has_lightheadedness: check.has_lightheadedness(),
            positive: check.lightheadedness_positive(),
            bp_recheck_at,
            corrected,
        }
    }

    fn satisfies(&self, kind: PlannedCheckKind) -> bool {
        match kind {
            PlannedCheckKind::Vitals => self.has_vitals,
            PlannedCheckKind::Bp => self.has_bp,
            PlannedCheckKind::SedationDissociation => self.has_sedation,
            PlannedCheckKind::Lightheadedness => self.has_lightheadedness,
        }
    }
}

/// Where a planned check stands at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlannedCheckStatus {
    Upcoming,
    /// `now >= plannedAt`.
    Due,
    /// `now >= overdueAt` (planned + grace) and still not done.
    Overdue,
    Done,
}

/// One planned check of one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedCheck {
    /// Stable within the session: `iv:vitals:+15`, `spravato:bp:+40`,
    /// `recheck:lightheadedness:<check id>`, `recheck:bp:<check id>`. One overdue alert fires
    /// per (session, key).
    pub key: String,
    pub kind: PlannedCheckKind,
    /// For the nurse, e.g. "Vitals at +15 min", "Blood pressure re-check (critical reading)".
    pub label: String,
    pub planned_at: DateTime<Utc>,
    pub overdue_at: DateTime<Utc>,
    pub status: PlannedCheckStatus,
    /// The check that did it (the earliest that counts).
    #[ts(type = "number | null")]
    pub done_by: Option<i64>,
    pub done_at: Option<DateTime<Utc>>,
}

/// Every planned check of a session at `now`, earliest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckSchedule {
    pub items: Vec<PlannedCheck>,
}

struct Wanted {
    key: String,
    kind: PlannedCheckKind,
    label: String,
    at: DateTime<Utc>,
    /// Only checks observed after this count (the check that asked for a re-check).
    after: Option<DateTime<Utc>>,
}

impl CheckSchedule {
    /// The schedule of `session` under `plan` at `now`, given its stored `checks`.
    pub fn build(
        plan: &CheckPlan,
        session: &RecoverySession,
        checks: &[RecordedCheck],
        now: DateTime<Utc>,
    ) -> Self {
        let live: Vec<&RecordedCheck> =
            checks.iter().filter(|c| !c.corrected && !c.baseline).collect();
        let mut wanted = planned(plan, session);
        wanted.extend(rechecks(plan, &live));
        let early = minutes(plan.early_minutes);
        let grace = minutes(plan.grace_minutes);
        let mut items: Vec<PlannedCheck> = wanted
            .into_iter()
            .map(|w| {
                let done = live
                    .iter()
                    .filter(|c| c.satisfies(w.kind) && c.observed_at >= w.at - early)
                    .filter(|c| w.after.is_none_or(|after| c.observed_at > after))
                    .min_by_key(|c| (c.observed_at, c.id));
                let overdue_at = w.at + grace;
                let status = match done {
                    Some(_) => PlannedCheckStatus::Done,
                    None if now >= overdue_at => PlannedCheckStatus::Overdue,
                    None if now >= w.at => PlannedCheckStatus::Due,
                    None => PlannedCheckStatus::Upcoming,
                };
                PlannedCheck {
                    key: w.key,
                    kind: w.kind,
                    label: w.label,
                    planned_at: w.at,
                    overdue_at,
                    status,
                    done_by: done.map(|c| c.id),
                    done_at: done.map(|c| c.observed_at),
                }
            })
            .collect();
        items.sort_by(|a, b| (a.planned_at, a.kind, &a.key).cmp(&(b.planned_at, b.kind, &b.key)));
        Self { items }
    }

    /// The earliest check not yet done, for the board.
    pub fn next_check(&self) -> Option<&PlannedCheck> {
        self.items.iter().find(|c| c.status != PlannedCheckStatus::Done)
    }

    /// The checks overdue at the schedule's `now`, earliest first.
    pub fn overdue(&self) -> Vec<&PlannedCheck> {
        self.items.iter().filter(|c| c.status == PlannedCheckStatus::Overdue).collect()
    }

    /// The check that did the planned check keyed `key`, if it is done. (The overdue alerts
    /// of the checks not done are `alerting::overdue_check_deadlines`.)
    pub fn done_by(&self, key: &str) -> Option<i64> {
        self.items.iter().find(|c| c.key == key).and_then(|c| c.done_by)
    }
}

fn minutes(m: u32) -> Duration {
    Duration::minutes(i64::from(m))
}

/// The re-checks asked for by positive lightheadedness and critical blood pressure.
fn rechecks(plan: &CheckPlan, live: &[&RecordedCheck]) -> Vec<Wanted> {
    let mut wanted = Vec::new();
    for c in live {
        if c.positive {
            wanted.push(Wanted {
                key: format!("recheck:lightheadedness:{}", c.id),
                kind: PlannedCheckKind::Lightheadedness,
                label: "Lightheadedness re-check (positive check)".into(),
                at: c.observed_at + minutes(plan.positive_recheck_minutes),
                after: Some(c.observed_at),
            });
        }
        if let Some(at) = c.bp_recheck_at {
            wanted.push(Wanted {
                key: format!("recheck:bp:{}", c.id),
                kind: PlannedCheckKind::Bp,
                label: "Blood pressure re-check (critical reading)".into(),
                at,
                after: Some(c.observed_at),
            });
        }
    }
    wanted
}

fn planned(plan: &CheckPlan, session: &RecoverySession) -> Vec<Wanted> {
    let prefix = key_prefix(session.protocol);
    plan.minutes(session.minimum_minutes)
        .into_iter()
        .map(|(kind, m)| Wanted {
            key: format!("{prefix}:{}:+{m}", kind.as_str()),
            kind,
            label: format!("{} at +{m} min", kind.label()),
            at: session.clock_started_at + minutes(m),
            after: None,
        })
        .collect()
}
