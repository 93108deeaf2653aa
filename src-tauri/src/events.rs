//! The events the shell emits to the page: their names (one place; `ui/src/lib/ipc/events.ts`
//! is generated from [`ALL`]) and [`signal`], which emits one without data. The commands, the
//! alerting thread (its storage watch too) and the notifier (wired in `lib.rs`) signal through
//! here; the start-up recovery signals nothing (its commands answer the recovery screen).

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
/// The event emitted when the window is asked to close, or Quit is chosen in the tray, while
/// the page must ask first (payload `vigil_core::desktop::CloseRequest`).
pub const CLOSE_REQUESTED: &str = "close-requested";

/// Every event name, for the generated TypeScript.
pub const ALL: &[&str] =
    &[RECORDS_CHANGED, ALERT_RAISED, AUTH_CHANGED, STORAGE_CHANGED, OPEN_SESSION, CLOSE_REQUESTED];

/// Emits `event` (a signal without data); a failure is logged, never fatal: the UI also
/// refetches on its own actions.
pub fn signal<R: tauri::Runtime>(app: &tauri::AppHandle<R>, event: &str) {
    use tauri::Emitter;
    if let Err(e) = app.emit(event, ()) {
        tracing::warn!("could not signal {event}: {e}");
    }
}
