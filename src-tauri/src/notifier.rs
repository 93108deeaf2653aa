//! Desktop notifications, which must never block an alert. notify-rust's `show()` can hang for
//! 25 s or for ever when the notification daemon misbehaves, so each call runs on a thread of
//! its own and is given [`SHOW_TIMEOUT`]; a worker thread takes jobs in order and records every
//! outcome (delivered, or failed and why) in the database. The in-app alert never waits for it.

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
    /// The firing it announces; `None` for a test notification.
    pub firing_id: Option<i64>,
    pub summary: String,
    pub body: String,
}

/// Queues notifications for the worker thread.
#[derive(Debug, Clone)]
pub struct Notifier {
    jobs: mpsc::Sender<Job>,
}

impl Notifier {
    /// Starts the worker. `after_each` runs after every recorded outcome (the shell signals the
    /// UI with it).
    pub fn start(
        store: Arc<Store>,
        clock: Arc<dyn Clock>,
        after_each: impl Fn() + Send + 'static,
    ) -> Self {
        let (jobs, queue) = mpsc::channel::<Job>();
        let spawned = thread::Builder::new().name("vigil-notifier".into()).spawn(move || {
            for job in queue {
                let outcome = show_with_timeout(&job, SHOW_TIMEOUT);
                let (delivered, detail) = match &outcome {
                    Ok(()) => (true, "delivered to the notification service".to_owned()),
                    Err(reason) => (false, reason.clone()),
                };
                eprintln!(
                    "vigil: notification for firing {:?}: {}",
                    job.firing_id,
                    if delivered { "delivered" } else { "failed" }
                );
                let now = clock.now();
                if let Err(e) = store.with_tx(|tx| {
                    alerts::record_outcome(tx, job.firing_id, delivered, &detail, now)
                }) {
                    eprintln!("vigil: notification outcome not recorded: {e}");
                }
                after_each();
            }
        });
        if let Err(e) = spawned {
            eprintln!("vigil: notifier thread did not start: {e}");
        }
        Self { jobs }
    }

    /// Queues a notification; returns at once.
    pub fn send(&self, job: Job) {
        if self.jobs.send(job).is_err() {
            eprintln!("vigil: notifier is not running; notification dropped");
        }
    }
}

/// Shows one notification on a thread of its own, waiting at most `timeout`. A call that hangs
/// is abandoned (its thread ends when the D-Bus call finally returns, if ever).
fn show_with_timeout(job: &Job, timeout: Duration) -> Result<(), String> {
    let (done, result) = mpsc::channel();
    let (summary, body) = (job.summary.clone(), job.body.clone());
    thread::Builder::new()
        .name("vigil-notify-call".into())
        .spawn(move || {
            let shown = notify_rust::Notification::new()
                .appname("Vigil")
                .summary(&summary)
                .body(&body)
                .urgency(notify_rust::Urgency::Critical)
                .timeout(notify_rust::Timeout::Never)
                .show()
                .map(|_| ())
                .map_err(|e| format!("the notification service refused or is absent: {e}"));
            let _ = done.send(shown);
        })
        .map_err(|e| format!("could not start a notification thread: {e}"))?;
    match result.recv_timeout(timeout) {
        Ok(shown) => shown,
        Err(_) => {
            Err(format!("no answer from the notification service within {} s", timeout.as_secs()))
        }
    }
}
