//! Emergency ("break-glass") access after the fact: how long it may last (a clinic setting),
//! and what an administrator sees when reviewing each use: who, when, why, and what was done
//! under it. The rules for who may do what while it lasts are in `sign_in`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Nurse, VigilError};

/// Default minutes an emergency access lasts before the workstation locks.
pub const DEFAULT_EMERGENCY_MINUTES: u32 = 30;
/// The shortest and longest emergency access a clinic may set.
pub const EMERGENCY_MINUTES_RANGE: std::ops::RangeInclusive<u32> = 5..=120;

/// A change of how long emergency access lasts.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmergencyLimitEdit {
    pub minutes: f64,
}

impl EmergencyLimitEdit {
    /// Errors: `validation` on `minutes` unless a whole number from 5 to 120.
    pub fn validate(&self) -> Result<u32, VigilError> {
        let m = self.minutes;
        let (low, high) = (*EMERGENCY_MINUTES_RANGE.start(), *EMERGENCY_MINUTES_RANGE.end());
        if !m.is_finite() || m.fract() != 0.0 || !(f64::from(low)..=f64::from(high)).contains(&m) {
            return Err(VigilError::validation(
                "minutes",
                format!(
                    "Emergency access must last a whole number of minutes from {low} to {high}."
                ),
            ));
        }
        Ok(m as u32)
    }
}

/// One use of emergency access, as the reviewing administrator sees it. Its id is the
/// sequence number of the `emergency_access` audit entry that started it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EmergencyUse {
    #[ts(type = "number")]
    pub seq: i64,
    pub nurse: Nurse,
    pub at: DateTime<Utc>,
    pub reason: String,
    /// Audit entries written under it (the actions done).
    #[ts(type = "number")]
    pub actions: i64,
    /// Who reviewed it and when, once reviewed.
    pub reviewed_by: Option<Nurse>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

/// One action done under an emergency access: an audit entry stamped with its use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EmergencyAction {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// The audit action, e.g. `admit`, `record_check`.
    pub action: String,
    pub detail: String,
}

/// Marking a use reviewed, or asking for its actions.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmergencyUseInput {
    pub seq: f64,
}

/// The largest whole number a page's number holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl EmergencyUseInput {
    /// Errors: `validation` on `seq` unless a positive whole number.
    pub fn seq(&self) -> Result<i64, VigilError> {
        let s = self.seq;
        if !s.is_finite() || s.fract() != 0.0 || !(1.0..=MAX_SAFE_INTEGER).contains(&s) {
            return Err(VigilError::validation("seq", "Choose an emergency access to review."));
        }
        Ok(s as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_bounds() {
        for ok in [5.0, 30.0, 120.0] {
            assert_eq!(EmergencyLimitEdit { minutes: ok }.validate(), Ok(ok as u32));
        }
        for bad in [4.0, 121.0, 0.0, -30.0, 30.5, f64::NAN, f64::INFINITY] {
            let err = EmergencyLimitEdit { minutes: bad }.validate().unwrap_err();
            assert_eq!(err.field.as_deref(), Some("minutes"), "{bad}");
        }
    }

    #[test]
    fn a_use_is_named_by_a_positive_sequence_number() {
        assert_eq!(EmergencyUseInput { seq: 7.0 }.seq(), Ok(7));
        for bad in [0.0, -1.0, 1.5, f64::NAN, 1e300] {
            assert_eq!(
                EmergencyUseInput { seq: bad }.seq().unwrap_err().field.as_deref(),
                Some("seq")
            );
        }
    }
}
