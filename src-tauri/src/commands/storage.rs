//! Whether records can be saved, for the red "Records cannot be saved" banner (the status and
//! the scheduler's watch on it live in `storage_watch`).

use tauri::State;
use vigil_core::{StorageStatus, VigilError};

use crate::state::AppState;
use crate::storage_watch as storage;

/// Whether records can be saved now, why not, since when, and how many alerts wait to be
/// written. Needs no sign-in: the banner shows on every screen, locked too (no patient data).
#[tauri::command(async)]
pub fn load_storage_status(state: State<'_, AppState>) -> Result<StorageStatus, VigilError> {
    Ok(storage::status(&state))
}
