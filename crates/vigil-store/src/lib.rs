//! Vigil's storage: one SQLite file opened with the reliability pragmas, embedded migrations,
//! and a connection nobody else holds. Callers get [`Store::with_conn`] for reads and
//! [`Store::with_tx`] for writes; every write is one `BEGIN IMMEDIATE` transaction, and a write
//! is "saved" only once `with_tx` has returned `Ok` (the commit succeeded).

pub mod alerts;
pub mod drafts;
mod error;
pub mod migrations;
pub mod protocols;
pub mod sessions;
pub mod settings;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

pub use error::StoreError;

/// The name of the database file inside the data directory.
pub const DB_FILE_NAME: &str = "vigil.sqlite3";

/// The open database. Cheap to share behind an `Arc`; calls are serialized.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, sets the pragmas and applies any
    /// pending migrations.
    ///
    /// Errors: the file cannot be opened or created, is not a Vigil database, or was written by
    /// a newer Vigil (its schema is ahead of this binary's migrations).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Io(dir.to_owned(), e))?;
        }
        let mut conn = Connection::open(path)?;
        configure(&conn)?;
        migrations::apply(&mut conn)?;
        let store = Self { conn: Mutex::new(conn), path: path.to_owned() };
        store.with_tx(|tx| protocols::seed_defaults(tx, created_at_for_seed()))?;
        Ok(store)
    }

    /// Opens `DB_FILE_NAME` inside `dir`.
    pub fn open_in(dir: &Path) -> Result<Self, StoreError> {
        Self::open(&dir.join(DB_FILE_NAME))
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

    /// Runs `f` inside one `BEGIN IMMEDIATE` transaction, committed only if `f` returns `Ok`.
    pub fn with_tx<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// The time stamped on seeded protocol defaults: the Unix epoch, since they were not made by
/// anyone at any clinical moment (and the store reads no clock).
fn created_at_for_seed() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::UNIX_EPOCH
}

/// The pragmas every connection runs with (reliability.md): WAL, full fsync on commit,
/// enforced foreign keys, no trusted schema, and a busy timeout instead of instant failure.
fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Pragma("journal_mode", mode));
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA trusted_schema = OFF;",
    )?;
    Ok(())
}
