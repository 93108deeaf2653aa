//! The scheduler when storage fails (issue 12, item 2), on a real database file made to refuse
//! writes (`PRAGMA query_only`, which SQLite refuses as a read-only database, or a trigger that
//! refuses one firing): every alert is raised all the same, written exactly once when storage
//! returns, and a firing written but never raised (a crash between the two) is raised by the
//! next sweep.

use super::*;
use chrono::{Duration as Span, Utc};
use vigil_core::{DeadlineKind, FixedClock};

use crate::commands::{alerts as alert_commands, sessions as admissions};
use crate::discharge_inputs::admit_input;
use crate::state::AppState;
use crate::test_support::{admin_state_at_t0, t0};

struct Ward {
    dir: tempfile::TempDir,
    state: AppState,
    clock: Arc<FixedClock>,
}

impl Ward {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let (state, clock) = admin_state_at_t0(dir.path());
        Self { dir, state, clock }
    }

    /// An IV patient (60 min minimum, checks every 15 min) admitted at the clock's now.
    fn admit(&self) -> i64 {
        admissions::admit(&self.state, &admit_input(&self.clock), &Utc).expect("admit")
    }

    /// A scheduler sharing the app's ledger, as the app's is.
    fn scheduler(&self) -> Scheduler {
        Scheduler::new(self.state.store.clone(), self.clock.clone())
            .sharing(self.state.alert_ledger.clone())
    }

    /// Storage refuses every write (`true`) or takes them again (`false`).
    fn refuse_writes(&self, refuse: bool) {
        let sql = format!("PRAGMA query_only = {}", i32::from(refuse));
        self.state.store.with_conn(|c| Ok(c.execute_batch(&sql)?)).expect("pragma");
    }

    fn count(&self, sql: &str) -> i64 {
        self.state.store.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).expect("count")
    }

    fn firings(&self, kind: &str) -> i64 {
        self.count(&format!("SELECT count(*) FROM alert_firings WHERE kind = '{kind}'"))
    }

    /// Firings with no raising recorded.
    fn unmarked(&self) -> i64 {
        self.count(
            "SELECT count(*) FROM alert_firings f
             WHERE NOT EXISTS (SELECT 1 FROM alert_raisings g WHERE g.firing_id = f.id)",
        )
    }

    fn monotonic(&self) -> Duration {
        (self.clock.now() - t0()).to_std().expect("forward")
    }
}

fn of_kind(fired: &[Fired], kind: DeadlineKind) -> Vec<&Fired> {
    fired.iter().filter(|f| f.deadline.kind == kind).collect()
}

#[test]
fn a_firing_that_cannot_be_written_is_raised_and_written_once_when_storage_returns() {
    let ward = Ward::new();
    let session = ward.admit();
    let mut s = ward.scheduler();
    ward.refuse_writes(true);
    ward.clock.advance(Span::minutes(61));
    let sweep = s.sweep(ward.monotonic()).expect("a refused write never fails the sweep");
    let minimum = of_kind(&sweep.fired, DeadlineKind::MinimumReached);
    assert_eq!(minimum.len(), 1, "raised although it cannot be written: {:?}", sweep.fired);
    assert!(!minimum[0].is_saved() && minimum[0].deadline.session_id == session);
    assert_eq!(ward.firings("minimum_reached"), 0);
    let shown = alert_commands::active(&ward.state).expect("alerts");
    let unsaved = shown.iter().find(|a| a.kind == DeadlineKind::MinimumReached).expect("shown");
    assert_eq!(unsaved.not_saved.as_deref(), Some("the database is read-only"));
    assert_eq!(unsaved.bay, "Bay 1");

    ward.clock.advance(Span::seconds(2));
    let again = s.sweep(ward.monotonic()).expect("sweep");
    assert!(again.fired.is_empty(), "raised once: {:?}", again.fired);

    ward.refuse_writes(false);
    ward.clock.advance(Span::seconds(2));
    let back = s.sweep(ward.monotonic()).expect("sweep");
    assert!(back.fired.is_empty(), "written, not raised again: {:?}", back.fired);
    assert!(back.written_late >= 1);
    assert_eq!(ward.firings("minimum_reached"), 1, "written once");
    assert_eq!(ward.unmarked(), 0, "written with its raising");
    assert!(s.ledger().unsaved().is_empty());
    let shown = alert_commands::active(&ward.state).expect("alerts");
    assert!(shown.iter().all(|a| a.firing_id > 0 && a.not_saved.is_none()), "{shown:?}");
    assert_eq!(shown.iter().filter(|a| a.kind == DeadlineKind::MinimumReached).count(), 1);

    drop(s);
    let mut restarted = ward.scheduler();
    ward.clock.advance(Span::minutes(1));
    let after = restarted.sweep(ward.monotonic()).expect("sweep");
    assert!(of_kind(&after.fired, DeadlineKind::MinimumReached).is_empty(), "{:?}", after.fired);
    assert_eq!(ward.firings("minimum_reached"), 1);
}

#[test]
fn a_failure_on_the_second_firing_of_a_sweep_loses_neither() {
    let ward = Ward::new();
    ward.admit();
    let mut s = ward.scheduler();
    // Only the minimum's firing is refused; the overdue checks (due earlier) are written.
    ward.state
        .store
        .with_conn(|c| {
            Ok(c.execute_batch(
                "CREATE TEMP TRIGGER refuse_minimum BEFORE INSERT ON alert_firings
                 WHEN NEW.kind = 'minimum_reached'
                 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
            )?)
        })
        .expect("trigger");
    ward.clock.advance(Span::minutes(61));
    let sweep = s.sweep(ward.monotonic()).expect("sweep");
    let overdue = of_kind(&sweep.fired, DeadlineKind::CheckOverdue);
    assert_eq!(overdue.len(), 3, "+15, +30, +45: {:?}", sweep.fired);
    assert!(overdue.iter().all(|f| f.is_saved()), "written and raised");
    assert_eq!(of_kind(&sweep.fired, DeadlineKind::MinimumReached).len(), 1, "raised too");
    assert_eq!(ward.firings("check_overdue"), 3);
    assert_eq!(ward.unmarked(), 0);

    ward.state
        .store
        .with_conn(|c| Ok(c.execute_batch("DROP TRIGGER refuse_minimum")?))
        .expect("drop");
    ward.clock.advance(Span::seconds(2));
    let next = s.sweep(ward.monotonic()).expect("sweep");
    assert!(next.fired.is_empty(), "{:?}", next.fired);
    assert_eq!(ward.firings("minimum_reached"), 1);
}

#[test]
fn a_firing_written_but_never_raised_is_raised_at_the_next_sweep_after_a_crash() {
    let ward = Ward::new();
    ward.admit();
    let mut s = ward.scheduler();
    ward.clock.advance(Span::minutes(21)); // vitals at +15 overdue at +20
    let sweep = s.sweep_alerts(ward.monotonic()).expect("sweep");
    assert_eq!(of_kind(&sweep.fired, DeadlineKind::CheckOverdue).len(), 1);
    // The app dies here: the firing is committed, the alert never raised.
    drop(s);
    assert_eq!(ward.unmarked(), 1);
    // The restarted app's scheduler, with a ledger as empty as a new process's memory.
    let mut restarted = Scheduler::new(ward.state.store.clone(), ward.clock.clone());
    ward.clock.advance(Span::seconds(3));
    let after = restarted.sweep(ward.monotonic()).expect("sweep");
    let raised = of_kind(&after.fired, DeadlineKind::CheckOverdue);
    assert_eq!(raised.len(), 1, "raised at the next sweep: {:?}", after.fired);
    assert_eq!(raised[0].firing_id, sweep.fired[0].firing_id, "the written firing, not a new one");
    assert_eq!(ward.unmarked(), 0, "its raising recorded");
    assert_eq!(ward.firings("check_overdue"), 1);
    ward.clock.advance(Span::seconds(3));
    assert!(restarted.sweep(ward.monotonic()).expect("sweep").fired.is_empty(), "once");
}

#[test]
fn a_raising_that_cannot_be_recorded_is_retried_and_never_raises_twice() {
    let ward = Ward::new();
    ward.admit();
    let mut s = ward.scheduler();
    ward.clock.advance(Span::minutes(21));
    let sweep = s.sweep_alerts(ward.monotonic()).expect("sweep");
    assert_eq!(sweep.fired.len(), 1);
    ward.refuse_writes(true);
    s.mark_raised(&sweep.fired); // raised; its mark refused
    assert_eq!(ward.unmarked(), 1);
    ward.clock.advance(Span::seconds(20)); // past the grace: only the ledger holds it back
    assert!(s.sweep(ward.monotonic()).expect("sweep").fired.is_empty(), "not raised twice");
    ward.refuse_writes(false);
    ward.clock.advance(Span::seconds(2));
    assert!(s.sweep(ward.monotonic()).expect("sweep").fired.is_empty());
    assert_eq!(ward.unmarked(), 0, "the mark written once storage returned");
}

#[test]
fn an_unsaved_alert_is_acknowledged_by_writing_it_with_its_acknowledgement() {
    let ward = Ward::new();
    ward.admit();
    let mut s = ward.scheduler();
    ward.refuse_writes(true);
    ward.clock.advance(Span::minutes(61));
    let sweep = s.sweep(ward.monotonic()).expect("sweep");
    let temp = of_kind(&sweep.fired, DeadlineKind::MinimumReached)[0].firing_id;
    let refused = alert_commands::acknowledge(&ward.state, temp).expect_err("cannot be saved");
    assert_eq!(refused.code, vigil_core::ErrorCode::Storage);
    assert!(refused.message.contains("read-only"), "{}", refused.message);
    ward.refuse_writes(false);
    alert_commands::acknowledge(&ward.state, temp).expect("acknowledged");
    assert_eq!(ward.firings("minimum_reached"), 1);
    assert_eq!(ward.count("SELECT count(*) FROM alert_acknowledgements"), 1);
    ward.clock.advance(Span::seconds(2));
    let next = s.sweep(ward.monotonic()).expect("sweep");
    assert!(of_kind(&next.fired, DeadlineKind::MinimumReached).is_empty());
    assert_eq!(ward.firings("minimum_reached"), 1, "the sweep writes it no second time");
    let _ = &ward.dir;
}
