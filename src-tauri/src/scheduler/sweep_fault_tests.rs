//! The sweep when part of what it reads or writes is refused for good (a clinic setting that
//! does not decode, the deadline read failing, an unsaved firing storage will never take),
//! and a late-written overdue alert whose check was entered meanwhile.

use super::*;
use chrono::{Duration as Span, Utc};
use vigil_core::{DeadlineKind, FixedClock};

use crate::commands::{alerts as alert_commands, checks, sessions as admissions};
use crate::discharge_inputs::{admit_input, recovery_check};
use crate::state::AppState;
use crate::test_support::{admin_state_at_t0, t0};

struct Ward {
    _dir: tempfile::TempDir,
    state: AppState,
    clock: Arc<FixedClock>,
}

impl Ward {
    /// A ward with one IV patient (60 min minimum, checks every 15 min) admitted at t0.
    fn with_patient() -> (Self, i64) {
        let dir = tempfile::tempdir().expect("tempdir");
        let (state, clock) = admin_state_at_t0(dir.path());
        let session = admissions::admit(&state, &admit_input(&clock), &Utc).expect("admit");
        (Self { _dir: dir, state, clock }, session)
    }

    fn scheduler(&self) -> Scheduler {
        Scheduler::new(self.state.store.clone(), self.clock.clone())
            .sharing(self.state.alert_ledger.clone())
    }

    fn sql(&self, sql: &str) {
        self.state.store.with_conn(|c| Ok(c.execute_batch(sql)?)).expect("sql");
    }

    fn count(&self, sql: &str) -> i64 {
        self.state.store.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?)).expect("count")
    }

    fn monotonic(&self) -> Duration {
        (self.clock.now() - t0()).to_std().expect("forward")
    }
}

fn of_kind(fired: &[Fired], kind: DeadlineKind) -> usize {
    fired.iter().filter(|f| f.deadline.kind == kind).count()
}

#[test]
fn a_malformed_discharge_policy_stops_no_minimum() {
    let (ward, session) = Ward::with_patient();
    ward.sql(
        "PRAGMA ignore_check_constraints = ON;
         INSERT INTO discharge_policy_versions (data, changed_at_ms, changed_by)
         VALUES ('[1, 2, 3]', 0, 1);
         INSERT INTO check_plan_versions (data, changed_at_ms, changed_by)
         VALUES ('\"not a plan\"', 0, 1);
         PRAGMA ignore_check_constraints = OFF;",
    );
    let mut s = ward.scheduler();
    ward.clock.advance(Span::minutes(61));
    let sweep = s.sweep(ward.monotonic()).expect("sweep");
    let minimum: Vec<&Fired> =
        sweep.fired.iter().filter(|f| f.deadline.kind == DeadlineKind::MinimumReached).collect();
    assert_eq!(minimum.len(), 1, "{:?}", sweep.fired);
    assert_eq!(minimum[0].deadline.session_id, session);
}

#[test]
fn a_failed_deadline_read_still_raises_a_firing_never_raised() {
    let (ward, _) = Ward::with_patient();
    let mut s = ward.scheduler();
    ward.clock.advance(Span::minutes(21)); // vitals at +15 overdue at +20
    let first = s.sweep_alerts(ward.monotonic()).expect("sweep");
    assert_eq!(of_kind(&first.fired, DeadlineKind::CheckOverdue), 1);
    drop(s); // the app dies before raising it
             // The deadlines can no longer be read (not a decoding failure: the table is gone).
    ward.sql("DROP TABLE check_plan_versions");
    let mut restarted = Scheduler::new(ward.state.store.clone(), ward.clock.clone());
    ward.clock.advance(Span::seconds(3));
    let after = restarted.sweep_alerts(ward.monotonic()).expect("the sweep goes on");
    assert_eq!(of_kind(&after.fired, DeadlineKind::CheckOverdue), 1, "{:?}", after.fired);
    assert_eq!(after.fired[0].firing_id, first.fired[0].firing_id);
    assert_eq!(after.sleep, deadline::MAX_SLEEP);
}

#[test]
fn an_unsaved_overdue_alert_whose_check_was_entered_is_written_resolved() {
    let (ward, session) = Ward::with_patient();
    let mut s = ward.scheduler();
    ward.sql("PRAGMA query_only = 1");
    ward.clock.advance(Span::minutes(21));
    let sweep = s.sweep(ward.monotonic()).expect("sweep");
    assert_eq!(of_kind(&sweep.fired, DeadlineKind::CheckOverdue), 1, "raised, not saved");
    ward.sql("PRAGMA query_only = 0");
    // Storage is back; the nurse saves the check before the next sweep writes the firing.
    checks::record(&ward.state, &recovery_check(session, true), &Utc).expect("check");
    ward.clock.advance(Span::seconds(2));
    let next = s.sweep(ward.monotonic()).expect("sweep");
    assert_eq!(next.written_late, 1);
    assert_eq!(ward.count("SELECT count(*) FROM alert_firings WHERE kind = 'check_overdue'"), 1);
    assert_eq!(
        ward.count("SELECT count(*) FROM alert_resolutions WHERE how = 'check_entered'"),
        1,
        "resolved by the check as it is written"
    );
    let active = alert_commands::active(&ward.state).expect("alerts");
    assert!(active.iter().all(|a| a.kind != DeadlineKind::CheckOverdue), "{active:?}");
}

#[test]
fn an_unsaved_firing_refused_for_good_blocks_no_other() {
    let (ward, _) = Ward::with_patient();
    let mut s = ward.scheduler();
    // Raised while storage failed, of a session a restore has since taken away: its row
    // can never be written (the session's foreign key refuses it).
    let gone = Deadline {
        session_id: 999,
        kind: DeadlineKind::MinimumReached,
        key: String::new(),
        due_at: t0(),
        detail: String::new(),
    };
    let who = ("Bay 9".to_owned(), String::new());
    s.ledger().add_unsaved(gone, t0(), who, "the database is read-only");
    ward.sql("PRAGMA query_only = 1");
    ward.clock.advance(Span::minutes(61));
    let sweep = s.sweep(ward.monotonic()).expect("sweep");
    assert_eq!(of_kind(&sweep.fired, DeadlineKind::CheckOverdue), 3, "{:?}", sweep.fired);
    assert_eq!(of_kind(&sweep.fired, DeadlineKind::MinimumReached), 1);
    ward.sql("PRAGMA query_only = 0");
    ward.clock.advance(Span::seconds(2));
    let next = s.sweep(ward.monotonic()).expect("sweep");
    assert!(next.fired.is_empty(), "{:?}", next.fired);
    assert_eq!(next.written_late, 4, "the others are written");
    assert_eq!(ward.count("SELECT count(*) FROM alert_firings"), 4);
    assert_eq!(s.ledger().pending(), 0, "the refused one is dropped, not retried forever");
}
