//! History: searching past recovery sessions by name or chart number, clock-start dates,
//! protocol and how the patient left. Owns the query a nurse sends (`HistoryQuery`), its
//! validation into a `HistorySearch` (local dates turned into a UTC range), the rows returned
//! and the folding that makes the name search case- and accent-insensitive (see [`fold`]).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::discharge::view::DepartureHow;
use crate::{local_time, text, Protocol, VigilError};

/// At most this many rows are returned; `HistoryPage::more` says whether there were more.
pub const MAX_ROWS: usize = 200;

/// The longest search text accepted.
pub const MAX_TEXT_CHARS: usize = 100;

mod fold;
pub use fold::{fold, terms, FOLDS};

/// What a nurse searches for. Empty text and no dates find the newest sessions.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HistoryQuery {
    /// Name or chart number, or the start of each of their words.
    pub text: String,
    /// First local day (YYYY-MM-DD) the clock started on, if any.
    pub from: Option<String>,
    /// Last local day (YYYY-MM-DD, included) the clock started on, if any.
    pub to: Option<String>,
    pub protocol: Option<Protocol>,
    pub left: Option<HistoryLeft>,
}

/// How the patient left, or that they have not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HistoryLeft {
    Discharged,
    AgainstAdvice,
    Transferred,
    StillHere,
}

impl HistoryLeft {
    /// The departure kind this filter asks for; `None` for "still here".
    pub fn departure(self) -> Option<DepartureHow> {
        match self {
            Self::Discharged => Some(DepartureHow::Discharged),
            Self::AgainstAdvice => Some(DepartureHow::AgainstAdvice),
            Self::Transferred => Some(DepartureHow::Transferred),
            Self::StillHere => None,
        }
    }
}

/// A validated query: folded search terms (possibly none) and a half-open UTC range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistorySearch {
    pub terms: Vec<String>,
    /// Clock started at or after this instant.
    pub since: Option<DateTime<Utc>>,
    /// Clock started before this instant (the start of the day after `to`).
    pub before: Option<DateTime<Utc>>,
    pub protocol: Option<Protocol>,
    pub left: Option<HistoryLeft>,
}

/// One past (or current) session found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryRow {
    #[ts(type = "number")]
    pub session_id: i64,
    pub patient_name: String,
    pub chart_number: Option<String>,
    pub bay: String,
    pub protocol: Protocol,
    pub clock_started_at: DateTime<Utc>,
    pub left_at: Option<DateTime<Utc>>,
    pub how: Option<DepartureHow>,
}

/// The rows found, newest clock start first, at most [`MAX_ROWS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryPage {
    pub rows: Vec<HistoryRow>,
    /// More sessions matched than were returned: narrow the search.
    pub more: bool,
}

impl HistoryQuery {
    /// Checks the query and places its days on the UTC timeline of zone `tz`.
    ///
    /// Errors: `validation` on `text` (too long, control or invisible characters), on `from` or
    /// `to` (not a date YYYY-MM-DD), or on `to` (before `from`).
    pub fn validate<Tz: TimeZone>(&self, tz: &Tz) -> Result<HistorySearch, VigilError> {
        let label = "Name or chart number";
        let trimmed = self.text.trim();
        if trimmed.chars().count() > MAX_TEXT_CHARS {
            return Err(VigilError::validation(
                "text",
                format!("{label} must be at most {MAX_TEXT_CHARS} characters."),
            ));
        }
        text::refuse_in(trimmed, "text", label, text::refused_in_line)?;
        let from = day(self.from.as_deref(), "from", "From")?;
        let to = day(self.to.as_deref(), "to", "To")?;
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(VigilError::validation("to", "To must not be before From."));
            }
        }
        Ok(HistorySearch {
            terms: terms(trimmed),
            since: from.map(|d| local_time::day_start(tz, d)),
            before: to.and_then(|d| d.succ_opt()).map(|d| local_time::day_start(tz, d)),
            protocol: self.protocol,
            left: self.left,
        })
    }
}

/// An optional `YYYY-MM-DD` date; blank counts as absent.
fn day(raw: Option<&str>, field: &str, label: &str) -> Result<Option<NaiveDate>, VigilError> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let date = local_time::parse_day(raw, field)?;
    let year = chrono::Datelike::year(&date);
    if !(1900..=9998).contains(&year) {
        return Err(VigilError::validation(field, format!("{label} must be from 1900 to 9998.")));
    }
    Ok(Some(date))
}

#[cfg(test)]
mod tests;
