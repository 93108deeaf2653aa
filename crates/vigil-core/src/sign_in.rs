//! Who is at the workstation: sign-in, switching nurse, the idle lock and emergency access.
//! [`Workstation`] is the state the shell keeps in memory; the rules (when it locks, how long a
//! wrong PIN makes the next attempt wait, who may do what) are here, with `now` passed in: the wrong-PIN wait in `wait`, the
//! state in `workstation`, the forms and the UI's status here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::people::Nurse;
use crate::text::required_text;
use crate::VigilError;

pub use wait::{sign_in_wait, wait_error, FIRST_WAIT_SECONDS, FREE_FAILURES, MAX_WAIT_SECONDS};
pub use workstation::{SignedIn, Workstation, EMERGENCY_CLINICAL_ONLY};

/// Default seconds without input before the workstation locks (clinical.md section 6).
pub const DEFAULT_IDLE_LOCK_SECONDS: u32 = 300;

/// Signing in (or unlocking, or switching nurse): an account and its PIN.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignInInput {
    #[ts(type = "number")]
    pub nurse_id: i64,
    pub pin: String,
}

/// Emergency ("break-glass") access without a PIN: an account and why.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmergencyInput {
    #[ts(type = "number")]
    pub nurse_id: i64,
    pub reason: String,
}

impl EmergencyInput {
    /// Errors: `validation` on `reason` unless 10 to 500 characters without control characters.
    pub fn reason(&self) -> Result<String, VigilError> {
        let reason = required_text(&self.reason, "reason", "The reason", 500)?;
        if reason.chars().count() < 10 {
            return Err(VigilError::validation(
                "reason",
                "Say why emergency access is needed (at least 10 characters).",
            ));
        }
        Ok(reason)
    }
}

/// A change of the idle lock time.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdleLockEdit {
    pub seconds: f64,
}

impl IdleLockEdit {
    /// Errors: `validation` on `seconds` unless a whole number from 20 to 3600.
    pub fn validate(&self) -> Result<u32, VigilError> {
        let message = "The idle lock must be a whole number of seconds from 20 to 3600.";
        crate::settings::whole_setting(self.seconds, (20, 3600), "seconds", message)
    }
}

/// What the UI needs to know about sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuthStatus {
    /// No account exists yet: the first start must create an administrator.
    pub setup_needed: bool,
    /// The nurse signed in (also while locked).
    pub nurse: Option<Nurse>,
    pub locked: bool,
    /// Signed in through emergency access.
    pub emergency: bool,
    /// When the emergency access in use locks the workstation.
    pub emergency_ends_at: Option<DateTime<Utc>>,
    /// Active accounts, for the sign-in list.
    pub accounts: Vec<Nurse>,
    pub idle_lock_seconds: u32,
}

mod wait;
mod workstation;

#[cfg(test)]
mod tests;
