//! Desktop notifications (notify-rust), which must never block an alert. The D-Bus `Notify`
//! call can hang for 25 s or for ever when the notification daemon misbehaves, so each
//! notification is a task of its own (`desktop`), on the notifier's own runtime (`runtime`, so
//! blocking work on tauri's shared runtime cannot hold it), and its call is given
//! [`SHOW_TIMEOUT`]; a worker thread takes jobs in order and records every outcome (delivered, or
//! failed and why) in the database. The in-app alert never waits for it. A click on an alert's notification (its
//! default action) opens that patient's record (`clicks`, which also bounds the waiting tasks).

pub mod clicks;
mod desktop;
mod runtime;

use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::Duration;
use vigil_core::Clock;
use vigil_store::{alerts, Store};

/// The longest a notification call is waited for.
pub const SHOW_TIMEOUT: Duration = Duration::from_secs(3);

/// One desktop notification to show. The texts must hold no patient name (bay and initials).
#[derive(Debug, Clone)]
pub struct Job {
    /// The firing it announces; `None` for a test notification and for records that cannot
    /// be saved.
    pub firing_id: Option<i64>,
    pub summary: String,
    pub body: String,
    /// The record a click on the notification opens; `None` (a test notification, records
    /// that cannot be saved): no action.
    pub opens: Option<Opens>,
}

/// The patient whose record a notification's default action opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opens {
    pub session_id: i64,
    /// Names the action ("Open Bay 5"): the bay, never a name.
    pub bay: String,
}

/// Queues notifications for the worker thread.
#[derive(Debug, Clone)]
pub struct Notifier {
    jobs: mpsc::Sender<Job>,
}

impl Notifier {
    /// Starts the worker. `after_each` runs after every recorded outcome (the shell signals the
    /// UI with it); `clicks` opens the record of a clicked notification.
    pub fn start(
        store: Arc<Store>,
        clock: Arc<dyn Clock>,
        after_each: impl Fn() + Send + 'static,
        clicks: Arc<clicks::Clicks>,
    ) -> Self {
        let (jobs, queue) = mpsc::channel::<Job>();
        let spawned = thread::Builder::new().name("vigil-notifier".into()).spawn(move || {
            let runtime = runtime::Runtime::start("vigil-notify-bus")
                .map_err(|e| format!("the notifier's runtime did not start: {e}"));
            if let Err(e) = &runtime {
                tracing::error!("{e}");
            }
            for job in queue {
                let outcome = match &runtime {
                    Ok(runtime) => show_with_timeout(runtime, &job, &clicks, SHOW_TIMEOUT),
                    Err(e) => Err(e.clone()),
                };
                let (delivered, detail) = match &outcome {
                    Ok(()) => (true, "delivered to the notification service".to_owned()),
                    Err(reason) => (false, reason.clone()),
                };
                if delivered {
                    tracing::info!("notification for firing {:?}: delivered", job.firing_id);
                } else {
                    tracing::warn!("notification for firing {:?}: failed", job.firing_id);
                }
                let now = clock.now();
                if let Err(e) = store.with_tx(|tx| {
                    alerts::record_outcome(tx, job.firing_id, delivered, &detail, now)
                }) {
                    tracing::warn!("notification outcome not recorded: {e}");
                }
                after_each();
            }
        });
        if let Err(e) = spawned {
            tracing::error!("notifier thread did not start: {e}");
        }
        Self { jobs }
    }

    /// Queues a notification; returns at once.
    pub fn send(&self, job: Job) {
        if self.jobs.send(job).is_err() {
            tracing::warn!("notifier is not running; notification dropped");
        }
    }
}

/// Shows one notification on a task of its own, waiting at most `timeout` for the daemon's
/// answer. A call that hangs is left to its task (bounded by `clicks`, like the tasks waiting for
/// a click): the daemon may still show it late.
fn show_with_timeout(
    runtime: &runtime::Runtime,
    job: &Job,
    clicks: &Arc<clicks::Clicks>,
    timeout: Duration,
) -> Result<(), String> {
    let (done, result) = mpsc::channel();
    let ticket = clicks.wait();
    let task = desktop::spawn(runtime, job, ticket, clicks.clone(), done);
    let abort = task.abort_handle();
    clicks.keep(ticket, move || abort.abort());
    match result.recv_timeout(timeout) {
        Ok(shown) => shown,
        Err(_) => {
            Err(format!("no answer from the notification service within {} s", timeout.as_secs()))
        }
    }
}
