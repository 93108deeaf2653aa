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

/// One threshold's sanity bounds: its field name, its words in messages, and the range a
/// value must fall in (they stop typos, they are not clinical advice).
struct Bound {
    field: &'static str,
    what: &'static str,
    lo: u32,
    hi: u32,
}

impl Bound {
    const fn new(field: &'static str, what: &'static str, lo: u32, hi: u32) -> Self {
        Self { field, what, lo, hi }
    }

    /// The value as a whole number within the bounds, or a `validation` error naming the field.
    fn check(&self, value: Option<f64>) -> Result<u32, VigilError> {
        required_whole(value, self.field, self.what, self.lo, self.hi)
    }
}

const CRITICAL_SYSTOLIC: Bound = Bound::new("criticalSystolic", "The critical systolic", 140, 260);
const CRITICAL_DIASTOLIC: Bound =
    Bound::new("criticalDiastolic", "The critical diastolic", 80, 160);
const RISE_SYSTOLIC: Bound = Bound::new("riseSystolic", "The systolic rise", 10, 100);
const RISE_DIASTOLIC: Bound = Bound::new("riseDiastolic", "The diastolic rise", 5, 60);
const LOW_SPO2: Bound = Bound::new("lowSpo2", "The SpO2 limit", 80, 100);
const HEART_RATE_LOW: Bound = Bound::new("heartRateLow", "The low heart rate", 30, 80);
const HEART_RATE_HIGH: Bound = Bound::new("heartRateHigh", "The high heart rate", 90, 220);
const RESPIRATORY_RATE_LOW: Bound =
    Bound::new("respiratoryRateLow", "The low respiratory rate", 4, 16);
const RESPIRATORY_RATE_HIGH: Bound =
    Bound::new("respiratoryRateHigh", "The high respiratory rate", 12, 60);
const HIGH_SYSTOLIC: Bound = Bound::new("highSystolic", "The high systolic", 120, 260);
const HIGH_DIASTOLIC: Bound = Bound::new("highDiastolic", "The high diastolic", 70, 160);
const CRITICAL_RECHECK_MINUTES: Bound =
    Bound::new("criticalRecheckMinutes", "The re-check delay", 1, 30);
const PREDOSE_SYSTOLIC: Bound =
    Bound::new("predoseSystolic", "The pre-dose systolic limit", 100, 220);
const PREDOSE_DIASTOLIC: Bound =
    Bound::new("predoseDiastolic", "The pre-dose diastolic limit", 60, 130);
const ORTHOSTATIC_HR_RISE: Bound =
    Bound::new("orthostaticHrRise", "The heart-rate rise on standing", 10, 60);

impl ThresholdSettingsEdit {
    /// Validates every value as a whole number within its bounds, in form order.
    ///
    /// Errors: `validation` naming the field (e.g. `heartRateHigh`) when missing, not whole,
    /// out of bounds, or inconsistent: a low limit not below its high limit, or a "high" blood
    /// pressure above the critical one.
    pub fn validate(&self) -> Result<ThresholdSettings, VigilError> {
        let s = ThresholdSettings {
            critical_systolic: CRITICAL_SYSTOLIC.check(self.critical_systolic)?,
            critical_diastolic: CRITICAL_DIASTOLIC.check(self.critical_diastolic)?,
            rise_systolic: RISE_SYSTOLIC.check(self.rise_systolic)?,
            rise_diastolic: RISE_DIASTOLIC.check(self.rise_diastolic)?,
            low_spo2: LOW_SPO2.check(self.low_spo2)?,
            heart_rate_low: HEART_RATE_LOW.check(self.heart_rate_low)?,
            heart_rate_high: HEART_RATE_HIGH.check(self.heart_rate_high)?,
            respiratory_rate_low: RESPIRATORY_RATE_LOW.check(self.respiratory_rate_low)?,
            respiratory_rate_high: RESPIRATORY_RATE_HIGH.check(self.respiratory_rate_high)?,
            high_systolic: HIGH_SYSTOLIC.check(self.high_systolic)?,
            high_diastolic: HIGH_DIASTOLIC.check(self.high_diastolic)?,
            critical_recheck_minutes: CRITICAL_RECHECK_MINUTES
                .check(self.critical_recheck_minutes)?,
            predose_systolic: PREDOSE_SYSTOLIC.check(self.predose_systolic)?,
            predose_diastolic: PREDOSE_DIASTOLIC.check(self.predose_diastolic)?,
            orthostatic_hr_rise: ORTHOSTATIC_HR_RISE.check(self.orthostatic_hr_rise)?,
        };
        consistent(&s)?;
        Ok(s)
    }
}

/// The limits agree with each other: the first disagreement, in this order, is the error.
fn consistent(s: &ThresholdSettings) -> Result<(), VigilError> {
    let rules = [
        (
            s.respiratory_rate_low >= s.respiratory_rate_high,
            "respiratoryRateHigh",
            "The high respiratory rate must be above the low one.",
        ),
        (
            s.high_systolic > s.critical_systolic,
            "highSystolic",
            "The high systolic cannot be above the critical systolic.",
        ),
        (
            s.high_diastolic > s.critical_diastolic,
            "highDiastolic",
            "The high diastolic cannot be above the critical diastolic.",
        ),
        (
            s.predose_systolic >= s.critical_systolic,
            "predoseSystolic",
            "The pre-dose systolic limit must be below the critical systolic.",
        ),
        (
            s.predose_diastolic >= s.critical_diastolic,
            "predoseDiastolic",
            "The pre-dose diastolic limit must be below the critical diastolic.",
        ),
    ];
    match rules.into_iter().find(|(broken, _, _)| *broken) {
        Some((_, field, message)) => Err(VigilError::validation(field, message)),
        None => Ok(()),
    }
}
