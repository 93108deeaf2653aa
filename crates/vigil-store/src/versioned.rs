//! The versioned settings: each change is a new row, the latest in force, and each write
//! appends its audit entry naming the row in the same transaction. [`Versioned`] settings
//! (thresholds, check plan, discharge policy) are stored whole as JSON in a table of
//! `(id, data, changed_at_ms, changed_by)`; protocols have their own columns and numbering but
//! write through the same [`insert_audited`].

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Params, Transaction};
use serde::de::DeserializeOwned;
use serde::Serialize;
use vigil_core::VigilError;

use crate::audit::{self, Action, Entry};
use crate::StoreError;

/// A setting kept whole, one JSON row per version, in `TABLE`.
pub trait Versioned: Serialize + DeserializeOwned + Default {
    /// The table of versions: `(id, data, changed_at_ms, changed_by)`.
    const TABLE: &'static str;
    /// The audit action of a change.
    const ACTION: Action;
    /// What it is called in an error ("the thresholds could not be encoded").
    const NAME: &'static str;
}

impl Versioned for vigil_core::checks::ThresholdSettings {
    const TABLE: &'static str = "threshold_versions";
    const ACTION: Action = Action::ThresholdChange;
    const NAME: &'static str = "thresholds";
}

impl Versioned for vigil_core::checks::CheckPlanSettings {
    const TABLE: &'static str = "check_plan_versions";
    const ACTION: Action = Action::CheckPlanChange;
    const NAME: &'static str = "check plan";
}

impl Versioned for vigil_core::discharge::DischargePolicy {
    const TABLE: &'static str = "discharge_policy_versions";
    const ACTION: Action = Action::DischargePolicyChange;
    const NAME: &'static str = "policy";
}

fn corrupt<T: Versioned>(id: i64, what: &str) -> StoreError {
    StoreError::Corrupt { table: T::TABLE, id, what: what.into() }
}

/// The version in force (the defaults until one is saved). Errors: `Corrupt` when the latest
/// row does not decode.
pub fn latest<T: Versioned>(conn: &Connection) -> Result<T, StoreError> {
    let sql = format!("SELECT id, data FROM {} ORDER BY id DESC LIMIT 1", T::TABLE);
    let row: Option<(i64, String)> =
        conn.query_row(&sql, [], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
    match row {
        None => Ok(T::default()),
        Some((id, data)) => serde_json::from_str(&data).map_err(|_| corrupt::<T>(id, "data")),
    }
}

/// Every version, oldest first, with the instant it was saved. Errors: `Corrupt` on the first
/// row that does not decode.
pub fn history<T: Versioned>(conn: &Connection) -> Result<Vec<(DateTime<Utc>, T)>, StoreError> {
    let sql = format!("SELECT id, data, changed_at_ms FROM {} ORDER BY id", T::TABLE);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, data, at) = row?;
        let settings = serde_json::from_str(&data).map_err(|_| corrupt::<T>(id, "data"))?;
        let at = vigil_core::instant::from_millis(at)
            .ok_or_else(|| corrupt::<T>(id, "changed_at_ms"))?;
        out.push((at, settings));
    }
    Ok(out)
}

/// Records a new version (validated by the caller), set by admin `by`, with its audit entry;
/// returns the row's id.
pub fn save<T: Versioned>(
    tx: &Transaction<'_>,
    value: &T,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let data = serde_json::to_string(value)
        .map_err(|e| VigilError::internal(format!("the {} could not be encoded: {e}", T::NAME)))?;
    let sql =
        format!("INSERT INTO {} (data, changed_at_ms, changed_by) VALUES (?1, ?2, ?3)", T::TABLE);
    let entry = Entry::new(T::ACTION, Some(by));
    insert_audited(tx, T::TABLE, entry, now, &sql, params![data, now.timestamp_millis(), by])
}

/// Runs `sql` (one INSERT into `table`) with `params`, then appends `entry` naming the new row
/// at `now`, in the caller's transaction; returns the row's id.
pub fn insert_audited(
    tx: &Transaction<'_>,
    table: &'static str,
    entry: Entry<'_>,
    now: DateTime<Utc>,
    sql: &str,
    params: impl Params,
) -> Result<i64, StoreError> {
    tx.execute(sql, params)?;
    let id = tx.last_insert_rowid();
    audit::append(tx, now, &entry.record(table, id))?;
    Ok(id)
}
