//! The pre-dose blood pressure decision (clinical.md section 4; SPRAVATO label 5.6): a
//! baseline blood pressure above the clinic's limit (default 140/90: systolic above 140 or
//! diastolic above 90) needs the prescriber's decision, proceed or do not dose, before dosing.
//!
//! The decision refers to the baseline check that gave the session's pre-dose blood pressure
//! (the latest live baseline check with a blood pressure). One decision per check: a mistaken
//! decision is corrected by correcting the baseline check, which asks for a new decision if
//! the corrected reading is still above the limit, and none if it is not.
//!
//! "Do not dose" is recorded and shown; it does not end the session. The nurse records how the
//! patient leaves through the usual paths (discharge, against advice), since only the nurse
//! knows what happened next (the dose given anyway on a later decision, the patient sent home).

use chrono::{DateTime, Duration, Timelike, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::thresholds::ThresholdSettings;
use super::vitals::BloodPressure;

pub use standing::PredoseStanding;

/// How long before `now` a decision time may be typed.
pub const MAX_DECISION_AGE: Duration = Duration::hours(12);
/// How a decision timed after the dose started is marked wherever it is shown.
pub const LATE_DECISION: &str = "decided after the dose started";
/// The longest a prescriber's name may be, in characters.
pub const MAX_PRESCRIBER_CHARS: usize = 100;

/// The prescriber's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PredoseChoice {
    Proceed,
    DoNotDose,
}

impl PredoseChoice {
    /// The stored (and IPC) form: `proceed`, `do_not_dose`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Proceed => "proceed",
            Self::DoNotDose => "do_not_dose",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "proceed" => Some(Self::Proceed),
            "do_not_dose" => Some(Self::DoNotDose),
            _ => None,
        }
    }

    /// As printed: "proceed", "do not dose".
    pub fn label(self) -> &'static str {
        match self {
            Self::Proceed => "proceed",
            Self::DoNotDose => "do not dose",
        }
    }
}

/// The decision form as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PredoseDecisionInput {
    #[ts(optional = nullable)]
    #[serde(default)]
    pub session_id: Option<f64>,
    /// The baseline check whose blood pressure is above the limit.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub check_id: Option<f64>,
    /// `proceed` or `do_not_dose`.
    #[serde(default)]
    pub decision: String,
    /// "Dr Test Prescriber": who decided (told by phone, or in person).
    #[serde(default)]
    pub prescriber: String,
    /// Local time `YYYY-MM-DD HH:MM[:SS]` of the decision.
    #[serde(default)]
    pub decided_at: String,
    /// Optional, at most 2000 characters.
    #[serde(default)]
    pub note: String,
}

/// A validated decision, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PredoseDecision {
    #[ts(type = "number")]
    pub check_id: i64,
    pub decision: PredoseChoice,
    pub prescriber: String,
    pub decided_at: DateTime<Utc>,
    pub note: String,
    /// The reading and the limit as they stood when the decision was made.
    pub bp: BloodPressure,
    pub threshold: BloodPressure,
}

/// A stored decision with who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordedPredoseDecision {
    #[ts(type = "number")]
    pub id: i64,
    pub decision: PredoseDecision,
    pub recorded_at: DateTime<Utc>,
    /// The nurse label ("Ana Ruiz, RN").
    pub who: Option<String>,
    /// [`LATE_DECISION`] when the decision time is after the dose started (see
    /// [`PredoseDecision::lateness`]), shown with the decision wherever it appears.
    #[ts(optional = nullable)]
    pub late: Option<String>,
}

impl RecordedPredoseDecision {
    /// "proceed, decided by Dr Test Prescriber at 09:55", with ", decided after the dose
    /// started" when it was.
    pub fn describe(&self, when: &dyn Fn(DateTime<Utc>) -> String) -> String {
        let mut text = self.decision.describe(when);
        if let Some(late) = &self.late {
            text.push_str(&format!(", {late}"));
        }
        text
    }
}

/// "150/95".
fn bp_text(bp: BloodPressure) -> String {
    format!("{}/{}", bp.systolic, bp.diastolic)
}

/// "Pre-dose BP 150/95 above 140/90".
fn headline(bp: BloodPressure, threshold: BloodPressure) -> String {
    format!("Pre-dose BP {} above {}", bp_text(bp), bp_text(threshold))
}

/// The clinic's pre-dose limit.
pub fn predose_limit(thresholds: &ThresholdSettings) -> BloodPressure {
    BloodPressure { systolic: thresholds.predose_systolic, diastolic: thresholds.predose_diastolic }
}

/// Above the limit: systolic strictly above or diastolic strictly above (140/90 itself is not).
pub fn above_limit(bp: BloodPressure, limit: BloodPressure) -> bool {
    bp.systolic > limit.systolic || bp.diastolic > limit.diastolic
}

impl PredoseDecision {
    /// "proceed, decided by Dr Test Prescriber at 09:55".
    pub fn describe(&self, when: &dyn Fn(DateTime<Utc>) -> String) -> String {
        format!(
            "{}, decided by {} at {}",
            self.decision.label(),
            self.prescriber,
            when(self.decided_at)
        )
    }

    /// "decided after the dose started" when the decision time is after `dose_started_at`
    /// (typed to the minute: the minute of the clock start itself is not after it). A late
    /// decision is recorded (late truth must be recordable) and marked wherever it is shown.
    pub fn lateness(&self, dose_started_at: DateTime<Utc>) -> Option<&'static str> {
        let start = dose_started_at.with_second(0).unwrap_or(dose_started_at);
        let start = start.with_nanosecond(0).unwrap_or(start);
        (self.decided_at >= start + Duration::minutes(1)).then_some(LATE_DECISION)
    }

    /// The timeline's line (its time is shown beside it): "Pre-dose BP 150/95 above 140/90:
    /// prescriber's decision: proceed (Dr Test Prescriber)", with the note.
    pub fn timeline_summary(&self) -> String {
        let mut text = format!(
            "{}: prescriber's decision: {} ({})",
            headline(self.bp, self.threshold),
            self.decision.label(),
            self.prescriber
        );
        if !self.note.is_empty() {
            text.push_str(&format!(". Note: {}", self.note));
        }
        text
    }
}

mod input;
mod standing;

#[cfg(test)]
#[path = "tests/predose.rs"]
mod tests;
