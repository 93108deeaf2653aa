//! Clinic settings that are not protocols. Each change is a new record (the history stays).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{BackupSettings, ProtocolVersion, VigilError};

/// Default minutes between repeats of an unacknowledged alert's sound.
pub const DEFAULT_ALERT_REPEAT_MINUTES: u32 = 3;

/// The settings the Settings screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClinicSettings {
    /// The current version of each protocol.
    pub protocols: Vec<ProtocolVersion>,
    pub alert_repeat_minutes: u32,
    /// Seconds without input before the workstation locks.
    pub idle_lock_seconds: u32,
    /// Minutes an emergency access lasts before the workstation locks.
    pub emergency_minutes: u32,
    pub backup: BackupSettings,
    /// Days saved papers (PDF files) and form drafts are kept before the daily cleanup.
    pub papers_kept_days: u32,
    /// The limits that turn check values into clinical alerts.
    pub thresholds: crate::checks::ThresholdSettings,
    /// The timings of the check plans (for sessions admitted from now on).
    pub check_plan: crate::checks::CheckPlanSettings,
    /// Transport rules, the escort-late alert and the nausea limit for discharge.
    pub discharge: crate::discharge::DischargePolicy,
}

/// A change of the alert repeat interval.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlertRepeatEdit {
    pub minutes: f64,
}

impl AlertRepeatEdit {
    /// Errors: `validation` on `minutes` unless a whole number from 1 to 30.
    pub fn validate(&self) -> Result<u32, VigilError> {
        let message = "The alert repeat must be a whole number of minutes from 1 to 30.";
        whole_setting(self.minutes, (1, 30), "minutes", message)
    }
}

/// A setting's `value` when it is a whole number from `lo` to `hi`; else a `validation` error
/// on `field` saying `message`.
pub(crate) fn whole_setting(
    value: f64,
    (lo, hi): (u32, u32),
    field: &str,
    message: &str,
) -> Result<u32, VigilError> {
    if !value.is_finite()
        || value.fract() != 0.0
        || !(f64::from(lo)..=f64::from(hi)).contains(&value)
    {
        return Err(VigilError::validation(field, message));
    }
    // Whole and within u32 bounds, so the conversion is exact.
    Ok(value as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeat_bounds() {
        for ok in [1.0, 30.0] {
            assert!(AlertRepeatEdit { minutes: ok }.validate().is_ok());
        }
        for bad in [0.0, 31.0, 2.5, f64::NAN] {
            assert!(AlertRepeatEdit { minutes: bad }.validate().is_err(), "{bad}");
        }
    }
}
