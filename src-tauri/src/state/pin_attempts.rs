//! One lock per account for PIN attempts: held from reading the account's run of wrong PINs,
//! through the PIN check, to recording the failure (or the sign-in). Parallel attempts at one
//! account therefore meet the same waits as attempts made one after another. Behind the lock,
//! the account's run of wrong PINs as counted in memory: the stored `sign_in_failed` entries
//! cannot grow while storage refuses writes, this count does, so the waits still come.

use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// The per-account locks, made on first use and kept (one small entry per account).
#[derive(Debug, Default)]
pub struct PinAttempts(Mutex<HashMap<i64, Arc<Mutex<Failures>>>>);

/// Wrong PINs at one account since its last right one, counted in memory (since Vigil
/// started), whether or not storage took their entries.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: u32,
    pub last: Option<DateTime<Utc>>,
}

impl Failures {
    /// Counts one more wrong PIN at `now`.
    pub fn add(&mut self, now: DateTime<Utc>) {
        self.count = self.count.saturating_add(1);
        self.last = Some(self.last.map_or(now, |last| last.max(now)));
    }

    /// The longer of this run and the stored one (`count`, `last`): the higher count and the
    /// later failure.
    pub fn worst_with(
        self,
        count: u32,
        last: Option<DateTime<Utc>>,
    ) -> (u32, Option<DateTime<Utc>>) {
        (self.count.max(count), self.last.max(last))
    }
}

/// Held while one attempt at one account runs.
#[derive(Debug)]
pub struct Attempt(Arc<Mutex<Failures>>);

impl PinAttempts {
    /// The lock of `nurse_id`'s attempts; run `hold` on it for the length of one attempt.
    pub fn account(&self, nurse_id: i64) -> Attempt {
        let mut locks = self.0.lock().unwrap_or_else(|e| e.into_inner());
        Attempt(locks.entry(nurse_id).or_default().clone())
    }

    /// Forgets `nurse_id`'s run of wrong PINs (a new PIN was set for the account).
    pub fn reset(&self, nurse_id: i64) {
        *self.account(nurse_id).hold() = Failures::default();
    }
}

impl Attempt {
    /// Waits for any other attempt at this account to finish; the guard ends this one and
    /// holds the account's run of wrong PINs.
    pub fn hold(&self) -> MutexGuard<'_, Failures> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}
