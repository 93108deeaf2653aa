//! The readiness history part of the session's property (issue 11, feature 10): after every
//! step, rows are never changed (each session's history only grows, earlier rows identical),
//! consecutive rows differ, only a sweep writes rows and only for sessions the board shows as
//! observed, and after a sweep each observed session's history ends with what the board says.

use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use vigil_core::discharge::SessionPhase;
use vigil_store::readiness::ReadinessRow;

use crate::commands::sessions;
use crate::state::AppState;

/// Each session's history as last seen.
#[derive(Debug, Default)]
pub struct Seen {
    histories: BTreeMap<i64, Vec<ReadinessRow>>,
}

fn all_histories(state: &AppState) -> BTreeMap<i64, Vec<ReadinessRow>> {
    state
        .store
        .with_conn(|c| {
            let ids: Vec<i64> = {
                let mut s = c.prepare("SELECT id FROM recovery_sessions ORDER BY id")?;
                let ids = s.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
                ids
            };
            ids.into_iter().map(|id| Ok((id, vigil_store::readiness::history(c, id)?))).collect()
        })
        .expect("histories")
}

impl Seen {
    /// Checks the history after one step; `swept`: the step ran the scheduler.
    pub fn after_step(&mut self, state: &AppState, swept: bool) -> Result<(), TestCaseError> {
        let now = all_histories(state);
        let board = sessions::board(state).expect("board");
        let observed: BTreeMap<i64, _> = board
            .rows
            .iter()
            .filter(|r| r.phase == SessionPhase::Observing)
            .map(|r| (r.session_id, r))
            .collect();
        let mut grew = BTreeSet::new();
        for (id, rows) in &now {
            let before = self.histories.get(id).map_or(&[][..], Vec::as_slice);
            prop_assert!(rows.len() >= before.len(), "session {} lost rows", id);
            prop_assert_eq!(&rows[..before.len()], before, "session {} rows changed", id);
            if rows.len() > before.len() {
                grew.insert(*id);
            }
            for pair in rows.windows(2) {
                prop_assert!(pair[1].mark.differs_from(&pair[0].mark), "{:?}", pair);
            }
        }
        if !swept {
            prop_assert!(grew.is_empty(), "a command wrote readiness rows: {:?}", grew);
        } else {
            let watched: BTreeSet<i64> = observed.keys().copied().collect();
            prop_assert!(grew.is_subset(&watched), "rows for {:?}, observed {:?}", grew, watched);
            for (id, row) in &observed {
                let last = now.get(id).and_then(|rows| rows.last());
                prop_assert!(last.is_some(), "observed session {} has no readiness row", id);
                let mark = &last.expect("checked").mark;
                prop_assert_eq!(Some(mark.readiness), row.readiness, "session {}", id);
                let labels: Vec<&str> = mark.failing.iter().map(|g| g.key.label()).collect();
                let shown: Vec<&str> =
                    row.missing.iter().map(|m| m.split(": ").next().unwrap_or("")).collect();
                prop_assert_eq!(labels, shown, "session {}", id);
            }
        }
        self.histories = now;
        Ok(())
    }
}
