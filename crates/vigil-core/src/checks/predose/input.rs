//! Validating a typed pre-dose decision: the check it refers to, the choice, the prescriber,
//! the time (typed local, not in the future, within 12 h, not before the reading) and the note.

use chrono::{DateTime, TimeZone, Timelike, Utc};

use super::{
    PredoseChoice, PredoseDecision, PredoseDecisionInput, PredoseStanding, MAX_DECISION_AGE,
    MAX_PRESCRIBER_CHARS,
};
use crate::checks::fields::{note, record_id, FUTURE_SKEW};
use crate::discharge::fields::local_instant;
use crate::text::required_text;
use crate::VigilError;

impl PredoseDecisionInput {
    /// The session id, to load the session's standing. Errors: `validation` on `sessionId`.
    pub fn session_id(&self) -> Result<i64, VigilError> {
        record_id(self.session_id, "sessionId", "The session")
    }

    /// Validates the decision at `now` (typed time read in zone `tz`) against the session's
    /// `standing` (its pre-dose blood pressure above the limit, `None` when it is not).
    ///
    /// Errors, in form order, `validation` on: `checkId` unless it is the baseline check whose
    /// reading is above the limit; `decision` unless `proceed` or `do_not_dose`; `prescriber`
    /// by the text rule (required, at most 100 characters, one line); `decidedAt` when
    /// malformed, in the future, more than 12 h before `now` or before the reading; `note`.
    pub fn validate<Tz: TimeZone>(
        &self,
        now: DateTime<Utc>,
        tz: &Tz,
        standing: Option<&PredoseStanding>,
    ) -> Result<PredoseDecision, VigilError> {
        let check_id = record_id(self.check_id, "checkId", "The check")?;
        let standing = standing.filter(|s| s.check_id == check_id).ok_or_else(|| {
            VigilError::validation(
                "checkId",
                "That check is not this session's pre-dose blood pressure above the limit.",
            )
        })?;
        let decision = PredoseChoice::parse(self.decision.trim())
            .ok_or_else(|| VigilError::validation("decision", "Choose proceed or do not dose."))?;
        let prescriber = required_text(
            &self.prescriber,
            "prescriber",
            "The prescriber's name",
            MAX_PRESCRIBER_CHARS,
        )?;
        let decided_at = decided_at(&self.decided_at, now, tz, standing.observed_at)?;
        Ok(PredoseDecision {
            check_id,
            decision,
            prescriber,
            decided_at,
            note: note(&self.note)?,
            bp: standing.bp,
            threshold: standing.threshold,
        })
    }
}

/// The typed decision time: required, not in the future (a minute of skew is taken as now),
/// not more than 12 h before `now`, not before the reading at `reading_at`.
fn decided_at<Tz: TimeZone>(
    text: &str,
    now: DateTime<Utc>,
    tz: &Tz,
    reading_at: DateTime<Utc>,
) -> Result<DateTime<Utc>, VigilError> {
    let field = "decidedAt";
    if text.trim().is_empty() {
        return Err(VigilError::validation(field, "The time of the decision is required."));
    }
    let at = local_instant(text, field, "the decision", tz)?;
    if at > now + FUTURE_SKEW {
        return Err(VigilError::validation(
            field,
            "The time of the decision cannot be in the future.",
        ));
    }
    if at < now - MAX_DECISION_AGE {
        return Err(VigilError::validation(
            field,
            "The time of the decision cannot be more than 12 hours ago.",
        ));
    }
    // Typed to the minute: the minute of the reading itself is not before it.
    if at < reading_at.with_second(0).unwrap_or(reading_at) {
        return Err(VigilError::validation(
            field,
            "The decision cannot come before the blood pressure it decides on.",
        ));
    }
    Ok(at.min(now))
}
