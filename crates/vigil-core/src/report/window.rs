//! The window a report covers: a whole local day, or one of the clinic's shifts (a name, a
//! local start time and a length in hours). A day is [local 00:00, next local 00:00). A shift
//! belongs to the day it starts, and ends at its start's wall-clock time plus its hours (so a
//! 12 h night shift from 19:00 ends at 07:00 local even across a clock change). A local time
//! skipped by a clock change starts at the first instant after the gap ([`instant`]).

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::display::minutes_of_day;
use crate::local_time::{day_start, instant, parse_day};
use crate::text::required_text;
use crate::VigilError;

/// One named shift of the clinic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Shift {
    pub name: String,
    /// Local start, "HH:MM".
    pub start: String,
    /// Length in whole hours, 1-24.
    pub hours: u32,
}

/// The shifts setting as an administrator submits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShiftsEdit {
    pub shifts: Vec<Shift>,
}

/// At most this many shifts.
pub const MAX_SHIFTS: usize = 6;

impl Shift {
    /// The clinic's shifts when none were set: "Day" 07:00 12 h, "Night" 19:00 12 h.
    pub fn defaults() -> Vec<Shift> {
        vec![
            Shift { name: "Day".into(), start: "07:00".into(), hours: 12 },
            Shift { name: "Night".into(), start: "19:00".into(), hours: 12 },
        ]
    }
}

impl ShiftsEdit {
    /// Errors: `validation` on `shifts` (none or more than [`MAX_SHIFTS`], a name twice),
    /// `shifts.N.name` (the text rule, up to 30 characters), `shifts.N.start` (not HH:MM) or
    /// `shifts.N.hours` (not 1-24).
    pub fn validate(&self) -> Result<Vec<Shift>, VigilError> {
        if self.shifts.is_empty() || self.shifts.len() > MAX_SHIFTS {
            return Err(VigilError::validation("shifts", "Give between 1 and 6 shifts."));
        }
        let mut out: Vec<Shift> = Vec::with_capacity(self.shifts.len());
        for (i, shift) in self.shifts.iter().enumerate() {
            let name = required_text(&shift.name, &format!("shifts.{i}.name"), "The name", 30)?;
            if out.iter().any(|s| s.name.to_lowercase() == name.to_lowercase()) {
                let field = format!("shifts.{i}.name");
                return Err(VigilError::validation(&field, "Each shift needs its own name."));
            }
            let start = shift.start.trim();
            if minutes_of_day(start).is_none() {
                let field = format!("shifts.{i}.start");
                return Err(VigilError::validation(&field, "Give the start as HH:MM (24 h)."));
            }
            if !(1..=24).contains(&shift.hours) {
                let field = format!("shifts.{i}.hours");
                return Err(VigilError::validation(&field, "Give 1 to 24 hours."));
            }
            out.push(Shift { name, start: start.to_owned(), hours: shift.hours });
        }
        Ok(out)
    }
}

/// What the page asks for: a local day and optionally a shift's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportInput {
    /// "YYYY-MM-DD".
    pub day: String,
    /// A shift's name; `None` (or empty) for the whole day.
    pub shift: Option<String>,
}

/// A report's window: its title, its local day and the UTC range [starts_at, ends_at).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportWindow {
    pub title: String,
    pub day: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl ReportInput {
    /// The window in zone `tz`, the shift looked up in `shifts`.
    ///
    /// Errors: `validation` on `day` (not a date YYYY-MM-DD, or before 2000 or after 9998) or
    /// `shift` (no such shift).
    pub fn window<Tz: TimeZone>(
        &self,
        shifts: &[Shift],
        tz: &Tz,
    ) -> Result<ReportWindow, VigilError> {
        let day = parse_day(&self.day, "day")?;
        if !(2000..=9998).contains(&chrono::Datelike::year(&day)) {
            return Err(VigilError::validation("day", "Give a day from the year 2000 on."));
        }
        let wanted = self.shift.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let Some(name) = wanted else {
            // The year is at most 9998, so the next day exists.
            let next = day + Duration::days(1);
            return Ok(ReportWindow {
                title: format!("Day report, {day}"),
                day,
                starts_at: day_start(tz, day),
                ends_at: day_start(tz, next),
            });
        };
        let shift = shifts
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| VigilError::validation("shift", "Choose a shift from the list."))?;
        let minutes = minutes_of_day(&shift.start).unwrap_or(0);
        let start =
            day.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::minutes(minutes.into());
        let end = start + Duration::hours(shift.hours.into());
        Ok(ReportWindow {
            title: format!("{} shift, {day} ({}, {} h)", shift.name, shift.start, shift.hours),
            day,
            starts_at: instant(tz, start),
            ends_at: instant(tz, end),
        })
    }
}
