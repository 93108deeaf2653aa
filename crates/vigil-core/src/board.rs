//! The recovery board: one row per patient in recovery, in the order a nurse should look at
//! them: an unacknowledged alert first, then the patient who needs the nurse next (see
//! [`next_action_at`]), ties by bay then session id. A patient with nothing pending (minimum
//! reached, every planned check done) has no next action, i.e. +infinity: they come after
//! everyone who has one, since nothing about them is due, and the nurse is told when something
//! is (an alert puts them on top again). Rows carry instants, not countdowns: the UI ticks the
//! countdown from `endsAt`.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

use crate::alert::initials;
use crate::checks::{CheckStatus, PlannedCheck, PlannedCheckStatus};
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
    /// The pre-dose blood pressure above the limit, with the prescriber's decision once
    /// recorded (`None` when none is needed, and on a locked board).
    pub predose: Option<crate::checks::PredoseStanding>,
    /// When the patient next needs the nurse (the board's order); `None` when nothing is
    /// pending.
    pub next_action_at: Option<DateTime<Utc>>,
    /// The Modified PADSS total and whether all five items are assessed.
    pub padss_total: Option<u8>,
    pub padss_complete: bool,
    /// Ready, ready but for the escort, or not ready (`None` on a locked board).
    pub readiness: Option<Readiness>,
    /// Every failed discharge gate, "<label>: <detail>": the one "not ready" list, the same
    /// the patient's record and the discharge dialog show (empty on a locked board).
    pub missing: Vec<String>,
    /// Observing or cleared (patients who left are not on the board).
    pub phase: SessionPhase,
    pub escort_status: Option<EscortStatus>,
    pub cleared_at: Option<DateTime<Utc>>,
    /// Some of this session's stored records cannot be read: why ("stored row checks#12 is
    /// invalid: data"; record ids, never names). What could not be read is missing from the
    /// row (checks, readiness...), so the nurse checks this patient by hand.
    pub unreadable: Option<String>,
}

/// A session on the board whose own record cannot be read: only its id, its bay when that
/// much can be read, and why. The other patients' rows are unaffected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnreadableSession {
    #[ts(type = "number")]
    pub session_id: i64,
    pub bay: Option<String>,
    pub reason: String,
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
    /// Sessions on the board whose own record cannot be read (shown first, with their bay).
    pub unreadable: Vec<UnreadableSession>,
}

impl RecoveryBoard {
    /// Builds the board at `now`. Order: sessions with an unacknowledged alert (ids in
    /// `alerted`) first, then by [`next_action_at`] (nothing pending last), ties broken by bay
    /// then id so the order is stable and does not depend on the input order. `checks` holds
    /// each session's [`CheckStatus`] by session id (a session without one shows no check
    /// information).
    pub fn build(
        sessions: &[RecoverySession],
        alerted: &HashSet<i64>,
        checks: &HashMap<i64, CheckStatus>,
        now: DateTime<Utc>,
    ) -> Self {
        let mut rows: Vec<BoardRow> = sessions
            .iter()
            .map(|s| {
                let status = checks.get(&s.id);
                BoardRow {
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
                    next_check: status.and_then(|c| c.next_check.clone()),
                    predose: status.and_then(|c| c.predose.clone()),
                    next_action_at: next_action_at(status, s.ends_at(), now),
                    padss_total: status.map(|c| c.padss.total),
                    padss_complete: status.is_some_and(|c| c.padss.complete),
                    readiness: None,
                    missing: Vec::new(),
                    phase: SessionPhase::Observing,
                    escort_status: None,
                    cleared_at: None,
                    unreadable: None,
                }
            })
            .collect();
        rows.sort_by(|a, b| board_order(a).cmp(&board_order(b)));
        Self { generated_at: now, locked: false, rows, unreadable: Vec::new() }
    }

    /// Marks each row whose session id is in `reasons` as partly unreadable (with why) and
    /// adds `lost`, the sessions whose own record cannot be read. Marked rows come right after
    /// the alerted ones: nothing computed about them can be trusted to be complete.
    pub fn with_unreadable(
        mut self,
        reasons: &HashMap<i64, String>,
        lost: Vec<UnreadableSession>,
    ) -> Self {
        for row in &mut self.rows {
            row.unreadable = reasons.get(&row.session_id).cloned();
        }
        self.rows.sort_by(|a, b| board_order(a).cmp(&board_order(b)));
        self.unreadable = lost;
        self
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
            row.predose = None;
            row.padss_total = None;
            row.padss_complete = false;
            row.readiness = None;
            row.missing.clear();
            row.escort_status = None;
        }
        self
    }
}

/// When the patient next needs the nurse: the earliest of the planned checks not yet done (an
/// overdue check's planned time, the next due check's) and the end of the minimum period
/// while it is still ahead of `now`. `None` when nothing is pending: +infinity in the order.
pub fn next_action_at(
    status: Option<&CheckStatus>,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let checks = status.into_iter().flat_map(|s| &s.schedule.items);
    let pending = checks.filter(|c| c.status != PlannedCheckStatus::Done).map(|c| c.planned_at);
    pending.chain((ends_at > now).then_some(ends_at)).min()
}

/// The sort key: alerted first, then partly unreadable, then the next action (none last),
/// then bay, then id.
fn board_order(r: &BoardRow) -> (bool, bool, bool, Option<DateTime<Utc>>, &str, i64) {
    let key = (!r.alert_active, r.unreadable.is_none(), r.next_action_at.is_none());
    (key.0, key.1, key.2, r.next_action_at, &r.bay, r.session_id)
}

#[cfg(test)]
mod tests;
