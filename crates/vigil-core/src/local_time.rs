//! Turning a local wall-clock time typed by a nurse into a UTC instant. A time inside a DST gap
//! does not exist and is refused; a time inside a DST fold is ambiguous and is refused with a
//! request to pick, rather than silently guessed. Boundaries the app computes itself (a local
//! day, a shift) are never refused: [`instant`] places them, [`day_start`] builds on it, and
//! [`parse_day`] is the one parser of a typed `YYYY-MM-DD` day.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::VigilError;

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

/// The instant of local time `local` in zone `tz`, never refused: the earlier of the two at a
/// fold, the first local minute that exists after a gap (a clock change skips at most a few
/// hours). The one place reports, exports and searches turn a local day or shift boundary into
/// an instant, so they cannot disagree.
pub fn instant<Tz: TimeZone>(tz: &Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let mut probe = local;
    for _ in 0..(24 * 60) {
        match tz.from_local_datetime(&probe) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.with_timezone(&Utc),
            LocalResult::None => probe += chrono::Duration::minutes(1),
        }
    }
    // No zone skips a whole day and keeps going; read the time as UTC then.
    local.and_utc()
}

/// The UTC instant a local calendar day of zone `tz` starts: [`instant`] of local 00:00.
/// A day is `[day_start(d), day_start(d + 1))`, so a DST day lasts 23 or 25 hours.
pub fn day_start<Tz: TimeZone>(tz: &Tz, day: NaiveDate) -> DateTime<Utc> {
    instant(tz, day.and_time(chrono::NaiveTime::MIN))
}

/// Parses a local day typed as `YYYY-MM-DD` (exactly 10 characters after trimming). Errors:
/// `validation` on `field`, naming it. Callers add their own bounds (earliest, latest day).
pub fn parse_day(raw: &str, field: &str) -> Result<NaiveDate, VigilError> {
    let raw = raw.trim();
    (raw.len() == 10).then(|| NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()).flatten().ok_or_else(
        || {
            let what = match field {
                "from" => "the first day",
                "to" => "the last day",
                _ => "the day",
            };
            VigilError::validation(field, format!("Give {what} as YYYY-MM-DD."))
        },
    )
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
    fn instant_takes_the_earlier_of_a_fold_and_the_first_minute_after_a_gap() {
        let fold = instant(&New_York, local("2026-11-01T01:30"));
        assert_eq!(fold.to_rfc3339(), "2026-11-01T05:30:00+00:00");
        // Berlin skips 02:00-03:00 on 2026-03-29: 02:30 becomes 03:00 CEST (01:00 UTC).
        let gap = instant(&Berlin, local("2026-03-29T02:30"));
        assert_eq!(gap.to_rfc3339(), "2026-03-29T01:00:00+00:00");
        // Lord Howe springs forward by 30 minutes (02:00 -> 02:30) on 2026-10-04: a 15-minute
        // step would also land on 02:30, but 02:10 must not become 02:15.
        let half = instant(&chrono_tz::Australia::Lord_Howe, local("2026-10-04T02:10"));
        assert_eq!(half, instant(&chrono_tz::Australia::Lord_Howe, local("2026-10-04T02:30")));
        let plain = instant(&Berlin, local("2026-07-01T12:00"));
        assert_eq!(Ok(plain), to_utc(&Berlin, local("2026-07-01T12:00")));
    }

    #[test]
    fn parse_day_takes_only_ten_character_dates_and_names_the_field() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("date");
        assert_eq!(parse_day(" 2026-07-01 ", "day"), Ok(day));
        for bad in ["2026-7-1", "2026-07-01x", "2026-02-30", "", "01/07/2026", "+2026-07-01"] {
            let err = parse_day(bad, "from").expect_err(bad);
            assert_eq!(err.field.as_deref(), Some("from"), "{bad}");
            assert_eq!(err.message, "Give the first day as YYYY-MM-DD.");
        }
        let err = parse_day("x", "to").expect_err("x");
        assert_eq!(
            (err.field.as_deref(), err.message.as_str()),
            (Some("to"), "Give the last day as YYYY-MM-DD.")
        );
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
