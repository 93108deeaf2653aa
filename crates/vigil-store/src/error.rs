//! Storage errors, and their mapping to the IPC error (never with patient data in it).

use std::path::PathBuf;
use vigil_core::{ErrorCode, VigilError};

/// Why a storage call failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot create {0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("pragma {0} could not be set (got {1})")]
    Pragma(&'static str, String),
    #[error("database schema version {found} is newer than this Vigil knows ({known})")]
    SchemaTooNew { found: i64, known: i64 },
    #[error("stored row {table}#{id} is invalid: {what}")]
    Corrupt { table: &'static str, id: i64, what: String },
    #[error("{0}")]
    Rule(#[from] VigilError),
    #[error("the database is in use by another Vigil{}", .holder.map(|p| format!(" (process {p})")).unwrap_or_default())]
    InUse { holder: Option<u32> },
    #[error("the database failed its integrity check: {0}")]
    Damaged(String),
    #[error("the key does not open this database (it is another database's key, or the file is damaged)")]
    WrongKey,
    #[error("the database is not encrypted")]
    NotEncrypted,
}

/// A failure of the storage itself (the disk, the file, the lock), as opposed to a refused
/// value or a damaged record: writes fail for every record alike until it is fixed outside
/// Vigil (space freed, permissions restored, the other program closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageFault {
    DiskFull,
    ReadOnly,
    PermissionDenied,
    Io,
    CannotOpen,
    Busy,
}

impl StorageFault {
    /// A short reason for the nurse: "Records cannot be saved: <reason>".
    pub fn reason(self) -> &'static str {
        match self {
            StorageFault::DiskFull => "the disk is full",
            StorageFault::ReadOnly => "the database is read-only",
            StorageFault::PermissionDenied => "the database file may not be written (permissions)",
            StorageFault::Io => "the disk reported an input/output error",
            StorageFault::CannotOpen => "the database file cannot be opened",
            StorageFault::Busy => "the database is held by another program",
        }
    }

    fn of_sqlite(code: rusqlite::ErrorCode) -> Option<Self> {
        use rusqlite::ErrorCode as C;
        Some(match code {
            C::DiskFull => StorageFault::DiskFull,
            C::ReadOnly => StorageFault::ReadOnly,
            C::PermissionDenied => StorageFault::PermissionDenied,
            C::SystemIoFailure => StorageFault::Io,
            C::CannotOpen => StorageFault::CannotOpen,
            C::DatabaseBusy | C::DatabaseLocked => StorageFault::Busy,
            _ => return None,
        })
    }

    fn of_io(e: &std::io::Error) -> Option<Self> {
        use std::io::ErrorKind as K;
        Some(match e.kind() {
            K::StorageFull => StorageFault::DiskFull,
            K::ReadOnlyFilesystem => StorageFault::ReadOnly,
            K::PermissionDenied => StorageFault::PermissionDenied,
            _ => return None,
        })
    }
}

impl StoreError {
    /// The storage fault behind this error, if it is one (`None` for a refused value, a
    /// missing or damaged record, a bug).
    pub fn fault(&self) -> Option<StorageFault> {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                StorageFault::of_sqlite(e.code)
            }
            StoreError::Io(_, e) => StorageFault::of_io(e),
            _ => None,
        }
    }
}

impl From<StoreError> for VigilError {
    fn from(e: StoreError) -> Self {
        if let Some(fault) = e.fault() {
            return VigilError::new(
                ErrorCode::Storage,
                format!("The record could not be saved: {}. Nothing was changed.", fault.reason()),
            );
        }
        match e {
            StoreError::Rule(v) => v,
            StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows) => {
                VigilError::not_found("The record does not exist.")
            }
            other => VigilError::new(
                ErrorCode::Storage,
                format!("The record could not be saved or read: {other}. Nothing was changed."),
            ),
        }
    }
}
