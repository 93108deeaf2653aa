//! When the patient would have been ready without the minimum period: the live checks are
//! replayed in clinical-time order and the check-based soft gates evaluated at each check's
//! instant with only what was known by then. The critical-alert and planned-checks gates are
//! left out (alerts and the schedule are not replayed). Feeds the REMS form's "if there were no 2-hour minimum" answer.

use chrono::{DateTime, Utc};

use super::soft::check_gates;
use crate::checks::{CheckPurpose, StoredCheck, ThresholdSettings};
use crate::discharge::DischargePolicy;
use crate::RecoverySession;

/// When every soft gate first passed, replaying the live observation checks in `observed_at`
/// order (soft gates evaluated with only the checks observed at or before each instant; the
/// critical-alert gate is left out of the replay). `None` if they never all passed.
pub fn soft_gates_first_passed_at(
    session: &RecoverySession,
    checks: &[StoredCheck],
    thresholds: &ThresholdSettings,
    policy: &DischargePolicy,
) -> Option<DateTime<Utc>> {
    let live: Vec<&StoredCheck> = checks.iter().filter(|c| c.is_live()).collect();
    let mut instants: Vec<DateTime<Utc>> = live
        .iter()
        .filter(|c| c.check.purpose == CheckPurpose::Observation)
        .map(|c| c.check.observed_at)
        .filter(|at| *at >= session.clock_started_at)
        .collect();
    instants.sort();
    instants.dedup();
    instants.into_iter().find(|at| {
        let known: Vec<&StoredCheck> =
            live.iter().copied().filter(|c| c.check.observed_at <= *at).collect();
        check_gates(&known, thresholds, policy).iter().all(|g| g.passed)
    })
}

/// For the REMS form: whole minutes (rounded up) from the clock start to the instant every
/// soft gate first passed; `None` if they never all passed.
pub fn ready_without_minimum_minutes(
    session: &RecoverySession,
    checks: &[StoredCheck],
    thresholds: &ThresholdSettings,
    policy: &DischargePolicy,
) -> Option<u32> {
    soft_gates_first_passed_at(session, checks, thresholds, policy)
        .map(|at| whole_minutes_up(session.clock_started_at, at))
}

/// Whole minutes from `from` to `to`, a started minute counting whole; 0 when `to` is not
/// after `from`.
pub(super) fn whole_minutes_up(from: DateTime<Utc>, to: DateTime<Utc>) -> u32 {
    let ms = (to - from).num_milliseconds();
    if ms <= 0 {
        return 0;
    }
    u32::try_from(ms.unsigned_abs().div_ceil(60_000)).unwrap_or(u32::MAX)
}
