//! Write health: whether records can be saved now. Every write transaction goes through
//! [`crate::Store::with_tx`], which reports here: a failure of the storage itself (disk full,
//! read-only, I/O error, held by another program; see [`StorageFault`]) sets the fault, and the
//! next transaction that changed rows and committed clears it. A refused value or a damaged
//! record says nothing about the storage and changes nothing here; neither does a transaction
//! that wrote no row (its commit touches no disk, so it proves nothing).

use std::sync::Mutex;
use std::time::Instant;

use crate::error::StorageFault;
use crate::StoreError;

/// Writes are failing: why, and since when (monotonic: the shell dates it with its clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteFault {
    pub fault: StorageFault,
    pub since: Instant,
}

/// The store's current write health.
#[derive(Debug, Default)]
pub(crate) struct WriteHealth(Mutex<Option<WriteFault>>);

impl WriteHealth {
    /// Takes the outcome of one write transaction: `Ok(wrote)` when it committed (`wrote`:
    /// it changed rows), or its error.
    pub(crate) fn observe(&self, outcome: Result<bool, &StoreError>) {
        let mut current = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match outcome {
            Ok(true) => *current = None,
            Ok(false) => {}
            Err(e) => {
                if let Some(fault) = e.fault() {
                    if current.is_none_or(|c| c.fault != fault) {
                        *current = Some(WriteFault { fault, since: Instant::now() });
                    }
                }
            }
        }
    }

    pub(crate) fn current(&self) -> Option<WriteFault> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}
