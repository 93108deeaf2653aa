//! A recovery session as stored, and where it stands at a given instant. Everything here is
//! derived from stored times, so the answer is the same after the app is closed and reopened.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::{Deadline, DeadlineKind, Protocol};

/// Where a session stands against its minimum observation period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecoveryState {
    /// The minimum period is still running.
    Recovering,
    /// The minimum period has elapsed (the patient is not necessarily ready to leave).
    MinimumReached,
}

/// A stored recovery session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoverySession {
    pub id: i64,
    pub patient_name: String,
    pub bay: String,
    pub protocol: Protocol,
    pub minimum_minutes: u32,
    /// The clinical time the clock started (infusion end, first spray, injection).
    pub clock_started_at: DateTime<Utc>,
    /// When the admission was recorded by the app.
    pub recorded_at: DateTime<Utc>,
    /// Who recorded the admission ("Ana Ruiz, RN"); `None` for sessions recorded before
    /// accounts existed.
    pub admitted_by: Option<String>,
}

impl RecoverySession {
    /// The instant the minimum observation period ends.
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.clock_started_at + Duration::minutes(i64::from(self.minimum_minutes))
    }

    /// The instants at which the nurse must be told something about this session.
    pub fn deadlines(&self) -> Vec<Deadline> {
        vec![Deadline {
            session_id: self.id,
            kind: DeadlineKind::MinimumReached,
            key: String::new(),
            due_at: self.ends_at(),
            detail: String::new(),
        }]
    }

    /// The state at `now`; the minimum is reached at `ends_at` exactly.
    pub fn state(&self, now: DateTime<Utc>) -> RecoveryState {
        if now >= self.ends_at() {
            RecoveryState::MinimumReached
        } else {
            RecoveryState::Recovering
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn session() -> RecoverySession {
        let start = Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).single().expect("valid");
        RecoverySession {
            id: 1,
            patient_name: "Testy McTestface".into(),
            bay: "1".into(),
            protocol: Protocol::IvKetamine,
            minimum_minutes: 60,
            clock_started_at: start,
            recorded_at: start,
            admitted_by: None,
        }
    }

    #[test]
    fn minimum_is_reached_exactly_at_the_end() {
        let s = session();
        let end = s.ends_at();
        assert_eq!(end - s.clock_started_at, Duration::minutes(60));
        assert_eq!(s.state(end - Duration::milliseconds(1)), RecoveryState::Recovering);
        assert_eq!(s.state(end), RecoveryState::MinimumReached);
        assert_eq!(s.state(end + Duration::hours(5)), RecoveryState::MinimumReached);
    }
}
