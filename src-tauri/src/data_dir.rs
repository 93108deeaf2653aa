//! Where Vigil keeps its data: `VIGIL_DATA_DIR` when set (tests, a clinic's chosen disk),
//! otherwise the per-user data directory, as Tauri would choose it on Linux:
//! `$XDG_DATA_HOME/app.vigil.recovery`, else `~/.local/share/app.vigil.recovery`. Resolved
//! without a running app, so the headless commands find the same database.

use std::path::PathBuf;

/// The environment variable that points Vigil at another data directory.
pub const DATA_DIR_ENV: &str = "VIGIL_DATA_DIR";

/// The app's identifier (tauri.conf.json), the name of its folder in the data directory.
const IDENTIFIER: &str = "app.vigil.recovery";

/// Resolves the data directory. Errors: neither `VIGIL_DATA_DIR`, `XDG_DATA_HOME` nor `HOME`
/// is set.
pub fn resolve() -> Result<PathBuf, String> {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var(DATA_DIR_ENV) {
        return Ok(dir);
    }
    let base = var("XDG_DATA_HOME")
        .or_else(|| var("HOME").map(|h| h.join(".local/share")))
        .ok_or("no data directory: set VIGIL_DATA_DIR or HOME")?;
    Ok(base.join(IDENTIFIER))
}
