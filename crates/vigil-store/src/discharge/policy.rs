//! The clinic's discharge policy: each save a new version, the latest in force (the clinic
//! defaults until one is saved).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction};
use vigil_core::discharge::DischargePolicy;

use crate::{versioned, StoreError};

/// The discharge policy in force (the clinic defaults until one is saved).
pub fn policy(conn: &Connection) -> Result<DischargePolicy, StoreError> {
    versioned::latest(conn)
}

/// Records a new discharge policy (validated by the caller) set by `by`, with its audit entry.
pub fn set_policy(
    tx: &Transaction<'_>,
    policy: &DischargePolicy,
    by: i64,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    versioned::save(tx, policy, by, now)
}
