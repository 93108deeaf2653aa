//! The audit promise, as a property: any sequence of operations through the commands leaves
//! exactly one audit entry per accepted operation (in its transaction, with the nurse and the
//! time), and none for a rejected one, whose database is left byte-for-byte as it was. Two
//! refusals are themselves recorded: a wrong PIN, and the end of an emergency access past its
//! time (its `emergency_expired` lock, by the emergency nurse).

use chrono::Duration;
use proptest::prelude::*;
use std::sync::Arc;
use vigil_core::{
    AccountStatusInput, AdmitInput, AlertRepeatEdit, Clock, EmergencyInput, FixedClock,
    IdleLockEdit, ProtocolEdit, SignInInput, VigilError,
};

use crate::commands::{alerts, auth, checks, people, sessions, settings};
use crate::scheduler::Scheduler;
use crate::state::AppState;
use crate::test_support::{account, admin_state, everything, t0, ADMIN_PIN};
use vigil_core::checks::{CheckInput, CorrectionInput, VitalsInput};

#[derive(Debug, Clone)]
enum Op {
    Admit { valid: bool },
    Acknowledge { existing: bool },
    Protocol { minutes: u32 },
    AlertRepeat { minutes: u32 },
    IdleLock { seconds: u32 },
    CreateAccount { n: u8, pin_ok: bool },
    Deactivate { id: i64 },
    SignIn { id: i64, right_pin: bool },
    Lock,
    SignOut,
    Emergency { id: i64, reason_ok: bool },
    Advance { minutes: i64 },
    Check { systolic: u32, valid: bool },
    Correct { original: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<bool>().prop_map(|valid| Op::Admit { valid }),
        any::<bool>().prop_map(|existing| Op::Acknowledge { existing }),
        (100u32..140).prop_map(|minutes| Op::Protocol { minutes }),
        (0u32..35).prop_map(|minutes| Op::AlertRepeat { minutes }),
        (10u32..40).prop_map(|seconds| Op::IdleLock { seconds }),
        (0u8..3, any::<bool>()).prop_map(|(n, pin_ok)| Op::CreateAccount { n, pin_ok }),
        (1i64..5).prop_map(|id| Op::Deactivate { id }),
        (1i64..5, any::<bool>()).prop_map(|(id, right_pin)| Op::SignIn { id, right_pin }),
        Just(Op::Lock),
        Just(Op::SignOut),
        (1i64..5, any::<bool>()).prop_map(|(id, reason_ok)| Op::Emergency { id, reason_ok }),
        (1i64..40).prop_map(|minutes| Op::Advance { minutes }),
        (100u32..200, any::<bool>()).prop_map(|(systolic, valid)| Op::Check { systolic, valid }),
        (1i64..4).prop_map(|original| Op::Correct { original }),
    ]
}

/// Every account's PIN: the admin's, and "13570" + n for created ones (n = its number).
fn pin_of(id: i64) -> String {
    if id == 1 {
        ADMIN_PIN.to_owned()
    } else {
        format!("1357{id}")
    }
}

/// Each admission in its own bay (a bay holds one patient at a time), so admissions are refused
/// only for the invalid name, not for a taken bay.
fn admit_input(valid: bool) -> AdmitInput {
    static NEXT_BAY: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
    let bay = NEXT_BAY.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    AdmitInput {
        patient_name: if valid { "Testy McTestface".into() } else { "\u{7}".into() },
        bay: format!("Bay {bay}"),
        protocol: "im_ketamine".into(),
        recovery_minutes: Some(45.0),
        clock_started_at: "2026-07-01T11:50".into(),
        chart_number: "TEST-0001".into(),
        date_of_birth: "1980-02-29".into(),
        dose_mg: Some(35.0),
        weight_kg: None,
        later_device_times: Vec::new(),
        note: String::new(),
    }
}

fn audit_tail(state: &AppState, after: i64) -> Vec<(Option<i64>, i64)> {
    state
        .store
        .with_conn(|c| {
            let mut s =
                c.prepare("SELECT nurse_id, at_ms FROM audit_events WHERE seq > ?1 ORDER BY seq")?;
            let rows = s.query_map([after], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("tail")
}

/// Rows of the app's readiness history, and its audit entries after sequence `after` (the
/// scheduler's own entries, counted apart from the commands').
fn readiness_written(state: &AppState, after: i64) -> (i64, usize) {
    state
        .store
        .with_conn(|c| {
            let rows = c.query_row("SELECT count(*) FROM readiness_changes", [], |r| r.get(0))?;
            let entries: i64 = c.query_row(
                "SELECT count(*) FROM audit_events WHERE seq > ?1 AND action = 'readiness_changed'",
                [after],
                |r| r.get(0),
            )?;
            Ok((rows, usize::try_from(entries).unwrap_or(usize::MAX)))
        })
        .expect("readiness")
}

fn check_input(systolic: u32, valid: bool) -> CheckInput {
    CheckInput {
        session_id: Some(1.0),
        purpose: "observation".into(),
        symptom_grade: Some(if valid { 0.0 } else { 7.0 }),
        vitals: Some(VitalsInput {
            systolic: Some(f64::from(systolic)),
            diastolic: Some(80.0),
            ..VitalsInput::default()
        }),
        ..CheckInput::default()
    }
}

fn ok<T>(r: Result<T, VigilError>) -> Result<(), VigilError> {
    r.map(|_| ())
}

/// Runs `op`; returns its result and the nurse the entry must name if it was accepted.
fn run(
    state: &AppState,
    clock: &FixedClock,
    scheduler: &mut Scheduler,
    op: &Op,
) -> (Result<(), VigilError>, Option<i64>, bool) {
    let current = state.workstation().current().map(|s| s.nurse.id);
    let open = state.is_open();
    match op {
        Op::Admit { valid } => {
            (ok(sessions::admit(state, &admit_input(*valid), &chrono::Utc)), current, true)
        }
        Op::Acknowledge { existing } => {
            let id = if *existing {
                state
                    .store
                    .with_conn(|c| vigil_store::alerts::active(c, clock.now()))
                    .expect("active")
                    .first()
                    .map_or(999, |a| a.firing_id)
            } else {
                999
            };
            (ok(alerts::acknowledge(state, id)), current, true)
        }
        Op::Protocol { minutes } => {
            let edit =
                ProtocolEdit { protocol: "spravato".into(), minimum_minutes: f64::from(*minutes) };
            (ok(settings::change_protocol(state, &edit)), current, true)
        }
        Op::AlertRepeat { minutes } => (
            ok(settings::change_alert_repeat(
                state,
                &AlertRepeatEdit { minutes: f64::from(*minutes) },
            )),
            current,
            true,
        ),
        Op::IdleLock { seconds } => (
            ok(settings::change_idle_lock(state, &IdleLockEdit { seconds: f64::from(*seconds) })),
            current,
            true,
        ),
        Op::CreateAccount { n, pin_ok } => {
            let next =
                state.store.with_conn(vigil_store::nurses::all).expect("all").len() as i64 + 1;
            let pin = if *pin_ok { pin_of(next) } else { "12".into() };
            let input = account(&format!("Test Nurse {n}"), "nurse", &pin);
            (ok(people::create(state, &input)), current, true)
        }
        Op::Deactivate { id } => (
            ok(people::set_active(state, &AccountStatusInput { nurse_id: *id, active: false })),
            current,
            true,
        ),
        Op::SignIn { id, right_pin } => {
            let pin = if *right_pin { pin_of(*id) } else { "0000".into() };
            (
                ok(auth::sign_in_with_pin(state, &SignInInput { nurse_id: *id, pin })),
                Some(*id),
                true,
            )
        }
        Op::Lock => (ok(auth::lock(state, vigil_store::audit::Action::Lock)), current, open),
        Op::SignOut => (ok(auth::leave(state)), current, current.is_some()),
        Op::Emergency { id, reason_ok } => {
            let reason =
                if *reason_ok { "PIN forgotten, patient needs care".into() } else { "no".into() };
            (
                ok(auth::break_glass(state, &EmergencyInput { nurse_id: *id, reason })),
                Some(*id),
                true,
            )
        }
        Op::Check { systolic, valid } => {
            let input = check_input(*systolic, *valid);
            (ok(checks::record(state, &input, &chrono::Utc)), current, true)
        }
        Op::Correct { original } => {
            let input = CorrectionInput {
                original_check_id: Some(*original as f64),
                reason: "Typed into the wrong field".into(),
                check: check_input(130, true),
            };
            (ok(checks::correct(state, &input, &chrono::Utc)), current, true)
        }
        Op::Advance { minutes } => {
            // The monotonic clock runs with the wall clock: time passes, it does not jump.
            clock.advance(Duration::minutes(*minutes));
            let since_start = clock.now() - t0();
            let monotonic = since_start.to_std().expect("forward");
            let fired = scheduler.sweep(monotonic).map(|s| s.fired.len());
            (fired.map(|_| ()).map_err(|e| VigilError::internal(e.to_string())), None, true)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn one_entry_per_accepted_operation_and_none_for_a_rejected_one(ops in proptest::collection::vec(op(), 1..30)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = Arc::new(FixedClock::new(t0()));
        let state = admin_state(dir.path(), clock.clone());
        let mut scheduler = Scheduler::new(state.store.clone(), clock.clone());
        for op in &ops {
            let before = everything(&state);
            let (head, _) = state.store.with_conn(vigil_store::audit::head).expect("head");
            let unacked = state.store.with_conn(|c| vigil_store::alerts::active(c, clock.now())).expect("active").len();
            let (rows_before, _) = readiness_written(&state, head);
            let (result, actor, acts) = run(&state, &clock, &mut scheduler, op);
            let tail = audit_tail(&state, head);
            let (rows_after, readiness_entries) = readiness_written(&state, head);
            let now = clock.now().timestamp_millis();
            match (&result, op) {
                (Ok(()), Op::Advance { .. }) => {
                    let fired = state.store.with_conn(|c| vigil_store::alerts::active(c, clock.now())).expect("active").len() - unacked;
                    // The sweep's own readiness history: one entry per row it wrote.
                    prop_assert_eq!(readiness_entries as i64, rows_after - rows_before);
                    prop_assert_eq!(tail.len(), fired + readiness_entries, "{:?}: one entry per firing", op);
                    prop_assert!(tail.iter().all(|(who, at)| who.is_none() && *at == now));
                }
                (Ok(()), _) if acts => {
                    prop_assert_eq!(rows_after, rows_before, "{:?}: a command records no readiness", op);
                    prop_assert_eq!(tail.clone(), vec![(actor, now)], "{:?}", op);
                }
                (Ok(()), _) => prop_assert!(tail.is_empty(), "{:?}: nothing to do, nothing recorded", op),
                (Err(e), Op::SignIn { right_pin: false, .. }) if e.message == "Wrong PIN." => {
                    prop_assert_eq!(tail.clone(), vec![(actor, now)], "a wrong PIN is recorded");
                }
                (Err(e), _) if e.message == "Emergency access has ended: sign in with your PIN." => {
                    prop_assert_eq!(tail.clone(), vec![(actor, now)], "{:?}: the end is recorded", op);
                    prop_assert!(state.workstation().is_locked(), "{:?}: and locks", op);
                }
                (Err(e), _) => {
                    prop_assert!(tail.is_empty(), "{:?} refused ({}) but wrote {:?}", op, e.message, tail);
                    prop_assert!(everything(&state) == before, "{:?} refused but changed the database", op);
                }
            }
            let status = state.store.with_conn(|c| vigil_store::integrity::verify(c, vigil_store::integrity::FileCheck::Full, clock.now())).expect("verify");
            prop_assert!(status.ok, "{:?}", status);
        }
    }
}
