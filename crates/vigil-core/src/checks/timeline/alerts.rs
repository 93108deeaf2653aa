//! Timeline entries of alerts: a firing, its acknowledgement and its resolution, each read
//! from its own table and so of its own kind (an acknowledgement is never a resolution).

use chrono::{DateTime, Utc};

use super::{TimelineEntry, TimelineKind};
use crate::DeadlineKind;

/// A stored alert firing (`alert_firings`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiringRow {
    pub id: i64,
    pub kind: DeadlineKind,
    pub due_at: DateTime<Utc>,
    pub fired_at: DateTime<Utc>,
    /// The planned check's label, or the clinical message.
    pub message: Option<String>,
}

/// A stored acknowledgement (`alert_acknowledgements`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcknowledgementRow {
    pub id: i64,
    pub firing_id: i64,
    pub at: DateTime<Utc>,
    pub who: Option<String>,
}

/// A stored resolution (`alert_resolutions`): `how` is "correction" or "check_entered".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolutionRow {
    pub id: i64,
    pub firing_id: i64,
    pub how: String,
    pub check_id: i64,
    pub at: DateTime<Utc>,
    pub who: Option<String>,
}

impl TimelineEntry {
    /// The entry of a firing, at its due time, recorded when it fired.
    pub fn alert(f: &FiringRow) -> Self {
        let message = f.message.as_deref().unwrap_or_default();
        let summary = match f.kind {
            DeadlineKind::MinimumReached => "Alert: minimum recovery period reached".to_owned(),
            DeadlineKind::CheckOverdue => format!("Alert: check overdue: {message}"),
            DeadlineKind::Clinical | DeadlineKind::EscortLate => format!("Alert: {message}"),
        };
        Self::new(TimelineKind::Alert, f.id, f.due_at, f.fired_at, None, summary)
    }

    /// The entry of an acknowledgement.
    pub fn acknowledgement(a: &AcknowledgementRow) -> Self {
        let summary = format!("Alert #{} acknowledged", a.firing_id);
        Self::new(TimelineKind::Acknowledgement, a.id, a.at, a.at, a.who.clone(), summary)
    }

    /// The entry of a resolution.
    pub fn resolution(r: &ResolutionRow) -> Self {
        let (firing, check) = (r.firing_id, r.check_id);
        let summary = match r.how.as_str() {
            "correction" => format!("Alert #{firing} resolved by correction (entry #{check})"),
            "check_entered" => {
                format!("Alert #{firing} resolved: the check was entered (entry #{check})")
            }
            other => format!("Alert #{firing} resolved ({other}, entry #{check})"),
        };
        Self::new(TimelineKind::Resolution, r.id, r.at, r.at, r.who.clone(), summary)
    }
}
