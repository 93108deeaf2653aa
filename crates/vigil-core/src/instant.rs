//! The instants Vigil keeps: from year 1 to year 9999 (UTC). Stored instants are decoded
//! through [`from_millis`], which refuses anything outside that range, so a damaged or
//! tampered row cannot carry an instant near chrono's limits (about ±262,000 years).
//!
//! Why this makes the rules' time arithmetic safe: every duration the rules add to an instant
//! is built from a `u32` number of minutes or seconds (at most about 8,200 years) or from the
//! difference of two kept instants (at most 10,000 years), and no rule chains more than a few
//! of them. A kept instant plus or minus a few such durations stays within ±60,000 years, far
//! inside chrono's range: `DateTime + Duration` cannot overflow (and panic) on stored data.
//! Instants typed by a nurse are checked against `now` (the clock's) before anything is added
//! to them.

use chrono::{DateTime, NaiveDate, Utc};

/// The earliest instant Vigil keeps: 0001-01-01T00:00:00Z.
pub fn earliest() -> DateTime<Utc> {
    year_start(1)
}

/// The latest instant Vigil keeps: the last millisecond of 9999-12-31 (UTC).
pub fn latest() -> DateTime<Utc> {
    // One millisecond before a year inside chrono's range: cannot overflow.
    year_start(10_000) - chrono::Duration::milliseconds(1)
}

/// Whether `at` is within the range Vigil keeps.
pub fn in_range(at: DateTime<Utc>) -> bool {
    (earliest()..=latest()).contains(&at)
}

/// The instant `ms` milliseconds after the Unix epoch, if it is within the range Vigil keeps
/// (`None` for any other `i64`, including the extremes).
pub fn from_millis(ms: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms).filter(|at| in_range(*at))
}

/// 1 January of `year`, 00:00 UTC; the years used here (1 and 10,000) are inside chrono's
/// range, so the fallback is never taken.
fn year_start(year: i32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(DateTime::<Utc>::MIN_UTC, |t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_range_is_years_1_to_9999() {
        assert_eq!(earliest().to_rfc3339(), "0001-01-01T00:00:00+00:00");
        assert_eq!(latest().format("%Y-%m-%d %H:%M:%S%.3f").to_string(), "9999-12-31 23:59:59.999");
        assert_eq!(from_millis(0), Some(DateTime::UNIX_EPOCH));
        for ms in [i64::MIN, i64::MIN + 1, i64::MAX, -62_135_596_800_001, 253_402_300_800_000] {
            assert_eq!(from_millis(ms), None, "{ms}");
        }
        assert_eq!(from_millis(latest().timestamp_millis()), Some(latest()));
        assert_eq!(from_millis(earliest().timestamp_millis()), Some(earliest()));
    }

    proptest! {
        /// Whatever `i64` a row holds, decoding never panics, and what it accepts survives
        /// the largest additions the rules make.
        #[test]
        fn any_stored_millis_decode_without_panic(ms in any::<i64>(), minutes in any::<u32>()) {
            if let Some(at) = from_millis(ms) {
                let far = chrono::Duration::minutes(i64::from(minutes));
                prop_assert!(at.checked_add_signed(far + far + far).is_some());
                prop_assert!(at.checked_sub_signed(far + far + far).is_some());
            }
        }
    }
}
