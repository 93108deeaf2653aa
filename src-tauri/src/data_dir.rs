//! Where Vigil keeps its data: `VIGIL_DATA_DIR` when set (tests, a clinic's chosen disk),
//! otherwise the platform's per-user data directory (on Linux
//! `~/.local/share/app.vigil.recovery`).

use std::path::PathBuf;
use tauri::{AppHandle, Manager};

/// The environment variable that points Vigil at another data directory.
pub const DATA_DIR_ENV: &str = "VIGIL_DATA_DIR";

/// Resolves the data directory. Errors: no per-user data directory can be determined.
pub fn resolve(app: &AppHandle) -> Result<PathBuf, tauri::Error> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}
