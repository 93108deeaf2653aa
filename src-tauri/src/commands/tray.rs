//! Closing the window and quitting (issue 17): the question asked while patients are in
//! recovery, keeping Vigil running with its window hidden, and a quit confirmed by a nurse
//! (with nobody in recovery, by anyone at the workstation), audited with the number of
//! patients left on the board. Each command tells the close guard the page answered. The
//! counts are read here, for the question, the quit and the tray.

use super::Arg;
use rusqlite::Connection;
use tauri::{AppHandle, Manager, Runtime, State};
use vigil_core::desktop::{CloseReason, CloseRequest, QuitInput};
use vigil_core::{payload, ErrorCode, Permission, VigilError};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::unreadable::Unreadable;
use vigil_store::{alerts, sessions, StoreError};

use crate::state::AppState;
use crate::tray::closing::Closing;
use crate::tray::Counts;

/// The question to ask now: the patients in recovery and the open alerts, counted in Rust.
#[tauri::command(async)]
pub fn load_close_request<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    reason: Arg,
) -> Result<CloseRequest, VigilError> {
    crate::tray::close_guard::acknowledged(&app);
    let reason: CloseReason = payload::parse_arg("reason", reason)?;
    Ok(counts(&state)?.request(reason, crate::tray::available(&app)))
}

/// Hides the window; Vigil keeps running (scheduler, alerts, notifications, tray).
#[tauri::command(async)]
pub fn keep_running_hidden<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), VigilError> {
    crate::tray::close_guard::acknowledged(&app);
    let window = app
        .get_webview_window("main")
        .ok_or_else(|| VigilError::internal("There is no window to hide."))?;
    window
        .hide()
        .map_err(|e| VigilError::internal(format!("The window could not be hidden: {e}")))?;
    match counts(&state) {
        Ok(c) => tracing::info!(
            "window hidden; Vigil keeps running: {} in recovery, {} open alerts",
            c.patients,
            c.open_alerts
        ),
        Err(e) => tracing::info!("window hidden; Vigil keeps running ({})", e.message),
    }
    Ok(())
}

/// Quits Vigil, confirmed by whoever saw `patientsInRecovery` (a signed-in nurse while
/// patients are in recovery): recorded, then the app exits. Refused (`conflict`) when the
/// board has changed since. Once a close or quit is exiting, nothing more is recorded.
#[tauri::command(async)]
pub fn quit_vigil<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: Arg,
) -> Result<(), VigilError> {
    crate::tray::close_guard::acknowledged(&app);
    let input: QuitInput = payload::parse_arg("input", input)?;
    let closing = app.try_state::<Closing>();
    if closing.as_ref().is_some_and(|c| !c.begin_exit()) {
        tracing::info!("a quit while Vigil is already exiting");
        return Ok(());
    }
    let (seq, counts) = confirm_quit(&state, &input).inspect_err(|_| {
        if let Some(c) = &closing {
            c.cancel_exit();
        }
    })?;
    tracing::warn!(
        "Vigil quits (audit entry {seq}): {} in recovery, {} open alerts",
        counts.patients,
        counts.open_alerts
    );
    app.exit(0);
    Ok(())
}

/// Records a quit, counting again in the same transaction; returns the entry's sequence
/// number and the counts. With patients in recovery the signed-in, unlocked nurse confirms it;
/// a quit confirmed for 0 patients (and recounted 0) needs nobody (locked, signed out, before
/// the first account) and is by the unlocked nurse if any, else by nobody. Errors: `forbidden`
/// for patients while locked or signed out; `conflict` when the number of patients differs
/// from what was seen; `storage` when the entry cannot be written (Vigil keeps running).
/// Nothing is written on a refusal.
pub fn confirm_quit(state: &AppState, input: &QuitInput) -> Result<(i64, Counts), VigilError> {
    let nurse = quitting_nurse(state, input.patients_in_recovery)?;
    let now = state.clock.now();
    let written = state.store.with_tx(|tx| {
        let counts = counts_in(tx, now)?;
        if counts.patients != input.patients_in_recovery {
            return Err(board_changed(counts.patients).into());
        }
        let detail = format!(
            "quit; patients left on the board: {}; open alerts: {}",
            counts.patients, counts.open_alerts
        );
        let entry = Entry::new(Action::AppQuit, nurse).detail(&detail);
        Ok((audit::append(tx, now, &entry)?, counts))
    });
    written.map_err(|e| {
        let mut error = VigilError::from(e);
        if error.code == ErrorCode::Storage {
            error.message =
                format!("Vigil is still running: the quit was not recorded. {}", error.message);
        }
        error
    })
}

/// Who a quit is by: the unlocked nurse; with patients in recovery one is required.
fn quitting_nurse(state: &AppState, patients: u32) -> Result<Option<i64>, VigilError> {
    if patients > 0 {
        return Ok(Some(state.nurse_for(Permission::ClinicalWork)?.id));
    }
    crate::locks::lock_if_emergency_over(state)?;
    let workstation = state.workstation();
    Ok(workstation.current().filter(|_| !workstation.is_locked()).map(|s| s.nurse.id))
}

fn board_changed(patients: u32) -> VigilError {
    let now = match patients {
        1 => "1 patient is".to_owned(),
        n => format!("{n} patients are"),
    };
    VigilError::new(
        ErrorCode::Conflict,
        format!("The board changed: {now} in recovery now. Look again before quitting."),
    )
}

/// The patients in recovery and the open alerts now.
pub fn counts(state: &AppState) -> Result<Counts, VigilError> {
    let now = state.clock.now();
    Ok(state.store.with_conn(|c| counts_in(c, now))?)
}

/// The counts at `now`: a patient whose record cannot be read is still in recovery.
fn counts_in(conn: &Connection, now: chrono::DateTime<chrono::Utc>) -> Result<Counts, StoreError> {
    let mut unreadable = Unreadable::default();
    let open_alerts = alerts::active_each(conn, now, &mut unreadable)?.len();
    let read = sessions::on_board_each(conn, now, &mut unreadable)?.len();
    let lost = unreadable.for_board().1.len();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(Counts { patients: count(read + lost), open_alerts: count(open_alerts) })
}

#[cfg(test)]
mod tests;
