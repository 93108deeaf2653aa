//! Admitting a patient to recovery: the raw form input, and its validation into an
//! [`Admission`] the store can persist. Every rejection names the field it belongs to, in
//! form order, and never echoes what was typed.

pub mod bay;
mod fields;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::Deserialize;
use ts_rs::TS;

use crate::protocol_version::{current, whole_minutes_in_range};
use crate::text::required_text;
use crate::{Protocol, ProtocolVersion, VigilError};
use fields::{chart_number, date_of_birth, dose_mg, local_instant, note, weight_kg};

/// The longest a patient name may be, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest a bay label may be, in characters.
pub const MAX_BAY_CHARS: usize = 20;
/// Milligrams in one Spravato nasal spray device.
pub const SPRAVATO_MG_PER_DEVICE: u32 = 28;

/// The admit form as the UI sends it. Nothing here is trusted until [`AdmitInput::validate`].
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdmitInput {
    pub patient_name: String,
    /// The clinic's chart (medical record) number.
    pub chart_number: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub bay: String,
    /// A protocol name (`iv_ketamine`, `spravato`, `im_ketamine`).
    pub protocol: String,
    /// A longer observation than the protocol's, in minutes; `null` takes the protocol's.
    #[ts(optional = nullable)]
    #[serde(default)]
    pub recovery_minutes: Option<f64>,
    /// The dose in mg (Spravato: 56 or 84).
    #[ts(optional = nullable)]
    #[serde(default)]
    pub dose_mg: Option<f64>,
    /// Body weight in kg; required for IV ketamine (for mg/kg).
    #[ts(optional = nullable)]
    #[serde(default)]
    pub weight_kg: Option<f64>,
    /// Local time the recovery clock started (infusion end, first spray device, injection),
    /// `YYYY-MM-DD HH:MM[:SS]` (`T` allowed for the space).
    pub clock_started_at: String,
    /// Spravato only: local times of the second and third devices, if used.
    #[serde(default)]
    pub later_device_times: Vec<String>,
    /// The nurse's note; may be empty.
    #[serde(default)]
    pub note: String,
}

/// A validated admission, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct Admission {
    pub patient_name: String,
    pub chart_number: String,
    pub date_of_birth: NaiveDate,
    pub bay: String,
    pub protocol: Protocol,
    /// The protocol version the session keeps for its whole life.
    pub protocol_version_id: i64,
    pub minimum_minutes: u32,
    pub dose_mg: f64,
    pub weight_kg: Option<f64>,
    pub clock_started_at: DateTime<Utc>,
    /// Spravato: every device time, the first being `clock_started_at`; empty otherwise.
    pub device_times: Vec<DateTime<Utc>>,
    pub note: String,
}

impl Admission {
    /// The dose per kg of body weight, when the weight is known.
    pub fn mg_per_kg(&self) -> Option<f64> {
        self.weight_kg.map(|w| self.dose_mg / w)
    }
}

impl AdmitInput {
    /// Validates the form at `now`, reading typed local times in zone `tz`, against the
    /// current `protocols`.
    ///
    /// Errors: a `validation` error for the first invalid field, in form order.
    pub fn validate<Tz: TimeZone>(
        &self,
        now: DateTime<Utc>,
        tz: &Tz,
        protocols: &[ProtocolVersion],
    ) -> Result<Admission, VigilError> {
        let patient_name =
            required_text(&self.patient_name, "patientName", "Patient name", MAX_NAME_CHARS)?;
        let chart_number = chart_number(&self.chart_number)?;
        let date_of_birth = date_of_birth(&self.date_of_birth, now.with_timezone(tz).date_naive())?;
        let bay = required_text(&self.bay, "bay", "Bay", MAX_BAY_CHARS)?;
        let protocol = Protocol::parse(self.protocol.trim()).ok_or_else(|| {
            VigilError::validation("protocol", "Choose a protocol from the list.")
        })?;
        let version = current(protocols, protocol)
            .ok_or_else(|| VigilError::internal("The protocol has no settings; restart Vigil."))?;
        let minimum_minutes = self.recovery_minutes(version, protocol)?;
        let dose_mg = dose_mg(protocol, self.dose_mg)?;
        let weight_kg = weight_kg(protocol, self.weight_kg)?;
        let event = protocol.clock_start_event();
        let clock_started_at =
            local_instant(&self.clock_started_at, "clockStartedAt", event, now, tz, None)?;
        let device_times = self.device_times(protocol, dose_mg, clock_started_at, now, tz)?;
        let note = note(&self.note)?;
        Ok(Admission {
            patient_name,
            chart_number,
            date_of_birth,
            bay,
            protocol,
            protocol_version_id: version.id,
            minimum_minutes,
            dose_mg,
            weight_kg,
            clock_started_at,
            device_times,
            note,
        })
    }

    /// The recovery minutes typed, from the protocol version's minimum up to 480; when none
    /// was typed, that minimum.
    fn recovery_minutes(
        &self,
        version: &ProtocolVersion,
        protocol: Protocol,
    ) -> Result<u32, VigilError> {
        let Some(m) = self.recovery_minutes else {
            return Ok(version.minimum_minutes);
        };
        whole_minutes_in_range(
            m,
            "recoveryMinutes",
            "Recovery minutes",
            version.minimum_minutes,
            protocol,
        )
        .map_err(|_| {
            VigilError::validation(
                "recoveryMinutes",
                format!(
                    "Recovery minutes must be a whole number from the protocol's {} up to 480.",
                    version.minimum_minutes
                ),
            )
        })
    }

    fn device_times<Tz: TimeZone>(
        &self,
        protocol: Protocol,
        dose_mg: f64,
        first: DateTime<Utc>,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Vec<DateTime<Utc>>, VigilError> {
        let field = "laterDeviceTimes";
        let later: Vec<&str> =
            self.later_device_times.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
        if protocol != Protocol::Spravato {
            if later.is_empty() {
                return Ok(Vec::new());
            }
            return Err(VigilError::validation(field, "Device times apply to Spravato only."));
        }
        let devices = (dose_mg as u32) / SPRAVATO_MG_PER_DEVICE;
        if later.len() + 1 > devices as usize {
            return Err(VigilError::validation(
                field,
                format!("A {dose_mg} mg dose uses {devices} devices: enter at most {} later device times.", devices - 1),
            ));
        }
        let mut times = vec![first];
        for text in later {
            let previous = *times.last().unwrap_or(&first);
            times.push(local_instant(text, field, "the device was used", now, tz, Some(previous))?);
        }
        Ok(times)
    }
}

#[cfg(test)]
mod tests;
