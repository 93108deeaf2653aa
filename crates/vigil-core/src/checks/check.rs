//! A validated check: one bedside assessment at one clinical instant. It holds whatever the
//! nurse assessed (symptoms always; orthostatic test, gait, vitals, sedation, dissociation,
//! nausea and pain when assessed) and answers what it contains and whether it is positive.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::orthostatic::{Orthostatic, OrthostaticResult};
use super::thresholds::ThresholdSettings;
use super::vitals::Vitals;

/// A CADSS-6 total above this means dissociation is present (clinical.md section 4).
pub const CADSS_DISSOCIATION_ABOVE: u8 = 4;
/// The normal, fully alert MOAA/S score.
pub const MOAAS_ALERT: u8 = 5;

/// Whether a check is the pre-dose baseline or an observation after the clock started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckPurpose {
    /// Pre-dose: at most 12 h before the clock start, never after it.
    Baseline,
    /// During recovery: at or after the clock start.
    Observation,
}

impl CheckPurpose {
    /// Parses `baseline` or `observation`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "baseline" => Some(Self::Baseline),
            "observation" => Some(Self::Observation),
            _ => None,
        }
    }
}

/// A symptom the patient reports (clinical.md section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Symptom {
    Lightheaded,
    Spinning,
    BlurredVision,
    Nausea,
    NearFaint,
}

impl Symptom {
    pub const ALL: [Symptom; 5] =
        [Self::Lightheaded, Self::Spinning, Self::BlurredVision, Self::Nausea, Self::NearFaint];

    /// The serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Lightheaded => "lightheaded",
            Self::Spinning => "spinning",
            Self::BlurredVision => "blurred_vision",
            Self::Nausea => "nausea",
            Self::NearFaint => "near_faint",
        }
    }

    /// Parses a serialized name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Whether this symptom, graded 1 or more, makes the lightheadedness check positive:
    /// lightheaded, spinning and near-faint do; blurred vision (common with ketamine without
    /// any fall in pressure) and nausea (scored on its own) do not.
    pub fn signals_lightheadedness(self) -> bool {
        matches!(self, Self::Lightheaded | Self::Spinning | Self::NearFaint)
    }
}

/// CADSS-6: six items each 0-4; `total` is their sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Cadss {
    pub items: Vec<u8>,
    pub total: u8,
}

impl Cadss {
    /// Whether the total means dissociation is present (total > 4).
    pub fn dissociation_present(&self) -> bool {
        self.total > CADSS_DISSOCIATION_ABOVE
    }
}

/// A validated check, ready to store. Built by [`super::CheckInput::validate`];
/// `Deserialize` is only for reading back what the store wrote from a validated check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    #[ts(type = "number")]
    pub session_id: i64,
    pub purpose: CheckPurpose,
    /// The clinical time of the check (never after it was recorded).
    pub observed_at: DateTime<Utc>,
    /// Why the check was entered late; present for late entries, optional otherwise.
    pub late_reason: Option<String>,
    /// 0 none, 1 mild, 2 moderate, 3 severe; symptoms are listed when above 0.
    pub symptom_grade: u8,
    pub symptoms: Vec<Symptom>,
    pub severe_headache: bool,
    pub chest_pain: bool,
    pub shortness_of_breath: bool,
    pub orthostatic: Option<Orthostatic>,
    /// Modified PADSS ambulation: 2 steady, 1 needs help, 0 unable or dizzy.
    pub gait: Option<u8>,
    pub vitals: Option<Vitals>,
    /// MOAA/S, 0-5 (5 alert).
    pub moaas: Option<u8>,
    pub cadss: Option<Cadss>,
    /// 0 none, 1 mild, 2 moderate, 3 severe (nausea or vomiting).
    pub nausea: Option<u8>,
    /// 0 none, 1 mild, 2 moderate, 3 severe.
    pub pain: Option<u8>,
    pub note: String,
}

impl Check {
    /// The orthostatic verdict, when a test (or "not done") was recorded.
    pub fn orthostatic_result(&self) -> Option<OrthostaticResult> {
        self.orthostatic.as_ref().map(Orthostatic::result)
    }

    /// Whether a blood pressure pair was recorded.
    pub fn has_bp(&self) -> bool {
        self.vitals.is_some_and(|v| v.bp.is_some())
    }

    /// Whether a set of vitals was recorded: blood pressure, heart rate and SpO2.
    pub fn has_vitals(&self) -> bool {
        self.vitals.is_some_and(|v| v.bp.is_some() && v.heart_rate.is_some() && v.spo2.is_some())
    }

    /// Whether sedation (MOAA/S) and dissociation (CADSS) were both assessed.
    pub fn has_sedation(&self) -> bool {
        self.moaas.is_some() && self.cadss.is_some()
    }

    /// Whether this is a lightheadedness check that counts: gait assessed, and the
    /// orthostatic test either done or not attempted (a test marked "not done" means the
    /// patient could not be stood up, so the check stays due).
    pub fn has_lightheadedness(&self) -> bool {
        self.gait.is_some() && self.orthostatic.as_ref().is_none_or(Orthostatic::done)
    }

    /// This check as it is stored under `settings`: its orthostatic heart-rate flag set to the
    /// threshold in force when it is written (it was validated with an earlier read).
    pub fn with_threshold_in_force(&self, settings: &ThresholdSettings) -> Check {
        let mut check = self.clone();
        if let Some(o) = check.orthostatic.as_mut() {
            o.hr_rise_flag_at = Some(settings.orthostatic_hr_rise);
        }
        check
    }
}
