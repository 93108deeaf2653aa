//! The eleven discharge gates by name: which are hard (refuse) and which soft (overridable),
//! their stored names and the labels a nurse reads.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A discharge gate. Stored and serialized by its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GateKey {
    Minimum,
    Escort,
    BloodPressure,
    Spo2,
    Sedation,
    Dissociation,
    Lightheadedness,
    Nausea,
    Padss,
    CriticalAlert,
    /// No planned check overdue (a check missed stands in the way like a failed finding).
    PlannedChecks,
}

impl GateKey {
    /// Every gate, in the order they are listed.
    pub const ALL: [GateKey; 11] = [
        Self::Minimum,
        Self::Escort,
        Self::BloodPressure,
        Self::Spo2,
        Self::Sedation,
        Self::Dissociation,
        Self::Lightheadedness,
        Self::Nausea,
        Self::Padss,
        Self::CriticalAlert,
        Self::PlannedChecks,
    ];

    /// The soft gates (overridable), in order: [`GateKey::ALL`] after its two hard gates.
    pub const SOFT: [GateKey; 9] = {
        let mut soft = [Self::BloodPressure; 9];
        let mut i = 0;
        while i < soft.len() {
            soft[i] = Self::ALL[i + 2];
            i += 1;
        }
        soft
    };

    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Minimum => "minimum",
            Self::Escort => "escort",
            Self::BloodPressure => "blood_pressure",
            Self::Spo2 => "spo2",
            Self::Sedation => "sedation",
            Self::Dissociation => "dissociation",
            Self::Lightheadedness => "lightheadedness",
            Self::Nausea => "nausea",
            Self::Padss => "padss",
            Self::CriticalAlert => "critical_alert",
            Self::PlannedChecks => "planned_checks",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Hard gates refuse a discharge; soft ones can be overridden.
    pub fn hard(self) -> bool {
        matches!(self, Self::Minimum | Self::Escort)
    }

    /// The name a nurse reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Minimum => "Minimum period",
            Self::Escort => "Escort",
            Self::BloodPressure => "Blood pressure",
            Self::Spo2 => "SpO2",
            Self::Sedation => "Sedation",
            Self::Dissociation => "Dissociation",
            Self::Lightheadedness => "Lightheadedness and gait",
            Self::Nausea => "Nausea",
            Self::Padss => "Modified PADSS",
            Self::CriticalAlert => "Critical alerts",
            Self::PlannedChecks => "Planned checks",
        }
    }
}
