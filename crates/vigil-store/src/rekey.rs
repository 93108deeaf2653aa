//! A new key for the open records (`PRAGMA rekey` on the live connection): every page of the
//! file is rewritten encrypted with the new key. SQLCipher rekeys the main file only, so the
//! write-ahead log is first checkpointed into it and the journal switched to rollback mode
//! for the rekey (then back to WAL); the new key is proved by a second connection before the
//! store uses it. The caller keeps the new key (key home) and re-encrypts the backups.

use crate::cipher::{self, DbKey};
use crate::{Store, StoreError};

impl Store {
    /// Re-encrypts the records with `new`. On success the store (and its backups from now on)
    /// use `new`; on failure the file is still readable with the key it had (an error before
    /// the new key is proved puts the old key back before returning). Once the new key is
    /// proved, the change stands: a journal mode that cannot go back to WAL yet is a warning.
    ///
    /// Errors: the file cannot be written, another connection holds the database (the journal
    /// mode cannot change), or the new key does not read the rekeyed file.
    pub fn rekey(&self, new: &DbKey) -> Result<(), StoreError> {
        let old = self.key();
        self.with_conn(|conn| {
            to_journal(conn, "DELETE")?;
            let rekeyed = conn.execute_batch(&format!("PRAGMA rekey = {};", new.literal()));
            let proved = rekeyed
                .map_err(StoreError::from)
                .and_then(|()| cipher::open_keyed_read_only(self.path(), new).map(drop));
            if let Err(e) = proved {
                // Back to the old key (a no-op when the rekey itself failed).
                let _ = conn.execute_batch(&format!("PRAGMA rekey = {};", old.literal()));
                let _ = to_journal(conn, "WAL");
                return Err(e);
            }
            Ok(())
        })?;
        // The new key is proved: the change is done, whatever follows. Going back to WAL needs
        // the file to itself (a `vigil verify` reading it refuses that): if it cannot now, the
        // records stay in rollback mode, as safe, until the next start sets WAL again.
        *self.key.lock().unwrap_or_else(|e| e.into_inner()) = new.clone();
        if let Err(e) = self.with_conn(|conn| to_journal(conn, "WAL")) {
            tracing::warn!(
                "after the new key, the journal stays in rollback mode until the next start: {e}"
            );
        }
        Ok(())
    }
}

/// Sets the journal mode and checks that it took (WAL is left only after a checkpoint).
fn to_journal(conn: &rusqlite::Connection, mode: &str) -> Result<(), StoreError> {
    let now: String = conn.query_row(&format!("PRAGMA journal_mode = {mode}"), [], |r| r.get(0))?;
    if !now.eq_ignore_ascii_case(mode) {
        return Err(StoreError::Pragma("journal_mode", now));
    }
    Ok(())
}

#[cfg(test)]
#[path = "rekey_tests.rs"]
mod tests;
