//! The scheduler: the only writer besides the commands. Each sweep reads the unfired deadlines
//! from the store, asks the core which are due at `now`, records each firing (the firing row is
//! the "fired" mark, so an alert happens once across crashes and restarts), and hands the fired
//! alerts to the caller. It sweeps at once on start and never sleeps longer than
//! [`vigil_core::deadline::MAX_SLEEP`], so a suspend or a clock jump delays nothing by more than
//! one short sleep.

use std::sync::Arc;
use std::time::Duration;
use vigil_core::clock_jump::ClockJumpDetector;
use vigil_core::{deadline, Clock, Deadline};
use vigil_store::{alerts, sessions, Store, StoreError};

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

    /// One sweep at the clock's now; `monotonic` is the time since any fixed origin (the loop's
    /// start), used only to notice wall-clock jumps, which are recorded.
    pub fn sweep(&mut self, monotonic: Duration) -> Result<Sweep, StoreError> {
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
        Ok(Sweep { fired, sleep: deadline::next_wake(&waiting, now) })
    }
}

#[cfg(test)]
mod tests;
