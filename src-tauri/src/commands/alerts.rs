//! Alerts: the active list, acknowledging one, and the desktop-notification status and test.
//! Alerts raised while records could not be saved are listed too (negative ids, marked not
//! saved); acknowledging one writes its firing and the acknowledgement together.

use super::Arg;
use tauri::{AppHandle, Runtime, State};
use vigil_core::payload;
use vigil_core::{ActiveAlert, NotificationOutcome, Permission, VigilError};
use vigil_store::alerts;

use crate::events::{signal, RECORDS_CHANGED};
use crate::notifier::Job;
use crate::state::AppState;

/// Fired alerts not yet acknowledged, oldest first (initials only while locked or signed out),
/// those not written yet among them.
#[tauri::command(async)]
pub fn load_alerts(state: State<'_, AppState>) -> Result<Vec<ActiveAlert>, VigilError> {
    active(&state)
}

/// [`load_alerts`] for a state.
pub fn active(state: &AppState) -> Result<Vec<ActiveAlert>, VigilError> {
    let mut active = state.store.with_conn(|c| alerts::active(c, state.clock.now()))?;
    active.extend(state.alert_ledger.unsaved().iter().map(|u| u.active()));
    active.sort_by_key(|a| a.due_at);
    Ok(if state.is_open() {
        active
    } else {
        active.into_iter().map(ActiveAlert::redacted).collect()
    })
}

/// Acknowledges one alert (never any other).
#[tauri::command(async)]
pub fn acknowledge_alert<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    firing_id: Arg,
) -> Result<(), VigilError> {
    let firing_id: i64 = payload::parse_arg("firingId", firing_id)?;
    acknowledge(&state, firing_id)?;
    tracing::info!("acknowledged firing {firing_id}");
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
        opens: None,
    });
    Ok(())
}

/// Records an acknowledgement by the signed-in nurse at the clock's now.
pub fn acknowledge(state: &AppState, firing_id: i64) -> Result<(), VigilError> {
    let nurse = state.nurse_for(Permission::ClinicalWork)?;
    let now = state.clock.now();
    let firing_id = match state.alert_ledger.written_as(firing_id) {
        Some(written) => written,
        None if firing_id < 0 => return acknowledge_unsaved(state, firing_id, nurse.id, now),
        None => firing_id,
    };
    Ok(state.store.with_tx(|tx| alerts::acknowledge(tx, firing_id, nurse.id, now))?)
}

/// Acknowledges an alert raised before its firing could be written: writes the firing (with
/// its raising) and the acknowledgement in one transaction. Refused as `storage` while records
/// cannot be saved (the alert stays).
fn acknowledge_unsaved(
    state: &AppState,
    temp_id: i64,
    by: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), VigilError> {
    let unsaved = state
        .alert_ledger
        .unsaved_by_id(temp_id)
        .ok_or_else(|| VigilError::not_found("That alert does not exist."))?;
    let firing_id = state.store.with_tx(|tx| {
        let id = alerts::record_late_firing(tx, &unsaved.deadline, unsaved.fired_at, now)?;
        alerts::acknowledge(tx, id, by, now)?;
        Ok(id)
    })?;
    state.alert_ledger.written(temp_id, firing_id);
    Ok(())
}
