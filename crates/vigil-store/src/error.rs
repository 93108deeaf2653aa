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
}

impl From<StoreError> for VigilError {
    fn from(e: StoreError) -> Self {
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
