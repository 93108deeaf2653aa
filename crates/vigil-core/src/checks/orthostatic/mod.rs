//! Orthostatic vitals (clinical.md section 3): the readings, and whether they are positive.
//! [`orthostatic_result`] is a pure function over readings that may be partial, so the UI can
//! show the result while the nurse types; validation refuses only what cannot be decided.
//!
//! - sit-to-stand: positive when systolic falls >= 15 mmHg or diastolic >= 7 (Shaw 2017);
//! - lie-to-stand, read at 1 and 3 min standing: positive when, at either, systolic falls
//!   >= 20 or diastolic >= 10, or the standing systolic is < 90 (2011 consensus);
//! - symptoms on standing are positive with either method, even without a drop;
//! - heart rate on standing ([`HeartRateRise`]): a rise at or above the clinic's threshold is
//!   flagged, and counts toward a positive check only with symptoms.
//!
//! A positive finding is decisive as soon as it is seen (the test is stopped when the patient
//! is symptomatic), so a positive test may lack later readings; a negative needs them all.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod heart_rate;
mod input;

pub use heart_rate::HeartRateRise;
pub use input::OrthostaticInput;

/// Sit-to-stand: a systolic fall of at least this many mmHg is positive.
pub const SIT_SYSTOLIC_FALL: u32 = 15;
/// Sit-to-stand: a diastolic fall of at least this many mmHg is positive.
pub const SIT_DIASTOLIC_FALL: u32 = 7;
/// Lie-to-stand: a systolic fall of at least this many mmHg is positive.
pub const LIE_SYSTOLIC_FALL: u32 = 20;
/// Lie-to-stand: a diastolic fall of at least this many mmHg is positive.
pub const LIE_DIASTOLIC_FALL: u32 = 10;
/// Lie-to-stand: a standing systolic below this is positive.
pub const LIE_STANDING_SYSTOLIC_FLOOR: u32 = 90;

/// How the orthostatic test was done, or that it was not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrthostaticMethod {
    SitToStand,
    LieToStand,
    /// Not done (sedated, fall risk): valid with a reason, but the check stays due.
    NotDone,
}

impl OrthostaticMethod {
    /// Parses `sit_to_stand`, `lie_to_stand` or `not_done`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "sit_to_stand" => Some(Self::SitToStand),
            "lie_to_stand" => Some(Self::LieToStand),
            "not_done" => Some(Self::NotDone),
            _ => None,
        }
    }
}

/// Readings in mmHg (heart rates in bpm), each possibly missing. Sit-to-stand uses
/// `baseline*` (sitting) and `standing*`; lie-to-stand uses `baseline*` (lying), `standing1*`
/// and `standing3*`. Heart rates are optional and absent from checks stored before them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrthostaticReadings {
    pub baseline_systolic: Option<u32>,
    pub baseline_diastolic: Option<u32>,
    pub standing_systolic: Option<u32>,
    pub standing_diastolic: Option<u32>,
    pub standing1_systolic: Option<u32>,
    pub standing1_diastolic: Option<u32>,
    pub standing3_systolic: Option<u32>,
    pub standing3_diastolic: Option<u32>,
    pub symptoms_on_standing: bool,
    #[serde(default)]
    pub baseline_heart_rate: Option<u32>,
    #[serde(default)]
    pub standing_heart_rate: Option<u32>,
    #[serde(default)]
    pub standing1_heart_rate: Option<u32>,
    #[serde(default)]
    pub standing3_heart_rate: Option<u32>,
}

/// The verdict of an orthostatic test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrthostaticOutcome {
    Positive,
    Negative,
    /// Not enough readings to decide yet.
    Incomplete,
    NotDone,
}

/// The verdict with the reasons a nurse reads, e.g. "systolic fell 16 mmHg (≥ 15)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OrthostaticResult {
    pub outcome: OrthostaticOutcome,
    pub reasons: Vec<String>,
    /// The heart-rate change on standing, once a sitting/lying and a standing rate are in.
    #[serde(default)]
    pub heart_rate: Option<HeartRateRise>,
}

/// A validated orthostatic test. Done tests are decisive (positive or negative).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Orthostatic {
    pub method: OrthostaticMethod,
    pub not_done_reason: Option<String>,
    pub readings: OrthostaticReadings,
    /// The heart-rate rise flag threshold in force when the test was recorded (absent in
    /// checks stored before heart rates were: the default then applies).
    #[serde(default)]
    pub hr_rise_flag_at: Option<u32>,
}

impl Orthostatic {
    /// The verdict of this test.
    pub fn result(&self) -> OrthostaticResult {
        orthostatic_result(self.method, &self.readings, self.flag_at())
    }

    /// The heart-rate change on standing, when both rates were recorded.
    pub fn heart_rate_rise(&self) -> Option<HeartRateRise> {
        HeartRateRise::of(self.method, &self.readings, self.flag_at())
    }

    /// Whether the heart rate rose by the flag threshold or more on standing.
    pub fn heart_rate_flagged(&self) -> bool {
        self.heart_rate_rise().is_some_and(|h| h.flagged)
    }

    fn flag_at(&self) -> u32 {
        self.hr_rise_flag_at.unwrap_or(crate::checks::thresholds::DEFAULT_ORTHOSTATIC_HR_RISE)
    }

    /// Whether the test was done (either method).
    pub fn done(&self) -> bool {
        self.method != OrthostaticMethod::NotDone
    }
}

/// The verdict for `method` from readings as far as they go, the heart-rate rise compared
/// with `hr_flag_at` bpm. Never fails: missing readings give [`OrthostaticOutcome::Incomplete`]
/// with what is missing, unless something already present is positive. A flagged heart-rate
/// rise never decides the verdict; with symptoms on standing it is listed as a reason.
pub fn orthostatic_result(
    method: OrthostaticMethod,
    r: &OrthostaticReadings,
    hr_flag_at: u32,
) -> OrthostaticResult {
    let limits = match method {
        OrthostaticMethod::NotDone => {
            return OrthostaticResult {
                outcome: OrthostaticOutcome::NotDone,
                reasons: vec!["not done".into()],
                heart_rate: None,
            }
        }
        OrthostaticMethod::SitToStand => (SIT_SYSTOLIC_FALL, SIT_DIASTOLIC_FALL),
        OrthostaticMethod::LieToStand => (LIE_SYSTOLIC_FALL, LIE_DIASTOLIC_FALL),
    };
    let heart_rate = HeartRateRise::of(method, r, hr_flag_at);
    let mut positive = Vec::new();
    if r.symptoms_on_standing {
        positive.push("symptoms on standing".to_owned());
        if let Some(h) = heart_rate.filter(|h| h.flagged) {
            positive.push(h.text());
        }
    }
    let negative = compare_falls(method, r, limits, &mut positive);
    if !positive.is_empty() {
        let outcome = OrthostaticOutcome::Positive;
        return OrthostaticResult { outcome, reasons: positive, heart_rate };
    }
    let missing = missing_readings(method, r);
    if missing.is_empty() {
        OrthostaticResult { outcome: OrthostaticOutcome::Negative, reasons: negative, heart_rate }
    } else {
        let labels: Vec<&str> = missing.iter().map(|(_, label)| *label).collect();
        OrthostaticResult {
            outcome: OrthostaticOutcome::Incomplete,
            reasons: vec![format!("still needed: {}", labels.join(", "))],
            heart_rate,
        }
    }
}

/// Compares each standing reading with the baseline against the (systolic, diastolic) fall
/// `limits`: a fall at the limit, or (lying to standing) a standing systolic under the floor,
/// goes to `positive`; the negative comparisons are returned.
fn compare_falls(
    method: OrthostaticMethod,
    r: &OrthostaticReadings,
    limits: (u32, u32),
    positive: &mut Vec<String>,
) -> Vec<String> {
    let mut negative = Vec::new();
    for (when, sys, dia) in standing_readings(method, r) {
        let mut compare = |name: &str, base: Option<u32>, stand: Option<u32>, limit: u32| {
            if let (Some(b), Some(s)) = (base, stand) {
                let fall = i64::from(b) - i64::from(s);
                if fall >= i64::from(limit) {
                    positive.push(format!("{when}{name} fell {fall} mmHg (≥ {limit})"));
                } else {
                    negative.push(format!("{when}{name} {} (positive at ≥ {limit})", change(fall)));
                }
            }
        };
        compare("systolic", r.baseline_systolic, sys, limits.0);
        compare("diastolic", r.baseline_diastolic, dia, limits.1);
        if method == OrthostaticMethod::LieToStand {
            if let Some(s) = sys.filter(|s| *s < LIE_STANDING_SYSTOLIC_FLOOR) {
                positive.push(format!(
                    "{when}standing systolic {s} mmHg (< {LIE_STANDING_SYSTOLIC_FLOOR})"
                ));
            }
        }
    }
    negative
}

fn change(fall: i64) -> String {
    match fall {
        0 => "did not change".to_owned(),
        f if f > 0 => format!("fell {f} mmHg"),
        f => format!("rose {} mmHg", -f),
    }
}

/// `(label prefix, systolic, diastolic)` of each standing reading the method uses.
fn standing_readings(
    method: OrthostaticMethod,
    r: &OrthostaticReadings,
) -> Vec<(&'static str, Option<u32>, Option<u32>)> {
    match method {
        OrthostaticMethod::SitToStand => vec![("", r.standing_systolic, r.standing_diastolic)],
        OrthostaticMethod::LieToStand => vec![
            ("at 1 min: ", r.standing1_systolic, r.standing1_diastolic),
            ("at 3 min: ", r.standing3_systolic, r.standing3_diastolic),
        ],
        OrthostaticMethod::NotDone => Vec::new(),
    }
}

/// The readings a negative verdict still needs, as `(field path, label)`, in form order.
pub(super) fn missing_readings(
    method: OrthostaticMethod,
    r: &OrthostaticReadings,
) -> Vec<(&'static str, &'static str)> {
    let (base, rest): (&str, Vec<_>) = match method {
        OrthostaticMethod::NotDone => return Vec::new(),
        OrthostaticMethod::SitToStand => (
            "sitting",
            vec![
                (r.standing_systolic, "orthostatic.standingSystolic", "standing systolic"),
                (r.standing_diastolic, "orthostatic.standingDiastolic", "standing diastolic"),
            ],
        ),
        OrthostaticMethod::LieToStand => (
            "lying",
            vec![
                (r.standing1_systolic, "orthostatic.standing1Systolic", "1-min standing systolic"),
                (
                    r.standing1_diastolic,
                    "orthostatic.standing1Diastolic",
                    "1-min standing diastolic",
                ),
                (r.standing3_systolic, "orthostatic.standing3Systolic", "3-min standing systolic"),
                (
                    r.standing3_diastolic,
                    "orthostatic.standing3Diastolic",
                    "3-min standing diastolic",
                ),
            ],
        ),
    };
    let (sys_label, dia_label) = if base == "sitting" {
        ("sitting systolic", "sitting diastolic")
    } else {
        ("lying systolic", "lying diastolic")
    };
    let mut all = vec![
        (r.baseline_systolic, "orthostatic.baselineSystolic", sys_label),
        (r.baseline_diastolic, "orthostatic.baselineDiastolic", dia_label),
    ];
    all.extend(rest);
    all.into_iter().filter(|(v, _, _)| v.is_none()).map(|(_, f, l)| (f, l)).collect()
}
