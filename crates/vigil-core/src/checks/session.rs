//! One session's checks put together at `now`: the schedule, the baseline and the Modified
//! PADSS, for the board row and the patient's detail view. What stands between the patient and
//! leaving is not listed here: the discharge gates are the one "not ready" list (see
//! `discharge::gates`), and the detail view carries them. Corrected originals are left out
//! everywhere except the timeline (where they stay, struck through).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::baseline::Baseline;
use super::check::Check;
use super::padss::{modified_padss, Padss, PadssFindings};
use super::plan_settings::CheckPlanSettings;
use super::schedule::{CheckSchedule, PlannedCheck, PlannedCheckStatus, RecordedCheck};
use super::thresholds::ThresholdSettings;
use super::timeline::{CheckRow, TimelineEntry};
use crate::RecoverySession;

/// A check as stored, with who recorded it and its correction links.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCheck {
    pub id: i64,
    pub check: Check,
    pub recorded_at: DateTime<Utc>,
    /// "Ana Ruiz, RN".
    pub who: Option<String>,
    /// For a correction: the original's id and the reason.
    pub corrects: Option<(i64, String)>,
    /// The later check that corrected this one.
    pub corrected_by: Option<i64>,
}

impl StoredCheck {
    pub fn is_live(&self) -> bool {
        self.corrected_by.is_none()
    }

    /// This check's timeline line.
    pub fn timeline_entry(&self) -> TimelineEntry {
        let row = CheckRow {
            id: self.id,
            recorded_at: self.recorded_at,
            who: self.who.clone(),
            corrected_by: self.corrected_by,
            corrects: self.corrects.clone(),
        };
        TimelineEntry::check(row, &self.check)
    }
}

/// A check with its id and whether it was corrected, for the detail view and the correction
/// form (which starts from the original's values).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckRecord {
    #[ts(type = "number")]
    pub id: i64,
    pub check: Check,
    pub corrected: bool,
}

/// Where one session stands on its checks at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckStatus {
    pub schedule: CheckSchedule,
    /// The earliest planned check not yet done.
    pub next_check: Option<PlannedCheck>,
    pub padss: Padss,
    pub baseline: Option<Baseline>,
    /// The pre-dose blood pressure when it is above the clinic's limit, with the prescriber's
    /// decision once recorded (the store attaches it); `None` when no decision is needed.
    pub predose: Option<super::predose::PredoseStanding>,
}

impl CheckStatus {
    /// The status of `session` with its stored `checks` at `now`, under the check-plan
    /// settings in force when it was admitted.
    pub fn assess(
        session: &RecoverySession,
        checks: &[StoredCheck],
        thresholds: &ThresholdSettings,
        plan: &CheckPlanSettings,
        now: DateTime<Utc>,
    ) -> Self {
        let live: Vec<&StoredCheck> = checks.iter().filter(|c| c.is_live()).collect();
        let recorded: Vec<RecordedCheck> = checks
            .iter()
            .map(|c| RecordedCheck::of(c.id, &c.check, !c.is_live(), thresholds))
            .collect();
        let plan = plan.plan_for(session.protocol);
        let schedule = CheckSchedule::build(&plan, session, &recorded, now);
        let baseline = Baseline::from_checks(live.iter().map(|c| &c.check));
        let padss = modified_padss(
            baseline.as_ref(),
            &PadssFindings::latest(live.iter().map(|c| &c.check)),
        );
        let next_check =
            schedule.items.iter().find(|c| c.status != PlannedCheckStatus::Done).cloned();
        let predose = super::predose::PredoseStanding::assess(checks, thresholds);
        Self { schedule, next_check, padss, baseline, predose }
    }
}

/// Everything the patient's detail view shows: the session, where it stands on its checks,
/// every check (for corrections) and the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionDetail {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    pub protocol: crate::Protocol,
    pub minimum_minutes: u32,
    pub clock_started_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: CheckStatus,
    /// The discharge gates now: `gates.missing` is the one "not ready" list, the same the
    /// board and the discharge dialog show.
    pub gates: crate::discharge::DischargeGates,
    pub checks: Vec<CheckRecord>,
    pub timeline: Vec<TimelineEntry>,
    /// The latest time a nurse confirmed the Modified PADSS.
    pub padss_confirmation: Option<PadssConfirmation>,
    /// BP, heart rate and SpO2 over the recovery, with the threshold lines.
    pub trends: crate::trends::TrendChart,
}

/// A nurse confirming the Modified PADSS shown for a session: the total they saw.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PadssConfirmInput {
    #[ts(type = "number")]
    pub session_id: i64,
    pub total: u8,
}

/// A recorded confirmation of the Modified PADSS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PadssConfirmation {
    pub total: u8,
    pub confirmed_at: DateTime<Utc>,
    pub who: Option<String>,
}

impl PadssConfirmInput {
    /// Checks the confirmation against the score computed now. Errors: `validation` on
    /// `total` when the score is not complete (every item must be assessed first); `conflict`
    /// when the score changed since the nurse saw it.
    pub fn check_against(&self, padss: &Padss) -> Result<(), crate::VigilError> {
        if !padss.complete {
            return Err(crate::VigilError::validation(
                "total",
                "The score is not complete: assess every item before confirming it.",
            ));
        }
        if padss.total != self.total {
            return Err(crate::VigilError::new(
                crate::ErrorCode::Conflict,
                format!(
                    "The score is now {}/10, not {}/10: review it again before confirming.",
                    padss.total, self.total
                ),
            ));
        }
        Ok(())
    }
}

/// What saving a check (or a correction) did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckSaved {
    #[ts(type = "number")]
    pub check_id: i64,
    /// The clinical alerts the check raised (already recorded and raised).
    pub alerts: Vec<super::alerts::ClinicalAlert>,
}
