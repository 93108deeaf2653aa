//! The recovery board: one row per patient in recovery, in the order a nurse should look at
//! them: an unacknowledged alert first, then minimum reached, then the soonest to reach it.
//! Rows carry instants, not countdowns: the UI ticks the countdown from `endsAt`.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

use crate::alert::initials;
use crate::checks::{CheckStatus, PlannedCheck};
use crate::discharge::{DischargeGates, EscortStatus, Readiness, SessionPhase};
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
    /// An alert about this session fired and nobody has acknowledged it yet.
    pub alert_active: bool,
    /// Who admitted the patient; `None` on a locked board or for records from before accounts.
    pub admitted_by: Option<String>,
    /// The earliest planned check not yet done (with its status: upcoming, due, overdue).
    pub next_check: Option<PlannedCheck>,
    /// Why the patient is not ready, from the checks (empty on a locked board).
    pub not_ready: Vec<String>,
    /// The Modified PADSS total and whether all five items are assessed.
    pub padss_total: Option<u8>,
    pub padss_complete: bool,
    /// Ready, ready but for the escort, or not ready (`None` on a locked board).
    pub readiness: Option<Readiness>,
    /// Every failed discharge gate, "<label>: <detail>" (empty on a locked board).
    pub missing: Vec<String>,
    /// Observing or cleared (patients who left are not on the board).
    pub phase: SessionPhase,
    pub escort_status: Option<EscortStatus>,
    pub cleared_at: Option<DateTime<Utc>>,
}

/// What the board shows of one session's discharge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardDischarge {
    pub gates: DischargeGates,
    pub phase: SessionPhase,
    pub escort_status: Option<EscortStatus>,
    pub cleared_at: Option<DateTime<Utc>>,
}

/// Every patient in recovery at `generated_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryBoard {
    pub generated_at: DateTime<Utc>,
    /// The workstation is locked (or nobody is signed in): names are initials, and the UI
    /// shows only bay, initials and countdown.
    pub locked: bool,
    pub rows: Vec<BoardRow>,
}

impl RecoveryBoard {
    /// Builds the board at `now`. Order: sessions with an unacknowledged alert (ids in
    /// `alerted`), then minimum reached, then recovering; within each, the period ending soonest
    /// (or ended longest ago) first, ties broken by bay then id so the order is stable.
    /// `checks` holds each session's [`CheckStatus`] by session id (a session without one
    /// shows no check information).
    pub fn build(
        sessions: &[RecoverySession],
        alerted: &HashSet<i64>,
        checks: &HashMap<i64, CheckStatus>,
        now: DateTime<Utc>,
    ) -> Self {
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
                alert_active: alerted.contains(&s.id),
                admitted_by: s.admitted_by.clone(),
                next_check: checks.get(&s.id).and_then(|c| c.next_check.clone()),
                not_ready: checks.get(&s.id).map(|c| c.not_ready.clone()).unwrap_or_default(),
                padss_total: checks.get(&s.id).map(|c| c.padss.total),
                padss_complete: checks.get(&s.id).is_some_and(|c| c.padss.complete),
                readiness: None,
                missing: Vec::new(),
                phase: SessionPhase::Observing,
                escort_status: None,
                cleared_at: None,
            })
            .collect();
        let rank = |r: &BoardRow| match (r.alert_active, r.state) {
            (true, _) => 0,
            (false, RecoveryState::MinimumReached) => 1,
            (false, RecoveryState::Recovering) => 2,
        };
        rows.sort_by(|a, b| {
            (rank(a), a.ends_at, &a.bay, a.session_id).cmp(&(
                rank(b),
                b.ends_at,
                &b.bay,
                b.session_id,
            ))
        });
        Self { generated_at: now, locked: false, rows }
    }

    /// Adds each session's discharge standing (by session id) to its row.
    pub fn with_discharge(mut self, discharge: &HashMap<i64, BoardDischarge>) -> Self {
        for row in &mut self.rows {
            if let Some(d) = discharge.get(&row.session_id) {
                row.readiness = Some(d.gates.readiness);
                row.missing = d.gates.missing.clone();
                row.phase = d.phase;
                row.escort_status = d.escort_status;
                row.cleared_at = d.cleared_at;
            }
        }
        self
    }

    /// The board for a locked workstation: initials instead of names, nothing about who
    /// admitted whom.
    pub fn redacted(mut self) -> Self {
        self.locked = true;
        for row in &mut self.rows {
            row.patient_name = initials(&row.patient_name);
            row.admitted_by = None;
            row.next_check = None;
            row.not_ready.clear();
            row.padss_total = None;
            row.padss_complete = false;
            row.readiness = None;
            row.missing.clear();
            row.escort_status = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn session(id: i64, bay: &str, minutes_ago: i64, minimum: u32) -> RecoverySession {
        let now = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        RecoverySession {
            id,
            patient_name: format!("Test Patient {id}"),
            bay: bay.into(),
            protocol: Protocol::IvKetamine,
            minimum_minutes: minimum,
            clock_started_at: now - Duration::minutes(minutes_ago),
            recorded_at: now,
            admitted_by: None,
        }
    }

    #[test]
    fn soonest_end_first_and_states_derived() {
        let now = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        let board = RecoveryBoard::build(
            &[session(1, "A", 10, 60), session(2, "B", 70, 60), session(3, "C", 50, 60)],
            &HashSet::new(),
            &HashMap::new(),
            now,
        );
        let ids: Vec<i64> = board.rows.iter().map(|r| r.session_id).collect();
        assert_eq!(ids, [2, 3, 1]);
        assert_eq!(board.rows[0].state, RecoveryState::MinimumReached);
        assert_eq!(board.rows[1].state, RecoveryState::Recovering);
    }

    #[test]
    fn ties_are_broken_by_bay() {
        let now = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        let board = RecoveryBoard::build(
            &[session(1, "B", 10, 60), session(2, "A", 10, 60)],
            &HashSet::new(),
            &HashMap::new(),
            now,
        );
        assert_eq!(board.rows[0].bay, "A");
    }

    #[test]
    fn unacknowledged_alerts_come_first_then_minimum_reached() {
        let now = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        let sessions = [
            session(1, "A", 65, 60), // reached, acknowledged
            session(2, "B", 30, 60), // recovering
            session(3, "C", 61, 60), // reached, alert open
            session(4, "D", 90, 60), // reached longest ago, acknowledged
        ];
        let board = RecoveryBoard::build(&sessions, &HashSet::from([3]), &HashMap::new(), now);
        let ids: Vec<i64> = board.rows.iter().map(|r| r.session_id).collect();
        assert_eq!(ids, [3, 4, 1, 2]);
        assert!(board.rows[0].alert_active && !board.rows[1].alert_active);
    }

    #[test]
    fn a_redacted_board_has_initials_only() {
        let now = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid");
        let mut s = session(1, "A", 10, 60);
        s.admitted_by = Some("Test Nurse, RN".into());
        let board = RecoveryBoard::build(&[s], &HashSet::new(), &HashMap::new(), now).redacted();
        assert!(board.locked);
        assert_eq!(board.rows[0].patient_name, "T.P.1.");
        assert_eq!(board.rows[0].admitted_by, None);
    }
}
