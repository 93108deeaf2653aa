//! The recovery board: one row per patient in recovery, in the order a nurse should look at
//! them. Rows carry instants, not countdowns: the UI ticks the countdown from `endsAt`.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::{Protocol, RecoverySession, RecoveryState};

/// One patient on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardRow {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: String,
    pub patient_name: String,
    pub protocol: Protocol,
    pub minimum_minutes: u32,
    pub clock_started_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub state: RecoveryState,
}

/// Every patient in recovery at `generated_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryBoard {
    pub generated_at: DateTime<Utc>,
    pub rows: Vec<BoardRow>,
}

impl RecoveryBoard {
    /// Builds the board at `now`: the period ending soonest (or ended longest ago) first,
    /// ties broken by bay then id so the order is stable.
    pub fn build(sessions: &[RecoverySession], now: DateTime<Utc>) -> Self {
        let mut rows: Vec<BoardRow> = sessions
            .iter()
            .map(|s| BoardRow {
                session_id: s.id,
                bay: s.bay.clone(),
                patient_name: s.patient_name.clone(),
                protocol: s.protocol,
                minimum_minutes: s.minimum_minutes,
                clock_started_at: s.clock_started_at,
                ends_at: s.ends_at(),
                state: s.state(now),
            })
            .collect();
        rows.sort_by(|a, b| {
            (a.ends_at, &a.bay, a.session_id).cmp(&(b.ends_at, &b.bay, b.session_id))
        });
        Self {
            generated_at: now,
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn session(id: i64, bay: &str, minutes_ago: i64, minimum: u32) -> RecoverySession {
        let now = Utc
            .with_ymd_and_hms(2026, 7, 1, 12, 0, 0)
            .single()
            .expect("valid");
        RecoverySession {
            id,
            patient_name: format!("Test Patient {id}"),
            bay: bay.into(),
            protocol: Protocol::IvKetamine,
            minimum_minutes: minimum,
            clock_started_at: now - Duration::minutes(minutes_ago),
            recorded_at: now,
        }
    }

    #[test]
    fn soonest_end_first_and_states_derived() {
        let now = Utc
            .with_ymd_and_hms(2026, 7, 1, 12, 0, 0)
            .single()
            .expect("valid");
        let board = RecoveryBoard::build(
            &[
                session(1, "A", 10, 60),
                session(2, "B", 70, 60),
                session(3, "C", 50, 60),
            ],
            now,
        );
        let ids: Vec<i64> = board.rows.iter().map(|r| r.session_id).collect();
        assert_eq!(ids, [2, 3, 1]);
        assert_eq!(board.rows[0].state, RecoveryState::MinimumReached);
        assert_eq!(board.rows[1].state, RecoveryState::Recovering);
    }

    #[test]
    fn ties_are_broken_by_bay() {
        let now = Utc
            .with_ymd_and_hms(2026, 7, 1, 12, 0, 0)
            .single()
            .expect("valid");
        let board = RecoveryBoard::build(&[session(1, "B", 10, 60), session(2, "A", 10, 60)], now);
        assert_eq!(board.rows[0].bay, "A");
    }
}
