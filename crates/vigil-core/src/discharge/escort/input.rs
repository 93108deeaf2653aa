//! The escort form as the UI sends it, and its validation: the transport first (it decides
//! what else is needed), then the escort's details, status and times.

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Deserialize;
use ts_rs::TS;

use super::super::fields::{local_instant, optional_line, past_instant_since, phone};
use super::{Escort, EscortStatus, Transport};
use crate::discharge::DischargePolicy;
use crate::text::required_text;
use crate::VigilError;

/// How far ahead an ETA may be.
pub const MAX_ETA_AHEAD: Duration = Duration::hours(24);

/// The ETA and the arrival time.
type EscortTimes = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// The escort form as the UI sends it. Times are local wall-clock "YYYY-MM-DD HH:MM" (like
/// `CheckInput.observedAt`). Nothing here is trusted until [`EscortInput::validate`].
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscortInput {
    #[ts(type = "number")]
    pub session_id: i64,
    pub full_name: String,
    pub relationship: String,
    pub phone: String,
    pub adult_attested: bool,
    /// `escort_drives`, `escort_with_rideshare`, `rideshare_alone` or `public_transport_alone`.
    pub transport: String,
    /// `expected`, `en_route` or `arrived` (ignored when going alone).
    pub status: String,
    /// Local time, optional ("" = none); only for expected or en route.
    pub eta: String,
    /// Local time; "" with status arrived means now.
    pub arrived_at: String,
    pub known_to_staff: bool,
    pub name_confirmed: bool,
    pub photo_id: bool,
}

impl EscortInput {
    /// Validates the form at `now` under `policy` for a session whose recovery clock started
    /// at `started`, reading typed times in zone `tz`.
    ///
    /// Errors: `validation` naming the first bad field: `transport` (unknown, or alone when
    /// the policy does not allow it); for an escorted transport `fullName` (1-100),
    /// `relationship` (1-60), `phone` (required), `adultAttested` (must be true), `status`,
    /// `eta` (not more than 24 h ahead, not before `started`; ignored once arrived),
    /// `arrivedAt` (not in the future, not before `started`). For a transport alone only the
    /// non-empty person fields are checked.
    pub fn validate<Tz: TimeZone>(
        &self,
        policy: &DischargePolicy,
        started: DateTime<Utc>,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<Escort, VigilError> {
        let transport = Transport::parse(self.transport.trim()).ok_or_else(|| {
            VigilError::validation("transport", "Choose how the patient gets home.")
        })?;
        if !transport.allowed_by(policy) {
            return Err(VigilError::validation(
                "transport",
                format!("The clinic's policy does not allow going home {}.", transport.by_alone()),
            ));
        }
        if transport.alone() {
            return self.alone(transport);
        }
        let full_name = text(&self.full_name, "fullName", "The escort's full name", 100)?;
        let relationship = text(&self.relationship, "relationship", "The relationship", 60)?;
        let phone = phone(&self.phone, "phone")?.ok_or_else(|| {
            VigilError::validation("phone", "The escort's phone number is required.")
        })?;
        if !self.adult_attested {
            return Err(VigilError::validation(
                "adultAttested",
                "The escort must be a responsible adult (18 or over).",
            ));
        }
        let status = EscortStatus::parse(self.status.trim()).ok_or_else(|| {
            VigilError::validation("status", "Choose expected, en route or arrived.")
        })?;
        let (eta, arrived_at) = self.times(status, started, now, tz)?;
        Ok(Escort {
            full_name,
            relationship,
            phone,
            adult_attested: true,
            transport,
            status,
            eta,
            arrived_at,
            known_to_staff: self.known_to_staff,
            name_confirmed: self.name_confirmed,
            photo_id: self.photo_id,
        })
    }

    /// Going home alone: the person fields are optional, status and identity do not apply.
    fn alone(&self, transport: Transport) -> Result<Escort, VigilError> {
        let optional = |raw: &str, field, what, max| {
            optional_line(raw, field, what, 1, max).map(Option::unwrap_or_default)
        };
        Ok(Escort {
            full_name: optional(&self.full_name, "fullName", "The escort's full name", 100)?,
            relationship: optional(&self.relationship, "relationship", "The relationship", 60)?,
            phone: phone(&self.phone, "phone")?.unwrap_or_default(),
            adult_attested: self.adult_attested,
            transport,
            status: EscortStatus::Expected,
            eta: None,
            arrived_at: None,
            known_to_staff: false,
            name_confirmed: false,
            photo_id: false,
        })
    }

    /// The ETA (before arrival) and the arrival time (once arrived); neither before the
    /// recovery clock started at `started`.
    fn times<Tz: TimeZone>(
        &self,
        status: EscortStatus,
        started: DateTime<Utc>,
        now: DateTime<Utc>,
        tz: &Tz,
    ) -> Result<EscortTimes, VigilError> {
        if status == EscortStatus::Arrived {
            let (what, label) = ("the escort's arrival", "The escort's arrival");
            let at =
                past_instant_since(&self.arrived_at, "arrivedAt", what, label, started, now, tz)?;
            return Ok((None, Some(at)));
        }
        if self.eta.trim().is_empty() {
            return Ok((None, None));
        }
        let eta = local_instant(&self.eta, "eta", "the escort's arrival", tz)?;
        if eta < started {
            return Err(VigilError::validation(
                "eta",
                "The expected arrival cannot be before the recovery clock started.",
            ));
        }
        if eta > now + MAX_ETA_AHEAD {
            return Err(VigilError::validation(
                "eta",
                "The expected arrival cannot be more than 24 hours ahead.",
            ));
        }
        Ok((Some(eta), None))
    }
}

/// Required one-line text of 1 to `max` characters (the rule of [`crate::text`]).
fn text(raw: &str, field: &str, label: &str, max: usize) -> Result<String, VigilError> {
    required_text(raw, field, label, max)
}
