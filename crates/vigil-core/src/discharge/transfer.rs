//! Transfer to emergency care (clinical.md section 5): the third way out, for hypertensive
//! emergency symptoms, chest pain or persistent unresponsiveness. The record says when, where
//! to, to whom the patient was handed over and whether emergency services were called, with
//! every gate as it stood. A patient observed or already cleared may be transferred (a cleared
//! patient can still deteriorate); failing gates never hold it up. Only bad input is refused.

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields::{multi_line, one_line, past_instant_since, person};
use super::DischargeGates;
use crate::{RecoverySession, VigilError};

/// The shortest a destination may be, in characters.
pub const MIN_DESTINATION_CHARS: usize = 2;
/// The longest a destination may be, in characters.
pub const MAX_DESTINATION_CHARS: usize = 200;
/// The longest the transfer's note may be, in characters.
pub const MAX_TRANSFER_NOTE_CHARS: usize = 2000;

/// The transfer form as typed.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransferInput {
    #[ts(type = "number")]
    pub session_id: i64,
    /// Where the patient went ("St Example ED by ambulance"): 2-200 characters on one line.
    pub destination: String,
    /// The person or role who took over ("Paramedic crew lead"): 2-100 characters.
    pub handed_over_to: String,
    /// `yes` or `no`; required.
    pub emergency_services_called: String,
    /// Local time; "" means now.
    pub transferred_at: String,
    /// Optional, at most 2000 characters; line breaks allowed.
    pub note: String,
}

/// A validated transfer to emergency care, with every gate as it stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Transfer {
    pub transferred_at: DateTime<Utc>,
    pub destination: String,
    pub handed_over_to: String,
    pub emergency_services_called: bool,
    pub note: Option<String>,
    pub gates: DischargeGates,
}

impl TransferInput {
    /// Validates the transfer at `now`, reading the typed time in zone `tz`. Never refuses
    /// because gates fail: an emergency does not wait for discharge criteria.
    ///
    /// Errors: `validation` naming the first bad field, in form order: `destination`,
    /// `handedOverTo`, `emergencyServicesCalled` (yes or no), `transferredAt` (not in the
    /// future, not before the clock start), `note`.
    pub fn validate<Tz: TimeZone>(
        &self,
        session: &RecoverySession,
        gates: DischargeGates,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Transfer, VigilError> {
        let destination = one_line(
            &self.destination,
            "destination",
            "The destination",
            MIN_DESTINATION_CHARS,
            MAX_DESTINATION_CHARS,
        )?;
        let handed_over_to =
            person(&self.handed_over_to, "handedOverTo", "The person or role handed over to")?;
        let emergency_services_called = yes_or_no(&self.emergency_services_called)?;
        let (what, label) = ("the transfer", "The time of the transfer");
        let started = session.clock_started_at;
        let transferred_at = past_instant_since(
            &self.transferred_at,
            "transferredAt",
            what,
            label,
            started,
            now,
            tz,
        )?;
        let note = self.note()?;
        Ok(Transfer {
            transferred_at,
            destination,
            handed_over_to,
            emergency_services_called,
            note,
            gates,
        })
    }

    /// The note: optional, at most [`MAX_TRANSFER_NOTE_CHARS`], line breaks allowed.
    fn note(&self) -> Result<Option<String>, VigilError> {
        if self.note.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(multi_line(&self.note, "note", "The note", MAX_TRANSFER_NOTE_CHARS)?))
    }
}

/// Whether emergency services were called: `yes` or `no`.
fn yes_or_no(raw: &str) -> Result<bool, VigilError> {
    match raw.trim() {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(VigilError::validation(
            "emergencyServicesCalled",
            "Choose whether emergency services were called: yes or no.",
        )),
    }
}
