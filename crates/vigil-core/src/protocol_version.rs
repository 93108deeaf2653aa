//! Protocol versions: the clinic's current minimum for each protocol. An edit creates a new
//! version; a session keeps the version it was admitted under, so changing a protocol never
//! changes a running countdown. Spravato's minimum can never go below 120 minutes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::protocol::{Protocol, MAX_RECOVERY_MINUTES};
use crate::VigilError;

/// One version of a protocol's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolVersion {
    #[ts(type = "number")]
    pub id: i64,
    pub protocol: Protocol,
    pub version: u32,
    pub minimum_minutes: u32,
    pub created_at: DateTime<Utc>,
}

/// A request to change a protocol's minimum, as the Settings screen sends it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProtocolEdit {
    pub protocol: String,
    pub minimum_minutes: f64,
}

/// A validated protocol edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidProtocolEdit {
    pub protocol: Protocol,
    pub minimum_minutes: u32,
}

impl ProtocolEdit {
    /// Errors: `validation` on `protocol` (unknown) or `minimumMinutes` (not whole, outside
    /// 15-480, or below 120 for Spravato).
    pub fn validate(&self) -> Result<ValidProtocolEdit, VigilError> {
        let protocol = Protocol::parse(self.protocol.trim()).ok_or_else(|| {
            VigilError::validation("protocol", "Choose a protocol from the list.")
        })?;
        let minimum_minutes = whole_minutes_in_range(
            self.minimum_minutes,
            "minimumMinutes",
            "The minimum",
            protocol.floor_minutes(),
            protocol,
        )?;
        Ok(ValidProtocolEdit { protocol, minimum_minutes })
    }
}

/// The current version of `protocol` among `versions` (the highest version number).
pub fn current(versions: &[ProtocolVersion], protocol: Protocol) -> Option<&ProtocolVersion> {
    versions.iter().filter(|v| v.protocol == protocol).max_by_key(|v| v.version)
}

/// Checks `minutes` is a whole number from `floor` to 480; `label` starts the message.
pub(crate) fn whole_minutes_in_range(
    minutes: f64,
    field: &str,
    label: &str,
    floor: u32,
    protocol: Protocol,
) -> Result<u32, VigilError> {
    if !minutes.is_finite() || minutes.fract() != 0.0 {
        return Err(VigilError::validation(
            field,
            format!("{label} must be a whole number of minutes."),
        ));
    }
    if minutes < f64::from(floor) || minutes > f64::from(MAX_RECOVERY_MINUTES) {
        let message = if protocol == Protocol::Spravato && minutes < 120.0 {
            "Spravato (REMS) requires at least 120 minutes of observation.".to_owned()
        } else {
            format!("{label} must be between {floor} and {MAX_RECOVERY_MINUTES} minutes.")
        };
        return Err(VigilError::validation(field, message));
    }
    // Whole and in range, so the conversion is exact.
    Ok(minutes as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(protocol: &str, minutes: f64) -> ProtocolEdit {
        ProtocolEdit { protocol: protocol.into(), minimum_minutes: minutes }
    }

    #[test]
    fn range_is_15_to_480_and_spravato_at_least_120() {
        assert!(edit("iv_ketamine", 15.0).validate().is_ok());
        assert!(edit("iv_ketamine", 480.0).validate().is_ok());
        for (p, m) in [
            ("iv_ketamine", 14.0),
            ("im_ketamine", 481.0),
            ("spravato", 119.0),
            ("iv_ketamine", 30.5),
        ] {
            let err = edit(p, m).validate().expect_err("rejected");
            assert_eq!(err.field.as_deref(), Some("minimumMinutes"), "{p} {m}");
        }
        assert!(edit("spravato", 120.0).validate().is_ok());
        assert_eq!(
            edit("oral", 60.0).validate().expect_err("unknown").field.as_deref(),
            Some("protocol")
        );
    }

    #[test]
    fn current_is_the_highest_version() {
        let at = DateTime::<Utc>::UNIX_EPOCH;
        let v = |id, version, minutes| ProtocolVersion {
            id,
            protocol: Protocol::IvKetamine,
            version,
            minimum_minutes: minutes,
            created_at: at,
        };
        let all = [v(1, 1, 60), v(4, 3, 90), v(2, 2, 45)];
        assert_eq!(current(&all, Protocol::IvKetamine).map(|v| v.id), Some(4));
        assert_eq!(current(&all, Protocol::Spravato), None);
    }
}
