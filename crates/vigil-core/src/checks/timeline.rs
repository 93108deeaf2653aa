//! The session timeline: admission, checks, corrections, alerts, acknowledgements,
//! resolutions and the other records of a session in clinical-time order, each with both times
//! (clinical `at`, app `recordedAt`) and who recorded it. A corrected entry stays visible,
//! struck through, pointing at its correction.
//!
//! Every entry is built by [`TimelineEntry::new`], which gives it its `key`
//! (`"{kind}-{record id}"`): each kind reads exactly one stored table, whose row ids are unique,
//! so keys are unique across kinds and the order of [`sort_timeline`] is total.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::check::Check;
use crate::RecoverySession;

mod alerts;
pub use alerts::{AcknowledgementRow, FiringRow, ResolutionRow};

/// What a timeline entry records. Each kind is read from exactly ONE stored table (see
/// [`TimelineKind::table`]), so `(kind, record_id)` names one row: a new kind of record gets a
/// new variant, never a second table behind an existing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    /// The admission: the recovery clock started.
    Admission,
    /// A check as entered.
    Check,
    /// A check that corrects an earlier one.
    Correction,
    /// An alert that fired.
    Alert,
    /// A nurse acknowledged an alert.
    Acknowledgement,
    /// An alert closed by a check: the overdue check entered, or the wrong value corrected.
    Resolution,
    /// A nurse confirmed the Modified PADSS.
    Confirmation,
    /// The prescriber's decision on a pre-dose blood pressure above the limit.
    PredoseDecision,
    /// The board's discharge readiness changed (recorded by the app).
    Readiness,
    /// A nurse's note.
    Note,
}

impl TimelineKind {
    /// The stable name, as serialized ("predose_decision"): the first part of an entry's key.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admission => "admission",
            Self::Check => "check",
            Self::Correction => "correction",
            Self::Alert => "alert",
            Self::Acknowledgement => "acknowledgement",
            Self::Resolution => "resolution",
            Self::Confirmation => "confirmation",
            Self::PredoseDecision => "predose_decision",
            Self::Readiness => "readiness",
            Self::Note => "note",
        }
    }

    /// The one stored table the entries of this kind are read from (their `record_id` is a row
    /// id of it). Checks and corrections are both rows of `checks`: one row is never both.
    pub fn table(self) -> &'static str {
        match self {
            Self::Admission => "recovery_sessions",
            Self::Check | Self::Correction => "checks",
            Self::Alert => "alert_firings",
            Self::Acknowledgement => "alert_acknowledgements",
            Self::Resolution => "alert_resolutions",
            Self::Confirmation => "padss_confirmations",
            Self::PredoseDecision => "predose_decisions",
            Self::Readiness => "readiness_changes",
            Self::Note => "notes",
        }
    }
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    /// Unique across the kinds of one session's timeline (`"resolution-3"`): the UI's key.
    /// Private: only [`TimelineEntry::new`] sets it.
    key: String,
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
    /// The one constructor: an entry of `kind` for row `record_id` of the kind's table, with
    /// its key. Late reason, strike and correction links start empty.
    pub fn new(
        kind: TimelineKind,
        record_id: i64,
        at: DateTime<Utc>,
        recorded_at: DateTime<Utc>,
        who: Option<String>,
        summary: String,
    ) -> Self {
        Self {
            key: format!("{}-{record_id}", kind.as_str()),
            kind,
            record_id,
            at,
            recorded_at,
            who,
            summary,
            late_reason: None,
            struck: false,
            corrected_by: None,
            corrects: None,
        }
    }

    /// The key unique across the kinds of a session's timeline.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The entry of the admission of `session`.
    pub fn admission(session: &RecoverySession) -> Self {
        let summary = format!(
            "Admitted to {}: {}, minimum {} min; clock started",
            session.bay,
            session.protocol.label(),
            session.minimum_minutes
        );
        let (at, recorded_at) = (session.clock_started_at, session.recorded_at);
        Self::new(
            TimelineKind::Admission,
            session.id,
            at,
            recorded_at,
            session.admitted_by.clone(),
            summary,
        )
    }

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
        // The nurse's note on the check shows with it (the summary itself holds no free text).
        let summary = match check.note.as_str() {
            "" => summary,
            note => format!("{summary}. Note: {note}"),
        };
        Self {
            late_reason: check.late_reason.clone(),
            struck: row.corrected_by.is_some(),
            corrected_by: row.corrected_by,
            corrects,
            ..Self::new(kind, row.id, check.observed_at, row.recorded_at, row.who, summary)
        }
    }
}

/// Sorts entries by clinical time, then recording time, kind and id. `(kind, record_id)` is
/// unique in a session's timeline (one table per kind), so this order is total: any
/// arrangement of the same entries sorts to the same sequence.
pub fn sort_timeline(entries: &mut [TimelineEntry]) {
    entries.sort_by(|a, b| {
        (a.at, a.recorded_at, a.kind, a.record_id).cmp(&(b.at, b.recorded_at, b.kind, b.record_id))
    });
}
