//! The clinic's discharge policy [C] (clinical.md section 5): whether a patient may go home
//! alone by rideshare or public transport, when to alert about an escort who has not come,
//! the highest nausea grade a patient may leave with, and from which day after a Spravato
//! treatment the REMS form is flagged "due soon".

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields::whole;
use crate::papers::rems::{DEFAULT_WARN_FROM_DAY, REMS_DUE_DAYS};
use crate::VigilError;

/// The clinic's discharge policy [C].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DischargePolicy {
    /// Whether a patient may go home by rideshare without an escort (default no).
    pub allow_rideshare_alone: bool,
    /// Whether a patient may go home by public transport without an escort (default no).
    pub allow_public_transport_alone: bool,
    /// Alert when every other gate is green and no escort has arrived this many minutes after
    /// the minimum period ended (default 10).
    pub escort_late_minutes: u32,
    /// The highest nausea grade (0-3) a patient may leave with (default 1).
    pub max_nausea: u8,
    /// A REMS form is "due soon" from this day after the treatment day (1-7, default 5).
    /// Policies stored before this setting existed load with the default.
    #[serde(default = "default_rems_warn_from_day")]
    pub rems_warn_from_day: u32,
}

fn default_rems_warn_from_day() -> u32 {
    DEFAULT_WARN_FROM_DAY
}

impl Default for DischargePolicy {
    fn default() -> Self {
        Self {
            allow_rideshare_alone: false,
            allow_public_transport_alone: false,
            escort_late_minutes: 10,
            max_nausea: 1,
            rems_warn_from_day: DEFAULT_WARN_FROM_DAY,
        }
    }
}

/// An edit of the policy as the Settings screen sends it (numbers as JSON sends them).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DischargePolicyEdit {
    pub allow_rideshare_alone: bool,
    pub allow_public_transport_alone: bool,
    pub escort_late_minutes: f64,
    pub max_nausea: f64,
    pub rems_warn_from_day: f64,
}

impl DischargePolicyEdit {
    /// Errors: `validation` on `escortLateMinutes` unless a whole number from 1 to 120, on
    /// `maxNausea` unless a whole number from 0 to 3, on `remsWarnFromDay` unless a whole
    /// number from 1 to 7.
    pub fn validate(&self) -> Result<DischargePolicy, VigilError> {
        let escort_late_minutes = whole(
            self.escort_late_minutes,
            "escortLateMinutes",
            "The escort alert delay",
            1,
            120,
            " minutes",
        )?;
        let max_nausea = whole(self.max_nausea, "maxNausea", "The nausea limit", 0, 3, "")?;
        let rems_warn_from_day = whole(
            self.rems_warn_from_day,
            "remsWarnFromDay",
            "The REMS \"due soon\" day",
            1,
            REMS_DUE_DAYS,
            " (days after the treatment)",
        )?;
        Ok(DischargePolicy {
            allow_rideshare_alone: self.allow_rideshare_alone,
            allow_public_transport_alone: self.allow_public_transport_alone,
            escort_late_minutes,
            // At most 3, so the conversion is exact.
            max_nausea: max_nausea as u8,
            rems_warn_from_day,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(warn: f64) -> DischargePolicyEdit {
        DischargePolicyEdit {
            allow_rideshare_alone: false,
            allow_public_transport_alone: false,
            escort_late_minutes: 10.0,
            max_nausea: 1.0,
            rems_warn_from_day: warn,
        }
    }

    #[test]
    fn the_rems_warning_day_is_one_to_seven_and_five_by_default() {
        assert_eq!(DischargePolicy::default().rems_warn_from_day, 5);
        for warn in [1.0, 5.0, 7.0] {
            assert_eq!(edit(warn).validate().map(|p| f64::from(p.rems_warn_from_day)), Ok(warn));
        }
        for bad in [0.0, 8.0, 5.5, -1.0, f64::NAN] {
            let err = edit(bad).validate().expect_err("refused");
            assert_eq!(err.field.as_deref(), Some("remsWarnFromDay"), "{bad}");
        }
    }

    #[test]
    fn a_policy_stored_before_the_rems_warning_day_loads_with_the_default() {
        let stored = r#"{"allowRideshareAlone":true,"allowPublicTransportAlone":false,
            "escortLateMinutes":15,"maxNausea":2}"#;
        let policy: DischargePolicy = serde_json::from_str(stored).expect("old version");
        assert_eq!((policy.escort_late_minutes, policy.rems_warn_from_day), (15, 5));
        let json = serde_json::to_value(policy).expect("json");
        assert_eq!(json["remsWarnFromDay"], 5);
    }
}
