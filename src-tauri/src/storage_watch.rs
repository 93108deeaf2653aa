//! Whether records can be saved: the status the red "Records cannot be saved" banner shows,
//! and the watch the scheduler's loop keeps on it (it signals `storage-changed` when writes
//! start or stop failing, and probes the storage while they fail and nothing else is waiting),
//! and the desktop notification sent when they start failing.

use tauri::{AppHandle, Runtime};
use vigil_core::StorageStatus;
use vigil_store::StorageFault;

use crate::events::{signal, RECORDS_CHANGED, STORAGE_CHANGED};
use crate::notifier::Job;
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
    /// Returns the fault when writes have just started failing, or fail for another reason
    /// now (the caller tells the nurse even with the window out of sight); `None` otherwise.
    pub fn check<R: Runtime>(
        &mut self,
        app: &AppHandle<R>,
        state: &AppState,
    ) -> Option<StorageFault> {
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
            return now;
        }
        None
    }
}

/// The desktop notification that records cannot be saved: shown once as writes start failing
/// (or fail for another reason), with the window out of sight too. No record to open.
pub fn fault_job(fault: StorageFault) -> Job {
    Job {
        firing_id: None,
        summary: "Vigil: records cannot be saved".to_owned(),
        body: format!(
            "{}. Alerts still sound and show. What is typed stays in its form: \
             save again once this is fixed.",
            capitalized(fault.reason())
        ),
        opens: None,
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notification_says_why_and_that_alerts_still_come_without_a_record_to_open() {
        let job = fault_job(StorageFault::DiskFull);
        assert_eq!(job.summary, "Vigil: records cannot be saved");
        assert_eq!(
            job.body,
            "The disk is full. Alerts still sound and show. What is typed stays in its form: \
             save again once this is fixed."
        );
        assert_eq!((job.firing_id, job.opens), (None, None));
        for fault in [StorageFault::ReadOnly, StorageFault::Io, StorageFault::Busy] {
            let body = fault_job(fault).body;
            assert!(body.starts_with("The database") || body.starts_with("The disk"), "{body}");
        }
    }
}
