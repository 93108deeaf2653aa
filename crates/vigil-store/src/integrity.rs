//! Verification of the whole record: SQLite's own check of the file, then the audit chain
//! (every row's link and hash, and the records each row wrote).

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use vigil_core::IntegrityStatus;

use crate::{audit, StoreError};

/// How thorough the check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCheck {
    /// Every start: `PRAGMA quick_check`, and the chain of entries (sequence, links, each
    /// entry's hash), without re-reading every record.
    Quick,
    /// On demand, every backup, `vigil verify`: `PRAGMA integrity_check`, the chain, and the
    /// hash of every record each entry wrote.
    Full,
}

/// Checks the file and verifies the chain at `now`.
pub fn verify(
    conn: &Connection,
    check: FileCheck,
    now: DateTime<Utc>,
) -> Result<IntegrityStatus, StoreError> {
    let pragma = match check {
        FileCheck::Quick => "PRAGMA quick_check",
        FileCheck::Full => "PRAGMA integrity_check",
    };
    let file: String = conn.query_row(pragma, [], |r| r.get(0))?;
    let chain = audit::verify(conn, check == FileCheck::Full)?;
    let (first_bad_seq, mut problem) = match chain.first_bad {
        Some((seq, why)) => (Some(seq), Some(format!("audit entry {seq}: {why}"))),
        None => (None, None),
    };
    if file != "ok" {
        problem = Some(format!("the database file is damaged: {file}"));
    }
    Ok(IntegrityStatus {
        ok: problem.is_none(),
        checked_at: now,
        rows: chain.rows,
        head_seq: chain.head_seq,
        head_hash: chain.head_hash,
        first_bad_seq,
        problem,
    })
}
