//! The check-plan settings: versions in `check_plan_versions` (JSON of vigil-core's
//! `CheckPlanSettings`). A session follows the version in force when it was admitted (recorded),
//! so a change applies to new admissions and never reshuffles a running session's checks.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use vigil_core::checks::CheckPlanSettings;

use crate::{versioned, StoreError};

/// Every version, oldest first: from when it applies, and the settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanHistory(Vec<(DateTime<Utc>, CheckPlanSettings)>);

impl PlanHistory {
    /// The settings for a session recorded at `recorded_at` (the defaults before any change).
    pub fn for_admission(&self, recorded_at: DateTime<Utc>) -> CheckPlanSettings {
        self.0
            .iter()
            .rev()
            .find(|(from, _)| *from <= recorded_at)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }

    /// The settings in force for new admissions.
    pub fn current(&self) -> CheckPlanSettings {
        self.0.last().map(|(_, s)| *s).unwrap_or_default()
    }
}

/// Every version.
pub fn history(conn: &Connection) -> Result<PlanHistory, StoreError> {
    Ok(PlanHistory(versioned::history(conn)?))
}

/// Records new settings (validated by the caller), set by admin `by`, with its audit entry.
pub fn set(
    tx: &Transaction<'_>,
    settings: &CheckPlanSettings,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    versioned::save(tx, settings, by, now)
}
