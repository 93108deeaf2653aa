//! Validation of the discharge forms' single fields: whole numbers from JSON, names and
//! reasons on one line, multi-line records, phone numbers and typed local times. Every error
//! names its IPC field path and never echoes what was typed.

use chrono::{DateTime, TimeZone, Timelike, Utc};

use crate::checks::FUTURE_SKEW;
use crate::local_time::{parse_local, to_utc, LocalTimeError};
use crate::VigilError;

/// The shortest a person's name (prescriber, witness) may be, in characters.
pub const MIN_PERSON_CHARS: usize = 2;
/// The longest a person's name (prescriber, witness) may be, in characters.
pub const MAX_PERSON_CHARS: usize = 100;
/// The longest the actions taken on leaving against advice may be, in characters.
pub const MAX_ACTIONS_CHARS: usize = 2000;

/// A whole number from `lo` to `hi`; `what` completes "{what} must be a whole number from lo
/// to hi{unit}."
pub(super) fn whole(
    v: f64,
    field: &str,
    what: &str,
    lo: u32,
    hi: u32,
    unit: &str,
) -> Result<u32, VigilError> {
    if !v.is_finite() || v.fract() != 0.0 || v < f64::from(lo) || v > f64::from(hi) {
        return Err(VigilError::validation(
            field,
            format!("{what} must be a whole number from {lo} to {hi}{unit}."),
        ));
    }
    // Whole and within u32 bounds, so the conversion is exact.
    Ok(v as u32)
}

/// Trimmed text of `min` to `max` characters on one line: no control, invisible or
/// text-direction characters (the rule of every one-line reason).
pub(super) use crate::checks::fields::reason as one_line;

/// Like [`one_line`], but empty text is allowed and gives `None`.
pub(super) fn optional_line(
    raw: &str,
    field: &str,
    what: &str,
    min: usize,
    max: usize,
) -> Result<Option<String>, VigilError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    one_line(raw, field, what, min, max).map(Some)
}

/// A person's name (prescriber, witness): 2 to 100 characters on one line.
pub(super) fn person(raw: &str, field: &str, what: &str) -> Result<String, VigilError> {
    one_line(raw, field, what, MIN_PERSON_CHARS, MAX_PERSON_CHARS)
}

/// Required text of at most `max` characters; line breaks and tabs allowed, other control
/// characters and invisible or text-direction characters refused (see [`crate::text`]).
pub(super) fn multi_line(
    raw: &str,
    field: &str,
    what: &str,
    max: usize,
) -> Result<String, VigilError> {
    if raw.trim().is_empty() {
        return Err(VigilError::validation(field, format!("{what} is required.")));
    }
    crate::text::optional_multiline_text(raw, field, what, max)
}

/// A phone number: 3 to 30 characters of digits, spaces and `+ - ( ) .`, at least 3 digits.
/// Empty gives `None`; the caller decides whether it is required.
pub(super) fn phone(raw: &str, field: &str) -> Result<Option<String>, VigilError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.');
    let count = value.chars().count();
    if !(3..=30).contains(&count) || !value.chars().all(allowed) {
        return Err(VigilError::validation(
            field,
            "The phone number must be 3 to 30 characters: digits, spaces and + - ( ) . only.",
        ));
    }
    if value.chars().filter(char::is_ascii_digit).count() < 3 {
        return Err(VigilError::validation(field, "The phone number must have at least 3 digits."));
    }
    Ok(Some(value.to_owned()))
}

/// A typed local time of zone `tz` ("YYYY-MM-DD HH:MM", seconds optional). `what` names the
/// time in messages ("the escort's arrival").
pub(crate) fn local_instant<Tz: TimeZone>(
    text: &str,
    field: &str,
    what: &str,
    tz: &Tz,
) -> Result<DateTime<Utc>, VigilError> {
    parse_local(text).and_then(|local| to_utc(tz, local)).map_err(|e| {
        let message = match e {
            LocalTimeError::Malformed => format!("Enter the time of {what} as YYYY-MM-DD HH:MM."),
            LocalTimeError::Nonexistent => {
                "That time was skipped by the daylight-saving change; check the clock.".to_owned()
            }
            LocalTimeError::Ambiguous(..) => "That time happened twice because of the \
                daylight-saving change; enter a time outside the repeated hour."
                .to_owned(),
        };
        VigilError::validation(field, message)
    })
}

/// A typed local time that has already happened; empty means `now` (to the whole second). A
/// time up to [`FUTURE_SKEW`] ahead is taken as `now`; later ones are refused.
pub(super) fn past_instant<Tz: TimeZone>(
    text: &str,
    field: &str,
    what: &str,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<DateTime<Utc>, VigilError> {
    let now = now.with_nanosecond(0).unwrap_or(now);
    if text.trim().is_empty() {
        return Ok(now);
    }
    let at = local_instant(text, field, what, tz)?;
    if at > now + FUTURE_SKEW {
        return Err(VigilError::validation(
            field,
            format!("The time of {what} cannot be in the future."),
        ));
    }
    Ok(at.min(now))
}

/// Like [`past_instant`], and not before the recovery clock started at `started`. `label`
/// starts the message then ("The time of leaving" cannot be before the recovery clock started).
pub(super) fn past_instant_since<Tz: TimeZone>(
    text: &str,
    field: &str,
    what: &str,
    label: &str,
    started: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<DateTime<Utc>, VigilError> {
    let at = past_instant(text, field, what, now, tz)?;
    if at < started {
        return Err(VigilError::validation(
            field,
            format!("{label} cannot be before the recovery clock started."),
        ));
    }
    Ok(at)
}
