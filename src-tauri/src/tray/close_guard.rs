//! The main window's close guard: a close asked for (the close button, the window manager)
//! while a patient is in recovery, or when they could not be counted, is held, and the page
//! asks (`close-requested`): keep running hidden, quit, or cancel. With nobody in recovery the
//! window closes and Vigil exits as before, with one `app_quit` audit entry (best effort; only
//! the first of several quick closes records and exits, see `closing`). Before the records are
//! open (recovery mode) it closes as before, with nothing to record.
//!
//! A page that does not answer: the page acknowledges a question at once (it calls
//! `load_close_request` when `close-requested` arrives). When a question has gone
//! unacknowledged for more than 10 s, the page is not running (hung or crashed), and a window
//! close exits even with patients in recovery, logged as an error and recorded in the trail:
//! with the page dead no in-app alert could be shown anyway, and a window that can never be
//! closed would only keep that hidden from the nurse. Desktop notifications need the app
//! running; the audit entry names the number of patients left on the board.

use std::time::Instant;
use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewWindow, WindowEvent};
use vigil_core::desktop::{CloseReason, CloseRequest};
use vigil_store::audit::{self, Action, Entry};

use super::closing::Closing;
use super::label::Counts;
use crate::events::CLOSE_REQUESTED;
use crate::state::AppState;

/// What a request to close the window does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseDecision {
    /// Close as before: the records are not open (recovery mode), nothing is monitored.
    Close,
    /// Nobody is in recovery: record the quit and exit.
    RecordAndExit,
    /// The page left a close question unacknowledged for more than 10 s: record and exit.
    ExitUnanswered,
    /// Patients are in recovery, or the count is not known yet (or failed): ask first.
    Ask,
}

/// The decision for a window's close request: `patients` is the count of patients in recovery
/// (None while unknown, or when counting failed); `page_silent`, whether the page has left a
/// question unacknowledged for more than 10 s.
pub fn decide(records_open: bool, patients: Option<u32>, page_silent: bool) -> CloseDecision {
    match (records_open, page_silent, patients) {
        (false, _, _) => CloseDecision::Close,
        (true, true, _) => CloseDecision::ExitUnanswered,
        (true, false, Some(0)) => CloseDecision::RecordAndExit,
        (true, false, _) => CloseDecision::Ask,
    }
}

/// The question for `reason`: the counts, or no count of patients when they could not be read.
pub fn question(
    counted: Option<Counts>,
    reason: CloseReason,
    tray_available: bool,
) -> CloseRequest {
    match counted {
        Some(counts) => counts.request(reason, tray_available),
        None => CloseRequest { reason, patients_in_recovery: None, open_alerts: 0, tray_available },
    }
}

/// The detail of the `app_quit` entry of a window close (`patients` None: not counted).
pub fn close_detail(patients: Option<u32>, page_silent: bool) -> String {
    let board = patients.map_or_else(|| "not counted".to_owned(), |n| n.to_string());
    let why = if page_silent { "; the page did not answer the close question" } else { "" };
    format!("window closed{why}; patients on the board: {board}")
}

/// Holds the main window's close requests while the records are open; the decision is made
/// on a thread of its own (it reads the records).
pub fn guard<R: Runtime>(window: &WebviewWindow<R>) {
    let app = window.app_handle().clone();
    app.manage(Closing::default());
    window.on_window_event(move |event| {
        let WindowEvent::CloseRequested { api, .. } = event else {
            return;
        };
        let records_open = app.try_state::<AppState>().is_some();
        if decide(records_open, None, false) == CloseDecision::Close {
            return;
        }
        api.prevent_close();
        let app = app.clone();
        let spawned = std::thread::Builder::new()
            .name("vigil-close".into())
            .spawn(move || answer(&app, CloseReason::Window));
        if let Err(e) = spawned {
            tracing::error!("the close request could not be answered: {e}");
        }
    });
}

/// Counts and asks (or records and exits: nobody in recovery, or the page is not answering).
/// Never exits on a failed count: the page is asked with no count.
pub fn answer<R: Runtime>(app: &AppHandle<R>, reason: CloseReason) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let closing = app.try_state::<Closing>();
    if closing.as_ref().is_some_and(|c| c.exiting()) {
        tracing::info!("a close while Vigil is already exiting");
        return;
    }
    let page_silent = closing.as_ref().is_some_and(|c| c.page_silent(Instant::now()));
    let counted = crate::commands::tray::counts(&state)
        .map_err(|e| {
            tracing::error!("could not count the patients in recovery for a close: {}", e.message)
        })
        .ok();
    let patients = counted.map(|c| c.patients);
    // Quit in the tray asks even with nobody in recovery.
    let decision = match reason {
        CloseReason::Window => decide(true, patients, page_silent),
        CloseReason::TrayQuit => CloseDecision::Ask,
    };
    match decision {
        CloseDecision::RecordAndExit | CloseDecision::ExitUnanswered => {
            if closing.as_ref().is_some_and(|c| !c.begin_exit()) {
                return; // another close is exiting
            }
            let silent = decision == CloseDecision::ExitUnanswered;
            if silent {
                tracing::error!(
                    "the page did not answer the close question for over 10 s; Vigil exits with \
                     {patients:?} patients in recovery"
                );
            } else {
                tracing::info!("window closed with nobody in recovery; Vigil exits");
            }
            record_window_close(&state, patients, silent);
            app.exit(0);
        }
        CloseDecision::Close | CloseDecision::Ask => ask(app, counted, reason),
    }
}

/// Shows the window and asks the page (`close-requested`); remembers that it asked.
pub fn ask<R: Runtime>(app: &AppHandle<R>, counted: Option<Counts>, reason: CloseReason) {
    crate::focus(app);
    let request = question(counted, reason, super::available(app));
    tracing::info!(
        "asking before {reason:?}: {:?} in recovery, {} open alerts",
        request.patients_in_recovery,
        request.open_alerts
    );
    if let Some(closing) = app.try_state::<Closing>() {
        closing.asked(Instant::now());
    }
    if let Err(e) = app.emit(CLOSE_REQUESTED, request) {
        tracing::error!("could not ask the page before closing: {e}");
    }
}

/// The page answered a close question (any of the tray commands).
pub fn acknowledged<R: Runtime>(app: &AppHandle<R>) {
    if let Some(closing) = app.try_state::<Closing>() {
        closing.acknowledged();
    }
}

/// The `app_quit` entry of a window close (see [`close_detail`]), by the nurse signed in
/// (unlocked), else by nobody. Best effort: a refusal is logged and the window closes.
pub fn record_window_close(state: &AppState, patients: Option<u32>, page_silent: bool) {
    let nurse = {
        let workstation = state.workstation();
        workstation.current().filter(|_| !workstation.is_locked()).map(|s| s.nurse.id)
    };
    let detail = close_detail(patients, page_silent);
    let entry = Entry::new(Action::AppQuit, nurse).detail(&detail);
    let now = state.clock.now();
    if let Err(e) = state.store.with_tx(|tx| audit::append(tx, now, &entry)) {
        tracing::error!("the window's close could not be recorded: {e}");
    }
}

#[cfg(test)]
mod tests;
