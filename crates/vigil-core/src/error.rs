//! The one error type that crosses every boundary, IPC included, as `{ code, message, field? }`.
//! The UI branches on `code` (and places the message beside `field`), never on message text.
//! Messages never contain patient data: they name fields and limits, not values.

use serde::Serialize;
use ts_rs::TS;

/// What kind of failure this is; stable strings the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Storage,
    Internal,
    /// Something outside Vigil that it needs does not answer (e.g. no keystore).
    Unavailable,
}

/// An error with a machine-readable code, a message for the nurse, and, for validation
/// errors, the input field it belongs to (the IPC field name, e.g. `patientName`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{code:?}: {message}")]
pub struct VigilError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl VigilError {
    /// A validation error attached to one input field.
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Validation, message: message.into(), field: Some(field.to_owned()) }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: None }
    }
}
