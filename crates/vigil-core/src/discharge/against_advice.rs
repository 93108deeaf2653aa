//! Leaving against advice (clinical.md section 5). The patient cannot be held: leaving before
//! the gates pass is recorded, never blocked. The record says whether the risks were explained,
//! whether and when the prescriber was notified, whether the patient says they will drive,
//! whether an escort was present, what staff did, and who witnessed a refused signature, with
//! every gate as it stood. Only bad input is refused.

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields::{multi_line, optional_line, past_instant_since, person};
use super::fields::{MAX_ACTIONS_CHARS, MAX_PERSON_CHARS, MIN_PERSON_CHARS};
use super::DischargeGates;
use crate::{RecoverySession, VigilError};

/// Whether the patient says they will drive. Stored by its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WillDrive {
    Yes,
    No,
    Unknown,
}

impl WillDrive {
    pub const ALL: [WillDrive; 3] = [Self::Yes, Self::No, Self::Unknown];

    /// The stored and serialized name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Unknown => "unknown",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.as_str() == name)
    }
}

/// The against-advice form as typed.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgainstAdviceInput {
    #[ts(type = "number")]
    pub session_id: i64,
    pub risks_explained: bool,
    pub prescriber_notified: bool,
    /// Required (2-100 characters) when notified.
    pub prescriber: String,
    /// Local time; required when notified.
    pub notified_at: String,
    /// `yes`, `no` or `unknown`.
    pub will_drive: String,
    pub escort_present: bool,
    /// Required, at most 2000 characters; line breaks allowed.
    pub actions_taken: String,
    pub signature_refused: bool,
    /// Required (2-100 characters) when the signature was refused, else optional.
    pub witness: String,
    /// Local time; "" means now.
    pub left_at: String,
}

/// A validated against-advice record, with every gate as it stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgainstAdvice {
    pub risks_explained: bool,
    pub prescriber_notified: bool,
    /// Present when the prescriber was notified.
    pub prescriber: Option<String>,
    /// Present when the prescriber was notified.
    pub notified_at: Option<DateTime<Utc>>,
    pub will_drive: WillDrive,
    pub escort_present: bool,
    pub actions_taken: String,
    pub signature_refused: bool,
    pub witness: Option<String>,
    pub left_at: DateTime<Utc>,
    pub gates: DischargeGates,
}

impl AgainstAdviceInput {
    /// Validates the record at `now`, reading typed times in zone `tz`. Never refuses because
    /// gates fail: the patient cannot be held.
    ///
    /// Errors: `validation` naming the first bad field, in form order: `prescriber` and
    /// `notifiedAt` (required when notified; not in the future, not before the clock start),
    /// `willDrive`, `actionsTaken`, `witness` (required when the signature was refused),
    /// `leftAt` (not in the future, not before the clock start).
    pub fn validate<Tz: TimeZone>(
        &self,
        session: &RecoverySession,
        gates: DischargeGates,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<AgainstAdvice, VigilError> {
        let (prescriber, notified_at) = self.notification(session, now, tz)?;
        let will_drive = WillDrive::parse(self.will_drive.trim()).ok_or_else(|| {
            VigilError::validation(
                "willDrive",
                "Choose whether the patient says they will drive: yes, no or unknown.",
            )
        })?;
        let actions_taken =
            multi_line(&self.actions_taken, "actionsTaken", "What was done", MAX_ACTIONS_CHARS)?;
        let witness = self.witness()?;
        let started = session.clock_started_at;
        let left_at = past_instant_since(
            &self.left_at,
            "leftAt",
            "leaving",
            "The time of leaving",
            started,
            now,
            tz,
        )?;
        Ok(AgainstAdvice {
            risks_explained: self.risks_explained,
            prescriber_notified: self.prescriber_notified,
            prescriber,
            notified_at,
            will_drive,
            escort_present: self.escort_present,
            actions_taken,
            signature_refused: self.signature_refused,
            witness,
            left_at,
            gates,
        })
    }

    /// The prescriber and when they were notified, when they were (else neither).
    fn notification<Tz: TimeZone>(
        &self,
        session: &RecoverySession,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<(Option<String>, Option<DateTime<Utc>>), VigilError> {
        if !self.prescriber_notified {
            return Ok((None, None));
        }
        let name = person(&self.prescriber, "prescriber", "The prescriber's name")?;
        if self.notified_at.trim().is_empty() {
            return Err(VigilError::validation(
                "notifiedAt",
                "Enter when the prescriber was notified.",
            ));
        }
        let what = "the prescriber's notification";
        let label = "The prescriber's notification";
        let started = session.clock_started_at;
        let at =
            past_instant_since(&self.notified_at, "notifiedAt", what, label, started, now, tz)?;
        Ok((Some(name), Some(at)))
    }

    /// The witness: required when the signature was refused, else optional.
    fn witness(&self) -> Result<Option<String>, VigilError> {
        if self.signature_refused {
            return Ok(Some(person(&self.witness, "witness", "The witness's name")?));
        }
        let what = "The witness's name";
        optional_line(&self.witness, "witness", what, MIN_PERSON_CHARS, MAX_PERSON_CHARS)
    }
}
