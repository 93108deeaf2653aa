//! The report as the page, the PDF and the CSV read it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Protocol;

/// How a patient left recovery, or that they are still here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LeftHow {
    Discharged,
    AgainstAdvice,
    Transferred,
    StillHere,
}

impl LeftHow {
    /// As stored in `session_departures.how`.
    pub fn parse(stored: &str) -> Option<Self> {
        match stored {
            "discharged" => Some(Self::Discharged),
            "against_advice" => Some(Self::AgainstAdvice),
            "transferred" => Some(Self::Transferred),
            _ => None,
        }
    }

    /// The words the report prints.
    pub fn label(self) -> &'static str {
        match self {
            Self::Discharged => "discharged",
            Self::AgainstAdvice => "against advice",
            Self::Transferred => "transferred",
            Self::StillHere => "still here",
        }
    }
}

/// One patient in recovery during the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportPatient {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    pub protocol: Protocol,
    pub clock_started_at: DateTime<Utc>,
    pub minimum_minutes: u32,
    /// Whole minutes from the clock start to the first Ready; `None` if never ready.
    #[ts(type = "number | null")]
    pub minutes_until_ready: Option<i64>,
    /// Whole minutes from the clock start to the departure; `None` while still here.
    #[ts(type = "number | null")]
    pub minutes_until_departure: Option<i64>,
    pub left: LeftHow,
    pub left_at: Option<DateTime<Utc>>,
}

/// How many alerts of one kind were raised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AlertKindCount {
    pub kind: String,
    pub count: u32,
}

/// One nurse's times to acknowledge, in seconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NurseAckTimes {
    pub nurse: String,
    pub count: u32,
    #[ts(type = "number")]
    pub median_seconds: i64,
    #[ts(type = "number")]
    pub longest_seconds: i64,
}

/// An alert raised in the window and never acknowledged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnacknowledgedAlert {
    #[ts(type = "number")]
    pub firing_id: i64,
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub kind: String,
    pub raised_at: DateTime<Utc>,
}

/// The alerts raised in the window.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AlertSummary {
    pub total: u32,
    /// By kind, in the kind's name order.
    pub by_kind: Vec<AlertKindCount>,
    /// Per acknowledging nurse, by label.
    pub per_nurse: Vec<NurseAckTimes>,
    pub unacknowledged: Vec<UnacknowledgedAlert>,
}

/// Why a check is on the late list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LateKind {
    /// Entered more than the late-entry limit after it was observed.
    LateEntry,
    /// A planned check went overdue (an overdue alert was raised).
    Overdue,
}

/// A check entered late, or a planned check gone overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LateCheck {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    pub kind: LateKind,
    /// Observed (late entry) or due-alert raised (overdue).
    pub at: DateTime<Utc>,
    /// Minutes between observation and entry (late entry); `None` for overdue.
    #[ts(type = "number | null")]
    pub minutes_late: Option<i64>,
    /// Who entered it (late entry).
    pub nurse: Option<String>,
}

/// A Spravato session of the window whose REMS form is not submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemsDue {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    pub treated_on: NaiveDate,
    pub last_day: NaiveDate,
}

/// The day or shift report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayReport {
    /// "Day report, 2026-07-01" or "Night shift, 2026-07-01 (19:00, 12 h)".
    pub title: String,
    /// The local day the report is for.
    pub day: NaiveDate,
    pub starts_at: DateTime<Utc>,
    /// Exclusive end; never shown as a date.
    pub ends_at: DateTime<Utc>,
    pub patients: Vec<ReportPatient>,
    pub alerts: AlertSummary,
    pub late_checks: Vec<LateCheck>,
    pub rems_due: Vec<RemsDue>,
}
