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
//!
//! Storage never silences an alert (issue 12, item 2). Each firing is written in a transaction
//! of its own; one that cannot be written is raised anyway and kept in the [`AlertLedger`]
//! (shown as not saved, written by a later sweep, exactly once). A firing written but never
//! raised (the app died in between, or its raising's row could not be written) is raised by the
//! next sweep: raising is recorded in `alert_raisings` after the alert is raised.

use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::time::Duration;
use vigil_core::clock_jump::ClockJumpDetector;
use vigil_core::{deadline, Clock, Deadline};
use vigil_store::{alerts, readiness, sessions, Store, StoreError};

mod ledger;
pub use ledger::{AlertLedger, Unsaved};

/// A firing committed in this run less than this long ago is being raised by whoever
/// committed it (a saved check's clinical alert): the sweep leaves it to them. A firing from
/// before this run (the app died) is raised at once.
pub const UNRAISED_GRACE: chrono::Duration = chrono::Duration::seconds(10);

/// An alert that has just fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fired {
    /// The firing's row id; negative for a firing raised before it could be written (see
    /// [`AlertLedger`]).
    pub firing_id: i64,
    pub deadline: Deadline,
    pub bay: String,
    pub patient_name: String,
}

impl Fired {
    /// Whether the firing is written (its id is a row id).
    pub fn is_saved(&self) -> bool {
        self.firing_id > 0
    }
}

/// What one sweep did.
#[derive(Debug)]
pub struct Sweep {
    /// To raise now: new firings (written or not), and written ones never raised.
    pub fired: Vec<Fired>,
    /// How long to sleep before the next sweep.
    pub sleep: Duration,
    /// The sweep's `now`.
    pub at: DateTime<Utc>,
    /// Firings raised earlier and written only now (the alert list changed).
    pub written_late: usize,
}

/// The scheduler's state between sweeps.
pub struct Scheduler {
    store: Arc<Store>,
    clock: Arc<dyn Clock>,
    jumps: Option<ClockJumpDetector>,
    ledger: Arc<AlertLedger>,
    /// The first sweep's `now`: firings before it were committed by an earlier run.
    started: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for Scheduler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scheduler").field("jumps", &self.jumps).finish_non_exhaustive()
    }
}

impl Scheduler {
    pub fn new(store: Arc<Store>, clock: Arc<dyn Clock>) -> Self {
        Self { store, clock, jumps: None, ledger: Arc::default(), started: None }
    }

    /// Shares `ledger` (the app's, which the alert commands read) instead of its own.
    pub fn sharing(mut self, ledger: Arc<AlertLedger>) -> Self {
        self.ledger = ledger;
        self
    }

    /// The firings this scheduler could not write or mark yet.
    pub fn ledger(&self) -> &Arc<AlertLedger> {
        &self.ledger
    }

    /// One whole sweep as the app's loop does it, the raise aside: [`Self::sweep_alerts`],
    /// [`Self::mark_raised`] (as if raised), then [`Self::record_readiness`] (whose failure
    /// is logged, never returned).
    pub fn sweep(&mut self, monotonic: Duration) -> Result<Sweep, StoreError> {
        let sweep = self.sweep_alerts(monotonic)?;
        self.mark_raised(&sweep.fired);
        self.record_readiness();
        Ok(sweep)
    }

    /// Records that `fired` were raised (their written firings' raisings, in one
    /// transaction); a failure is logged and retried by the next sweep, and they are never
    /// raised again meanwhile.
    pub fn mark_raised(&self, fired: &[Fired]) {
        self.ledger.raising(fired.iter().map(|f| f.firing_id));
        self.ledger.write_marks(&self.store, self.clock.now());
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
                tracing::error!("recording readiness failed: {e}");
                0
            }
        }
    }

    /// The alert part of a sweep at the clock's now; `monotonic` is the time since any fixed
    /// origin (the loop's start), used only to notice wall-clock jumps, which are recorded.
    /// A write that fails never stops an alert. When the deadlines cannot be read (logged),
    /// the unsaved firings are still retried and the firings never raised still raised; the
    /// next sweep comes after [`deadline::MAX_SLEEP`] at most. Never errors today.
    pub fn sweep_alerts(&mut self, monotonic: Duration) -> Result<Sweep, StoreError> {
        let now = self.clock.now();
        self.note_clock(now, monotonic);
        let written_late = self.ledger.write_unsaved(&self.store, now);
        self.ledger.write_marks(&self.store, now);
        let unfired = self.store.with_conn(|c| alerts::unfired_deadlines(c, now));
        let unfired = unfired.unwrap_or_else(|e| {
            tracing::error!("deadlines could not be read this sweep: {e}");
            Vec::new()
        });
        let due = deadline::due(&unfired, now);
        let mut fired: Vec<Fired> = due
            .iter()
            .filter(|d| !self.ledger.has_unsaved(d))
            .filter_map(|d| self.fire(d, now))
            .collect();
        fired.extend(self.unraised(now));
        self.ledger.raising(fired.iter().map(|f| f.firing_id));
        let waiting: Vec<Deadline> = unfired.into_iter().filter(|d| !due.contains(d)).collect();
        Ok(Sweep { fired, sleep: deadline::next_wake(&waiting, now), at: now, written_late })
    }

    /// Records a wall-clock jump; a failure to write it is logged and never stops a sweep.
    fn note_clock(&mut self, now: DateTime<Utc>, monotonic: Duration) {
        let Some(detector) = &mut self.jumps else {
            self.jumps = Some(ClockJumpDetector::new(now, monotonic));
            return;
        };
        if let Some(jump) = detector.observe(now, monotonic) {
            tracing::warn!("wall clock jumped by {} ms", jump.num_milliseconds());
            if let Err(e) = self.store.with_tx(|tx| alerts::record_clock_jump(tx, now, jump)) {
                tracing::error!("clock jump not recorded: {e}");
            }
        }
    }

    /// Writes the firing of `d` (its own transaction) and returns it to raise; `None` when it
    /// had fired already. One that cannot be written is kept unsaved and returned all the same.
    fn fire(&self, d: &Deadline, now: DateTime<Utc>) -> Option<Fired> {
        let written = self.store.with_tx(|tx| {
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
        });
        let error = match written {
            Ok(fired) => return fired,
            Err(e) => e,
        };
        tracing::error!("firing of session {} not written ({error}); raised", d.session_id);
        let reason = error.fault().map_or("it could not be written", |f| f.reason());
        let who = self
            .store
            .with_conn(|c| sessions::get(c, d.session_id))
            .map(|s| (s.bay, s.patient_name))
            .unwrap_or_else(|_| (format!("Session {}", d.session_id), String::new()));
        let firing_id = self.ledger.add_unsaved(d.clone(), now, who.clone(), reason);
        Some(Fired { firing_id, deadline: d.clone(), bay: who.0, patient_name: who.1 })
    }

    /// Written firings never raised (older than [`UNRAISED_GRACE`]) and not being raised by
    /// this run; a read failure is logged and gives none.
    fn unraised(&mut self, now: DateTime<Utc>) -> Vec<Fired> {
        let started = *self.started.get_or_insert(now);
        let fired_by = (now - UNRAISED_GRACE).max(started - chrono::Duration::milliseconds(1));
        let found = self.store.with_conn(|c| alerts::unraised(c, now, fired_by));
        let found = found.unwrap_or_else(|e| {
            tracing::error!("firings not raised could not be read: {e}");
            Vec::new()
        });
        found
            .into_iter()
            .filter(|u| !self.ledger.is_unmarked(u.firing_id))
            .map(|u| {
                tracing::warn!("firing {} was written but never raised", u.firing_id);
                Fired {
                    firing_id: u.firing_id,
                    deadline: u.deadline,
                    bay: u.bay,
                    patient_name: u.patient_name,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod fault_tests;
#[cfg(test)]
mod readiness_tests;
#[cfg(test)]
mod sweep_fault_tests;
#[cfg(test)]
mod tests;
