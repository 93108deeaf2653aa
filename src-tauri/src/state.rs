//! What every command shares: the store, the one real clock, who is at the workstation, and
//! the result of the last verification of the record.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use vigil_core::{Clock, IntegrityStatus, Monotonic, Nurse, Permission, VigilError, Workstation};
use vigil_store::integrity::{self, FileCheck};
use vigil_store::{settings, Store, StoreError};

use crate::notifier::Notifier;

mod monotonic;
mod pending_audit;
mod pin_attempts;
use crate::scheduler::AlertLedger;
pub use monotonic::SystemMonotonic;
pub use pending_audit::PendingAudit;
pub use pin_attempts::{Failures as PinFailures, PinAttempts};

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
    /// Who is signed in and whether it is locked; starts signed out.
    pub workstation: Arc<Mutex<Workstation>>,
    /// The last verification (at start, on demand, after a restore).
    pub integrity: Mutex<IntegrityStatus>,
    /// The clock idle time is measured on (never the wall clock).
    pub monotonic: Arc<dyn Monotonic>,
    /// Lock, auto-lock and sign-out entries that storage has not taken yet.
    pub pending_audit: PendingAudit,
    /// One lock per account, held through each PIN attempt.
    pub pin_attempts: PinAttempts,
    /// Alerts raised that storage has not taken yet (shared with the scheduler).
    pub alert_ledger: Arc<AlertLedger>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("store", &self.store.path()).finish_non_exhaustive()
    }
}

impl AppState {
    /// Opens the database in `dir` (encrypted with `key`; a plain one is encrypted first) as
    /// its one writer, with the writer `lock` taken at start (the store keeps it), with the
    /// system clock, and verifies it.
    pub fn open(
        lock: vigil_store::WriterLock,
        dir: &Path,
        key: &vigil_store::DbKey,
    ) -> Result<Self, StoreError> {
        let clock = SystemClock;
        let db = dir.join(vigil_store::DB_FILE_NAME);
        let store = Store::open_upgrading_locked(lock, &db, key, clock.now())?;
        Self::new(store, Arc::new(clock))
    }

    /// Wraps an open store: verifies the file (quick check) and the audit chain at once.
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Result<Self, StoreError> {
        // The shell's tests create and check hundreds of PINs: they hash at the cheapest cost.
        // Never in the app (`cfg(test)`); the store's tests check the app's cost.
        #[cfg(test)]
        vigil_store::nurses::use_test_pin_cost();
        let now = clock.now();
        let status = store.with_conn(|c| integrity::verify(c, FileCheck::Quick, now))?;
        if !status.ok {
            tracing::error!("RECORD INTEGRITY PROBLEM at audit entry {:?}", status.first_bad_seq);
        }
        Ok(Self {
            store: Arc::new(store),
            clock,
            notifier: None,
            workstation: Arc::new(Mutex::new(Workstation::new())),
            integrity: Mutex::new(status),
            monotonic: Arc::new(SystemMonotonic::new()),
            pending_audit: PendingAudit::default(),
            pin_attempts: PinAttempts::default(),
            alert_ledger: Arc::default(),
        })
    }

    pub fn workstation(&self) -> MutexGuard<'_, Workstation> {
        self.workstation.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Measures idle time on `monotonic` instead of the machine's (for tests).
    pub fn with_monotonic(mut self, monotonic: Arc<dyn Monotonic>) -> Self {
        self.monotonic = monotonic;
        self
    }

    /// The nurse who may do `permission` now. Not a sign of life: background reloads call
    /// this too, and only real input (`note_activity`) postpones the idle lock. An emergency
    /// access past its time locks here (its `emergency_expired` entry) without waiting for the
    /// scheduler loop. Errors: `forbidden` when signed out, locked, not allowed, or the
    /// emergency access has just ended.
    pub fn nurse_for(&self, permission: Permission) -> Result<Nurse, VigilError> {
        if crate::locks::lock_if_emergency_over(self)? {
            return Err(VigilError::new(
                vigil_core::ErrorCode::Forbidden,
                "Emergency access has ended: sign in with your PIN.",
            ));
        }
        Ok(self.workstation().require(permission)?.clone())
    }

    /// Whether names may be shown.
    pub fn is_open(&self) -> bool {
        self.workstation().is_open()
    }

    /// The backup folder in force.
    pub fn backup_folder(&self) -> Result<PathBuf, StoreError> {
        let default = self.store.default_backup_folder();
        let settings = self.store.with_conn(|c| settings::backup(c, &default))?;
        Ok(PathBuf::from(settings.folder))
    }

    pub fn set_integrity(&self, status: IntegrityStatus) {
        *self.integrity.lock().unwrap_or_else(|e| e.into_inner()) = status;
    }

    pub fn integrity(&self) -> IntegrityStatus {
        self.integrity.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}
