//! CSV export of sessions and checks (issue 16): the export form as typed
//! ([`CsvExportInput`]), its validation into a range of local days ([`ExportDays`]) and that
//! range as UTC instants, and the two tables ([`columns`]). A session is in the range when its
//! clock started on one of the days; a check is in it when its session is (so a baseline taken
//! the evening before stays with its session, and the two files always match by session id).
//!
//! A range is at most [`MAX_DAYS`] days (a year, leap day included): a bigger file is better
//! made as several, and one export never holds the whole history of the clinic by accident.

pub mod columns;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::Deserialize;
use ts_rs::TS;

use crate::local_time::{day_start, parse_day};
use crate::VigilError;

/// The most days one export covers, both ends included.
pub const MAX_DAYS: i64 = 366;

/// The earliest day an export may start on (before Vigil kept any record).
pub fn earliest_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The export form as the page sends it: two local days, both included, and the folder to
/// save the file in (checked by the shell, which owns files).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CsvExportInput {
    /// The first day, `YYYY-MM-DD`.
    pub from: String,
    /// The last day, `YYYY-MM-DD` (included).
    pub to: String,
    pub folder: String,
}

/// A validated range of local days, `from <= to`, both included, at most [`MAX_DAYS`] days,
/// none before [`earliest_day`] or after today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportDays {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl CsvExportInput {
    /// Validates the days against `today` (local). Errors: `validation` on `from` or `to`:
    /// not a date, before 2000, after today, `to` before `from`, or more than [`MAX_DAYS`].
    pub fn validate(&self, today: NaiveDate) -> Result<ExportDays, VigilError> {
        let from = day(&self.from, "from", "The first day", today)?;
        let to = day(&self.to, "to", "The last day", today)?;
        if to < from {
            return Err(VigilError::validation("to", "The last day is before the first day."));
        }
        if (to - from).num_days() + 1 > MAX_DAYS {
            return Err(VigilError::validation(
                "to",
                format!("One export covers at most {MAX_DAYS} days; make several."),
            ));
        }
        Ok(ExportDays { from, to })
    }
}

fn day(text: &str, field: &str, what: &str, today: NaiveDate) -> Result<NaiveDate, VigilError> {
    let parsed = parse_day(text, field)?;
    if parsed < earliest_day() {
        return Err(VigilError::validation(field, format!("{what} is before 2000.")));
    }
    if parsed > today {
        return Err(VigilError::validation(field, format!("{what} is after today.")));
    }
    Ok(parsed)
}

impl ExportDays {
    /// The days as UTC instants in zone `tz`: [start of `from`, start of the day after `to`),
    /// each start by [`day_start`].
    pub fn utc_range<Tz: TimeZone>(&self, tz: &Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        (day_start(tz, self.from), day_start(tz, self.to + Duration::days(1)))
    }

    /// "2026-11-01 to 2026-11-30", for file names and the audit entry.
    pub fn label(&self) -> String {
        format!("{} to {}", self.from, self.to)
    }
}
