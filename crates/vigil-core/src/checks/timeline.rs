//! The session timeline: admission, checks, corrections, alerts and acknowledgements in
//! clinical-time order, each with both times (clinical `at`, app `recordedAt`) and who
//! recorded it. A corrected entry stays visible, struck through, pointing at its correction.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::check::Check;

/// What a timeline entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Admission,
    Check,
    /// A check that corrects an earlier one.
    Correction,
    Alert,
    Acknowledgement,
    /// A nurse confirmed the Modified PADSS.
    Confirmation,
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    pub kind: TimelineKind,
    /// The id of the record in its own table (check, alert firing, ...).
    #[ts(type = "number")]
    pub record_id: i64,
    /// The clinical time.
    pub at: DateTime<Utc>,
    /// When the app recorded it; never editable.
    pub recorded_at: DateTime<Utc>,
    /// The nurse label ("Ana Ruiz, RN"); `None` for the app itself (alerts) or old records.
    pub who: Option<String>,
    /// One line without patient names.
    pub summary: String,
    /// Why it was entered late, when it was.
    pub late_reason: Option<String>,
    /// Corrected: shown struck through.
    pub struck: bool,
    /// The record that corrected this one.
    #[ts(type = "number | null")]
    pub corrected_by: Option<i64>,
    /// The record this one corrects.
    #[ts(type = "number | null")]
    pub corrects: Option<i64>,
}

/// The stored facts of a check row the timeline needs beyond the check itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow {
    pub id: i64,
    pub recorded_at: DateTime<Utc>,
    pub who: Option<String>,
    /// The later check that corrected this one.
    pub corrected_by: Option<i64>,
    /// For a correction: the original check's id and the reason given.
    pub corrects: Option<(i64, String)>,
}

impl TimelineEntry {
    /// The entry of a stored check (or correction).
    pub fn check(row: CheckRow, check: &Check) -> Self {
        let (kind, corrects, summary) = match row.corrects {
            Some((original, reason)) => (
                TimelineKind::Correction,
                Some(original),
                format!("Corrects an earlier check ({reason}). {}", check.summary()),
            ),
            None => (TimelineKind::Check, None, check.summary()),
        };
        Self {
            kind,
            record_id: row.id,
            at: check.observed_at,
            recorded_at: row.recorded_at,
            who: row.who,
            summary,
            late_reason: check.late_reason.clone(),
            struck: row.corrected_by.is_some(),
            corrected_by: row.corrected_by,
            corrects,
        }
    }
}

/// Sorts entries by clinical time, then recording time, kind and id: a stable order.
pub fn sort_timeline(entries: &mut [TimelineEntry]) {
    entries.sort_by(|a, b| {
        (a.at, a.recorded_at, a.kind, a.record_id).cmp(&(b.at, b.recorded_at, b.kind, b.record_id))
    });
}
