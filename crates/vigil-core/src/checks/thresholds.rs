//! The clinic's alert thresholds (clinical.md section 4) as settings: defaults from the
//! sources cited there, editable within sanity bounds. The bounds only stop typos (a critical
//! systolic of 18); they are not clinical advice.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields::required_whole;
use crate::VigilError;

/// The thresholds that raise clinical alerts. Comparisons: critical at or above, rise at or
/// above, SpO2 alert below `low_spo2` on room air only (on supplemental oxygen the reading
/// says nothing about the patient's own oxygenation, and the room-air cut-off of the Modified
/// Aldrete does not apply), heart and respiratory rate alert strictly outside `low..=high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdSettings {
    /// Critical alert at systolic >= this (default 180).
    pub critical_systolic: u32,
    /// Critical alert at diastolic >= this (default 110).
    pub critical_diastolic: u32,
    /// Warning at a systolic rise over the pre-dose baseline >= this (default 40).
    pub rise_systolic: u32,
    /// Warning at a diastolic rise over the pre-dose baseline >= this (default 25).
    pub rise_diastolic: u32,
    /// Warning at SpO2 below this on room air (default 92).
    pub low_spo2: u32,
    /// Warning at heart rate below this (default 50).
    pub heart_rate_low: u32,
    /// Warning at heart rate above this (default 120).
    pub heart_rate_high: u32,
    /// Warning at respiratory rate below this (default 10).
    pub respiratory_rate_low: u32,
    /// Warning at respiratory rate above this (default 24).
    pub respiratory_rate_high: u32,
    /// "High" blood pressure, systolic at or above (default 160): the discharge limit, and
    /// what turns a severe headache, chest pain or shortness of breath into an emergency.
    pub high_systolic: u32,
    /// "High" blood pressure, diastolic at or above (default 100).
    pub high_diastolic: u32,
    /// Minutes until a blood pressure re-check after a critical reading (default 5).
    pub critical_recheck_minutes: u32,
    /// Pre-dose blood pressure "above 140/90" (SPRAVATO label 5.6): a baseline systolic
    /// strictly above this (default 140) needs the prescriber's decision before dosing.
    #[serde(default = "default_predose_systolic")]
    pub predose_systolic: u32,
    /// Likewise a baseline diastolic strictly above this (default 90).
    #[serde(default = "default_predose_diastolic")]
    pub predose_diastolic: u32,
    /// Orthostatic test: a heart-rate rise on standing at or above this (default 30 bpm,
    /// Freeman 2011) is flagged; it makes the check positive only with symptoms.
    #[serde(default = "default_orthostatic_hr_rise")]
    pub orthostatic_hr_rise: u32,
}

/// The default orthostatic heart-rate rise flag, in bpm.
pub const DEFAULT_ORTHOSTATIC_HR_RISE: u32 = 30;

fn default_orthostatic_hr_rise() -> u32 {
    DEFAULT_ORTHOSTATIC_HR_RISE
}

fn default_predose_systolic() -> u32 {
    140
}

fn default_predose_diastolic() -> u32 {
    90
}

impl Default for ThresholdSettings {
    fn default() -> Self {
        Self {
            critical_systolic: 180,
            critical_diastolic: 110,
            rise_systolic: 40,
            rise_diastolic: 25,
            low_spo2: 92,
            heart_rate_low: 50,
            heart_rate_high: 120,
            respiratory_rate_low: 10,
            respiratory_rate_high: 24,
            high_systolic: 160,
            high_diastolic: 100,
            critical_recheck_minutes: 5,
            predose_systolic: default_predose_systolic(),
            predose_diastolic: default_predose_diastolic(),
            orthostatic_hr_rise: DEFAULT_ORTHOSTATIC_HR_RISE,
        }
    }
}

/// An edit of the thresholds as the Settings screen sends it (numbers as JSON sends them).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ThresholdSettingsEdit {
    pub critical_systolic: Option<f64>,
    pub critical_diastolic: Option<f64>,
    pub rise_systolic: Option<f64>,
    pub rise_diastolic: Option<f64>,
    pub low_spo2: Option<f64>,
    pub heart_rate_low: Option<f64>,
    pub heart_rate_high: Option<f64>,
    pub respiratory_rate_low: Option<f64>,
    pub respiratory_rate_high: Option<f64>,
    pub high_systolic: Option<f64>,
    pub high_diastolic: Option<f64>,
    pub critical_recheck_minutes: Option<f64>,
    pub predose_systolic: Option<f64>,
    pub predose_diastolic: Option<f64>,
    pub orthostatic_hr_rise: Option<f64>,
}

impl ThresholdSettingsEdit {
    /// Validates every value as a whole number within its bounds, in form order.
    ///
    /// Errors: `validation` naming the field (e.g. `heartRateHigh`) when missing, not whole,
    /// out of bounds, or inconsistent: a low limit not below its high limit, or a "high" blood
    /// pressure above the critical one.
    pub fn validate(&self) -> Result<ThresholdSettings, VigilError> {
        let n = |v, field, what, lo, hi| required_whole(v, field, what, lo, hi);
        let s = ThresholdSettings {
            critical_systolic: n(
                self.critical_systolic,
                "criticalSystolic",
                "The critical systolic",
                140,
                260,
            )?,
            critical_diastolic: n(
                self.critical_diastolic,
                "criticalDiastolic",
                "The critical diastolic",
                80,
                160,
            )?,
            rise_systolic: n(self.rise_systolic, "riseSystolic", "The systolic rise", 10, 100)?,
            rise_diastolic: n(self.rise_diastolic, "riseDiastolic", "The diastolic rise", 5, 60)?,
            low_spo2: n(self.low_spo2, "lowSpo2", "The SpO2 limit", 80, 100)?,
            heart_rate_low: n(self.heart_rate_low, "heartRateLow", "The low heart rate", 30, 80)?,
            heart_rate_high: n(
                self.heart_rate_high,
                "heartRateHigh",
                "The high heart rate",
                90,
                220,
            )?,
            respiratory_rate_low: n(
                self.respiratory_rate_low,
                "respiratoryRateLow",
                "The low respiratory rate",
                4,
                16,
            )?,
            respiratory_rate_high: n(
                self.respiratory_rate_high,
                "respiratoryRateHigh",
                "The high respiratory rate",
                12,
                60,
            )?,
            high_systolic: n(self.high_systolic, "highSystolic", "The high systolic", 120, 260)?,
            high_diastolic: n(self.high_diastolic, "highDiastolic", "The high diastolic", 70, 160)?,
            critical_recheck_minutes: n(
                self.critical_recheck_minutes,
                "criticalRecheckMinutes",
                "The re-check delay",
                1,
                30,
            )?,
            predose_systolic: n(
                self.predose_systolic,
                "predoseSystolic",
                "The pre-dose systolic limit",
                100,
                220,
            )?,
            predose_diastolic: n(
                self.predose_diastolic,
                "predoseDiastolic",
                "The pre-dose diastolic limit",
                60,
                130,
            )?,
            orthostatic_hr_rise: n(
                self.orthostatic_hr_rise,
                "orthostaticHrRise",
                "The heart-rate rise on standing",
                10,
                60,
            )?,
        };
        if s.respiratory_rate_low >= s.respiratory_rate_high {
            return Err(VigilError::validation(
                "respiratoryRateHigh",
                "The high respiratory rate must be above the low one.",
            ));
        }
        if s.high_systolic > s.critical_systolic {
            return Err(VigilError::validation(
                "highSystolic",
                "The high systolic cannot be above the critical systolic.",
            ));
        }
        if s.high_diastolic > s.critical_diastolic {
            return Err(VigilError::validation(
                "highDiastolic",
                "The high diastolic cannot be above the critical diastolic.",
            ));
        }
        if s.predose_systolic >= s.critical_systolic {
            return Err(VigilError::validation(
                "predoseSystolic",
                "The pre-dose systolic limit must be below the critical systolic.",
            ));
        }
        if s.predose_diastolic >= s.critical_diastolic {
            return Err(VigilError::validation(
                "predoseDiastolic",
                "The pre-dose diastolic limit must be below the critical diastolic.",
            ));
        }
        Ok(s)
    }
}
