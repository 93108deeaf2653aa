//! The administrator's review of the audit trail (21 CFR 11.10(e)): the filter the page sends
//! (local days, a nurse, an action, a patient's session, a page), checked field by field into
//! an [`AuditQuery`] on the UTC timeline, and the rows and pages the store answers with.
//! A day is [local 00:00, next local 00:00), so a filter "to" a day includes all of it.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::local_time::{day_start, parse_day};
use crate::table::Table;
use crate::{Nurse, VigilError};

/// Entries on one page of the review.
pub const PAGE_SIZE: usize = 200;

/// The largest whole number a page's number holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// What the administrator asks for. Empty text and `null` mean "any".
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuditFilter {
    /// First local day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last local day (included), `YYYY-MM-DD`.
    pub to: Option<String>,
    pub nurse_id: Option<f64>,
    /// One of the audit trail's action names, e.g. `sign_in`.
    pub action: Option<String>,
    /// The patient: every entry about this session or one of its records.
    pub session_id: Option<f64>,
    /// Paging: only entries older than this sequence number.
    pub before_seq: Option<f64>,
}

/// A checked filter: times are UTC, `until` is exclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub nurse_id: Option<i64>,
    pub action: Option<String>,
    pub session_id: Option<i64>,
    pub before_seq: Option<i64>,
}

impl AuditFilter {
    /// Checks the filter, days read in zone `tz`; `actions` are the names the trail knows.
    ///
    /// Errors: `validation` on `from`/`to` (not a date, or `to` before `from`), `nurseId`,
    /// `sessionId`, `beforeSeq` (not a positive whole number), `action` (not a known name).
    pub fn validate<Tz: TimeZone>(
        &self,
        tz: &Tz,
        actions: &[&str],
    ) -> Result<AuditQuery, VigilError> {
        let from = day("from", self.from.as_deref())?;
        let to = day("to", self.to.as_deref())?;
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(VigilError::validation("to", "The last day is before the first."));
            }
        }
        let action = match self.action.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(a) if actions.contains(&a) => Some(a.to_owned()),
            Some(_) => {
                return Err(VigilError::validation("action", "Choose an action from the list."))
            }
        };
        Ok(AuditQuery {
            from: from.map(|d| day_start(tz, d)),
            until: to.map(|d| day_start(tz, d + Duration::days(1))),
            nurse_id: whole("nurseId", self.nurse_id, "Choose a nurse from the list.")?,
            action,
            session_id: whole("sessionId", self.session_id, "Enter a session number.")?,
            before_seq: whole("beforeSeq", self.before_seq, "Choose an entry to page from.")?,
        })
    }
}

fn day(field: &str, text: Option<&str>) -> Result<Option<NaiveDate>, VigilError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => match parse_day(t, field)? {
            d if (2000..=2199).contains(&d.year()) => Ok(Some(d)),
            _ => Err(VigilError::validation(field, "Give a day from 2000 to 2199.")),
        },
    }
}

fn whole(field: &str, value: Option<f64>, message: &str) -> Result<Option<i64>, VigilError> {
    match value {
        None => Ok(None),
        Some(v) if v.is_finite() && v.fract() == 0.0 && (1.0..=MAX_SAFE_INTEGER).contains(&v) => {
            // Whole and within 2^53: exact as i64.
            #[allow(clippy::cast_possible_truncation)]
            Ok(Some(v as i64))
        }
        Some(_) => Err(VigilError::validation(field, message)),
    }
}

/// One entry of the trail as the review shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditRow {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// "Ana Ruiz, RN", or "system" for Vigil itself.
    pub nurse: String,
    pub action: String,
    /// The records it wrote, `table:id` joined by ", " (e.g. "checks:12").
    pub records: String,
    pub detail: String,
    /// The emergency access it was done under, if any.
    #[ts(type = "number | null")]
    pub emergency_use: Option<i64>,
}

/// One page, newest first; `more` when older entries match too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub more: bool,
}

/// What the filter's lists offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditChoices {
    pub actions: Vec<String>,
    pub nurses: Vec<Nurse>,
}

/// The rows as a table for CSV: times in UTC (RFC 3339), so the file means the same anywhere.
pub fn audit_table(rows: &[AuditRow]) -> Table {
    let mut table =
        Table::new(["seq", "time_utc", "nurse", "action", "records", "detail", "emergency_use"]);
    for r in rows {
        table.push([
            r.seq.to_string(),
            r.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            r.nurse.clone(),
            r.action.clone(),
            r.records.clone(),
            r.detail.clone(),
            r.emergency_use.map(|u| u.to_string()).unwrap_or_default(),
        ]);
    }
    table
}

#[cfg(test)]
mod tests;
