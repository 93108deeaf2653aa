//! Which emergency access the audit entries being written belong to. The shell sets the use
//! (and the nurse who opened it) on the [`crate::Store`] when an emergency access starts and
//! clears it when it ends; every write transaction carries it (for its thread, while it runs)
//! to [`super::append`], which stamps only the entries that nurse writes.

use std::cell::Cell;

/// An emergency access in force: the seq of its `emergency_access` entry and its nurse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InForce {
    pub use_seq: i64,
    pub nurse_id: i64,
}

impl InForce {
    /// The stamp an entry by `nurse_id` gets under this use: the use when it is the emergency
    /// nurse's own entry, else none (another nurse's wrong PIN or switch, Vigil's own work).
    pub fn stamp_for(self, nurse_id: Option<i64>) -> Option<i64> {
        (nurse_id == Some(self.nurse_id)).then_some(self.use_seq)
    }
}

thread_local! {
    static IN_FORCE: Cell<Option<InForce>> = const { Cell::new(None) };
}

/// The emergency use in force for the transaction running on this thread, if any.
pub fn emergency_use_in_force() -> Option<InForce> {
    IN_FORCE.with(Cell::get)
}

/// Puts `in_force` on this thread until dropped (then the previous value again).
#[derive(Debug)]
pub struct EmergencyScope {
    previous: Option<InForce>,
}

impl EmergencyScope {
    pub fn enter(in_force: Option<InForce>) -> Self {
        Self { previous: IN_FORCE.with(|c| c.replace(in_force)) }
    }
}

impl Drop for EmergencyScope {
    fn drop(&mut self) {
        IN_FORCE.with(|c| c.set(self.previous));
    }
}
