//! Detecting wall-clock jumps: between two sweeps the wall clock should advance by what the
//! monotonic clock advanced. A larger difference is a jump (an NTP correction, a manual change,
//! a resume from suspend, where the monotonic clock may stand still). Deadlines are UTC
//! instants, so a jump never loses or doubles an alert; it is recorded so the record explains
//! itself.

use chrono::{DateTime, Duration, Utc};

/// The smallest disagreement counted as a jump.
pub const JUMP_THRESHOLD: Duration = Duration::seconds(5);

/// Remembers the last reading of both clocks.
#[derive(Debug, Clone, Copy)]
pub struct ClockJumpDetector {
    last_wall: DateTime<Utc>,
    last_monotonic: std::time::Duration,
}

impl ClockJumpDetector {
    /// Starts from a reading of the wall clock and the monotonic clock (time since any fixed
    /// origin).
    pub fn new(wall: DateTime<Utc>, monotonic: std::time::Duration) -> Self {
        Self { last_wall: wall, last_monotonic: monotonic }
    }

    /// Takes a new reading; returns how far the wall clock moved beyond (positive) or short of
    /// (negative) the monotonic clock, when that exceeds [`JUMP_THRESHOLD`].
    pub fn observe(
        &mut self,
        wall: DateTime<Utc>,
        monotonic: std::time::Duration,
    ) -> Option<Duration> {
        let wall_step = wall - self.last_wall;
        let mono_step = Duration::from_std(monotonic.saturating_sub(self.last_monotonic))
            .unwrap_or(Duration::MAX);
        self.last_wall = wall;
        self.last_monotonic = monotonic;
        let jump = wall_step - mono_step;
        (jump.abs() >= JUMP_THRESHOLD).then_some(jump)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::time::Duration as Std;

    #[test]
    fn steady_clocks_are_no_jump_and_jumps_are_signed() {
        let t0 = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        let mut d = ClockJumpDetector::new(t0, Std::from_secs(100));
        assert_eq!(d.observe(t0 + Duration::seconds(2), Std::from_secs(102)), None);
        assert_eq!(d.observe(t0 + Duration::seconds(6), Std::from_secs(105)), None, "1 s drift");
        let fwd = d.observe(t0 + Duration::hours(1) + Duration::seconds(8), Std::from_secs(107));
        assert_eq!(fwd, Some(Duration::hours(1)));
        let back = d.observe(t0 + Duration::seconds(10), Std::from_secs(109));
        assert_eq!(back, Some(-Duration::hours(1)));
    }
}
