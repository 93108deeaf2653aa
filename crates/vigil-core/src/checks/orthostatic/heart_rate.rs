//! Heart rate on standing (clinical.md section 3): the rise from the sitting or lying rate to
//! the highest standing rate the method reads, flagged at the clinic's threshold (>= 30 bpm by
//! default, Freeman et al. 2011). A flagged rise is shown wherever the test is, and makes the
//! check positive only together with symptoms: a rise alone is not a positive check.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{OrthostaticMethod, OrthostaticReadings};
use crate::checks::Check;

/// The heart-rate change on standing, as compared with the flag threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeartRateRise {
    /// The highest standing rate minus the sitting or lying rate, bpm (negative: it fell).
    pub rise: i32,
    /// The threshold in force: a rise at or above it is flagged.
    pub flag_at: u32,
    /// `rise >= flag_at`.
    pub flagged: bool,
}

impl HeartRateRise {
    /// The rise for `method` from readings as far as they go: `None` until the sitting or
    /// lying rate and at least one standing rate the method uses are present.
    pub fn of(method: OrthostaticMethod, r: &OrthostaticReadings, flag_at: u32) -> Option<Self> {
        let base = r.baseline_heart_rate?;
        let standing = match method {
            OrthostaticMethod::SitToStand => r.standing_heart_rate,
            OrthostaticMethod::LieToStand => r.standing1_heart_rate.max(r.standing3_heart_rate),
            OrthostaticMethod::NotDone => None,
        }?;
        let rise = i64::from(standing) - i64::from(base);
        let flagged = rise >= i64::from(flag_at);
        Some(Self { rise: i32::try_from(rise).unwrap_or(i32::MAX), flag_at, flagged })
    }

    /// "heart rate rose 34 bpm on standing (flag at 30)", "... fell 4 bpm ...", "... did not
    /// change ...".
    pub fn text(&self) -> String {
        let change = match self.rise {
            0 => "did not change".to_owned(),
            r if r > 0 => format!("rose {r} bpm"),
            r => format!("fell {} bpm", r.unsigned_abs()),
        };
        format!("heart rate {change} on standing (flag at {})", self.flag_at)
    }
}

impl Check {
    /// Why the check is positive on heart rate, when it is: a flagged rise on standing with
    /// symptoms that count for lightheadedness, the same ones the lightheadedness rule counts
    /// (lightheaded, spinning or near-faint graded 1 or more, or symptoms on standing, which
    /// also make the test itself positive). Blurred vision or nausea alone do not count. A
    /// rise alone gives `None`.
    pub fn heart_rate_rise_with_symptoms(&self) -> Option<String> {
        let orthostatic = self.orthostatic.as_ref()?;
        let rise = orthostatic.heart_rate_rise().filter(|h| h.flagged)?;
        let graded = self.symptom_grade >= 1;
        let counted = graded && self.symptoms.iter().any(|s| s.signals_lightheadedness());
        (counted || orthostatic.readings.symptoms_on_standing)
            .then(|| format!("{}, with symptoms", rise.text()))
    }
}
