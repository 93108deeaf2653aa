//! The escort and how the patient gets home (clinical.md section 5): a responsible adult with
//! a name, relationship and phone, the transport, whether they are expected, en route (with
//! an ETA) or have arrived, and how staff checked who they are. Going home alone (rideshare or
//! public transport) is refused unless the clinic's policy allows it.

mod input;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DischargePolicy;

pub use input::{EscortInput, MAX_ETA_AHEAD};

/// How the patient gets home. Stored by its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    EscortDrives,
    EscortWithRideshare,
    RideshareAlone,
    PublicTransportAlone,
}

impl Transport {
    pub const ALL: [Transport; 4] = [
        Self::EscortDrives,
        Self::EscortWithRideshare,
        Self::RideshareAlone,
        Self::PublicTransportAlone,
    ];

    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EscortDrives => "escort_drives",
            Self::EscortWithRideshare => "escort_with_rideshare",
            Self::RideshareAlone => "rideshare_alone",
            Self::PublicTransportAlone => "public_transport_alone",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// Whether the patient goes without an escort.
    pub fn alone(self) -> bool {
        matches!(self, Self::RideshareAlone | Self::PublicTransportAlone)
    }

    /// The name a nurse reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::EscortDrives => "Escort drives",
            Self::EscortWithRideshare => "Escort with rideshare",
            Self::RideshareAlone => "Rideshare alone",
            Self::PublicTransportAlone => "Public transport alone",
        }
    }

    /// Whether `policy` allows it: an escorted transport always, going alone only when the
    /// clinic allows that way home.
    pub fn allowed_by(self, policy: &DischargePolicy) -> bool {
        match self {
            Self::EscortDrives | Self::EscortWithRideshare => true,
            Self::RideshareAlone => policy.allow_rideshare_alone,
            Self::PublicTransportAlone => policy.allow_public_transport_alone,
        }
    }

    /// "by rideshare alone", "by public transport alone" (for messages about going alone).
    pub(super) fn by_alone(self) -> &'static str {
        match self {
            Self::PublicTransportAlone => "by public transport alone",
            _ => "by rideshare alone",
        }
    }
}

/// Where the escort is. Stored by its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EscortStatus {
    Expected,
    EnRoute,
    Arrived,
}

impl EscortStatus {
    pub const ALL: [EscortStatus; 3] = [Self::Expected, Self::EnRoute, Self::Arrived];

    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Expected => "expected",
            Self::EnRoute => "en_route",
            Self::Arrived => "arrived",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The name a nurse reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Expected => "Expected",
            Self::EnRoute => "En route",
            Self::Arrived => "Arrived",
        }
    }
}

/// The validated escort, and how the patient gets home. Stored as JSON by the store. For a
/// transport alone the person fields may be empty, the status is `Expected` without times and
/// the identity flags are false (none of it applies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Escort {
    pub full_name: String,
    pub relationship: String,
    pub phone: String,
    pub adult_attested: bool,
    pub transport: Transport,
    pub status: EscortStatus,
    pub eta: Option<DateTime<Utc>>,
    pub arrived_at: Option<DateTime<Utc>>,
    pub known_to_staff: bool,
    pub name_confirmed: bool,
    pub photo_id: bool,
}

impl Escort {
    /// The escort has arrived.
    pub fn present(&self) -> bool {
        self.status == EscortStatus::Arrived
    }

    /// Staff confirmed the name, and either know the escort or saw a photo ID.
    pub fn identified(&self) -> bool {
        self.name_confirmed && (self.known_to_staff || self.photo_id)
    }

    /// The patient goes home with an escort (not alone).
    pub fn escorted(&self) -> bool {
        !self.transport.alone()
    }
}
