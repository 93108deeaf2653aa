//! The session's life as a model-based property: random sequences of admissions, checks, time,
//! escorts, policy changes, discharges, departures, leaving against advice and transfers to
//! emergency care go through the real commands (real SQLite file, fake clock, the scheduler
//! sweeping), and a small model predicts each outcome. Every invalid transition must be
//! refused and change nothing: discharge before the minimum, without an escort (policy off),
//! twice; checks and escorts after the patient left; a departure before clearance; a transfer
//! after any departure. Every valid one must be accepted (a transfer from observing or cleared,
//! whatever the gates).

use chrono::{Duration, Timelike};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;
use vigil_core::discharge::{DischargePolicyEdit, GateKey};
use vigil_core::sign_in::sign_in_wait;
use vigil_core::{Clock, ErrorCode, FixedClock, VigilError};

use crate::commands::{checks, discharge, sessions, transfers};
use crate::discharge_inputs::*;
use crate::scheduler::Scheduler;
use crate::state::AppState;
use crate::test_support::{admin_state, everything, t0, ADMIN_PIN};

mod readiness;

#[derive(Debug, Clone)]
enum Op {
    Admit,
    Advance { minutes: i64 },
    Check { session: i64, good: bool },
    Escort { session: i64, kind: EscortKind },
    Policy { allow_alone: bool },
    Discharge { session: i64, overrides: bool, right_pin: bool },
    Depart { session: i64 },
    AgainstAdvice { session: i64 },
    Transfer { session: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    let session = 1i64..3;
    let escort = prop_oneof![
        Just(EscortKind::Expected),
        Just(EscortKind::ArrivedIdentified),
        Just(EscortKind::ArrivedUnchecked),
        Just(EscortKind::RideshareAlone),
    ];
    prop_oneof![
        1 => Just(Op::Admit),
        4 => (5i64..40).prop_map(|minutes| Op::Advance { minutes }),
        3 => (session.clone(), any::<bool>()).prop_map(|(session, good)| Op::Check { session, good }),
        2 => (session.clone(), escort).prop_map(|(session, kind)| Op::Escort { session, kind }),
        1 => any::<bool>().prop_map(|allow_alone| Op::Policy { allow_alone }),
        4 => (session.clone(), any::<bool>(), prop::bool::weighted(0.9))
            .prop_map(|(session, overrides, right_pin)| Op::Discharge { session, overrides, right_pin }),
        2 => session.clone().prop_map(|session| Op::Depart { session }),
        1 => session.clone().prop_map(|session| Op::AgainstAdvice { session }),
        2 => session.prop_map(|session| Op::Transfer { session }),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Observing,
    Cleared,
    Gone,
}

/// What the model knows of one session.
#[derive(Debug, Clone)]
struct Model {
    ends_at: chrono::DateTime<chrono::Utc>,
    phase: Phase,
    /// `None`: no recovery check yet; `Some(good)`: the latest one.
    latest_good: Option<bool>,
    /// When each recovery check was observed (each holds vitals and a lightheadedness check).
    checked_at: Vec<chrono::DateTime<chrono::Utc>>,
    escort: Option<EscortKind>,
}

impl Model {
    /// The soft gates the model expects to fail at `now`.
    fn failed_soft(&self, now: chrono::DateTime<chrono::Utc>) -> BTreeSet<GateKey> {
        let mut failed = self.failed_findings();
        if self.check_overdue(now) {
            failed.insert(GateKey::PlannedChecks);
        }
        failed
    }

    /// The default IV plan: checks at +15, +30, +45 and +60 min, each done by a check from
    /// 5 min before, overdue 5 min after.
    fn check_overdue(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        let start = self.ends_at - Duration::minutes(60);
        [15, 30, 45, 60].into_iter().map(|m| start + Duration::minutes(m)).any(|planned| {
            now >= planned + Duration::minutes(5)
                && !self.checked_at.iter().any(|at| *at >= planned - Duration::minutes(5))
        })
    }

    /// The soft gates the findings of the latest check fail.
    fn failed_findings(&self) -> BTreeSet<GateKey> {
        match self.latest_good {
            Some(true) => BTreeSet::new(),
            Some(false) => [GateKey::BloodPressure].into(),
            None => [
                GateKey::BloodPressure,
                GateKey::Spo2,
                GateKey::Sedation,
                GateKey::Dissociation,
                GateKey::Lightheadedness,
                GateKey::Nausea,
                GateKey::Padss,
            ]
            .into(),
        }
    }

    fn escort_ok(&self, allow_alone: bool) -> bool {
        match self.escort {
            Some(EscortKind::ArrivedIdentified) => true,
            Some(EscortKind::RideshareAlone) => allow_alone,
            _ => false,
        }
    }
}

fn ok<T>(r: Result<T, VigilError>) -> Result<(), VigilError> {
    r.map(|_| ())
}

struct World {
    state: AppState,
    clock: Arc<FixedClock>,
    scheduler: Scheduler,
    sessions: Vec<Model>,
    allow_alone: bool,
    /// Wrong PINs at signatures so far, and when the last was (the waits of sign-in apply).
    wrong_pins: u32,
    last_wrong_pin: Option<chrono::DateTime<chrono::Utc>>,
}

impl World {
    fn model(&mut self, id: i64) -> Option<&mut Model> {
        usize::try_from(id - 1).ok().and_then(|i| self.sessions.get_mut(i))
    }

    /// Runs `op`; returns the outcome and whether the model expected it to be accepted.
    fn run(&mut self, op: &Op) -> (Result<(), VigilError>, bool) {
        let now = self.clock.now();
        let allow_alone = self.allow_alone;
        match *op {
            Op::Admit => {
                let r = ok(sessions::admit(&self.state, &admit_input(&self.clock), &chrono::Utc));
                if r.is_ok() {
                    let id = self.sessions.len() as i64 + 1;
                    let b = checks::record(&self.state, &baseline(id, &self.clock), &chrono::Utc);
                    b.expect("the pre-dose baseline is accepted");
                    let start = now.with_second(0).unwrap_or(now);
                    self.sessions.push(Model {
                        ends_at: start.with_nanosecond(0).unwrap_or(start) + Duration::minutes(60),
                        phase: Phase::Observing,
                        latest_good: None,
                        checked_at: Vec::new(),
                        escort: None,
                    });
                }
                (r, true)
            }
            Op::Advance { minutes } => {
                self.clock.advance(Duration::minutes(minutes));
                let monotonic = (self.clock.now() - t0()).to_std().expect("forward");
                let r = self.scheduler.sweep(monotonic).map(|_| ());
                (r.map_err(|e| VigilError::internal(e.to_string())), true)
            }
            Op::Check { session, good } => {
                let r =
                    ok(checks::record(&self.state, &recovery_check(session, good), &chrono::Utc));
                let expect = self.model(session).is_some_and(|m| m.phase != Phase::Gone);
                if r.is_ok() {
                    if let Some(m) = self.model(session) {
                        m.latest_good = Some(good);
                        m.checked_at.push(now);
                    }
                }
                (r, expect)
            }
            Op::Escort { session, kind } => {
                let r =
                    ok(discharge::escort(&self.state, &escort_input(session, kind), &chrono::Utc));
                let expect = self.model(session).is_some_and(|m| m.phase != Phase::Gone)
                    && (kind != EscortKind::RideshareAlone || allow_alone);
                if r.is_ok() {
                    if let Some(m) = self.model(session) {
                        m.escort = Some(kind);
                    }
                }
                (r, expect)
            }
            Op::Policy { allow_alone } => {
                let edit = DischargePolicyEdit {
                    allow_rideshare_alone: allow_alone,
                    allow_public_transport_alone: false,
                    escort_late_minutes: 10.0,
                    max_nausea: 1.0,
                    rems_warn_from_day: 5.0,
                };
                let r = ok(discharge_policy(&self.state, &edit));
                if r.is_ok() {
                    self.allow_alone = allow_alone;
                }
                (r, true)
            }
            Op::Discharge { session, overrides, right_pin } => {
                let Some(m) = self.model(session).cloned() else {
                    let input = discharge_input(session, &BTreeSet::new(), ADMIN_PIN);
                    return (ok(discharge::clear(&self.state, &input)), false);
                };
                let failed = m.failed_soft(now);
                let given = if overrides { failed.clone() } else { BTreeSet::new() };
                let pin = if right_pin { ADMIN_PIN } else { "0000" };
                let r = ok(discharge::clear(&self.state, &discharge_input(session, &given, pin)));
                let waiting = sign_in_wait(self.wrong_pins, self.last_wrong_pin, now).is_some();
                if !right_pin && !waiting {
                    self.wrong_pins += 1;
                    self.last_wrong_pin = Some(now);
                }
                let expect = right_pin
                    && !waiting
                    && m.phase == Phase::Observing
                    && now >= m.ends_at
                    && m.escort_ok(allow_alone)
                    && (overrides || failed.is_empty());
                if r.is_ok() {
                    if let Some(m) = self.model(session) {
                        m.phase = Phase::Cleared;
                    }
                }
                (r, expect)
            }
            Op::Depart { session } => {
                let r = ok(discharge::depart(&self.state, session));
                let expect = self.model(session).is_some_and(|m| m.phase == Phase::Cleared);
                if r.is_ok() {
                    if let Some(m) = self.model(session) {
                        m.phase = Phase::Gone;
                    }
                }
                (r, expect)
            }
            Op::AgainstAdvice { session } => {
                let input = against_advice_input(session);
                let r = ok(discharge::against_advice(&self.state, &input, &chrono::Utc));
                let expect = self.model(session).is_some_and(|m| m.phase == Phase::Observing);
                if r.is_ok() {
                    if let Some(m) = self.model(session) {
                        m.phase = Phase::Gone;
                    }
                }
                (r, expect)
            }
            Op::Transfer { session } => {
                let r =
                    ok(transfers::transfer(&self.state, &transfer_input(session), &chrono::Utc));
                // From any phase before a departure, whatever the gates say.
                let expect = self.model(session).is_some_and(|m| m.phase != Phase::Gone);
                if r.is_ok() {
                    if let Some(m) = self.model(session) {
                        m.phase = Phase::Gone;
                    }
                }
                (r, expect)
            }
        }
    }
}

fn discharge_policy(state: &AppState, edit: &DischargePolicyEdit) -> Result<(), VigilError> {
    let admin = state.nurse_for(vigil_core::Permission::Administer)?;
    let policy = edit.validate()?;
    let now = state.clock.now();
    state.store.with_tx(|tx| vigil_store::discharge::set_policy(tx, &policy, admin.id, now))?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_invalid_transition_is_refused_and_every_valid_one_accepted(
        ops in proptest::collection::vec(op(), 1..50)
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = Arc::new(FixedClock::new(t0()));
        let state = admin_state(dir.path(), clock.clone());
        let scheduler = Scheduler::new(state.store.clone(), clock.clone());
        let mut world = World {
            state, clock, scheduler, sessions: Vec::new(), allow_alone: false,
            wrong_pins: 0, last_wrong_pin: None,
        };
        // Always one patient to work on.
        let mut all = vec![Op::Admit];
        all.extend(ops);
        let mut readiness_seen = readiness::Seen::default();
        for op in &all {
            let before = everything(&world.state);
            let (head, _) = world.state.store.with_conn(vigil_store::audit::head).expect("head");
            let (result, expected) = world.run(op);
            let (after, _) = world.state.store.with_conn(vigil_store::audit::head).expect("head");
            match &result {
                Ok(()) => {
                    prop_assert!(expected, "{:?} was accepted against the model: {:?}", op, world.sessions);
                    // One audit entry per accepted action (an admission here is two: the
                    // admission and its baseline check); the scheduler's firings vary.
                    let entries = after - head;
                    match op {
                        Op::Advance { .. } => {}
                        Op::Admit => prop_assert_eq!(entries, 2, "{:?}", op),
                        _ => prop_assert_eq!(entries, 1, "{:?}", op),
                    }
                }
                Err(e) => {
                    prop_assert!(!expected, "{:?} was refused ({:?}: {}) against the model", op, e.code, e.message);
                    prop_assert!(matches!(e.code, ErrorCode::Conflict | ErrorCode::Validation | ErrorCode::NotFound | ErrorCode::Forbidden), "{:?}", e);
                    // A wrong PIN is the one refusal that is itself recorded (as a failed sign-in).
                    let wrong_pin = e.code == ErrorCode::Forbidden;
                    prop_assert!(wrong_pin || everything(&world.state) == before, "{:?} was refused but changed the database", op);
                }
            }
            // The board holds exactly the sessions that have not left, and no alert of a
            // patient who left stays active.
            let board = sessions::board(&world.state).expect("board");
            let on_board: BTreeSet<i64> = board.rows.iter().map(|r| r.session_id).collect();
            let staying: BTreeSet<i64> = world.sessions.iter().enumerate()
                .filter(|(_, m)| m.phase != Phase::Gone).map(|(i, _)| i as i64 + 1).collect();
            prop_assert_eq!(&on_board, &staying);
            let now = world.clock.now();
            let alerted: BTreeSet<i64> = world.state.store
                .with_conn(|c| vigil_store::alerts::active(c, now)).expect("alerts")
                .into_iter().map(|a| a.session_id).collect();
            prop_assert!(alerted.is_subset(&staying), "alerts {:?} of patients who left", alerted);
            // Readiness history: only sweeps write it, it only grows, and it ends with the board.
            readiness_seen.after_step(&world.state, matches!(op, Op::Advance { .. }))?;
        }
    }
}
