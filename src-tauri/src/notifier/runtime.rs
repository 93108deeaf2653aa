//! The notifier's own async runtime: a current-thread tokio runtime driven by a thread of its
//! own, where every desktop notification's task runs (notify-rust's zbus with it). Not tauri's
//! shared runtime: blocking commands (sign-in hashing, verification, backups, PDFs) can occupy
//! all of its worker threads and would hold a critical notification past [`super::SHOW_TIMEOUT`].
//! The runtime lives until its [`Runtime`] is dropped; its tasks are dropped with it.

use std::future::Future;
use std::thread;
use tokio::runtime::{Builder, Handle};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Spawns tasks on the notifier's runtime; dropping it stops the runtime and its thread.
#[derive(Debug)]
pub struct Runtime {
    handle: Handle,
    /// Dropped with the runtime: its thread stops driving it and drops the remaining tasks.
    _stop: oneshot::Sender<()>,
}

impl Runtime {
    /// Starts the runtime on a thread named `name`.
    pub fn start(name: &str) -> std::io::Result<Self> {
        let runtime = Builder::new_current_thread().enable_all().build()?;
        let handle = runtime.handle().clone();
        let (stop, stopped) = oneshot::channel::<()>();
        thread::Builder::new().name(name.into()).spawn(move || {
            // Drives every spawned task until the stop is dropped (the receiver then errs).
            let _ = runtime.block_on(stopped);
        })?;
        Ok(Self { handle, _stop: stop })
    }

    /// Runs `task` on the runtime's thread.
    pub fn spawn<F>(&self, task: F) -> JoinHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.handle.spawn(task)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn tasks_run_on_the_runtime_thread() {
        let runtime = Runtime::start("vigil-test-notify").expect("runtime");
        let (tx, rx) = mpsc::channel();
        runtime.spawn(async move {
            let _ = tx.send(thread::current().name().map(str::to_owned));
        });
        let name = rx.recv_timeout(Duration::from_secs(5)).expect("the task ran");
        assert_eq!(name.as_deref(), Some("vigil-test-notify"));
    }

    #[test]
    fn dropping_it_drops_its_waiting_tasks() {
        let runtime = Runtime::start("vigil-test-notify").expect("runtime");
        let (tx, rx) = mpsc::channel::<()>();
        runtime.spawn(async move {
            let _kept = tx; // dropped when the task is
            std::future::pending::<()>().await;
        });
        drop(runtime);
        let ended = rx.recv_timeout(Duration::from_secs(5));
        assert_eq!(ended, Err(mpsc::RecvTimeoutError::Disconnected), "the task was dropped");
    }
}
