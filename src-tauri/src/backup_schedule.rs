//! Scheduled backups: a thread that backs the database up whenever the newest backup in the
//! clinic's folder is older than the backup interval (so also soon after start when there is
//! none), and one more at exit. The same thread runs the housekeeping (PDFs left in the legacy
//! papers folder, old drafts, backup leftovers) soon after start and then daily. Failures are logged and retried at the
//! next check; they never stop the app.

use std::time::Duration;
use tauri::{AppHandle, Manager};
use vigil_store::housekeeping;

use crate::backup;
use crate::data_dir::papers_folder;
use crate::state::AppState;

/// The first check comes this long after start, so start-up is not slowed by a backup.
const FIRST_CHECK: Duration = Duration::from_secs(10);
/// Checks after that.
const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Starts the backup thread for the life of the app.
pub fn spawn(app: AppHandle) {
    let spawned = std::thread::Builder::new().name("vigil-backups".into()).spawn(move || {
        std::thread::sleep(FIRST_CHECK);
        let mut tidied_at = None;
        loop {
            let state = app.state::<AppState>();
            if let Err(e) = back_up_if_due(&state) {
                tracing::error!("scheduled backup failed: {e}");
            }
            tidy_if_due(&state, &mut tidied_at);
            std::thread::sleep(CHECK_EVERY);
        }
    });
    if let Err(e) = spawned {
        tracing::error!("backup thread did not start: {e}");
    }
}

fn back_up_if_due(state: &AppState) -> Result<(), String> {
    let now = state.clock.now();
    if backup::is_due(&state.store, now).map_err(|e| e.to_string())? {
        backup::routine(state, None).map_err(|e| e.message)?;
    }
    Ok(())
}

/// Runs the housekeeping when it has not run in this process yet, or a day after it last did
/// (or when the clock was set back before it).
fn tidy_if_due(state: &AppState, tidied_at: &mut Option<chrono::DateTime<chrono::Utc>>) {
    let now = state.clock.now();
    let due = tidied_at.is_none_or(|at| now - at >= chrono::Duration::days(1) || now < at);
    if !due {
        return;
    }
    let papers = papers_folder(state.store.path());
    match housekeeping::run(&state.store, &papers, now) {
        Ok(t) => {
            *tidied_at = Some(now);
            tracing::info!(
                "housekeeping deleted {} papers, {} drafts, {} backup leftovers",
                t.papers,
                t.drafts,
                t.leftovers
            );
        }
        Err(e) => tracing::error!("housekeeping failed: {e}"),
    }
}

/// The backup at exit.
pub fn at_exit(app: &AppHandle) {
    if let Some(state) = app.try_state::<AppState>() {
        if let Err(e) = backup::routine(&state, None) {
            tracing::error!("backup at exit failed: {}", e.message);
        }
        // The WAL written back, so the database file alone holds every record.
        if let Err(e) = state.store.checkpoint() {
            tracing::warn!("the log of recent writes could not be merged at exit: {e}");
        }
    }
}
