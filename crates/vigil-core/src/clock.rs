//! The clock abstraction. Rules take `now` as an argument; the shell owns the one real clock,
//! and tests use [`FixedClock`]. [`Monotonic`] is the clock idle time is measured on (the
//! shell's never goes back; tests use [`FixedMonotonic`]).

use chrono::{DateTime, Duration, Utc};
use std::sync::Mutex;

/// A source of the current instant.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// A clock that only moves when told to; for tests.
#[derive(Debug)]
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    /// Moves the clock by `by` (may be negative, like a wall-clock correction).
    pub fn advance(&self, by: Duration) {
        let mut at = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *at += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A clock that never goes back: the time since a fixed origin (the shell's is an `Instant`
/// taken at start). Idle time is measured on it, so a wall-clock correction changes nothing.
pub trait Monotonic: Send + Sync {
    fn elapsed(&self) -> std::time::Duration;
}

/// A monotonic clock that only moves when told to; for tests.
#[derive(Debug, Default)]
pub struct FixedMonotonic(Mutex<std::time::Duration>);

impl FixedMonotonic {
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves the reading forward by `by` (a monotonic clock cannot go back).
    pub fn advance(&self, by: std::time::Duration) {
        let mut at = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *at += by;
    }
}

impl Monotonic for FixedMonotonic {
    fn elapsed(&self) -> std::time::Duration {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}
