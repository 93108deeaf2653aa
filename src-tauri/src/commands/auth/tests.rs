//! Sign-in through the command functions: a real database file, a fake wall clock and a fake
//! monotonic clock. Locking and signing out while storage refuses writes, what postpones the
//! idle lock, wrong PINs tried in parallel, and PIN hashes stored again at the current cost.

use super::*;
use chrono::Duration;
use std::sync::{Arc, Barrier};
use vigil_core::sign_in::sign_in_wait;
use vigil_core::{Clock, FixedClock, FixedMonotonic, Monotonic, PinResetInput};
use vigil_store::Store;

use crate::commands::{checks, people};
use crate::locks::lock_if_idle;
use crate::test_support::{account, admin_state_at_t0, t0, ADMIN_PIN};

/// Makes the store refuse (or take again) every write: a read-only handle.
fn refuse_writes(state: &AppState, refuse: bool) {
    state
        .store
        .with_conn(|c| Ok(c.pragma_update(None, "query_only", refuse)?))
        .expect("query_only");
}

/// Audit entries of `action`, as (nurse, time in ms).
fn entries(state: &AppState, action: Action) -> Vec<(Option<i64>, i64)> {
    state
        .store
        .with_conn(|c| {
            let mut s = c.prepare(
                "SELECT nurse_id, at_ms FROM audit_events WHERE action = ?1 ORDER BY seq",
            )?;
            let rows = s.query_map([action.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("entries")
}

/// The administrator signed in at [`t0`], with both clocks in the test's hands.
fn state_with_clocks(dir: &std::path::Path) -> (AppState, Arc<FixedClock>, Arc<FixedMonotonic>) {
    let clock = Arc::new(FixedClock::new(t0()));
    let monotonic = Arc::new(FixedMonotonic::new());
    let state = AppState::new(
        Store::open_in(dir, &crate::test_support::test_key()).expect("open"),
        clock.clone(),
    )
    .expect("state")
    .with_monotonic(monotonic.clone());
    first_admin(&state, &account("Test Admin", "admin", ADMIN_PIN)).expect("first admin");
    (state, clock, monotonic)
}

/// `seconds` pass on both clocks.
fn pass(clock: &FixedClock, monotonic: &FixedMonotonic, seconds: u64) {
    clock.advance(Duration::seconds(seconds as i64));
    monotonic.advance(std::time::Duration::from_secs(seconds));
}

#[test]
fn a_lock_takes_effect_when_storage_refuses_and_its_entry_follows_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    refuse_writes(&state, true);
    let status = lock(&state, Action::Lock).expect("the lock itself succeeds");
    assert!(status.locked && state.workstation().is_locked() && !state.is_open());
    assert!(entries(&state, Action::Lock).is_empty(), "nothing can be written yet");
    clock.advance(Duration::minutes(1));
    assert_eq!(state.pending_audit.retry(&state.store), 0, "still refused: still waiting");
    assert_eq!(state.pending_audit.len(), 1);
    refuse_writes(&state, false);
    clock.advance(Duration::minutes(1));
    assert_eq!(state.pending_audit.retry(&state.store), 1);
    assert_eq!(state.pending_audit.retry(&state.store), 0, "written once");
    let at = t0().timestamp_millis();
    assert_eq!(entries(&state, Action::Lock), vec![(Some(1), at)], "with the time of the lock");
    let status = state.store.with_conn(|c| {
        vigil_store::integrity::verify(c, vigil_store::integrity::FileCheck::Quick, clock.now())
    });
    assert!(status.expect("verify").ok, "the chain holds");
}

#[test]
fn sign_out_and_auto_lock_take_effect_when_storage_refuses_and_keep_their_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock, monotonic) = state_with_clocks(dir.path());
    refuse_writes(&state, true);
    pass(&clock, &monotonic, 300);
    assert_eq!(lock_if_idle(&state).ok(), Some(true), "auto-lock while storage refuses");
    assert!(state.workstation().is_locked());
    pass(&clock, &monotonic, 5);
    let status = leave(&state).expect("the sign-out itself succeeds");
    assert!(status.nurse.is_none() && state.workstation().current().is_none());
    assert_eq!(state.pending_audit.len(), 2);
    refuse_writes(&state, false);
    assert_eq!(state.pending_audit.retry(&state.store), 2);
    let at = |s: i64| (t0() + Duration::seconds(s)).timestamp_millis();
    assert_eq!(entries(&state, Action::AutoLock), vec![(Some(1), at(300))]);
    assert_eq!(entries(&state, Action::SignOut), vec![(Some(1), at(305))]);
    let order: Vec<String> = state
        .store
        .with_conn(|c| {
            let mut s = c.prepare("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 2")?;
            let rows = s.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("order");
    assert_eq!(order, ["sign_out", "auto_lock"], "in the order they happened");
}

#[test]
fn a_sign_in_writes_a_waiting_lock_entry_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    refuse_writes(&state, true);
    lock(&state, Action::Lock).expect("lock");
    refuse_writes(&state, false);
    sign_in_with_pin(&state, &SignInInput { nurse_id: 1, pin: ADMIN_PIN.into() }).expect("unlock");
    assert_eq!(state.pending_audit.len(), 0);
    let last: Vec<String> = state
        .store
        .with_conn(|c| {
            let mut s = c.prepare("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 2")?;
            let rows = s.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("order");
    assert_eq!(last, ["unlock", "lock"]);
}

#[test]
fn background_reloads_do_not_postpone_the_idle_lock_but_input_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock, monotonic) = state_with_clocks(dir.path());
    for _ in 0..9 {
        pass(&clock, &monotonic, 30);
        let _ = checks::detail(&state, 1); // a reload after "records changed"
        assert!(!lock_if_idle(&state).expect("idle check"));
    }
    pass(&clock, &monotonic, 30);
    assert!(lock_if_idle(&state).expect("idle check"), "300 s without input locks");

    sign_in_with_pin(&state, &SignInInput { nurse_id: 1, pin: ADMIN_PIN.into() }).expect("unlock");
    pass(&clock, &monotonic, 290);
    state.workstation().touch(monotonic.elapsed()); // what `note_activity` does
    pass(&clock, &monotonic, 290);
    assert!(!lock_if_idle(&state).expect("idle check"), "input postponed it");
    pass(&clock, &monotonic, 10);
    assert!(lock_if_idle(&state).expect("idle check"));
}

#[test]
fn setting_the_wall_clock_back_does_not_hold_off_the_idle_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock, monotonic) = state_with_clocks(dir.path());
    clock.advance(Duration::hours(-1));
    monotonic.advance(std::time::Duration::from_secs(299));
    assert!(!lock_if_idle(&state).expect("idle check"));
    monotonic.advance(std::time::Duration::from_secs(1));
    assert!(lock_if_idle(&state).expect("idle check"), "locked after 300 s, whatever the wall");
}

#[test]
fn parallel_wrong_pins_get_no_more_guesses_than_one_after_another() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    people::create(&state, &account("Test Nurse", "nurse", "13579")).expect("account");
    let wrong = || SignInInput { nurse_id: 2, pin: "97531".into() };
    // The sequential rule, for the same attempts one after another.
    let (mut failures, mut last) = (0, None);
    let mut allowed = |now| {
        let before = failures;
        for _ in 0..16 {
            if sign_in_wait(failures, last, now).is_none() {
                failures += 1;
                last = Some(now);
            }
        }
        (failures - before, failures)
    };
    // Five rounds of 16 parallel attempts, each round once the last wait has passed.
    for round in 0..5 {
        let (this_round, total) = allowed(clock.now());
        assert_eq!(this_round, if round == 0 { 3 } else { 1 }, "three free guesses, then one");
        let barrier = Barrier::new(16);
        std::thread::scope(|s| {
            for _ in 0..16 {
                s.spawn(|| {
                    barrier.wait();
                    assert!(sign_in_with_pin(&state, &wrong()).is_err());
                });
            }
        });
        let recorded = entries(&state, Action::SignInFailed).len();
        assert_eq!(recorded, total as usize, "round {round}: as many guesses as one by one");
        clock.advance(Duration::minutes(16));
    }
}

#[test]
fn parallel_wrong_signatures_meet_the_same_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let admin = state.nurse_for(vigil_core::Permission::Administer).expect("admin");
    let barrier = Barrier::new(12);
    std::thread::scope(|s| {
        for _ in 0..12 {
            s.spawn(|| {
                barrier.wait();
                assert!(verify_signature(&state, &admin, "975310").is_err());
            });
        }
    });
    assert_eq!(entries(&state, Action::SignInFailed).len(), 3, "the three free guesses only");
}

/// The PIN hashes of account 1, oldest first.
fn pin_rows(state: &AppState) -> Vec<(i64, String)> {
    state
        .store
        .with_conn(|c| {
            let mut s = c.prepare("SELECT id, pin_hash FROM nurse_pins WHERE nurse_id = 1")?;
            let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
        .expect("pins")
}

#[test]
fn a_pin_hashed_at_an_older_cost_is_stored_again_at_the_next_sign_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    // A hash as the earlier Vigil made them: argon2's default cost (19 MiB, 2 passes).
    let earlier = nurses::PinCost { memory_kib: 19 * 1024, passes: 2, lanes: 1 };
    let pin = vigil_core::people::Pin::parse(ADMIN_PIN, "pin").expect("pin");
    let old = nurses::hash_at(&pin, earlier).expect("hash");
    state
        .store
        .with_tx(|tx| {
            tx.execute(
                "INSERT INTO nurse_pins (nurse_id, pin_hash, set_at_ms, set_by)
                 VALUES (1, ?1, ?2, 1)",
                rusqlite::params![old, t0().timestamp_millis()],
            )?;
            let row = tx.last_insert_rowid();
            let entry = Entry::new(Action::PinReset, Some(1)).record("nurse_pins", row);
            audit::append(tx, t0(), &entry)
        })
        .expect("old hash");
    leave(&state).expect("sign out");
    clock.advance(Duration::minutes(1));
    sign_in_with_pin(&state, &SignInInput { nurse_id: 1, pin: ADMIN_PIN.into() })
        .expect("the old hash still verifies");
    let pins = pin_rows(&state);
    let (new_id, new_hash) = pins.last().expect("a new row").clone();
    assert_ne!(new_hash, old);
    let cost =
        format!("m={},t={},p=", nurses::current_cost().memory_kib, nurses::current_cost().passes);
    assert!(new_hash.contains(&cost), "{new_hash}");
    let (records, detail): (String, String) = state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT records, detail FROM audit_events WHERE action = 'sign_in'
                 ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("entry");
    assert_eq!(records, format!("[[\"nurse_pins\",{new_id}]]"), "the sign-in names the new row");
    assert!(detail.contains("current hashing cost"), "{detail}");
    leave(&state).expect("sign out");
    sign_in_with_pin(&state, &SignInInput { nurse_id: 1, pin: ADMIN_PIN.into() }).expect("again");
    assert_eq!(pin_rows(&state).len(), pins.len(), "stored once: the new hash is current");
    let status = state.store.with_conn(|c| {
        vigil_store::integrity::verify(c, vigil_store::integrity::FileCheck::Full, clock.now())
    });
    let status = status.expect("verify");
    assert!(status.ok, "{status:?}");
}

#[test]
fn an_administrator_pin_needs_six_digits_everywhere_it_is_set() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let before = crate::test_support::everything(&state);
    let refused = people::create(&state, &account("Test Admin Two", "admin", "1357")).unwrap_err();
    assert_eq!((refused.code, refused.field.as_deref()), (ErrorCode::Validation, Some("pin")));
    let reset = PinResetInput { nurse_id: 1, pin: "1357".into(), pin_again: "1357".into() };
    let refused = people::new_pin(&state, &reset).unwrap_err();
    assert_eq!((refused.code, refused.field.as_deref()), (ErrorCode::Validation, Some("pin")));
    assert!(crate::test_support::everything(&state) == before, "refused: nothing changed");
    people::create(&state, &account("Test Nurse", "nurse", "1357")).expect("a nurse may have 4");
    let reset = PinResetInput { nurse_id: 2, pin: "2580".into(), pin_again: "2580".into() };
    people::new_pin(&state, &reset).expect("a nurse's new PIN may have 4");
    let other = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::new(t0()));
    let fresh = AppState::new(
        Store::open_in(other.path(), &crate::test_support::test_key()).expect("open"),
        clock,
    )
    .expect("state");
    let refused = first_admin(&fresh, &account("Test Admin", "admin", "1357")).unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("pin"));
    assert!(status(&fresh).expect("status").setup_needed, "no account was made");
}

#[test]
fn wrong_pins_are_counted_while_storage_refuses_their_entries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, clock) = admin_state_at_t0(dir.path());
    people::create(&state, &account("Test Nurse", "nurse", "13579")).expect("account");
    let wrong = SignInInput { nurse_id: 2, pin: "97531".into() };
    let right = SignInInput { nurse_id: 2, pin: "13579".into() };
    let waits = |e: &VigilError| e.code == ErrorCode::Forbidden && e.message.contains("Try again");
    refuse_writes(&state, true);
    for n in 0..vigil_core::sign_in::FREE_FAILURES {
        let err = sign_in_with_pin(&state, &wrong).expect_err("wrong PIN");
        assert!(!waits(&err), "free guess {n}: {err:?}");
    }
    let err = sign_in_with_pin(&state, &wrong).expect_err("the wait");
    assert!(waits(&err), "{err:?}");
    let err = sign_in_with_pin(&state, &right).expect_err("the wait holds for any PIN");
    assert!(waits(&err), "{err:?}");
    assert!(entries(&state, Action::SignInFailed).is_empty(), "none could be stored");
    clock.advance(Duration::seconds(31));
    refuse_writes(&state, false);
    sign_in_with_pin(&state, &right).expect("after the wait, the right PIN");
    let err = sign_in_with_pin(&state, &wrong).expect_err("wrong again");
    assert_eq!(err.message, "Wrong PIN.", "the right PIN ended the run");
}
