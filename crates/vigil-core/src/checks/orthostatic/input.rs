//! The orthostatic part of the check form: its validation into an [`Orthostatic`] and the
//! lenient live preview the UI shows while the nurse types.

use serde::Deserialize;
use ts_rs::TS;

use super::{missing_readings, orthostatic_result, Orthostatic, OrthostaticMethod};
use super::{OrthostaticOutcome, OrthostaticReadings, OrthostaticResult};
use crate::checks::fields::reason;
use crate::checks::fields::whole;
use crate::checks::vitals::{bp_pair, DIASTOLIC_RANGE, HEART_RATE_RANGE, SYSTOLIC_RANGE};
use crate::VigilError;

/// The orthostatic part of the check form, as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrthostaticInput {
    /// `sit_to_stand`, `lie_to_stand` or `not_done`.
    pub method: String,
    /// Required for `not_done` (3-200 characters), ignored otherwise.
    #[serde(default)]
    pub not_done_reason: String,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub baseline_systolic: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub baseline_diastolic: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub standing_systolic: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub standing_diastolic: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub standing1_systolic: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub standing1_diastolic: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub standing3_systolic: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub standing3_diastolic: Option<f64>,
    #[serde(default)]
    pub symptoms_on_standing: bool,
    /// Sitting (sit-to-stand) or lying (lie-to-stand) heart rate, bpm.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub baseline_heart_rate: Option<f64>,
    /// Sit-to-stand: standing heart rate.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub standing_heart_rate: Option<f64>,
    /// Lie-to-stand: heart rate at 1 min standing.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub standing1_heart_rate: Option<f64>,
    /// Lie-to-stand: heart rate at 3 min standing.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub standing3_heart_rate: Option<f64>,
}

/// A heart-rate reading as typed, with its field path.
type RawRate = (Option<f64>, &'static str);

impl OrthostaticInput {
    fn raw_pairs(&self) -> [(Option<f64>, Option<f64>, &'static str, &'static str); 4] {
        [
            (
                self.baseline_systolic,
                self.baseline_diastolic,
                "orthostatic.baselineSystolic",
                "orthostatic.baselineDiastolic",
            ),
            (
                self.standing_systolic,
                self.standing_diastolic,
                "orthostatic.standingSystolic",
                "orthostatic.standingDiastolic",
            ),
            (
                self.standing1_systolic,
                self.standing1_diastolic,
                "orthostatic.standing1Systolic",
                "orthostatic.standing1Diastolic",
            ),
            (
                self.standing3_systolic,
                self.standing3_diastolic,
                "orthostatic.standing3Systolic",
                "orthostatic.standing3Diastolic",
            ),
        ]
    }

    fn raw_rates(&self) -> [RawRate; 4] {
        [
            (self.baseline_heart_rate, "orthostatic.baselineHeartRate"),
            (self.standing_heart_rate, "orthostatic.standingHeartRate"),
            (self.standing1_heart_rate, "orthostatic.standing1HeartRate"),
            (self.standing3_heart_rate, "orthostatic.standing3HeartRate"),
        ]
    }

    /// The live verdict while typing, a heart-rate rise compared with `hr_flag_at` bpm: an
    /// unknown method or an implausible or fractional value counts as not yet entered. Never
    /// fails.
    pub fn preview(&self, hr_flag_at: u32) -> OrthostaticResult {
        let Some(method) = OrthostaticMethod::parse(self.method.trim()) else {
            return OrthostaticResult {
                outcome: OrthostaticOutcome::Incomplete,
                reasons: vec!["choose how the test was done".into()],
                heart_rate: None,
            };
        };
        let lenient = |v: Option<f64>, (lo, hi): (u32, u32)| {
            v.filter(|v| {
                v.is_finite() && v.fract() == 0.0 && *v >= f64::from(lo) && *v <= f64::from(hi)
            })
            .map(|v| v as u32)
        };
        let (s, d, h) = (SYSTOLIC_RANGE, DIASTOLIC_RANGE, HEART_RATE_RANGE);
        let readings = OrthostaticReadings {
            baseline_systolic: lenient(self.baseline_systolic, s),
            baseline_diastolic: lenient(self.baseline_diastolic, d),
            standing_systolic: lenient(self.standing_systolic, s),
            standing_diastolic: lenient(self.standing_diastolic, d),
            standing1_systolic: lenient(self.standing1_systolic, s),
            standing1_diastolic: lenient(self.standing1_diastolic, d),
            standing3_systolic: lenient(self.standing3_systolic, s),
            standing3_diastolic: lenient(self.standing3_diastolic, d),
            symptoms_on_standing: self.symptoms_on_standing,
            baseline_heart_rate: lenient(self.baseline_heart_rate, h),
            standing_heart_rate: lenient(self.standing_heart_rate, h),
            standing1_heart_rate: lenient(self.standing1_heart_rate, h),
            standing3_heart_rate: lenient(self.standing3_heart_rate, h),
        };
        orthostatic_result(method, &readings, hr_flag_at)
    }

    /// Validates the test, keeping `hr_flag_at` (the heart-rate rise flag in force). Errors
    /// name `orthostatic.method`, `orthostatic.notDoneReason`, `orthostatic.symptomsOnStanding`
    /// (symptoms with `not_done`), or the reading field that is implausible (heart rates
    /// 30-220), unpaired, not used by the method, or still needed to decide.
    pub fn validate(&self, hr_flag_at: u32) -> Result<Orthostatic, VigilError> {
        let method = OrthostaticMethod::parse(self.method.trim()).ok_or_else(|| {
            VigilError::validation(
                "orthostatic.method",
                "Choose sit-to-stand, lie-to-stand or not done.",
            )
        })?;
        let not_done_reason = if method == OrthostaticMethod::NotDone {
            if self.symptoms_on_standing {
                return Err(VigilError::validation(
                    "orthostatic.symptomsOnStanding",
                    "Symptoms on standing make the test positive: choose the method used.",
                ));
            }
            Some(reason(
                &self.not_done_reason,
                "orthostatic.notDoneReason",
                "Why the test was not done",
                3,
                200,
            )?)
        } else {
            None
        };
        let readings = self.readings(method)?;
        if orthostatic_result(method, &readings, hr_flag_at).outcome
            == OrthostaticOutcome::Incomplete
        {
            if let Some((field, label)) = missing_readings(method, &readings).first() {
                return Err(VigilError::validation(
                    field,
                    format!("Enter the {label}: a negative result needs every reading."),
                ));
            }
        }
        let hr_rise_flag_at = Some(hr_flag_at);
        Ok(Orthostatic { method, not_done_reason, readings, hr_rise_flag_at })
    }

    /// The readings the method uses, each pair plausible and complete; a reading of another
    /// method (or any reading for "not done") is refused.
    fn readings(&self, method: OrthostaticMethod) -> Result<OrthostaticReadings, VigilError> {
        let used: [bool; 4] = match method {
            OrthostaticMethod::SitToStand => [true, true, false, false],
            OrthostaticMethod::LieToStand => [true, false, true, true],
            OrthostaticMethod::NotDone => [false; 4],
        };
        let labels: [&str; 4] = match method {
            OrthostaticMethod::LieToStand => {
                ["lying", "standing", "1-min standing", "3-min standing"]
            }
            _ => ["sitting", "standing", "1-min standing", "3-min standing"],
        };
        let mut pairs = [None; 4];
        for (i, (sys, dia, sys_field, dia_field)) in self.raw_pairs().into_iter().enumerate() {
            if !used[i] {
                if let Some(field) = [(sys, sys_field), (dia, dia_field)]
                    .into_iter()
                    .find_map(|(v, f)| v.is_some().then_some(f))
                {
                    return Err(VigilError::validation(field, misplaced(method)));
                }
                continue;
            }
            pairs[i] = bp_pair(sys, dia, (sys_field, dia_field), labels[i])?;
        }
        let [base, stand, stand1, stand3] = pairs;
        let [base_hr, stand_hr, stand1_hr, stand3_hr] = self.rates(method, used)?;
        Ok(OrthostaticReadings {
            baseline_systolic: base.map(|p| p.systolic),
            baseline_diastolic: base.map(|p| p.diastolic),
            standing_systolic: stand.map(|p| p.systolic),
            standing_diastolic: stand.map(|p| p.diastolic),
            standing1_systolic: stand1.map(|p| p.systolic),
            standing1_diastolic: stand1.map(|p| p.diastolic),
            standing3_systolic: stand3.map(|p| p.systolic),
            standing3_diastolic: stand3.map(|p| p.diastolic),
            symptoms_on_standing: self.symptoms_on_standing,
            baseline_heart_rate: base_hr,
            standing_heart_rate: stand_hr,
            standing1_heart_rate: stand1_hr,
            standing3_heart_rate: stand3_hr,
        })
    }

    /// The heart rates, each optional and plausible; one of another method (or any for
    /// "not done") is refused like a blood pressure reading.
    fn rates(
        &self,
        method: OrthostaticMethod,
        used: [bool; 4],
    ) -> Result<[Option<u32>; 4], VigilError> {
        let (lo, hi) = HEART_RATE_RANGE;
        let mut out = [None; 4];
        let base = if method == OrthostaticMethod::LieToStand { "lying" } else { "sitting" };
        let labels = [base, "standing", "1-min standing", "3-min standing"];
        for (i, ((value, field), label)) in self.raw_rates().into_iter().zip(labels).enumerate() {
            if !used[i] {
                if value.is_some() {
                    return Err(VigilError::validation(field, misplaced(method)));
                }
                continue;
            }
            let what = format!("The {label} heart rate");
            out[i] = whole(value, field, &what, lo, hi, " bpm")?;
        }
        Ok(out)
    }
}

/// Why a reading the method does not use is refused.
fn misplaced(method: OrthostaticMethod) -> &'static str {
    if method == OrthostaticMethod::NotDone {
        "Leave the readings empty when the test was not done."
    } else {
        "This reading belongs to the other method; clear it."
    }
}
