//! The audit trail: one `audit_events` row per accepted action, written in the action's own
//! transaction, hash-chained. Row `n` stores `hash = SHA-256(hash(n-1) "\n" canonical(n))`, where
//! the canonical form is a JSON array of every other column, including `record_hash`: the
//! SHA-256 of the canonical form of each record the action wrote. Verification recomputes both,
//! so an edited audit row *or* an edited record (its trigger dropped) is found at its exact
//! sequence number.

use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use crate::StoreError;

mod action;
mod emergency_stamp;
pub use action::{Action, RECORD_TABLES};
pub use emergency_stamp::{emergency_use_in_force, EmergencyScope, InForce};

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
        head_hash,
        hash,
        row.emergency_use
    ];
    let count = if row.emergency_use.is_some() { 10 } else { 9 };
    stmt.execute(&columns[..count])?;
    Ok(seq)
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

/// What chain verification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub rows: i64,
    pub head_seq: i64,
    pub head_hash: String,
    /// The first row that does not verify, and why.
    pub first_bad: Option<(i64, String)>,
}

/// Verifies every row in order: sequence without gaps, `prev_hash` links, each row's hash, and
/// (when `records`) the hash of the records it points at, which reads every audited row.
pub fn verify(conn: &Connection, records: bool) -> Result<ChainReport, StoreError> {
    // A file from before schema 13 (an old backup read as it is) has no emergency column.
    let emergency_column: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('audit_events')
                        WHERE name = 'emergency_use')",
        [],
        |r| r.get(0),
    )?;
    let emergency = if emergency_column { "emergency_use" } else { "NULL" };
    let mut stmt = conn.prepare(&format!(
        "SELECT seq, at_ms, nurse_id, action, records, record_hash, detail, prev_hash, hash,
                {emergency}
         FROM audit_events ORDER BY seq"
    ))?;
    let mut rows = stmt.query([])?;
    let mut report =
        ChainReport { rows: 0, head_seq: 0, head_hash: GENESIS.into(), first_bad: None };
    while let Some(r) = rows.next()? {
        let row = Row {
            seq: r.get(0)?,
            at_ms: r.get(1)?,
            nurse_id: r.get(2)?,
            action: r.get(3)?,
            records: r.get(4)?,
            record_hash: r.get(5)?,
            detail: r.get(6)?,
            emergency_use: r.get(9)?,
        };
        let (prev_hash, hash): (String, String) = (r.get(7)?, r.get(8)?);
        report.rows += 1;
        if report.first_bad.is_none() {
            if let Some(problem) = row.problem(conn, &report, &prev_hash, &hash, records)? {
                report.first_bad = Some((row.seq, problem));
            }
        }
        report.head_seq = row.seq;
        report.head_hash = hash;
    }
    Ok(report)
}

/// The columns that go into a row's hash.
struct Row {
    seq: i64,
    at_ms: i64,
    nurse_id: Option<i64>,
    action: String,
    records: String,
    record_hash: Option<String>,
    detail: String,
    /// The emergency access this entry was written under; hashed only when set, so entries
    /// from before the column existed keep their hashes.
    emergency_use: Option<i64>,
}

impl Row {
    fn chain_hash(&self, prev_hash: &str) -> Result<String, StoreError> {
        let base = (
            self.seq,
            self.at_ms,
            self.nurse_id,
            &self.action,
            &self.records,
            &self.record_hash,
            &self.detail,
        );
        let canonical = match self.emergency_use {
            None => serde_json::to_string(&base),
            Some(used) => serde_json::to_string(&(
                base.0, base.1, base.2, base.3, base.4, base.5, base.6, used,
            )),
        }
        .map_err(internal)?;
        Ok(sha256_hex([prev_hash.as_bytes(), b"\n", canonical.as_bytes()]))
    }

    /// Why this row does not verify after the rows already in `report`, if it does not.
    fn problem(
        &self,
        conn: &Connection,
        report: &ChainReport,
        prev_hash: &str,
        hash: &str,
        records: bool,
    ) -> Result<Option<String>, StoreError> {
        if self.seq != report.head_seq + 1 {
            return Ok(Some(format!("sequence jumps from {} to {}", report.head_seq, self.seq)));
        }
        if prev_hash != report.head_hash {
            return Ok(Some("does not link to the entry before it".into()));
        }
        if self.chain_hash(prev_hash)? != hash {
            return Ok(Some("the entry was changed after it was written".into()));
        }
        if !records {
            return Ok(None);
        }
        let Ok(refs) = serde_json::from_str::<Vec<(String, i64)>>(&self.records) else {
            return Ok(Some("its list of records is unreadable".into()));
        };
        let mut resolved = Vec::with_capacity(refs.len());
        for (table, id) in &refs {
            match RECORD_TABLES.iter().find(|t| **t == table.as_str()) {
                Some(t) => resolved.push((*t, *id)),
                None => return Ok(Some(format!("it names an unknown table {table}"))),
            }
        }
        let now_hash =
            if resolved.is_empty() { None } else { Some(records_hash(conn, &resolved)?) };
        if now_hash != self.record_hash {
            let names: Vec<String> = refs.iter().map(|(t, id)| format!("{t}#{id}")).collect();
            return Ok(Some(format!(
                "a record it wrote was changed or removed ({})",
                names.join(", ")
            )));
        }
        Ok(None)
    }
}

/// SHA-256 over the canonical form of each record in order. A missing row hashes as absent.
fn records_hash(conn: &Connection, records: &[RecordRef]) -> Result<String, StoreError> {
    let mut hasher = Sha256::new();
    for (table, id) in records {
        hasher.update(canonical_record(conn, table, *id)?.as_bytes());
        hasher.update(b"\n");
    }
    Ok(hex(&hasher.finalize()))
}

/// `table`'s row `id` as JSON: `[table, id, [[column, value], ...]]` for every non-NULL column
/// (so a column added later as NULL does not change old rows' forms), or `null` if absent.
fn canonical_record(conn: &Connection, table: &'static str, id: i64) -> Result<String, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT * FROM {table} WHERE rowid = ?1"))?;
    let names: Vec<String> = stmt.column_names().into_iter().map(str::to_owned).collect();
    let mut rows = stmt.query([id])?;
    let Some(row) = rows.next()? else {
        return serde_json::to_string(&(table, id, None::<()>)).map_err(internal);
    };
    let mut columns = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let value = match row.get_ref(i)? {
            ValueRef::Null => continue,
            ValueRef::Integer(v) => serde_json::json!({ "i": v }),
            ValueRef::Real(v) => serde_json::json!({ "r": v.to_bits() }),
            ValueRef::Text(t) => serde_json::json!({ "t": String::from_utf8_lossy(t) }),
            ValueRef::Blob(b) => serde_json::json!({ "b": hex(b) }),
        };
        columns.push((name.as_str(), value));
    }
    serde_json::to_string(&(table, id, columns)).map_err(internal)
}

fn sha256_hex<const N: usize>(parts: [&[u8]; N]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hex(&hasher.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn internal(e: serde_json::Error) -> StoreError {
    StoreError::Rule(vigil_core::VigilError::internal(format!("audit encoding failed: {e}")))
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
