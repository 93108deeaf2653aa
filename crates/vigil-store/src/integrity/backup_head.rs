//! The chain against the newest backup. Each verified backup has a `.head` side file,
//! "<seq> <hash>", the chain head it verified (written by [`crate::backup::make`]). The chain
//! only grows, so the live chain must still hold that entry with that hash: a chain that
//! ends before it lost its newest entries (deleted together with their records, which leaves
//! a chain that verifies on its own), and a different hash means the chain was rewritten.
//!
//! A restore replaces the chain on purpose, so backups made up to the last restore entry
//! (the safety copy of the replaced database among them) are not compared; nor are backups
//! marked unverified.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::coverage::Gap;
use crate::{backup, StoreError};

/// A backup's file name and the chain head beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupHead {
    pub file: String,
    pub seq: i64,
    pub hash: String,
}

/// The newest verified backup in `folder` made after the chain's last restore whose `.head`
/// can be read, if there is one (an unverified copy's head is no reference).
pub fn newest(conn: &Connection, folder: &Path) -> Result<Option<BackupHead>, StoreError> {
    let restored_ms: Option<i64> = conn
        .query_row("SELECT max(at_ms) FROM audit_events WHERE action = 'restore'", [], |r| r.get(0))
        .optional()?
        .flatten();
    for made in backup::list(folder)? {
        if restored_ms.is_some_and(|at| made.created_at.timestamp_millis() <= at) {
            break;
        }
        if made.unverified.is_some() {
            continue;
        }
        if let Some(head) = read_head(folder, &made.file) {
            return Ok(Some(head));
        }
    }
    Ok(None)
}

fn read_head(folder: &Path, file: &str) -> Option<BackupHead> {
    let text = std::fs::read_to_string(folder.join(format!("{file}.head"))).ok()?;
    let mut parts = text.split_whitespace();
    let seq = parts.next()?.parse().ok()?;
    let hash = parts.next()?.to_owned();
    Some(BackupHead { file: file.to_owned(), seq, hash })
}

/// What is wrong when the chain does not hold `head`: it is shorter (entries removed since the
/// backup) or holds another hash at that entry (rewritten).
pub fn compare(conn: &Connection, head: &BackupHead) -> Result<Option<Gap>, StoreError> {
    if head.seq == 0 {
        return Ok(None);
    }
    let hash: Option<String> = conn
        .query_row("SELECT hash FROM audit_events WHERE seq = ?1", [head.seq], |r| r.get(0))
        .optional()?;
    Ok(match hash {
        None => {
            let last: i64 =
                conn.query_row("SELECT coalesce(max(seq), 0) FROM audit_events", [], |r| r.get(0))?;
            Some((
                Some(last + 1),
                format!(
                    "the chain ends at entry {last}, before the head of the newest backup \
                     {} (entry {}): entries made before that backup were removed",
                    head.file, head.seq
                ),
            ))
        }
        Some(hash) if hash != head.hash => Some((
            Some(head.seq),
            format!(
                "audit entry {}: it differs from the newest backup {}: the chain was rewritten \
                 after that backup",
                head.seq, head.file
            ),
        )),
        Some(_) => None,
    })
}
