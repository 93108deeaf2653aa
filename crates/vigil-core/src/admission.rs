//! Admitting a patient to recovery: the raw form input, and its validation into an
//! [`Admission`] the store can persist. Every rejection names the field it belongs to.

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Deserialize;
use ts_rs::TS;

use crate::local_time::{parse_local, to_utc, LocalTimeError};
use crate::protocol::{Protocol, MAX_RECOVERY_MINUTES};
use crate::text::required_text;
use crate::VigilError;

/// The longest a patient name may be, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest a bay label may be, in characters.
pub const MAX_BAY_CHARS: usize = 20;
/// How far back a clock start may be entered late.
pub const MAX_LATE_ENTRY: Duration = Duration::hours(12);

/// The admit form as the UI sends it. Nothing here is trusted until [`AdmitInput::validate`].
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AdmitInput {
    pub patient_name: String,
    pub bay: String,
    /// A protocol name (`iv_ketamine`, `spravato`, `im_ketamine`).
    pub protocol: String,
    /// Minimum observation in minutes; `null` takes the protocol's default.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub recovery_minutes: Option<f64>,
    /// Local wall-clock time the recovery clock started, `YYYY-MM-DD HH:MM[:SS]` (`T` allowed).
    pub clock_started_at: String,
}

/// A validated admission, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admission {
    pub patient_name: String,
    pub bay: String,
    pub protocol: Protocol,
    pub minimum_minutes: u32,
    pub clock_started_at: DateTime<Utc>,
}

impl AdmitInput {
    /// Validates the form at instant `now`, reading the typed local time in zone `tz`.
    ///
    /// Errors: a `validation` error for the first invalid field, in form order.
    pub fn validate<Tz: TimeZone>(
        &self,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Admission, VigilError> {
        let patient_name = required_text(
            &self.patient_name,
            "patientName",
            "Patient name",
            MAX_NAME_CHARS,
        )?;
        let bay = required_text(&self.bay, "bay", "Bay", MAX_BAY_CHARS)?;
        let protocol = Protocol::parse(self.protocol.trim()).ok_or_else(|| {
            VigilError::validation("protocol", "Choose a protocol from the list.")
        })?;
        let minimum_minutes = validate_minutes(protocol, self.recovery_minutes)?;
        let clock_started_at = validate_clock_start(protocol, &self.clock_started_at, now, tz)?;
        Ok(Admission {
            patient_name,
            bay,
            protocol,
            minimum_minutes,
            clock_started_at,
        })
    }
}

fn validate_minutes(protocol: Protocol, minutes: Option<f64>) -> Result<u32, VigilError> {
    let Some(minutes) = minutes else {
        return Ok(protocol.default_minutes());
    };
    let floor = protocol.floor_minutes();
    let field = "recoveryMinutes";
    if !minutes.is_finite() || minutes.fract() != 0.0 {
        return Err(VigilError::validation(
            field,
            "Recovery minutes must be a whole number.",
        ));
    }
    if minutes < f64::from(floor) || minutes > f64::from(MAX_RECOVERY_MINUTES) {
        let message = if protocol == Protocol::Spravato && minutes < f64::from(floor) {
            format!("Spravato (REMS) requires at least {floor} minutes of observation.")
        } else {
            format!("Recovery minutes must be between {floor} and {MAX_RECOVERY_MINUTES}.")
        };
        return Err(VigilError::validation(field, message));
    }
    // In range and whole, so the conversion is exact.
    Ok(minutes as u32)
}

fn validate_clock_start<Tz: TimeZone>(
    protocol: Protocol,
    text: &str,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<DateTime<Utc>, VigilError> {
    let field = "clockStartedAt";
    let event = protocol.clock_start_event();
    let at = parse_local(text)
        .and_then(|local| to_utc(tz, local))
        .map_err(|e| {
            let message = match e {
                LocalTimeError::Malformed => format!("Enter the date and time {event}."),
                LocalTimeError::Nonexistent => {
                    "That time was skipped by the daylight-saving change; check the clock."
                        .to_owned()
                }
                LocalTimeError::Ambiguous(..) => "That time happened twice because of the \
                    daylight-saving change; enter a time outside the repeated hour."
                    .to_owned(),
            };
            VigilError::validation(field, message)
        })?;
    if at > now {
        return Err(VigilError::validation(
            field,
            format!("The time {event} cannot be in the future."),
        ));
    }
    if now - at > MAX_LATE_ENTRY {
        return Err(VigilError::validation(
            field,
            format!("The time {event} cannot be more than 12 hours ago."),
        ));
    }
    Ok(at)
}

#[cfg(test)]
mod tests;
