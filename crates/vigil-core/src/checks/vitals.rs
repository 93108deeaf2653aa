//! Vital signs as typed and as validated. Plausibility limits (clinical.md section 4) reject
//! typos at entry; they are not clinical thresholds (those are [`super::ThresholdSettings`]).
//! Blood pressure comes as a pair; SpO2 needs to say whether the patient is on room air.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields::whole;
use crate::VigilError;

/// Plausible systolic pressure, mmHg.
pub const SYSTOLIC_RANGE: (u32, u32) = (50, 260);
/// Plausible diastolic pressure, mmHg (and always below the systolic).
pub const DIASTOLIC_RANGE: (u32, u32) = (30, 160);
/// Plausible heart rate, beats/min.
pub const HEART_RATE_RANGE: (u32, u32) = (30, 220);
/// Plausible SpO2, %.
pub const SPO2_RANGE: (u32, u32) = (50, 100);
/// Plausible respiratory rate, breaths/min.
pub const RESPIRATORY_RATE_RANGE: (u32, u32) = (4, 60);
/// Plausible temperature, degrees Celsius (decimals allowed).
pub const TEMPERATURE_RANGE_C: (f64, f64) = (33.0, 42.0);

/// A blood pressure reading, mmHg; `diastolic < systolic`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BloodPressure {
    pub systolic: u32,
    pub diastolic: u32,
}

/// Whether the SpO2 was read on room air or on supplemental oxygen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OxygenSupport {
    RoomAir,
    Oxygen,
}

impl OxygenSupport {
    /// Parses `room_air` or `oxygen`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "room_air" => Some(Self::RoomAir),
            "oxygen" => Some(Self::Oxygen),
            _ => None,
        }
    }
}

/// The vitals part of the check form; every value optional, numbers as JSON sends them.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VitalsInput {
    #[ts(optional = nullable)]
    #[serde(default)]
    pub systolic: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub diastolic: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub heart_rate: Option<f64>,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub spo2: Option<f64>,
    /// `room_air` or `oxygen`; required when `spo2` is given.
    #[serde(default)]
    pub oxygen: String,
    #[ts(optional = nullable)]
    #[serde(default)]
    pub respiratory_rate: Option<f64>,
    /// Degrees Celsius; one decimal is usual.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub temperature_c: Option<f64>,
}

/// Validated vitals; at least one value is present (`Default`, all empty, only as a stand-in).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Vitals {
    pub bp: Option<BloodPressure>,
    pub heart_rate: Option<u32>,
    pub spo2: Option<u32>,
    pub oxygen: Option<OxygenSupport>,
    pub respiratory_rate: Option<u32>,
    pub temperature_c: Option<f64>,
}

/// Validates a systolic/diastolic pair on fields `(systolic, diastolic)`: both or neither, each
/// plausible, diastolic below systolic. `what` names the reading in messages ("sitting"), or
/// is empty.
pub fn bp_pair(
    systolic: Option<f64>,
    diastolic: Option<f64>,
    fields: (&str, &str),
    what: &str,
) -> Result<Option<BloodPressure>, VigilError> {
    let (sys_field, dia_field) = fields;
    let what = if what.is_empty() { String::new() } else { format!("{what} ") };
    let (lo, hi) = SYSTOLIC_RANGE;
    let sys = whole(systolic, sys_field, &format!("The {what}systolic"), lo, hi, " mmHg")?;
    let (lo, hi) = DIASTOLIC_RANGE;
    let dia = whole(diastolic, dia_field, &format!("The {what}diastolic"), lo, hi, " mmHg")?;
    match (sys, dia) {
        (None, None) => Ok(None),
        (Some(_), None) => Err(VigilError::validation(
            dia_field,
            format!("Enter the {what}diastolic too: blood pressure is a pair."),
        )),
        (None, Some(_)) => Err(VigilError::validation(
            sys_field,
            format!("Enter the {what}systolic too: blood pressure is a pair."),
        )),
        (Some(s), Some(d)) if d >= s => Err(VigilError::validation(
            dia_field,
            format!("The {what}diastolic must be below the systolic."),
        )),
        (Some(systolic), Some(diastolic)) => Ok(Some(BloodPressure { systolic, diastolic })),
    }
}

impl VitalsInput {
    /// Validates every value against its plausibility limits; an object with no value at all
    /// gives `None`. Errors name `vitals.systolic`, `vitals.diastolic`, `vitals.heartRate`,
    /// `vitals.spo2`, `vitals.oxygen`, `vitals.respiratoryRate` or `vitals.temperatureC`.
    pub fn validate(&self) -> Result<Option<Vitals>, VigilError> {
        let bp =
            bp_pair(self.systolic, self.diastolic, ("vitals.systolic", "vitals.diastolic"), "")?;
        let (lo, hi) = HEART_RATE_RANGE;
        let heart_rate = whole(self.heart_rate, "vitals.heartRate", "Heart rate", lo, hi, "/min")?;
        let (lo, hi) = SPO2_RANGE;
        let spo2 = whole(self.spo2, "vitals.spo2", "SpO2", lo, hi, " %")?;
        let oxygen = oxygen(&self.oxygen, spo2.is_some())?;
        let (lo, hi) = RESPIRATORY_RATE_RANGE;
        let respiratory_rate = whole(
            self.respiratory_rate,
            "vitals.respiratoryRate",
            "Respiratory rate",
            lo,
            hi,
            "/min",
        )?;
        let temperature_c = temperature_c(self.temperature_c)?;
        let vitals = Vitals { bp, heart_rate, spo2, oxygen, respiratory_rate, temperature_c };
        let empty = bp.is_none()
            && heart_rate.is_none()
            && spo2.is_none()
            && respiratory_rate.is_none()
            && temperature_c.is_none();
        Ok((!empty).then_some(vitals))
    }
}

/// Room air or oxygen: required with an SpO2, else optional.
fn oxygen(raw: &str, with_spo2: bool) -> Result<Option<OxygenSupport>, VigilError> {
    match raw.trim() {
        "" if with_spo2 => Err(VigilError::validation(
            "vitals.oxygen",
            "Say whether the SpO2 was on room air or on oxygen.",
        )),
        "" => Ok(None),
        name => Ok(Some(OxygenSupport::parse(name).ok_or_else(|| {
            VigilError::validation("vitals.oxygen", "Choose room air or oxygen.")
        })?)),
    }
}

/// A temperature within [`TEMPERATURE_RANGE_C`], or `None` when not taken.
fn temperature_c(value: Option<f64>) -> Result<Option<f64>, VigilError> {
    match value {
        None => Ok(None),
        Some(t)
            if t.is_finite() && (TEMPERATURE_RANGE_C.0..=TEMPERATURE_RANGE_C.1).contains(&t) =>
        {
            Ok(Some(t))
        }
        Some(_) => Err(VigilError::validation(
            "vitals.temperatureC",
            "Temperature must be from 33 to 42 °C.",
        )),
    }
}
