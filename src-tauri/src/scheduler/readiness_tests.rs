//! Readiness history as the scheduler records it: through the real commands, a real database
//! file and a fake clock, sweeping as the app's loop does.

use super::*;
use chrono::{Duration as Span, Utc};
use vigil_core::discharge::{GateKey, Readiness};
use vigil_core::{Clock, DeadlineKind, FixedClock};
use vigil_store::readiness::ReadinessRow;

use crate::commands::{checks, discharge, sessions};
use crate::discharge_inputs::*;
use crate::state::AppState;
use crate::test_support::{admin_state_at_t0, t0};

struct Ward {
    _dir: tempfile::TempDir,
    state: AppState,
    clock: Arc<FixedClock>,
    scheduler: Scheduler,
}

impl Ward {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let (state, clock) = admin_state_at_t0(dir.path());
        let scheduler = Scheduler::new(state.store.clone(), clock.clone());
        Self { _dir: dir, state, clock, scheduler }
    }

    /// Admits an IV patient (60 min) at the clock's now, with a pre-dose baseline.
    fn admit(&self) -> i64 {
        let id = sessions::admit(&self.state, &admit_input(&self.clock), &Utc).expect("admit");
        checks::record(&self.state, &baseline(id, &self.clock), &Utc).expect("baseline");
        id
    }

    fn good_check(&self, id: i64) {
        checks::record(&self.state, &recovery_check(id, true), &Utc).expect("check");
    }

    fn escort(&self, id: i64, kind: EscortKind) {
        discharge::escort(&self.state, &escort_input(id, kind), &Utc).expect("escort");
    }

    /// Lets `seconds` pass, then sweeps; returns what fired.
    fn sweep_after(&mut self, seconds: i64) -> Vec<Fired> {
        self.clock.advance(Span::seconds(seconds));
        let monotonic = (self.clock.now() - t0()).to_std().expect("forward");
        self.scheduler.sweep(monotonic).expect("sweep").fired
    }

    fn history(&self, id: i64) -> Vec<ReadinessRow> {
        self.state.store.with_conn(|c| readiness::history(c, id)).expect("history")
    }

    fn board_readiness(&self, id: i64) -> Option<Readiness> {
        let board = sessions::board(&self.state).expect("board");
        board.rows.into_iter().find(|r| r.session_id == id).and_then(|r| r.readiness)
    }

    fn readiness_entries(&self) -> i64 {
        let sql = "SELECT count(*) FROM audit_events WHERE action = 'readiness_changed'";
        self.state.store.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).expect("count")
    }
}

fn seen(rows: &[ReadinessRow]) -> Vec<(Readiness, Vec<GateKey>)> {
    rows.iter().map(|r| (r.mark.readiness, r.mark.failing_keys())).collect()
}

#[test]
fn an_admission_gets_a_not_ready_row_at_the_first_sweep() {
    let mut ward = Ward::new();
    let id = ward.admit();
    assert!(ward.history(id).is_empty(), "nothing is recorded by the commands themselves");
    ward.sweep_after(1);
    let rows = ward.history(id);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].mark.readiness, Readiness::NotReady);
    assert_eq!(rows[0].mark.failing_keys()[..2], [GateKey::Minimum, GateKey::Escort]);
    assert_eq!(rows[0].changed_at, ward.clock.now());
    assert_eq!(ward.readiness_entries(), 1);
}

#[test]
fn good_checks_an_escort_and_the_minimum_make_a_ready_row_at_the_next_sweep() {
    let mut ward = Ward::new();
    let id = ward.admit();
    ward.good_check(id);
    ward.sweep_after(0);
    let start = ward.clock.now();
    // An hour of sweeps every 30 s, with the planned checks done on time and the escort
    // arriving at 40 min.
    for step in 1..=120 {
        let minute = step / 2;
        if step % 2 == 0 && minute % 15 == 0 {
            ward.good_check(id);
        }
        if step == 80 {
            ward.escort(id, EscortKind::ArrivedIdentified);
        }
        ward.sweep_after(30);
    }
    assert_eq!(ward.clock.now() - start, Span::minutes(60));
    assert_eq!(ward.board_readiness(id), Some(Readiness::Ready));
    let rows = ward.history(id);
    let expected = vec![
        (Readiness::NotReady, vec![GateKey::Minimum, GateKey::Escort]),
        (Readiness::NotReady, vec![GateKey::Minimum]),
        (Readiness::Ready, vec![]),
    ];
    assert_eq!(seen(&rows), expected);
    assert_eq!(rows[1].changed_at, start + Span::minutes(40), "the sweep after the escort");
    assert_eq!(rows[2].changed_at, start + Span::minutes(60), "the sweep at the minimum");
}

#[test]
fn many_sweeps_write_no_duplicate_rows() {
    let mut ward = Ward::new();
    let first = ward.admit();
    let second = ward.admit();
    ward.escort(second, EscortKind::Expected);
    for _ in 0..300 {
        ward.sweep_after(2); // ten minutes at the loop's longest sleep
    }
    for id in [first, second] {
        let rows = ward.history(id);
        assert_eq!(rows.len(), 1, "{:?}", seen(&rows));
        assert_eq!(Some(rows[0].mark.readiness), ward.board_readiness(id));
    }
    assert_eq!(ward.readiness_entries(), 2);
}

#[test]
fn a_patient_who_left_or_was_cleared_gets_no_more_rows() {
    let mut ward = Ward::new();
    let leaving = ward.admit();
    let cleared = ward.admit();
    let staying = ward.admit();
    for id in [cleared, staying] {
        ward.good_check(id);
        ward.escort(id, EscortKind::ArrivedIdentified);
    }
    ward.sweep_after(0);
    let input = against_advice_input(leaving);
    discharge::against_advice(&ward.state, &input, &Utc).expect("left");
    ward.sweep_after(60 * 60);
    for id in [cleared, staying] {
        ward.good_check(id); // the end-of-minimum check
    }
    ward.sweep_after(1);
    let pin = crate::test_support::ADMIN_PIN;
    let no_overrides = std::collections::BTreeSet::new();
    discharge::clear(&ward.state, &discharge_input(cleared, &no_overrides, pin)).expect("clear");
    let before = (ward.history(leaving), ward.history(cleared));
    let bad = recovery_check(cleared, false); // the picture changes, but nobody watches it now
    checks::record(&ward.state, &bad, &Utc).expect("a check after clearance");
    let refused = checks::record(&ward.state, &recovery_check(leaving, true), &Utc);
    assert!(refused.is_err(), "the patient who left takes no check");
    for _ in 0..5 {
        ward.sweep_after(15 * 60);
    }
    assert_eq!((ward.history(leaving), ward.history(cleared)), before);
    assert_eq!(before.0.len(), 1, "left before the minimum: one row");
    assert_eq!(seen(&before.1).last().map(|s| s.0), Some(Readiness::Ready));
    let rows = ward.history(staying);
    assert!(rows.len() > 2, "the one still observed goes on being recorded");
    assert_eq!(rows.last().map(|r| r.mark.readiness), ward.board_readiness(staying));
}

#[test]
fn a_failure_to_record_readiness_never_stops_an_alert() {
    let mut ward = Ward::new();
    let id = ward.admit();
    ward.state
        .store
        .with_tx(|tx| Ok(tx.execute_batch("DROP TABLE readiness_changes")?))
        .expect("sabotage");
    let fired = ward.sweep_after(60 * 60);
    let minimum: Vec<_> =
        fired.iter().filter(|f| f.deadline.kind == DeadlineKind::MinimumReached).collect();
    assert_eq!(minimum.len(), 1, "the alert fired although readiness could not be recorded");
    assert_eq!(minimum[0].deadline.session_id, id);
    assert_eq!(ward.readiness_entries(), 0);
}

#[test]
fn readiness_rows_are_dated_when_recorded_not_at_the_sweeps_start() {
    let mut ward = Ward::new();
    let id = ward.admit();
    ward.clock.advance(Span::seconds(30));
    let monotonic = (ward.clock.now() - t0()).to_std().expect("forward");
    let sweep = ward.scheduler.sweep_alerts(monotonic).expect("sweep");
    // A check committed after the sweep read its deadlines, before readiness is recorded.
    ward.clock.advance(Span::seconds(2));
    ward.good_check(id);
    assert!(ward.scheduler.record_readiness() > 0);
    let rows = ward.history(id);
    let last = rows.last().expect("a row");
    assert_eq!(last.changed_at, ward.clock.now(), "the time it was recorded");
    assert!(last.changed_at > sweep.at, "not the sweep's earlier time");
}
