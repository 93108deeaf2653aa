//! IPC commands, one module per noun. Each is thin: validate into a core type, run one store
//! transaction, map the error to `VigilError`, signal `records-changed`.

pub mod alerts;
pub mod auth;
pub mod checks;
pub mod discharge;
pub mod display;
pub mod drafts;
pub mod emergency;
pub mod notes;
pub mod papers;
pub mod people;
pub mod predose;
pub mod records;
pub mod sessions;
pub mod settings;
pub mod storage;
pub mod transfers;

/// A command argument that comes from the page, read with [`vigil_core::payload::parse_arg`]
/// (or `payload::parse`): a missing, `null`, ill-typed or unknown-field value is then a
/// `validation` error naming it, where Tauri's own deserializing would answer an untyped string.
pub type Arg = Option<serde_json::Value>;

/// The event emitted after any committed write; the UI refetches what it shows.
pub const RECORDS_CHANGED: &str = "records-changed";
/// The event emitted when an alert fires; the UI sounds it and refetches.
pub const ALERT_RAISED: &str = "alert-raised";
/// The event emitted when who is signed in, or whether it is locked, changes.
pub const AUTH_CHANGED: &str = "auth-changed";
/// The event emitted when records stop being saved (a storage fault) or can be saved again.
pub const STORAGE_CHANGED: &str = "storage-changed";
/// The event emitted when a desktop notification is clicked: the page opens that record
/// (payload `OpenSession`, the session id only).
pub const OPEN_SESSION: &str = "open-session";

/// Emits `event` (a signal without data); a failure is logged, never fatal: the UI also
/// refetches on its own actions.
pub fn signal<R: tauri::Runtime>(app: &tauri::AppHandle<R>, event: &str) {
    use tauri::Emitter;
    if let Err(e) = app.emit(event, ()) {
        eprintln!("vigil: could not signal {event}: {e}");
    }
}
