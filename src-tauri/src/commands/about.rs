//! The About panel (issue 17): the app's, the schema's, SQLite's and SQLCipher's versions (as
//! `vigil --version` prints them, from the same `cli::version::about`) and the data directory.

use tauri::State;
use vigil_core::desktop::AboutInfo;
use vigil_core::VigilError;

use crate::state::AppState;

/// What the About panel shows. Needs no sign-in: versions and the data directory's path hold
/// no patient data, and a support call may need them on a locked workstation (the page shows
/// them in Settings, reached signed in). The data directory is the one the records were opened
/// in at start (`data_dir::resolve()`), the folder of the database file.
#[tauri::command(async)]
pub fn load_about(state: State<'_, AppState>) -> Result<AboutInfo, VigilError> {
    Ok(about_of(&state))
}

/// [`load_about`] on a state.
pub fn about_of(state: &AppState) -> AboutInfo {
    let db = state.store.path();
    let dir = db.parent().unwrap_or(db);
    crate::cli::version::about(dir.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::admin_state_at_t0;

    #[test]
    fn about_names_the_data_directory_the_records_were_opened_in_and_the_versions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (state, _) = admin_state_at_t0(dir.path());
        let about = about_of(&state);
        assert_eq!(about.data_dir, dir.path().display().to_string());
        assert_eq!(about.app_version, env!("CARGO_PKG_VERSION"));
        assert_eq!(i64::from(about.schema_version), vigil_store::migrations::latest_version());
        assert_eq!(about.sqlite_version, rusqlite::version());
        let cipher = vigil_store::cipher::cipher_version().expect("SQLCipher");
        assert_eq!(about.sqlcipher_version, cipher);
    }
}
