//! Coverage of the records by the audit trail: every row of every record table
//! ([`RECORD_TABLES`]) is named by exactly one audit entry. The chain's hashes prove that
//! what an entry wrote is unchanged; coverage finds what no entry wrote (a row inserted
//! behind the app's back, triggers or not) and a row two entries claim.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::audit::RECORD_TABLES;
use crate::StoreError;

/// A coverage problem: the audit entry it shows at (when one does) and what is wrong.
pub type Gap = (Option<i64>, String);

/// The first coverage problem, if any: a record named by a second audit entry (at that
/// entry), or a record row no entry names. Entries whose list of records is unreadable or
/// names an unknown table are left to the chain check, which reports them first.
pub fn first_gap(conn: &Connection) -> Result<Option<Gap>, StoreError> {
    let (claimed, twice) = claims(conn)?;
    if let Some(gap) = twice {
        return Ok(Some(gap));
    }
    for (index, table) in RECORD_TABLES.iter().enumerate() {
        if !table_exists(conn, table)? {
            continue;
        }
        let mut stmt = conn.prepare(&format!("SELECT rowid FROM {table} ORDER BY rowid"))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if !claimed.contains_key(&(index, id)) {
                return Ok(Some((
                    None,
                    format!(
                        "record {table}#{id} has no audit entry (written outside Vigil, or its \
                         entry was removed)"
                    ),
                )));
            }
        }
    }
    Ok(None)
}

/// Which entry names each record (by table index and rowid), and the first record named by
/// a second entry.
type Claims = (HashMap<(usize, i64), i64>, Option<Gap>);

fn claims(conn: &Connection) -> Result<Claims, StoreError> {
    let mut stmt = conn.prepare("SELECT seq, records FROM audit_events ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    let mut claimed: HashMap<(usize, i64), i64> = HashMap::new();
    let mut twice = None;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let Ok(text) = row.get::<_, String>(1) else { continue };
        let Ok(refs) = serde_json::from_str::<Vec<(String, i64)>>(&text) else { continue };
        for (table, id) in refs {
            let Some(index) = RECORD_TABLES.iter().position(|t| *t == table) else { continue };
            match claimed.get(&(index, id)) {
                Some(&first) if first != seq && twice.is_none() => {
                    twice = Some((
                        Some(seq),
                        format!("audit entry {seq}: it names {table}#{id}, already written by entry {first}"),
                    ));
                }
                Some(_) => {}
                None => {
                    claimed.insert((index, id), seq);
                }
            }
        }
    }
    Ok((claimed, twice))
}

fn table_exists(conn: &Connection, table: &str) -> Result<bool, StoreError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [table],
        |r| r.get(0),
    )?)
}
