//! What the discharge screens read: one session's discharge view (gates, escort, phase) and the
//! patients who left in the last day, who are off the board but still at hand for their papers.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DischargeGates, DischargePolicy, Escort, SessionPhase};
use crate::Protocol;

/// One session as the discharge dialog, escort form and against-advice form see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DischargeView {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    pub protocol: Protocol,
    pub phase: SessionPhase,
    /// The gates now (while observed) or as they stood when the patient was cleared.
    pub gates: DischargeGates,
    pub escort: Option<Escort>,
    pub policy: DischargePolicy,
    pub cleared_at: Option<DateTime<Utc>>,
    /// "Ana Ruiz, RN".
    pub cleared_by: Option<String>,
    pub departed_at: Option<DateTime<Utc>>,
    /// Spravato: whole minutes from the first device to the first time every soft gate passed.
    pub ready_without_minimum_minutes: Option<u32>,
}

/// How a patient left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DepartureHow {
    Discharged,
    AgainstAdvice,
    /// Transferred to emergency care.
    Transferred,
}

impl DepartureHow {
    pub const ALL: [DepartureHow; 3] = [Self::Discharged, Self::AgainstAdvice, Self::Transferred];

    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Discharged => "discharged",
            Self::AgainstAdvice => "against_advice",
            Self::Transferred => "transferred",
        }
    }

    /// Parses the stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|h| h.as_str() == name)
    }

    /// The session phase a departure of this kind leaves.
    pub fn phase(self) -> SessionPhase {
        match self {
            Self::Discharged => SessionPhase::Departed,
            Self::AgainstAdvice => SessionPhase::LeftAgainstAdvice,
            Self::Transferred => SessionPhase::Transferred,
        }
    }
}

/// A patient who left: off the board, kept for the papers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DepartedRow {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    pub protocol: Protocol,
    pub left_at: DateTime<Utc>,
    pub how: DepartureHow,
}
