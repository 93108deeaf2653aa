//! What the trail says about the records' recovery key: whether the newest one issued was said
//! kept (Settings warns administrators until it is).

use rusqlite::Connection;

use super::Action;
use crate::StoreError;

/// True when a `recovery_key_kept` entry is newer than the key's newest issuance: the
/// encryption of plain records, a re-issue, or the records' first `key_home_changed` (new
/// records; later ones only move the same key). No issuance at all: nothing to keep.
pub fn recovery_key_kept(conn: &Connection) -> Result<bool, StoreError> {
    let sql = "SELECT \
          MAX(COALESCE((SELECT MAX(seq) FROM audit_events WHERE action IN (?1, ?2)), 0), \
              COALESCE((SELECT MIN(seq) FROM audit_events WHERE action = ?3), 0)), \
          COALESCE((SELECT MAX(seq) FROM audit_events WHERE action = ?4), 0)";
    let (issued, kept): (i64, i64) = conn.query_row(
        sql,
        [
            Action::RecordsEncrypted.as_str(),
            Action::RecoveryKeyReissued.as_str(),
            Action::KeyHomeChanged.as_str(),
            Action::RecoveryKeyKept.as_str(),
        ],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(issued == 0 || kept > issued)
}
