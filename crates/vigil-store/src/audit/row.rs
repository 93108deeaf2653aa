//! An audit row's hashed columns and the hashes: the chain hash of a row and the hash of the
//! records an action wrote (their canonical JSON forms).

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::RecordRef;
use crate::StoreError;

/// The columns that go into a row's hash.
pub(super) struct Row {
    pub(super) seq: i64,
    pub(super) at_ms: i64,
    pub(super) nurse_id: Option<i64>,
    pub(super) action: String,
    pub(super) records: String,
    pub(super) record_hash: Option<String>,
    pub(super) detail: String,
    /// The emergency access this entry was written under; hashed only when set, so entries
    /// from before the column existed keep their hashes.
    pub(super) emergency_use: Option<i64>,
}

impl Row {
    pub(super) fn chain_hash(&self, prev_hash: &str) -> Result<String, StoreError> {
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
}

/// SHA-256 over the canonical form of each record in order. A missing row hashes as absent.
pub(super) fn records_hash(conn: &Connection, records: &[RecordRef]) -> Result<String, StoreError> {
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

pub(super) fn internal(e: serde_json::Error) -> StoreError {
    StoreError::Rule(vigil_core::VigilError::internal(format!("audit encoding failed: {e}")))
}
