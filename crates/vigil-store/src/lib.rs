//! Vigil's storage: one SQLite file opened with the reliability pragmas, embedded migrations,
//! and a connection nobody else holds. Callers get [`Store::with_conn`] for reads and
//! [`Store::with_tx`] for writes; every write is one `BEGIN IMMEDIATE` transaction, and a write
//! is "saved" only once `with_tx` has returned `Ok` (the commit succeeded).

pub mod alerts;
pub mod audit;
pub mod backup;
pub mod bays;
pub mod checks;
pub mod cipher;
pub mod damaged;
pub mod discharge;
pub mod drafts;
pub mod emergency;
mod error;
pub mod exports;
pub mod file_modes;
mod health;
pub mod history;
pub mod housekeeping;
pub mod integrity;
pub mod migrations;
pub mod notes;
pub mod nurses;
mod open;
mod opening;
pub mod papers;
pub mod plans;
pub mod predose;
pub mod protocols;
pub mod readiness;
mod rekey;
pub mod rems;
pub mod report;
pub mod session_detail;
pub mod sessions;
pub mod settings;
pub mod table_dump;
pub mod thresholds;
pub mod transfers;
pub mod unreadable;
mod upgrade;
pub mod versioned;

use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use cipher::DbKey;
pub use error::{StorageFault, StoreError};
pub use health::WriteFault;
pub use opening::{lock_path, WriterLock};
/// The transaction [`Store::with_tx`] hands its closure, for callers that name it.
pub use rusqlite::Transaction;

/// The name of the database file inside the data directory.
pub const DB_FILE_NAME: &str = "vigil.sqlite3";

/// The schema version that brought the audit trail; records from before it are sealed by a
/// baseline entry when a database is upgraded across it.
const AUDIT_SCHEMA_VERSION: i64 = 5;

/// The open database. Cheap to share behind an `Arc`; calls are serialized.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
    /// The single-writer lock, held for the life of the store (`None` when read-only).
    _lock: Option<WriterLock>,
    /// Whether the last writes failed for a storage fault ([`Store::write_fault`]).
    health: health::WriteHealth,
    /// The emergency access in use and its nurse: stamped on what that nurse writes.
    emergency_use: Mutex<Option<audit::InForce>>,
    /// The SQLCipher key the file is encrypted with (backups are encrypted with it too);
    /// changed only by [`Store::rekey`].
    key: Mutex<DbKey>,
}

impl Store {
    /// The key the records (and their backups) are encrypted with.
    pub fn key(&self) -> DbKey {
        self.key.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The folder backups go to unless the clinic chose another: `backups` beside the database.
    pub fn default_backup_folder(&self) -> PathBuf {
        Self::default_backup_folder_of(&self.path)
    }

    /// [`Store::default_backup_folder`] of the database at `db`, without opening it (for a
    /// database that cannot be opened).
    pub fn default_backup_folder_of(db: &Path) -> PathBuf {
        db.parent().unwrap_or(Path::new(".")).join("backups")
    }

    /// Whether this store is the database's one writer (opened with [`Store::open_at`]), not a
    /// read-only view ([`Store::open_read_only`]).
    pub fn is_writer(&self) -> bool {
        self._lock.is_some()
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` with the connection (for reads).
    pub fn with_conn<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        f(&conn)
    }

    /// Runs `f` with the connection itself (restore replaces the database behind it).
    pub fn with_conn_mut<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut conn)
    }

    /// Puts an emergency access in force (the seq of its `emergency_access` entry and its
    /// nurse), or ends it (`None`): from now on every audit entry that nurse writes is stamped
    /// with it.
    pub fn set_emergency_use(&self, in_force: Option<audit::InForce>) {
        *self.emergency_use.lock().unwrap_or_else(|e| e.into_inner()) = in_force;
    }

    /// The emergency access in force and its nurse, if any.
    pub fn emergency_in_force(&self) -> Option<audit::InForce> {
        *self.emergency_use.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The emergency access in force (its entry's seq), if any.
    pub fn emergency_use(&self) -> Option<i64> {
        self.emergency_in_force().map(|f| f.use_seq)
    }

    /// Runs `f` inside one `BEGIN IMMEDIATE` transaction, committed only if `f` returns `Ok`.
    /// The audit entries it appends carry the emergency access in force, if any. A storage
    /// fault (disk full, read-only...) sets [`Store::write_fault`]; a transaction that changed
    /// rows and committed clears it.
    pub fn with_tx<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        let _stamp = audit::EmergencyScope::enter(self.emergency_in_force());
        let before = conn.total_changes();
        let result = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            let wrote = tx.total_changes() != before;
            tx.commit()?;
            Ok((value, wrote))
        })();
        self.health.observe(result.as_ref().map(|(_, wrote)| *wrote));
        result.map(|(value, _)| value)
    }

    /// Writes the WAL back into the database file and empties it (`wal_checkpoint(TRUNCATE)`):
    /// at exit, so the file alone holds every record (a copy of it is then complete).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.with_conn(|c| {
            let busy: i64 = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy != 0 {
                return Err(StoreError::Pragma("wal_checkpoint", "busy".into()));
            }
            Ok(())
        })
    }

    /// Why writes are failing now, if they are (set and cleared by [`Store::with_tx`]).
    pub fn write_fault(&self) -> Option<WriteFault> {
        self.health.current()
    }

    /// Writes one row that is no record (`storage_probe`, overwritten each time) to learn
    /// whether the storage takes writes again; used while [`Store::write_fault`] is set and
    /// nothing else is waiting to be written. Its outcome updates the write health.
    pub fn probe_write(&self, now: chrono::DateTime<chrono::Utc>) -> Result<(), StoreError> {
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO storage_probe (id, written_at_ms) VALUES (1, ?1)
                 ON CONFLICT (id) DO UPDATE SET written_at_ms = excluded.written_at_ms",
                [now.timestamp_millis()],
            )?;
            Ok(())
        })
    }
}
