//! Readiness history (issue 11, feature 10; clinical.md section 5, "Readiness history"): the
//! moments a patient became ready, ready but for the escort, or not ready, kept as part of the
//! record so "what the board said at 09:30" can be shown later, even after a late entry changed
//! the picture.
//!
//! Design. Readiness is computed live ([`DischargeGates::assess`]) and changes with time (the
//! minimum elapses), checks, escorts, alerts and policy changes. The scheduler, the only writer
//! besides the commands, records it: on each sweep (every <= 2 s) it assesses every session on
//! the board that is still observed (not cleared, not gone) at the sweep's `now`, compares the
//! result with that session's last stored row through [`readiness_change`], and appends a row
//! (with its audit entry, by the app) when it differs; the first sweep after an admission writes
//! the first row. The row's time is the sweep's `now`: what the board said from then on.
//! Recording in the scheduler rather than in each command's transaction keeps "one audit entry
//! per accepted command" true and catches the changes nobody typed (the minimum elapsing); the
//! cost is a lag of up to one sweep interval between a change and its row.
//!
//! What counts as a change: the readiness, or the set of failing gates. Gate details are stored
//! (values and limits, never names) but not compared: the minimum gate's "12 min left" changes
//! every minute, and a new blood pressure that still fails is the same picture.

use serde::{Deserialize, Serialize};

use super::{DischargeGates, GateKey, Readiness};

/// How many failing gates a timeline line names before "and N more".
const NAMED_IN_SUMMARY: usize = 3;

/// One failing gate as the board showed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailingGate {
    pub key: GateKey,
    /// What was found or why it fails (values and limits, never patient names).
    pub detail: String,
}

/// What the board said of one session at one moment: its readiness and failing gates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadinessMark {
    pub readiness: Readiness,
    /// In [`GateKey::ALL`] order.
    pub failing: Vec<FailingGate>,
}

impl ReadinessMark {
    /// The mark of an assessment.
    pub fn of(gates: &DischargeGates) -> Self {
        let failing = gates
            .gates
            .iter()
            .filter(|g| !g.passed)
            .map(|g| FailingGate { key: g.key, detail: g.detail.clone() })
            .collect();
        Self { readiness: gates.readiness, failing }
    }

    /// The failing gates' keys, in order.
    pub fn failing_keys(&self) -> Vec<GateKey> {
        self.failing.iter().map(|g| g.key).collect()
    }

    /// Whether `other` says something different: another readiness or other failing gates
    /// (details aside).
    pub fn differs_from(&self, other: &ReadinessMark) -> bool {
        self.readiness != other.readiness || self.failing_keys() != other.failing_keys()
    }

    /// The timeline's line, without names or times: "Became ready", "Ready – awaiting escort",
    /// "Not ready: Minimum period, Escort, Blood pressure and 2 more".
    pub fn summary(&self) -> String {
        match self.readiness {
            Readiness::Ready => "Became ready".to_owned(),
            Readiness::ReadyAwaitingEscort => "Ready – awaiting escort".to_owned(),
            Readiness::NotReady => {
                let labels: Vec<&str> =
                    self.failing.iter().take(NAMED_IN_SUMMARY).map(|g| g.key.label()).collect();
                let more = self.failing.len().saturating_sub(NAMED_IN_SUMMARY);
                let tail = if more > 0 { format!(" and {more} more") } else { String::new() };
                format!("Not ready: {}{tail}", labels.join(", "))
            }
        }
    }
}

/// The mark to record when `gates` (assessed now) differ from the last stored mark
/// (`previous`, `None` before the first); `None` when nothing changed.
pub fn readiness_change(
    previous: Option<&ReadinessMark>,
    gates: &DischargeGates,
) -> Option<ReadinessMark> {
    let now = ReadinessMark::of(gates);
    match previous {
        Some(before) if !before.differs_from(&now) => None,
        _ => Some(now),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discharge::Gate;
    use chrono::{TimeZone, Utc};

    /// Gates where `failing` (key, detail) fail and every other passes.
    fn gates(readiness: Readiness, failing: &[(GateKey, &str)]) -> DischargeGates {
        let gates = GateKey::ALL
            .iter()
            .map(|&key| match failing.iter().find(|(k, _)| *k == key) {
                Some((_, detail)) => Gate::new(key, false, *detail),
                None => Gate::new(key, true, "ok"),
            })
            .collect();
        DischargeGates {
            readiness,
            gates,
            missing: Vec::new(),
            minutes_left: 0,
            ends_at: Utc.with_ymd_and_hms(2026, 7, 1, 11, 0, 0).single().expect("valid"),
        }
    }

    fn admitted() -> DischargeGates {
        let failing = [(GateKey::Minimum, "60 min left"), (GateKey::Escort, "No escort recorded")];
        gates(Readiness::NotReady, &failing)
    }

    #[test]
    fn the_first_assessment_is_always_recorded() {
        let mark = readiness_change(None, &admitted()).expect("first row");
        assert_eq!(mark.readiness, Readiness::NotReady);
        assert_eq!(mark.failing_keys(), [GateKey::Minimum, GateKey::Escort]);
        assert_eq!(mark.failing[0].detail, "60 min left");
    }

    #[test]
    fn the_same_picture_is_not_recorded_again_even_as_details_tick() {
        let before = ReadinessMark::of(&admitted());
        assert_eq!(readiness_change(Some(&before), &admitted()), None);
        let later = [(GateKey::Minimum, "59 min left"), (GateKey::Escort, "Escort expected")];
        assert_eq!(readiness_change(Some(&before), &gates(Readiness::NotReady, &later)), None);
    }

    #[test]
    fn another_readiness_or_other_failing_gates_are_a_change() {
        let before = ReadinessMark::of(&admitted());
        let fewer = gates(Readiness::NotReady, &[(GateKey::Minimum, "5 min left")]);
        assert_eq!(readiness_change(Some(&before), &fewer), Some(ReadinessMark::of(&fewer)));
        let awaiting =
            gates(Readiness::ReadyAwaitingEscort, &[(GateKey::Escort, "Escort expected")]);
        let after_awaiting = ReadinessMark::of(&awaiting);
        assert!(readiness_change(Some(&before), &awaiting).is_some());
        let ready = gates(Readiness::Ready, &[]);
        assert_eq!(
            readiness_change(Some(&after_awaiting), &ready).map(|m| m.readiness),
            Some(Readiness::Ready)
        );
        let back = gates(Readiness::NotReady, &[(GateKey::BloodPressure, "172/96")]);
        assert!(readiness_change(Some(&ReadinessMark::of(&ready)), &back).is_some());
    }

    #[test]
    fn summaries_name_the_first_gates() {
        assert_eq!(ReadinessMark::of(&gates(Readiness::Ready, &[])).summary(), "Became ready");
        let awaiting =
            gates(Readiness::ReadyAwaitingEscort, &[(GateKey::Escort, "Escort en route")]);
        assert_eq!(ReadinessMark::of(&awaiting).summary(), "Ready – awaiting escort");
        assert_eq!(ReadinessMark::of(&admitted()).summary(), "Not ready: Minimum period, Escort");
        let many: Vec<(GateKey, &str)> = GateKey::ALL[..5].iter().map(|&k| (k, "x")).collect();
        assert_eq!(
            ReadinessMark::of(&gates(Readiness::NotReady, &many)).summary(),
            "Not ready: Minimum period, Escort, Blood pressure and 2 more"
        );
    }
}
