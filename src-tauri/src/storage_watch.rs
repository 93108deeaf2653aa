//! Whether records can be saved: the status the red "Records cannot be saved" banner shows,
//! and the watch the scheduler's loop keeps on it (it signals `storage-changed` when writes
//! start or stop failing, and probes the storage while they fail and nothing else is waiting).

use tauri::{AppHandle, Runtime};
use vigil_core::StorageStatus;
use vigil_store::StorageFault;

use crate::events::{signal, RECORDS_CHANGED, STORAGE_CHANGED};
use crate::state::AppState;

/// Whether records can be saved now, why not, since when, and how many alerts wait to be
/// written.
pub fn status(state: &AppState) -> StorageStatus {
    let unsaved = u32::try_from(state.alert_ledger.unsaved().len()).unwrap_or(u32::MAX);
    let Some(fault) = state.store.write_fault() else {
        return StorageStatus { unsaved_alerts: unsaved, ..StorageStatus::healthy() };
    };
    let elapsed = chrono::Duration::from_std(fault.since.elapsed()).unwrap_or_default();
    StorageStatus {
        fault: Some(fault.fault.reason().to_owned()),
        since: Some(state.clock.now() - elapsed),
        unsaved_alerts: unsaved,
    }
}

/// The fault last told to the UI.
#[derive(Debug, Default)]
pub struct StorageWatch {
    told: Option<StorageFault>,
}

impl StorageWatch {
    /// While writes fail and nothing else waits to be written, probes the storage; then
    /// signals `storage-changed` (and `records-changed`) if the fault changed since last time.
    pub fn check<R: Runtime>(&mut self, app: &AppHandle<R>, state: &AppState) {
        if state.store.write_fault().is_some() && state.alert_ledger.pending() == 0 {
            if let Err(e) = state.store.probe_write(state.clock.now()) {
                tracing::warn!("records still cannot be saved: {e}");
            }
        }
        let now = state.store.write_fault().map(|f| f.fault);
        if now != self.told {
            match now {
                Some(fault) => tracing::error!("RECORDS CANNOT BE SAVED: {}", fault.reason()),
                None => tracing::info!("records can be saved again"),
            }
            self.told = now;
            signal(app, STORAGE_CHANGED);
            signal(app, RECORDS_CHANGED);
        }
    }
}
