//! The wait a run of wrong PINs imposes on the next attempt for that account: a few are free,
//! then each doubles the wait up to a cap.

use chrono::{DateTime, Duration, Utc};

use crate::{ErrorCode, VigilError};

/// Wrong PINs in a row that cost nothing; each further one doubles the wait.
pub const FREE_FAILURES: u32 = 3;
/// The wait after the first wrong PIN beyond the free ones.
pub const FIRST_WAIT_SECONDS: i64 = 30;
/// The longest wait a run of wrong PINs can cause.
pub const MAX_WAIT_SECONDS: i64 = 15 * 60;

/// How long a new attempt must wait after `failures` wrong PINs in a row, the last at
/// `last_failure`; `None` when it may go ahead at `now`.
pub fn sign_in_wait(
    failures: u32,
    last_failure: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Duration> {
    let last = last_failure?;
    if failures < FREE_FAILURES {
        return None;
    }
    let doublings = (failures - FREE_FAILURES).min(10);
    let wait = (FIRST_WAIT_SECONDS << doublings).min(MAX_WAIT_SECONDS);
    let remaining = last + Duration::seconds(wait) - now;
    (remaining > Duration::zero()).then_some(remaining)
}

/// The error for an attempt made during a wait.
pub fn wait_error(remaining: Duration) -> VigilError {
    let seconds = remaining.num_seconds() + i64::from(remaining.subsec_nanos() > 0);
    VigilError::new(
        ErrorCode::Forbidden,
        format!("Too many wrong PINs for this account. Try again in {seconds} s."),
    )
}
