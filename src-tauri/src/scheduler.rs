//! The scheduler: the only writer besides the commands. Each sweep reads the unfired deadlines
//! from the store, asks the core which are due at `now`, records each firing (the firing row is
//! the "fired" mark, so an alert happens once across crashes and restarts), and hands the fired
//! alerts to the caller. It sweeps at once on start and never sleeps longer than
//! [`vigil_core::deadline::MAX_SLEEP`], so a suspend or a clock jump delays nothing by more than
//! one short sleep.
//!
//! After the firings, a sweep records readiness history (issue 11, feature 10; the design is in
//! `vigil_core::discharge::ReadinessMark`'s module): every observed session whose readiness or
//! failing gates changed gets a row, in one transaction of its own. Its failure is logged and
//! never stops an alert: the firings are committed first, and the app's loop raises them before
//! it records readiness ([`Scheduler::sweep_alerts`], then [`Scheduler::record_readiness`]).

use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::time::Duration;
use vigil_core::clock_jump::ClockJumpDetector;
use vigil_core::{deadline, Clock, Deadline};
use vigil_store::{alerts, readiness, sessions, Store, StoreError};

/// An alert that has just fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fired {
    pub firing_id: i64,
    pub deadline: Deadline,
    pub bay: String,
    pub patient_name: String,
}

/// What one sweep did.
#[derive(Debug)]
pub struct Sweep {
    pub fired: Vec<Fired>,
    /// How long to sleep before the next sweep.
    pub sleep: Duration,
    /// The sweep's `now`.
    pub at: DateTime<Utc>,
}

/// The scheduler's state between sweeps.
pub struct Scheduler {
    store: Arc<Store>,
    clock: Arc<dyn Clock>,
    jumps: Option<ClockJumpDetector>,
}

impl std::fmt::Debug for Scheduler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scheduler").field("jumps", &self.jumps).finish_non_exhaustive()
    }
}

impl Scheduler {
    pub fn new(store: Arc<Store>, clock: Arc<dyn Clock>) -> Self {
        Self { store, clock, jumps: None }
    }

    /// One whole sweep: [`Self::sweep_alerts`], then [`Self::record_readiness`] (whose failure
    /// is logged, never returned).
    pub fn sweep(&mut self, monotonic: Duration) -> Result<Sweep, StoreError> {
        let sweep = self.sweep_alerts(monotonic)?;
        self.record_readiness();
        Ok(sweep)
    }

    /// Records the readiness changes of every observed session, stamped with the clock's now
    /// read inside the transaction (not the sweep's earlier `at`: a check committed in between
    /// must not be dated before its own recording); returns how many rows were written. A
    /// failure is logged (ids only) and counts as none: the next sweep tries again.
    pub fn record_readiness(&self) -> usize {
        let clock = &self.clock;
        match self.store.with_tx(|tx| readiness::record_changes(tx, clock.now())) {
            Ok(rows) => rows.len(),
            Err(e) => {
                eprintln!("vigil: recording readiness failed: {e}");
                0
            }
        }
    }

    /// The alert part of a sweep at the clock's now; `monotonic` is the time since any fixed
    /// origin (the loop's start), used only to notice wall-clock jumps, which are recorded.
    pub fn sweep_alerts(&mut self, monotonic: Duration) -> Result<Sweep, StoreError> {
        let now = self.clock.now();
        match &mut self.jumps {
            None => self.jumps = Some(ClockJumpDetector::new(now, monotonic)),
            Some(detector) => {
                if let Some(jump) = detector.observe(now, monotonic) {
                    eprintln!("vigil: wall clock jumped by {} ms", jump.num_milliseconds());
                    self.store.with_tx(|tx| alerts::record_clock_jump(tx, now, jump))?;
                }
            }
        }
        let unfired = self.store.with_conn(|c| alerts::unfired_deadlines(c, now))?;
        let due = deadline::due(&unfired, now);
        let mut fired = Vec::with_capacity(due.len());
        for d in &due {
            let recorded = self.store.with_tx(|tx| {
                let Some(firing_id) = alerts::record_firing(tx, d, now)? else {
                    return Ok(None);
                };
                let session = sessions::get(tx, d.session_id)?;
                Ok(Some(Fired {
                    firing_id,
                    deadline: d.clone(),
                    bay: session.bay,
                    patient_name: session.patient_name,
                }))
            })?;
            fired.extend(recorded);
        }
        let waiting: Vec<Deadline> = unfired.into_iter().filter(|d| !due.contains(d)).collect();
        Ok(Sweep { fired, sleep: deadline::next_wake(&waiting, now), at: now })
    }
}

#[cfg(test)]
mod readiness_tests;
#[cfg(test)]
mod tests;
