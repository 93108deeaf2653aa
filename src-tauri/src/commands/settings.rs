//! The Settings screen: protocol versions and the alert repeat interval. Every change is a new
//! record; running sessions keep the protocol version they started with.

use tauri::{AppHandle, State};
use vigil_core::{AlertRepeatEdit, ClinicSettings, ProtocolEdit, VigilError};
use vigil_store::{protocols, settings};

use super::{signal, RECORDS_CHANGED};
use crate::state::AppState;

/// The current protocol versions and alert settings.
#[tauri::command(async)]
pub fn load_settings(state: State<'_, AppState>) -> Result<ClinicSettings, VigilError> {
    Ok(state.store.with_conn(settings::load)?)
}

/// Adds a new version of one protocol; returns the settings as they now stand.
#[tauri::command(async)]
pub fn update_protocol(
    app: AppHandle,
    state: State<'_, AppState>,
    edit: ProtocolEdit,
) -> Result<ClinicSettings, VigilError> {
    let settings = change_protocol(&state, &edit)?;
    signal(&app, RECORDS_CHANGED);
    Ok(settings)
}

/// Changes the alert repeat interval; returns the settings as they now stand.
#[tauri::command(async)]
pub fn update_alert_repeat(
    app: AppHandle,
    state: State<'_, AppState>,
    edit: AlertRepeatEdit,
) -> Result<ClinicSettings, VigilError> {
    let settings = change_alert_repeat(&state, &edit)?;
    signal(&app, RECORDS_CHANGED);
    Ok(settings)
}

/// Validates and records a protocol edit.
pub fn change_protocol(
    state: &AppState,
    edit: &ProtocolEdit,
) -> Result<ClinicSettings, VigilError> {
    let valid = edit.validate()?;
    let now = state.clock.now();
    let id = state.store.with_tx(|tx| protocols::add_version(tx, &valid, now))?;
    eprintln!("vigil: protocol version {id} added");
    Ok(state.store.with_conn(settings::load)?)
}

/// Validates and records an alert repeat change.
pub fn change_alert_repeat(
    state: &AppState,
    edit: &AlertRepeatEdit,
) -> Result<ClinicSettings, VigilError> {
    let minutes = edit.validate()?;
    let now = state.clock.now();
    state.store.with_tx(|tx| settings::set_alert_repeat_minutes(tx, minutes, now))?;
    Ok(state.store.with_conn(settings::load)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use std::sync::Arc;
    use vigil_core::{ErrorCode, FixedClock, Protocol};
    use vigil_store::Store;

    fn state(dir: &std::path::Path) -> AppState {
        let t0 = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        AppState::new(Store::open_in(dir).expect("open"), Arc::new(FixedClock::new(t0)))
    }

    #[test]
    fn a_protocol_edit_becomes_the_current_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = state(dir.path());
        let edit = ProtocolEdit { protocol: "im_ketamine".into(), minimum_minutes: 50.0 };
        let s = change_protocol(&state, &edit).expect("edit");
        let im = s.protocols.iter().find(|v| v.protocol == Protocol::ImKetamine).expect("im");
        assert_eq!((im.version, im.minimum_minutes), (2, 50));
    }

    #[test]
    fn a_rejected_edit_changes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = state(dir.path());
        let before = state.store.with_conn(settings::load).expect("load");
        let edit = ProtocolEdit { protocol: "spravato".into(), minimum_minutes: 90.0 };
        let err = change_protocol(&state, &edit).expect_err("below 120");
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::Validation, Some("minimumMinutes"))
        );
        let err = change_alert_repeat(&state, &AlertRepeatEdit { minutes: 0.0 }).expect_err("zero");
        assert_eq!(err.field.as_deref(), Some("minutes"));
        assert_eq!(state.store.with_conn(settings::load).expect("load"), before);
    }
}
