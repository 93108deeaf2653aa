//! The audit trail: one `audit_events` row per accepted action, written in the action's own
//! transaction, hash-chained. Row `n` stores `hash = SHA-256(hash(n-1) "\n" canonical(n))`, where
//! the canonical form is a JSON array of every other column, including `record_hash`: the
//! SHA-256 of the canonical form of each record the action wrote. Verification recomputes both,
//! so an edited audit row *or* an edited record (its trigger dropped) is found at its exact
//! sequence number.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::StoreError;

mod action;
mod emergency_stamp;
mod key_events;
pub mod review;
mod row;
mod verify;
pub use action::{Action, RECORD_TABLES};
pub use emergency_stamp::{emergency_use_in_force, EmergencyScope, InForce};
pub use key_events::recovery_key_kept;
pub use verify::{verify, ChainReport};

use row::{internal, records_hash, Row};

/// The hash before the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A row an action wrote: table and rowid.
pub type RecordRef = (&'static str, i64);

/// One audit entry to append.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub action: Action,
    /// The account that did it (`None`: Vigil itself, e.g. the scheduler).
    pub nurse_id: Option<i64>,
    pub records: Vec<RecordRef>,
    /// Short, free of patient data: ids, reasons typed for emergency access, setting values.
    pub detail: &'a str,
    /// `Some(stamp)`: the emergency use to write, decided by the caller (an entry written
    /// later than its action, with the stamp in force when it happened). `None`: the use in
    /// force now, when the entry is by its emergency nurse.
    pub emergency_use: Option<Option<i64>>,
}

impl<'a> Entry<'a> {
    pub fn new(action: Action, nurse_id: Option<i64>) -> Self {
        Self { action, nurse_id, records: Vec::new(), detail: "", emergency_use: None }
    }

    pub fn record(mut self, table: &'static str, id: i64) -> Self {
        self.records.push((table, id));
        self
    }

    pub fn detail(mut self, detail: &'a str) -> Self {
        self.detail = detail;
        self
    }

    /// Writes `use_seq` as the entry's emergency stamp, whatever is in force when it is written.
    pub fn stamped(mut self, use_seq: Option<i64>) -> Self {
        self.emergency_use = Some(use_seq);
        self
    }
}

/// Appends `entry` at `now` inside `tx`; returns its sequence number.
pub fn append(
    tx: &Transaction<'_>,
    now: DateTime<Utc>,
    entry: &Entry<'_>,
) -> Result<i64, StoreError> {
    let (head_seq, head_hash) = head(tx)?;
    let seq = head_seq + 1;
    let records = serde_json::to_string(&entry.records).map_err(internal)?;
    let record_hash =
        if entry.records.is_empty() { None } else { Some(records_hash(tx, &entry.records)?) };
    let row = Row {
        seq,
        at_ms: now.timestamp_millis(),
        nurse_id: entry.nurse_id,
        action: entry.action.as_str().to_owned(),
        records,
        record_hash,
        detail: entry.detail.to_owned(),
        // Only what the emergency nurse does is an action under their emergency access.
        emergency_use: entry
            .emergency_use
            .unwrap_or_else(|| emergency_use_in_force().and_then(|f| f.stamp_for(entry.nurse_id))),
    };
    let hash = row.chain_hash(&head_hash)?;
    insert(tx, &row, &head_hash, &hash)?;
    Ok(seq)
}

/// Inserts `row` chained after `prev_hash` with its own `hash`.
fn insert(tx: &Transaction<'_>, row: &Row, prev_hash: &str, hash: &str) -> Result<(), StoreError> {
    // The column is named only when set, so an unstamped entry can be written under any schema
    // (the baseline of an upgrade runs before schema 13 exists).
    let (column, value) = match row.emergency_use {
        Some(_) => (", emergency_use", ", ?10"),
        None => ("", ""),
    };
    let sql = format!(
        "INSERT INTO audit_events
            (seq, at_ms, nurse_id, action, records, record_hash, detail, prev_hash, hash{column})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9{value})"
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let columns = params![
        row.seq,
        row.at_ms,
        row.nurse_id,
        row.action,
        row.records,
        row.record_hash,
        row.detail,
        prev_hash,
        hash,
        row.emergency_use
    ];
    let count = if row.emergency_use.is_some() { 10 } else { 9 };
    stmt.execute(&columns[..count])?;
    Ok(())
}

/// The last sequence number and hash (0 and [`GENESIS`] when empty).
pub fn head(conn: &Connection) -> Result<(i64, String), StoreError> {
    let head = conn
        .query_row("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(head.unwrap_or_else(|| (0, GENESIS.to_owned())))
}

/// Number of audit rows.
pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM audit_events", [], |r| r.get(0))?)
}

/// Seals every record that existed before the audit trail did (the upgrade to schema 5): one
/// `baseline` entry per table, naming all its rows, so later edits to them are found too.
pub fn baseline(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<(), StoreError> {
    for table in RECORD_TABLES {
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get(0),
        )?;
        if !exists {
            continue;
        }
        let ids: Vec<i64> = {
            let mut stmt = tx.prepare(&format!("SELECT rowid FROM {table} ORDER BY rowid"))?;
            let ids = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
            ids
        };
        if ids.is_empty() {
            continue;
        }
        let detail = format!("{} rows recorded before the audit trail existed", ids.len());
        let mut entry = Entry::new(Action::Baseline, None).detail(&detail);
        entry.records = ids.into_iter().map(|id| (*table, id)).collect();
        append(tx, now, &entry)?;
    }
    Ok(())
}
