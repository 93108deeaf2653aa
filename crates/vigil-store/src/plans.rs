//! The check-plan settings: versions in `check_plan_versions` (JSON of vigil-core's
//! `CheckPlanSettings`). A session follows the version in force when it was admitted (recorded),
//! so a change applies to new admissions and never reshuffles a running session's checks.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use vigil_core::checks::CheckPlanSettings;
use vigil_core::VigilError;

use crate::audit::{self, Action, Entry};
use crate::StoreError;

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
    let mut stmt =
        conn.prepare_cached("SELECT id, data, changed_at_ms FROM check_plan_versions ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, data, at) = row?;
        let corrupt = |what: &str| StoreError::Corrupt {
            table: "check_plan_versions",
            id,
            what: what.into(),
        };
        let settings = serde_json::from_str(&data).map_err(|_| corrupt("data"))?;
        out.push((
            vigil_core::instant::from_millis(at).ok_or_else(|| corrupt("changed_at_ms"))?,
            settings,
        ));
    }
    Ok(PlanHistory(out))
}

/// Records new settings (validated by the caller), set by admin `by`, with its audit entry.
pub fn set(
    tx: &Transaction<'_>,
    settings: &CheckPlanSettings,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let data = serde_json::to_string(settings)
        .map_err(|e| VigilError::internal(format!("the check plan could not be encoded: {e}")))?;
    tx.execute(
        "INSERT INTO check_plan_versions (data, changed_at_ms, changed_by) VALUES (?1, ?2, ?3)",
        params![data, now.timestamp_millis(), by],
    )?;
    let id = tx.last_insert_rowid();
    let entry = Entry::new(Action::CheckPlanChange, Some(by)).record("check_plan_versions", id);
    audit::append(tx, now, &entry)?;
    Ok(id)
}
