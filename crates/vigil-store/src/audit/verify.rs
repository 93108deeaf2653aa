//! Verifying the audit chain: every row in order, its links and hashes, and (on request) the
//! records it points at.

use rusqlite::Connection;

use super::row::{records_hash, Row};
use super::{GENESIS, RECORD_TABLES};
use crate::StoreError;

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

impl Row {
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
