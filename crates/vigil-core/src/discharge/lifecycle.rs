//! The phases of a session after admission (clinical.md section 5): observing, cleared for
//! discharge (a clinical decision), departed with the escort, left against advice, or
//! transferred to emergency care. Being cleared and departing are separate events; once the
//! patient has left, nothing more is recorded for the session.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ErrorCode, VigilError};

/// Where a session stands. Stored by its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionPhase {
    /// In recovery, not yet cleared.
    Observing,
    /// Cleared for discharge, not yet gone.
    Cleared,
    /// Left with the escort (or alone where policy allows).
    Departed,
    /// Left before being cleared.
    LeftAgainstAdvice,
    /// Transferred to emergency care (from observing or cleared).
    Transferred,
}

impl SessionPhase {
    pub const ALL: [SessionPhase; 5] = [
        Self::Observing,
        Self::Cleared,
        Self::Departed,
        Self::LeftAgainstAdvice,
        Self::Transferred,
    ];

    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Observing => "observing",
            Self::Cleared => "cleared",
            Self::Departed => "departed",
            Self::LeftAgainstAdvice => "left_against_advice",
            Self::Transferred => "transferred",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// The patient has left.
    pub fn ended(self) -> bool {
        matches!(self, Self::Departed | Self::LeftAgainstAdvice | Self::Transferred)
    }

    /// Clearing needs an observing session. Errors: `conflict` when already cleared or gone.
    pub fn may_clear(self) -> Result<(), VigilError> {
        match self {
            Self::Observing => Ok(()),
            Self::Cleared => Err(conflict("This patient is already cleared for discharge.")),
            _ => Err(left()),
        }
    }

    /// Departing needs a cleared session. Errors: `conflict` when still observing or gone.
    pub fn may_depart(self) -> Result<(), VigilError> {
        match self {
            Self::Cleared => Ok(()),
            Self::Observing => Err(conflict(
                "Clear the patient for discharge first (or record leaving against advice).",
            )),
            _ => Err(left()),
        }
    }

    /// Leaving against advice needs an observing session (a cleared patient departs).
    /// Errors: `conflict` when cleared or gone.
    pub fn may_leave_against_advice(self) -> Result<(), VigilError> {
        match self {
            Self::Observing => Ok(()),
            Self::Cleared => {
                Err(conflict("This patient is cleared; record the departure instead."))
            }
            _ => Err(left()),
        }
    }

    /// A transfer to emergency care needs a patient still here, cleared or not (a cleared
    /// patient can still deteriorate); failing gates never hold it up. Errors: `conflict` once
    /// gone.
    pub fn may_transfer(self) -> Result<(), VigilError> {
        match self {
            Self::Observing | Self::Cleared => Ok(()),
            _ => Err(left()),
        }
    }

    /// Checks and escort updates need a patient still here. Errors: `conflict` once gone.
    pub fn may_record(self) -> Result<(), VigilError> {
        if self.ended() {
            return Err(conflict(
                "This patient has left; nothing more can be recorded for this session.",
            ));
        }
        Ok(())
    }
}

fn conflict(message: &str) -> VigilError {
    VigilError::new(ErrorCode::Conflict, message)
}

fn left() -> VigilError {
    conflict("This patient has already left.")
}
