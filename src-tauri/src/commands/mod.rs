//! IPC commands, one module per noun. Each is thin: validate into a core type, run one store
//! transaction, map the error to `VigilError`, signal `records-changed`.

pub mod alerts;
pub mod sessions;
pub mod settings;

/// The event emitted after any committed write; the UI refetches what it shows.
pub const RECORDS_CHANGED: &str = "records-changed";
/// The event emitted when an alert fires; the UI sounds it and refetches.
pub const ALERT_RAISED: &str = "alert-raised";
