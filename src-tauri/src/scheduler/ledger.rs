//! What the app raised but could not write yet, shared by the scheduler, the alert commands
//! and the check commands (in memory: it is what storage could not take).
//!
//! - An *unsaved* firing was raised while its firing row could not be written. It has a
//!   negative id (never a row id), shows on the banner marked as not saved, and each sweep
//!   tries to write it (with its raising, in one transaction); once written it is not raised
//!   again, and the alert list shows the written row instead.
//! - An *unmarked* firing is written and raised (or being raised) but its raising row is not
//!   written yet: the sweep never raises it again, and retries the mark.

use chrono::{DateTime, Utc};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};
use vigil_core::{ActiveAlert, Deadline};
use vigil_store::{alerts, Store};

/// A firing raised but not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    /// Negative, unique in this run: the alert's id until it is written.
    pub temp_id: i64,
    pub deadline: Deadline,
    pub fired_at: DateTime<Utc>,
    pub bay: String,
    pub patient_name: String,
    /// Why it could not be written ("the disk is full").
    pub reason: String,
}

impl Unsaved {
    /// The alert as the banner shows it, marked as not saved yet.
    pub fn active(&self) -> ActiveAlert {
        let d = &self.deadline;
        ActiveAlert {
            firing_id: self.temp_id,
            session_id: d.session_id,
            kind: d.kind,
            bay: self.bay.clone(),
            patient_name: self.patient_name.clone(),
            due_at: d.due_at,
            fired_at: self.fired_at,
            detail: (!d.detail.is_empty()).then(|| d.detail.clone()),
            severity: None,
            emergency: false,
            not_saved: Some(self.reason.clone()),
        }
    }
}

/// The shared ledger of firings storage has not taken yet.
#[derive(Debug, Default)]
pub struct AlertLedger(Mutex<Inner>);

#[derive(Debug, Default)]
struct Inner {
    unsaved: Vec<Unsaved>,
    unmarked: BTreeSet<i64>,
    /// Unsaved ids written since, with their row ids (a stale id still finds its alert).
    written: HashMap<i64, i64>,
    last_temp: i64,
}

fn same(a: &Deadline, b: &Deadline) -> bool {
    (a.session_id, a.kind, &a.key) == (b.session_id, b.kind, &b.key)
}

impl AlertLedger {
    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Keeps a firing raised at `fired_at` that could not be written; returns its negative id.
    pub fn add_unsaved(
        &self,
        deadline: Deadline,
        fired_at: DateTime<Utc>,
        (bay, patient_name): (String, String),
        reason: &str,
    ) -> i64 {
        let mut inner = self.inner();
        inner.last_temp -= 1;
        let temp_id = inner.last_temp;
        let reason = reason.to_owned();
        inner.unsaved.push(Unsaved { temp_id, deadline, fired_at, bay, patient_name, reason });
        temp_id
    }

    /// The firings raised but not written, oldest first.
    pub fn unsaved(&self) -> Vec<Unsaved> {
        self.inner().unsaved.clone()
    }

    /// Whether `deadline` fired already and waits to be written.
    pub fn has_unsaved(&self, deadline: &Deadline) -> bool {
        self.inner().unsaved.iter().any(|u| same(&u.deadline, deadline))
    }

    /// The unsaved firing `temp_id`, if it still waits.
    pub fn unsaved_by_id(&self, temp_id: i64) -> Option<Unsaved> {
        self.inner().unsaved.iter().find(|u| u.temp_id == temp_id).cloned()
    }

    /// The unsaved firing `temp_id` is now row `firing_id` (its raising written with it).
    pub fn written(&self, temp_id: i64, firing_id: i64) {
        let mut inner = self.inner();
        inner.unsaved.retain(|u| u.temp_id != temp_id);
        inner.written.insert(temp_id, firing_id);
    }

    /// The row an unsaved id was written as, if it was.
    pub fn written_as(&self, temp_id: i64) -> Option<i64> {
        self.inner().written.get(&temp_id).copied()
    }

    /// Written firings being raised now: never raised again, marked by [`Self::write_marks`].
    pub fn raising(&self, firing_ids: impl IntoIterator<Item = i64>) {
        self.inner().unmarked.extend(firing_ids.into_iter().filter(|id| *id > 0));
    }

    /// Whether `firing_id` was raised in this run and its raising is not written yet.
    pub fn is_unmarked(&self, firing_id: i64) -> bool {
        self.inner().unmarked.contains(&firing_id)
    }

    /// How many firings wait to be written, or to have their raising written.
    pub fn pending(&self) -> usize {
        let inner = self.inner();
        inner.unsaved.len() + inner.unmarked.len()
    }

    /// Writes the raisings of the unmarked firings (one transaction); true when any was
    /// written. A failure is logged and retried at the next call.
    pub fn write_marks(&self, store: &Store, now: DateTime<Utc>) -> bool {
        let ids: Vec<i64> = self.inner().unmarked.iter().copied().collect();
        if ids.is_empty() {
            return false;
        }
        let written =
            store.with_tx(|tx| ids.iter().try_for_each(|id| alerts::record_raising(tx, *id, now)));
        match written {
            Ok(()) => {
                let mut inner = self.inner();
                ids.iter().for_each(|id| {
                    inner.unmarked.remove(id);
                });
                true
            }
            Err(e) => {
                tracing::warn!("raising of firings {ids:?} not recorded yet: {e}");
                false
            }
        }
    }

    /// Writes each unsaved firing with its raising (each in its own transaction, oldest
    /// first); returns how many were written. A storage fault stops the round (the rest
    /// wait for the next call); a firing refused otherwise (its session gone after a restore,
    /// say) can never be written: it is dropped, logged, and the others go on.
    pub fn write_unsaved(&self, store: &Store, now: DateTime<Utc>) -> usize {
        let mut count = 0;
        for u in self.unsaved() {
            match store.with_tx(|tx| alerts::record_late_firing(tx, &u.deadline, u.fired_at, now)) {
                Ok(id) => {
                    tracing::info!("firing {id} (session {}) written late", u.deadline.session_id);
                    self.written(u.temp_id, id);
                    count += 1;
                }
                Err(e) if e.fault().is_some() => {
                    tracing::warn!(
                        "firing of session {} still not written: {e}",
                        u.deadline.session_id
                    );
                    break;
                }
                Err(e) => {
                    tracing::error!(
                        "firing {} of session {} cannot be written, dropped: {e}",
                        u.temp_id,
                        u.deadline.session_id
                    );
                    self.inner().unsaved.retain(|w| w.temp_id != u.temp_id);
                }
            }
        }
        count
    }
}
