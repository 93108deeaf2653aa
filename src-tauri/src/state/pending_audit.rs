//! Audit entries of lock, auto-lock and sign-out that storage refused when they happened. The
//! workstation changes first (a lock never waits on storage); its entry waits here, with its
//! original time, until a write succeeds: the next such entry, a sign-in and every scheduler
//! loop retry them, oldest first, so each is written exactly once and in order. Each keeps
//! the emergency stamp in force when it happened: what is in force when it is finally written
//! (another nurse's, a new use, none) says nothing about it.

use chrono::{DateTime, Utc};
use std::sync::{Mutex, MutexGuard};
use vigil_store::audit::{self, Action, Entry};
use vigil_store::Store;

/// One entry not yet written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Waiting {
    at: DateTime<Utc>,
    action: Action,
    nurse_id: Option<i64>,
    /// The emergency use it belongs to (decided when it happened).
    stamp: Option<i64>,
}

/// The queue, in the order the actions happened.
#[derive(Debug, Default)]
pub struct PendingAudit(Mutex<Vec<Waiting>>);

impl PendingAudit {
    /// Writes `action` by `nurse_id` at `at`, stamped with emergency use `stamp`, after any
    /// entries still waiting; if storage refuses, keeps it to retry. Returns whether nothing is
    /// left waiting.
    pub fn record(
        &self,
        store: &Store,
        at: DateTime<Utc>,
        action: Action,
        nurse_id: Option<i64>,
        stamp: Option<i64>,
    ) -> bool {
        let mut queue = self.queue();
        queue.push(Waiting { at, action, nurse_id, stamp });
        write_waiting(store, &mut queue);
        queue.is_empty()
    }

    /// Writes the waiting entries, oldest first, each in its own transaction, up to the first
    /// one storage refuses. Returns how many were written.
    pub fn retry(&self, store: &Store) -> usize {
        let mut queue = self.queue();
        write_waiting(store, &mut queue)
    }

    /// How many entries wait.
    pub fn len(&self) -> usize {
        self.queue().len()
    }

    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.queue().is_empty()
    }

    fn queue(&self) -> MutexGuard<'_, Vec<Waiting>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn write_waiting(store: &Store, queue: &mut Vec<Waiting>) -> usize {
    let mut written = 0;
    while let Some(first) = queue.first() {
        let entry = Entry::new(first.action, first.nurse_id).stamped(first.stamp);
        match store.with_tx(|tx| audit::append(tx, first.at, &entry)) {
            Ok(seq) => {
                tracing::info!("{} entry written (audit #{seq})", first.action.as_str());
                queue.remove(0);
                written += 1;
            }
            Err(e) => {
                let (action, waiting) = (first.action.as_str(), queue.len());
                tracing::warn!("{action} entry kept to retry ({waiting} waiting): {e}");
                break;
            }
        }
    }
    written
}
