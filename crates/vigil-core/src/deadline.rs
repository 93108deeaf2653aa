//! Deadlines and when to wake for them. A deadline is an instant at which the nurse must be
//! told something (a recovery minimum reached, later a check due). The scheduler in the shell
//! asks [`due`] which deadlines have passed and not yet fired, and [`next_wake`] how long it may
//! sleep: never longer than [`MAX_SLEEP`], because sleeping timers do not advance while the
//! machine is suspended and the wall clock can jump.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::time::Duration;
use ts_rs::TS;

/// The longest the scheduler sleeps between sweeps.
pub const MAX_SLEEP: Duration = Duration::from_secs(2);

/// What a deadline announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The minimum observation period of a session has elapsed.
    MinimumReached,
    /// A planned check was not entered by its grace time.
    CheckOverdue,
    /// A check's values crossed a clinical threshold (raised when the check is saved).
    Clinical,
    /// Everything but the escort is green and the escort has not arrived some minutes after
    /// the minimum (the discharge policy's `escort_late_minutes`).
    EscortLate,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 4] =
        [Self::MinimumReached, Self::CheckOverdue, Self::Clinical, Self::EscortLate];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MinimumReached => "minimum_reached",
            Self::CheckOverdue => "check_overdue",
            Self::Clinical => "clinical",
            Self::EscortLate => "escort_late",
        }
    }

    /// Parses a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// One deadline of one session; `(session_id, kind, key)` identifies it and fires at most
/// once. `key` is empty for the minimum, the planned check's key for an overdue check.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Deadline {
    pub session_id: i64,
    pub kind: DeadlineKind,
    pub key: String,
    pub due_at: DateTime<Utc>,
    /// What the nurse is told beside the kind (e.g. "Vitals at +15 min"); no patient data.
    pub detail: String,
}

/// The unfired deadlines that are due at `now`, earliest first (ties by session id), so
/// alerts are raised in the order their deadlines passed.
pub fn due(unfired: &[Deadline], now: DateTime<Utc>) -> Vec<Deadline> {
    let mut due: Vec<Deadline> = unfired.iter().filter(|d| d.due_at <= now).cloned().collect();
    due.sort_by(|a, b| {
        (a.due_at, a.session_id, a.kind, &a.key).cmp(&(b.due_at, b.session_id, b.kind, &b.key))
    });
    due
}

/// How long to sleep before the next sweep: until the earliest future deadline, at most
/// [`MAX_SLEEP`], and zero when one is already due.
pub fn next_wake(unfired: &[Deadline], now: DateTime<Utc>) -> Duration {
    unfired
        .iter()
        .map(|d| (d.due_at - now).to_std().unwrap_or(Duration::ZERO))
        .min()
        .map_or(MAX_SLEEP, |until| until.min(MAX_SLEEP))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration as Span, TimeZone};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid")
    }

    fn deadline(session_id: i64, seconds_from_t0: i64) -> Deadline {
        Deadline {
            session_id,
            kind: DeadlineKind::MinimumReached,
            key: String::new(),
            due_at: t0() + Span::seconds(seconds_from_t0),
            detail: String::new(),
        }
    }

    #[test]
    fn due_is_inclusive_and_ordered() {
        let all = [deadline(3, 0), deadline(1, -5), deadline(2, 1), deadline(4, -5)];
        let ids: Vec<i64> = due(&all, t0()).iter().map(|d| d.session_id).collect();
        assert_eq!(ids, [1, 4, 3]);
    }

    #[test]
    fn wake_is_capped_and_zero_when_due() {
        assert_eq!(next_wake(&[], t0()), MAX_SLEEP);
        assert_eq!(next_wake(&[deadline(1, 3600)], t0()), MAX_SLEEP);
        assert_eq!(next_wake(&[deadline(1, 1)], t0()), Duration::from_secs(1));
        assert_eq!(next_wake(&[deadline(1, 1), deadline(2, -1)], t0()), Duration::ZERO);
    }

    #[test]
    fn kind_names_round_trip() {
        let k = DeadlineKind::MinimumReached;
        assert_eq!(DeadlineKind::parse(k.as_str()), Some(k));
        assert_eq!(DeadlineKind::parse("other"), None);
    }
}
