//! What the store loads for a report window: plain facts, one row per session, alert and
//! check, with no judgement made yet.

use chrono::{DateTime, Utc};

use crate::Protocol;

use super::LeftHow;

/// One session that may have been in recovery during the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFact {
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    pub protocol: Protocol,
    pub minimum_minutes: u32,
    pub clock_started_at: DateTime<Utc>,
    /// The first change to Ready or Ready (awaiting escort) at or after the clock start.
    pub first_ready_at: Option<DateTime<Utc>>,
    /// How and when the patient left; `None` while still here.
    pub left: Option<(LeftHow, DateTime<Utc>)>,
    /// Spravato only: whether the REMS form was submitted.
    pub rems_submitted: bool,
}

/// One alert firing of a session of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertFact {
    pub firing_id: i64,
    pub session_id: i64,
    /// The firing's kind as stored (`minimum_reached`, `check_overdue`, `clinical`,
    /// `escort_late`).
    pub kind: String,
    pub raised_at: DateTime<Utc>,
    /// When and by whom (the nurse's label) it was acknowledged.
    pub acknowledged: Option<(DateTime<Utc>, String)>,
}

/// One check (not a correction) of a session of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckFact {
    pub check_id: i64,
    pub session_id: i64,
    pub baseline: bool,
    pub observed_at: DateTime<Utc>,
    pub recorded_at: DateTime<Utc>,
    /// The nurse's label.
    pub recorded_by: String,
}

/// Everything a report window needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportFacts {
    pub sessions: Vec<SessionFact>,
    pub alerts: Vec<AlertFact>,
    pub checks: Vec<CheckFact>,
}
