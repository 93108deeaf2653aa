//! IPC commands, one module per noun. Each is thin: validate into a core type, run one store
//! transaction, map the error to `VigilError`, signal `records-changed`.

pub mod alerts;
pub mod auth;
pub mod checks;
pub mod discharge;
pub mod drafts;
pub mod notes;
pub mod papers;
pub mod people;
pub mod predose;
pub mod records;
pub mod sessions;
pub mod settings;
pub mod transfers;

/// The event emitted after any committed write; the UI refetches what it shows.
pub const RECORDS_CHANGED: &str = "records-changed";
/// The event emitted when an alert fires; the UI sounds it and refetches.
pub const ALERT_RAISED: &str = "alert-raised";
/// The event emitted when who is signed in, or whether it is locked, changes.
pub const AUTH_CHANGED: &str = "auth-changed";

/// Emits `event` (a signal without data); a failure is logged, never fatal: the UI also
/// refetches on its own actions.
pub fn signal(app: &tauri::AppHandle, event: &str) {
    use tauri::Emitter;
    if let Err(e) = app.emit(event, ()) {
        eprintln!("vigil: could not signal {event}: {e}");
    }
}
