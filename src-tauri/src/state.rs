//! What every command shares: the store and the one real clock.

use chrono::{DateTime, Utc};
use std::path::Path;
use std::sync::Arc;
use vigil_core::Clock;
use vigil_store::{Store, StoreError};

use crate::notifier::Notifier;

/// The wall clock of the machine; the only place Vigil reads the current time.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Shared state handed to commands.
pub struct AppState {
    pub store: Arc<Store>,
    pub clock: Arc<dyn Clock>,
    /// The desktop notifier, once started (absent in command tests).
    pub notifier: Option<Arc<Notifier>>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("store", &self.store.path()).finish_non_exhaustive()
    }
}

impl AppState {
    /// Opens the database in `dir` with the system clock.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        Ok(Self::new(Store::open_in(dir)?, Arc::new(SystemClock)))
    }

    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        Self { store: Arc::new(store), clock, notifier: None }
    }
}
