//! Turning a local wall-clock time typed by a nurse into a UTC instant. A time inside a DST gap
//! does not exist and is refused; a time inside a DST fold is ambiguous and is refused with a
//! request to pick, rather than silently guessed.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};

/// Why a local time could not be placed on the UTC timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalTimeError {
    /// Not of the form `YYYY-MM-DDTHH:MM` (seconds optional).
    Malformed,
    /// Skipped by a clock change (spring forward).
    Nonexistent,
    /// Happens twice because of a clock change (fall back); both candidates given.
    Ambiguous(DateTime<Utc>, DateTime<Utc>),
}

/// Parses `YYYY-MM-DD HH:MM`, optionally with `:SS`; a `T` may stand for the space (as an
/// HTML `datetime-local` value has it).
pub fn parse_local(text: &str) -> Result<NaiveDateTime, LocalTimeError> {
    let text = text.trim().replacen('T', " ", 1);
    NaiveDateTime::parse_from_str(&text, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(&text, "%Y-%m-%d %H:%M"))
        .map_err(|_| LocalTimeError::Malformed)
}

/// Places a local time of zone `tz` on the UTC timeline.
pub fn to_utc<Tz: TimeZone>(
    tz: &Tz,
    local: NaiveDateTime,
) -> Result<DateTime<Utc>, LocalTimeError> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => {
            Err(LocalTimeError::Ambiguous(a.with_timezone(&Utc), b.with_timezone(&Utc)))
        }
        LocalResult::None => Err(LocalTimeError::Nonexistent),
    }
}

/// The UTC instant a local calendar day of zone `tz` starts: local 00:00, or the first local
/// time that exists when a clock change skips midnight; at a fold, the earlier of the two.
/// A day is `[day_start(d), day_start(d + 1))`, so a DST day lasts 23 or 25 hours.
pub fn day_start<Tz: TimeZone>(tz: &Tz, day: chrono::NaiveDate) -> DateTime<Utc> {
    let mut local = day.and_time(chrono::NaiveTime::MIN);
    // A gap is at most a few hours; step by 15 minutes until a local time exists.
    for _ in 0..(24 * 4) {
        match tz.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.with_timezone(&Utc),
            LocalResult::None => local += chrono::Duration::minutes(15),
        }
    }
    // No zone skips a whole day at midnight and keeps going; read the day as UTC then.
    day.and_time(chrono::NaiveTime::MIN).and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America::New_York, Europe::Berlin};

    fn local(s: &str) -> NaiveDateTime {
        parse_local(s).expect("test input parses")
    }

    #[test]
    fn parses_with_and_without_seconds() {
        assert_eq!(local("2026-03-01T10:05"), local("2026-03-01T10:05:00"));
        assert_eq!(local("2026-03-01 10:05"), local("2026-03-01T10:05"));
        assert_eq!(parse_local("2026-03-01 25:05"), Err(LocalTimeError::Malformed));
        assert_eq!(parse_local("10:05"), Err(LocalTimeError::Malformed));
        assert_eq!(parse_local(""), Err(LocalTimeError::Malformed));
    }

    #[test]
    fn day_start_is_local_midnight_even_on_dst_days() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let start = day_start(&Berlin, day("2026-03-29"));
        assert_eq!(start.to_rfc3339(), "2026-03-28T23:00:00+00:00");
        let next = day_start(&Berlin, day("2026-03-30"));
        assert_eq!((next - start).num_hours(), 23);
        let fall = day_start(&New_York, day("2026-11-01"));
        assert_eq!((day_start(&New_York, day("2026-11-02")) - fall).num_hours(), 25);
        // Santiago skipped midnight (00:00 -> 01:00) on 2026-09-06.
        let gap = day_start(&chrono_tz::America::Santiago, day("2026-09-06"));
        assert_eq!(gap.to_rfc3339(), "2026-09-06T04:00:00+00:00");
    }

    #[test]
    fn ordinary_time_converts() {
        let t = to_utc(&Berlin, local("2026-07-01T12:00")).expect("single");
        assert_eq!(t.to_rfc3339(), "2026-07-01T10:00:00+00:00");
    }

    #[test]
    fn spring_gap_is_refused() {
        assert_eq!(to_utc(&Berlin, local("2026-03-29T02:30")), Err(LocalTimeError::Nonexistent));
        assert_eq!(to_utc(&New_York, local("2026-03-08T02:30")), Err(LocalTimeError::Nonexistent));
    }

    #[test]
    fn autumn_fold_is_ambiguous() {
        match to_utc(&New_York, local("2026-11-01T01:30")) {
            Err(LocalTimeError::Ambiguous(a, b)) => assert_eq!((b - a).num_minutes(), 60),
            other => panic!("expected ambiguous, got {other:?}"),
        }
        assert!(matches!(
            to_utc(&Berlin, local("2026-10-25T02:30")),
            Err(LocalTimeError::Ambiguous(_, _))
        ));
    }
}
