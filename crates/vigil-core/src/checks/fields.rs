//! Validation of single check fields: whole numbers from JSON (which arrive as `f64`), bounded
//! free text, and the typed clinical time. Every error names its IPC field path and never
//! echoes what was typed.

use chrono::{DateTime, Duration, TimeZone, Timelike, Utc};

use crate::local_time::{parse_local, to_utc, LocalTimeError};
use crate::VigilError;

/// The longest a reason (late entry, correction, test not done) may be, in characters.
pub const MAX_REASON_CHARS: usize = 500;
/// The shortest a late-entry or correction reason may be, in characters.
pub const MIN_REASON_CHARS: usize = 10;
/// The longest a check note may be, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// How far ahead of `now` a typed time may be (workstation and watch disagree); such a time
/// is taken as `now`.
pub const FUTURE_SKEW: Duration = Duration::minutes(1);

pub use crate::text::is_bidi_control;
use crate::text::refused_in_line;

/// A whole number from `lo` to `hi`, or `None` when absent. `what` completes
/// "{what} must be a whole number from lo to hi{unit}".
pub fn whole(
    value: Option<f64>,
    field: &str,
    what: &str,
    lo: u32,
    hi: u32,
    unit: &str,
) -> Result<Option<u32>, VigilError> {
    let Some(v) = value else { return Ok(None) };
    if !v.is_finite() || v.fract() != 0.0 || v < f64::from(lo) || v > f64::from(hi) {
        return Err(VigilError::validation(
            field,
            format!("{what} must be a whole number from {lo} to {hi}{unit}."),
        ));
    }
    // Whole and within u32 bounds, so the conversion is exact.
    Ok(Some(v as u32))
}

/// Like [`whole`], for a value that must be present.
pub fn required_whole(
    value: Option<f64>,
    field: &str,
    what: &str,
    lo: u32,
    hi: u32,
) -> Result<u32, VigilError> {
    whole(value, field, what, lo, hi, "")?
        .ok_or_else(|| VigilError::validation(field, format!("{what} is required.")))
}

/// A record's id from JSON: a whole number from 1. `what` names it in messages ("The session").
pub fn record_id(value: Option<f64>, field: &str, what: &str) -> Result<i64, VigilError> {
    Ok(i64::from(required_whole(value, field, what, 1, u32::MAX)?))
}

/// The form's `sessionId`, which must be `expected`: else a `validation` error on `sessionId`
/// saying "The {record} belongs to another session.".
pub fn own_session_id(value: Option<f64>, expected: i64, record: &str) -> Result<i64, VigilError> {
    let session_id = record_id(value, "sessionId", "The session")?;
    if session_id != expected {
        return Err(VigilError::validation(
            "sessionId",
            format!("The {record} belongs to another session."),
        ));
    }
    Ok(session_id)
}

/// A small score (0 to `hi`), or `None` when not assessed.
pub fn score(
    value: Option<f64>,
    field: &str,
    what: &str,
    hi: u8,
) -> Result<Option<u8>, VigilError> {
    Ok(whole(value, field, what, 0, u32::from(hi), "")?.map(|v| v as u8))
}

/// A reason of `min` to `max` characters (trimmed) on one line: no control, invisible or
/// text-direction characters (the rule of [`crate::text`]).
pub fn reason(
    raw: &str,
    field: &str,
    what: &str,
    min: usize,
    max: usize,
) -> Result<String, VigilError> {
    crate::text::required_text_between(raw, field, what, (min, max), refused_in_line)
}

/// The free-text note: at most [`MAX_NOTE_CHARS`]; line breaks and tabs allowed (as in the
/// admission note), other control characters and invisible or text-direction characters
/// refused. May be empty.
pub fn note(raw: &str) -> Result<String, VigilError> {
    crate::text::optional_multiline_text(raw, "note", "The note", MAX_NOTE_CHARS)
}

/// The typed local time of the check in zone `tz`; empty means `now`. A time up to
/// [`FUTURE_SKEW`] ahead is taken as `now`; later ones are refused.
pub fn observed_at<Tz: TimeZone>(
    text: &str,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<DateTime<Utc>, VigilError> {
    let field = "observedAt";
    if text.trim().is_empty() {
        // Now, to the whole second: a clinical time is typed to the second at most, so a
        // correction re-entering it lands on the same instant (and beside it in the timeline).
        return Ok(now.with_nanosecond(0).unwrap_or(now));
    }
    let at = parse_local(text).and_then(|local| to_utc(tz, local)).map_err(|e| {
        let message = match e {
            LocalTimeError::Malformed => "Enter the time of the check as YYYY-MM-DD HH:MM.",
            LocalTimeError::Nonexistent => {
                "That time was skipped by the daylight-saving change; check the clock."
            }
            LocalTimeError::Ambiguous(..) => {
                "That time happened twice because of the daylight-saving change; \
                 enter a time outside the repeated hour."
            }
        };
        VigilError::validation(field, message)
    })?;
    if at > now + FUTURE_SKEW {
        return Err(VigilError::validation(
            field,
            "The time of the check cannot be in the future.",
        ));
    }
    Ok(at.min(now))
}
