//! Validation of single admission fields.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use crate::local_time::{parse_local, to_utc, LocalTimeError};
use crate::{Protocol, VigilError};

/// How far back a clinical time may be entered late.
pub const MAX_LATE_ENTRY: Duration = Duration::hours(12);
/// The longest a note may be, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

pub fn chart_number(raw: &str) -> Result<String, VigilError> {
    let value = crate::text::required_text(raw, "chartNumber", "Chart number", 30)?;
    if !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(VigilError::validation(
            "chartNumber",
            "Chart number may contain letters, digits and dashes only.",
        ));
    }
    Ok(value)
}

pub fn date_of_birth(raw: &str, today: NaiveDate) -> Result<NaiveDate, VigilError> {
    let field = "dateOfBirth";
    let date = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| VigilError::validation(field, "Enter the date of birth as YYYY-MM-DD."))?;
    if date > today {
        return Err(VigilError::validation(field, "The date of birth cannot be in the future."));
    }
    if today.years_since(date).is_none_or(|age| age > 120) {
        return Err(VigilError::validation(field, "The date of birth is more than 120 years ago."));
    }
    Ok(date)
}

pub fn dose_mg(protocol: Protocol, dose: Option<f64>) -> Result<f64, VigilError> {
    let field = "doseMg";
    let Some(dose) = dose.filter(|d| !d.is_nan()) else {
        return Err(VigilError::validation(field, "The dose is required."));
    };
    if protocol == Protocol::Spravato {
        if dose != 56.0 && dose != 84.0 {
            return Err(VigilError::validation(field, "A Spravato dose is 56 or 84 mg."));
        }
    } else if !(dose > 0.0 && dose <= 1000.0) {
        return Err(VigilError::validation(
            field,
            "The dose must be more than 0 and at most 1000 mg.",
        ));
    }
    Ok(dose)
}

pub fn weight_kg(protocol: Protocol, weight: Option<f64>) -> Result<Option<f64>, VigilError> {
    let field = "weightKg";
    match weight.filter(|w| !w.is_nan()) {
        None if protocol == Protocol::IvKetamine => {
            Err(VigilError::validation(field, "The weight is required for IV ketamine (mg/kg)."))
        }
        None => Ok(None),
        Some(w) if (20.0..=350.0).contains(&w) => Ok(Some(w)),
        Some(_) => Err(VigilError::validation(field, "The weight must be from 20 to 350 kg.")),
    }
}

pub fn note(raw: &str) -> Result<String, VigilError> {
    let value = raw.trim();
    if value.chars().count() > MAX_NOTE_CHARS {
        return Err(VigilError::validation(
            "note",
            format!("The note must be at most {MAX_NOTE_CHARS} characters."),
        ));
    }
    crate::text::refuse_in(value, "note", "The note", crate::text::refused_in_lines)?;
    Ok(value.to_owned())
}

/// A typed local clinical time: exists in `tz`, not in the future, at most 12 h back, and not
/// before `not_before` when given. `event` completes "the time {event}" in messages.
pub fn local_instant<Tz: TimeZone>(
    text: &str,
    field: &str,
    event: &str,
    now: DateTime<Utc>,
    tz: &Tz,
    not_before: Option<DateTime<Utc>>,
) -> Result<DateTime<Utc>, VigilError> {
    let at = parse_local(text).and_then(|local| to_utc(tz, local)).map_err(|e| {
        let message = match e {
            LocalTimeError::Malformed => {
                format!("Enter the date and time {event} as YYYY-MM-DD HH:MM.")
            }
            LocalTimeError::Nonexistent => {
                "That time was skipped by the daylight-saving change; check the clock.".to_owned()
            }
            LocalTimeError::Ambiguous(..) => {
                "That time happened twice because of the daylight-saving \
                change; enter a time outside the repeated hour."
                    .to_owned()
            }
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
    if not_before.is_some_and(|earliest| at < earliest) {
        return Err(VigilError::validation(
            field,
            "Each device time must be after the one before.",
        ));
    }
    Ok(at)
}
