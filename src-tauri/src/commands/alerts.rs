//! Alerts: the active list, acknowledging one, and the desktop-notification status and test.

use tauri::{AppHandle, State};
use vigil_core::{ActiveAlert, NotificationOutcome, Permission, VigilError};
use vigil_store::alerts;

use super::{signal, RECORDS_CHANGED};
use crate::notifier::Job;
use crate::state::AppState;

/// Fired alerts not yet acknowledged, oldest first (initials only while locked or signed out).
#[tauri::command(async)]
pub fn load_alerts(state: State<'_, AppState>) -> Result<Vec<ActiveAlert>, VigilError> {
    let active = state.store.with_conn(|c| alerts::active(c, state.clock.now()))?;
    Ok(if state.is_open() {
        active
    } else {
        active.into_iter().map(ActiveAlert::redacted).collect()
    })
}

/// Acknowledges one alert (never any other).
#[tauri::command(async)]
pub fn acknowledge_alert(
    app: AppHandle,
    state: State<'_, AppState>,
    firing_id: i64,
) -> Result<(), VigilError> {
    acknowledge(&state, firing_id)?;
    eprintln!("vigil: acknowledged firing {firing_id}");
    signal(&app, RECORDS_CHANGED);
    Ok(())
}

/// The last desktop notification's outcome, if any was sent.
#[tauri::command(async)]
pub fn load_notification_status(
    state: State<'_, AppState>,
) -> Result<Option<NotificationOutcome>, VigilError> {
    Ok(state.store.with_conn(alerts::last_outcome)?)
}

/// Queues a test notification; its outcome is recorded and signalled like any other.
#[tauri::command(async)]
pub fn send_test_notification(state: State<'_, AppState>) -> Result<(), VigilError> {
    let notifier = state
        .notifier
        .as_ref()
        .ok_or_else(|| VigilError::internal("The notifier is not running."))?;
    notifier.send(Job {
        firing_id: None,
        summary: "Vigil: test notification".into(),
        body: "If you can read this, Vigil's desktop notifications reach this screen.".into(),
    });
    Ok(())
}

/// Records an acknowledgement by the signed-in nurse at the clock's now.
pub fn acknowledge(state: &AppState, firing_id: i64) -> Result<(), VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    Ok(state.store.with_tx(|tx| alerts::acknowledge(tx, firing_id, nurse.id, now))?)
}
