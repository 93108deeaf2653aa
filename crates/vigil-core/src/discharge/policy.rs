//! The clinic's discharge policy [C] (clinical.md section 5): whether a patient may go home
//! alone by rideshare or public transport, when to alert about an escort who has not come,
//! and the highest nausea grade a patient may leave with.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields::whole;
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
}

impl Default for DischargePolicy {
    fn default() -> Self {
        Self {
            allow_rideshare_alone: false,
            allow_public_transport_alone: false,
            escort_late_minutes: 10,
            max_nausea: 1,
        }
    }
}

/// An edit of the policy as the Settings screen sends it (numbers as JSON sends them).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DischargePolicyEdit {
    pub allow_rideshare_alone: bool,
    pub allow_public_transport_alone: bool,
    pub escort_late_minutes: f64,
    pub max_nausea: f64,
}

impl DischargePolicyEdit {
    /// Errors: `validation` on `escortLateMinutes` unless a whole number from 1 to 120, on
    /// `maxNausea` unless a whole number from 0 to 3.
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
        Ok(DischargePolicy {
            allow_rideshare_alone: self.allow_rideshare_alone,
            allow_public_transport_alone: self.allow_public_transport_alone,
            escort_late_minutes,
            // At most 3, so the conversion is exact.
            max_nausea: max_nausea as u8,
        })
    }
}
