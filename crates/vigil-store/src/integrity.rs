//! Verification of the whole record: SQLite's own check of the file, then the audit chain
//! (every row's link and hash, and the records each row wrote), then (fully) the coverage of
//! every record row by exactly one entry, and on demand the chain against the newest backup's
//! head. What this cannot find is written down in `docs/integrity.md`.

mod backup_head;
mod coverage;

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use vigil_core::IntegrityStatus;

pub use backup_head::BackupHead;

use crate::{audit, StoreError};

/// How thorough the check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCheck {
    /// Every start: `PRAGMA quick_check`, and the chain of entries (sequence, links, each
    /// entry's hash), without re-reading every record.
    Quick,
    /// On demand, every backup, `vigil verify`: `PRAGMA integrity_check`, the chain, the hash
    /// of every record each entry wrote, and that every record row has exactly one entry.
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
    let (mut first_bad_seq, mut problem) = match chain.first_bad {
        Some((seq, why)) => (Some(seq), Some(format!("audit entry {seq}: {why}"))),
        None => (None, None),
    };
    if problem.is_none() && check == FileCheck::Full {
        if let Some((seq, why)) = coverage::first_gap(conn)? {
            (first_bad_seq, problem) = (seq, Some(why));
        }
    }
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

/// [`verify`], then (when that found nothing) the chain against the head of the newest backup
/// in `folder` made since the last restore: a chain shorter than that head, or holding another
/// hash at its entry, is reported. For `vigil verify` and the on-demand check; backups and
/// restores verify with [`verify`] alone (a copy is compared with nothing).
pub fn verify_with_backups(
    conn: &Connection,
    check: FileCheck,
    now: DateTime<Utc>,
    folder: &Path,
) -> Result<IntegrityStatus, StoreError> {
    let mut status = verify(conn, check, now)?;
    if !status.ok {
        return Ok(status);
    }
    if let Some(head) = backup_head::newest(conn, folder)? {
        if let Some((seq, why)) = backup_head::compare(conn, &head)? {
            status.ok = false;
            status.first_bad_seq = seq;
            status.problem = Some(why);
        }
    }
    Ok(status)
}
