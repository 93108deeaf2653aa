//! A session's standing on its pre-dose blood pressure: above the limit or not, and the
//! prescriber's decision on it, as the board, the record and the papers show it.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{above_limit, headline, predose_limit, RecordedPredoseDecision};
use crate::checks::check::CheckPurpose;
use crate::checks::session::StoredCheck;
use crate::checks::thresholds::ThresholdSettings;
use crate::checks::vitals::BloodPressure;

/// A session's pre-dose blood pressure above the limit, and the decision on it if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PredoseStanding {
    /// The baseline check that gave the reading.
    #[ts(type = "number")]
    pub check_id: i64,
    pub observed_at: DateTime<Utc>,
    pub bp: BloodPressure,
    pub threshold: BloodPressure,
    /// "Pre-dose BP 150/95 above 140/90".
    pub headline: String,
    pub decision: Option<RecordedPredoseDecision>,
}

impl PredoseStanding {
    /// The standing of a session from its stored checks (corrected originals are skipped):
    /// `Some` when its pre-dose blood pressure (the latest live baseline check with one) is
    /// above the limit, without a decision (see [`PredoseStanding::with_decisions`]).
    pub fn assess(checks: &[StoredCheck], thresholds: &ThresholdSettings) -> Option<Self> {
        let limit = predose_limit(thresholds);
        let (check, bp) = checks
            .iter()
            .filter(|c| c.is_live() && c.check.purpose == CheckPurpose::Baseline)
            .filter_map(|c| c.check.vitals.and_then(|v| v.bp).map(|bp| (c, bp)))
            .max_by_key(|(c, _)| (c.check.observed_at, c.id))?;
        above_limit(bp, limit).then(|| Self {
            check_id: check.id,
            observed_at: check.check.observed_at,
            bp,
            threshold: limit,
            headline: headline(bp, limit),
            decision: None,
        })
    }

    /// Attaches the decision recorded for this standing's check, if any is among `decisions`;
    /// with one, the reading and the limit are the decision's stored ones (as they stood when
    /// it was made), not today's limit.
    pub fn with_decisions(self, decisions: &[RecordedPredoseDecision]) -> Self {
        match decisions.iter().find(|d| d.decision.check_id == self.check_id) {
            Some(d) => Self::recorded(d, self.observed_at),
            None => self,
        }
    }

    /// A recorded decision as it was made, from its stored row: the reading and the limit it
    /// decided on, whatever the limit or the latest baseline is today.
    pub fn recorded(decision: &RecordedPredoseDecision, observed_at: DateTime<Utc>) -> Self {
        let d = &decision.decision;
        Self {
            check_id: d.check_id,
            observed_at,
            bp: d.bp,
            threshold: d.threshold,
            headline: headline(d.bp, d.threshold),
            decision: Some(decision.clone()),
        }
    }

    /// What a session's papers show: every recorded decision from its stored row, oldest
    /// first, then the `live` standing (assessed now) when it still needs a decision. A
    /// decision never vanishes because the limit was raised or a later baseline was normal.
    pub fn on_record(
        live: Option<&Self>,
        decisions: &[RecordedPredoseDecision],
        checks: &[StoredCheck],
    ) -> Vec<Self> {
        let observed = |id: i64, fallback| {
            checks.iter().find(|c| c.id == id).map_or(fallback, |c| c.check.observed_at)
        };
        let mut out: Vec<Self> = decisions
            .iter()
            .map(|d| Self::recorded(d, observed(d.decision.check_id, d.decision.decided_at)))
            .collect();
        let live = live.map(|l| l.clone().with_decisions(decisions));
        out.extend(live.filter(Self::needs_decision));
        out
    }

    /// The one standing the board and the patient's record show: the `live` one with its
    /// decision; without a live one, the latest decision on a baseline check not corrected
    /// since (so a raised limit or a later normal baseline does not hide it).
    pub fn shown(
        live: Option<Self>,
        decisions: &[RecordedPredoseDecision],
        checks: &[StoredCheck],
    ) -> Option<Self> {
        if let Some(live) = live {
            return Some(live.with_decisions(decisions));
        }
        decisions.iter().rev().find_map(|d| {
            let check = checks.iter().find(|c| c.id == d.decision.check_id && c.is_live())?;
            Some(Self::recorded(d, check.check.observed_at))
        })
    }

    /// The decision is still missing.
    pub fn needs_decision(&self) -> bool {
        self.decision.is_none()
    }

    /// One line for the board, the record and the papers, times through `when`:
    /// "Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at 09:55", or
    /// "...: prescriber's decision needed".
    pub fn describe(&self, when: &dyn Fn(DateTime<Utc>) -> String) -> String {
        match &self.decision {
            None => format!("{}: prescriber's decision needed", self.headline),
            Some(d) => format!("{}: {}", self.headline, d.describe(when)),
        }
    }
}
