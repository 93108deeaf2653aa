//! Recovery protocols: what starts the clock and how long the minimum observation lasts
//! (clinical.md section 2). The minimum for Spravato (REMS) can never go below 120 minutes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The shortest recovery period any protocol may be set to, in minutes.
pub const MIN_RECOVERY_MINUTES: u32 = 15;
/// The longest recovery period any protocol may be set to, in minutes.
pub const MAX_RECOVERY_MINUTES: u32 = 480;

/// A recovery protocol. Stored by its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    /// IV racemic ketamine: clock starts at infusion end, 60 min by default.
    IvKetamine,
    /// Spravato (esketamine nasal spray) under REMS: clock starts at the first spray device,
    /// at least 120 min.
    Spravato,
    /// IM ketamine: clock starts at the injection, 45 min by default.
    ImKetamine,
}

impl Protocol {
    pub const ALL: [Protocol; 3] = [Self::IvKetamine, Self::Spravato, Self::ImKetamine];

    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::IvKetamine => "iv_ketamine",
            Self::Spravato => "spravato",
            Self::ImKetamine => "im_ketamine",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// The default minimum observation, in minutes.
    /// The name a nurse reads ("IV ketamine").
    pub fn label(self) -> &'static str {
        match self {
            Self::IvKetamine => "IV ketamine",
            Self::Spravato => "Spravato",
            Self::ImKetamine => "IM ketamine",
        }
    }

    pub fn default_minutes(self) -> u32 {
        match self {
            Self::IvKetamine => 60,
            Self::Spravato => 120,
            Self::ImKetamine => 45,
        }
    }

    /// The lowest minimum observation this protocol accepts, in minutes.
    pub fn floor_minutes(self) -> u32 {
        match self {
            Self::Spravato => 120,
            _ => MIN_RECOVERY_MINUTES,
        }
    }

    /// The clinical event that starts the recovery clock, for messages and labels.
    pub fn clock_start_event(self) -> &'static str {
        match self {
            Self::IvKetamine => "the infusion ended",
            Self::Spravato => "the first spray device",
            Self::ImKetamine => "the injection",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in Protocol::ALL {
            assert_eq!(Protocol::parse(p.as_str()), Some(p));
        }
        assert_eq!(Protocol::parse("ketamine"), None);
    }

    #[test]
    fn defaults_respect_floors() {
        for p in Protocol::ALL {
            assert!(p.default_minutes() >= p.floor_minutes());
            assert!(p.default_minutes() <= MAX_RECOVERY_MINUTES);
        }
        assert_eq!(Protocol::Spravato.floor_minutes(), 120);
        assert_eq!(Protocol::IvKetamine.default_minutes(), 60);
    }
}
