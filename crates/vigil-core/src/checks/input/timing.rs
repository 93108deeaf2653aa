//! When a check may be: its clinical time against the session (a baseline up to 12 h before
//! the clock start and not after it, an observation from the clock start until the patient
//! left) and the late-entry reason.

use chrono::{DateTime, Duration, TimeZone, Timelike, Utc};

use super::{CheckContext, CheckInput, MAX_BASELINE_BEFORE_START};
use crate::checks::check::{Check, CheckPurpose};
use crate::checks::fields::{observed_at, reason, MAX_REASON_CHARS, MIN_REASON_CHARS};
use crate::VigilError;

impl CheckInput {
    /// The clinical time, checked against the session, and the late-entry reason.
    pub(super) fn timing<Tz: TimeZone>(
        &self,
        purpose: CheckPurpose,
        now: DateTime<Utc>,
        tz: &Tz,
        session: &CheckContext,
        late_reason_required: bool,
    ) -> Result<(DateTime<Utc>, Option<String>), VigilError> {
        let observed_at = observed_at(&self.observed_at, now, tz)?;
        check_window(purpose, observed_at, session)?;
        let late_from = match purpose {
            CheckPurpose::Baseline => session.clock_started_at,
            CheckPurpose::Observation => observed_at,
        };
        let late = now - late_from > Duration::minutes(i64::from(session.late_entry_minutes));
        if !(late && late_reason_required) && self.late_reason.trim().is_empty() {
            return Ok((observed_at, None));
        }
        let what = "The reason for the late entry";
        let reason =
            reason(&self.late_reason, "lateReason", what, MIN_REASON_CHARS, MAX_REASON_CHARS)?;
        Ok((observed_at, Some(reason)))
    }
}

/// The refusal of an observation at or after the patient left.
const AFTER_DEPARTURE: &str = "An observation cannot be at or after the time the patient left.";

impl Check {
    /// Refuses an observation at or after `left_at` (the departure, compared to the second
    /// like the form: a check typed for "now" just after it must not slip under its
    /// milliseconds), with the form's `validation` error on `observedAt`. The store asks again
    /// inside the transaction that records the check, so a departure committed after the form
    /// was validated still refuses it.
    pub fn refuse_after_departure(&self, left_at: Option<DateTime<Utc>>) -> Result<(), VigilError> {
        let left = left_at.map(|t| t.with_nanosecond(0).unwrap_or(t));
        let after = left.is_some_and(|end| self.observed_at >= end);
        if self.purpose == CheckPurpose::Observation && after {
            return Err(VigilError::validation("observedAt", AFTER_DEPARTURE));
        }
        Ok(())
    }
}

/// The clinical time must fit the purpose and the session.
fn check_window(
    purpose: CheckPurpose,
    at: DateTime<Utc>,
    session: &CheckContext,
) -> Result<(), VigilError> {
    let start = session.clock_started_at;
    // "the infusion ended", "the first spray device", "the injection".
    let event = session.protocol.clock_start_event();
    let message = match purpose {
        CheckPurpose::Baseline if at > start => {
            format!("A baseline is pre-dose: it cannot be after {event} (the clock start).")
        }
        CheckPurpose::Baseline if start - at > MAX_BASELINE_BEFORE_START => {
            format!("A baseline cannot be more than 12 hours before {event}.")
        }
        CheckPurpose::Observation if at < start => format!(
            "An observation cannot be before admission, when {event}; \
             record a pre-dose value as a baseline."
        ),
        CheckPurpose::Observation if session.ended_at.is_some_and(|end| at >= end) => {
            AFTER_DEPARTURE.to_owned()
        }
        _ => return Ok(()),
    };
    Err(VigilError::validation("observedAt", message))
}
