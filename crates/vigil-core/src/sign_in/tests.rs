//! Sign-in: the wrong-PIN wait, the idle lock, who may do what, emergency access.

use super::*;
use crate::people::{Permission, Role};
use crate::ErrorCode;
use chrono::{Duration, TimeZone};
use std::time::Duration as Elapsed;

fn t(s: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid") + Duration::seconds(s)
}

/// A monotonic reading `s` seconds after the origin.
fn m(s: u64) -> Elapsed {
    Elapsed::from_secs(s)
}

fn nurse(id: i64, role: Role) -> Nurse {
    Nurse {
        id,
        display_name: format!("Test Nurse {id}"),
        credentials: "RN".into(),
        role,
        active: true,
    }
}

#[test]
fn three_wrong_pins_are_free_then_the_wait_doubles_to_a_cap() {
    assert_eq!(sign_in_wait(0, None, t(0)), None);
    assert_eq!(sign_in_wait(2, Some(t(0)), t(0)), None);
    assert_eq!(sign_in_wait(3, Some(t(0)), t(0)), Some(Duration::seconds(30)));
    assert_eq!(sign_in_wait(3, Some(t(0)), t(29)), Some(Duration::seconds(1)));
    assert_eq!(sign_in_wait(3, Some(t(0)), t(30)), None);
    assert_eq!(sign_in_wait(4, Some(t(0)), t(0)), Some(Duration::seconds(60)));
    assert_eq!(sign_in_wait(8, Some(t(0)), t(0)), Some(Duration::seconds(900)));
    assert_eq!(sign_in_wait(500, Some(t(0)), t(0)), Some(Duration::seconds(900)));
    assert!(wait_error(Duration::milliseconds(29_001)).message.contains("30 s"));
}

#[test]
fn locks_after_the_idle_time_and_input_postpones_it() {
    let mut w = Workstation::new();
    assert!(!w.idle_expired(m(1000), 300), "nobody signed in: nothing to lock");
    w.sign_in(nurse(1, Role::Nurse), false, t(0), m(0));
    assert!(!w.idle_expired(m(299), 300));
    w.touch(m(200));
    assert!(!w.idle_expired(m(499), 300));
    assert!(w.idle_expired(m(500), 300));
    assert_eq!(w.lock().map(|n| n.id), Some(1));
    assert!(w.lock().is_none(), "locking twice changes nothing");
    assert!(!w.idle_expired(m(5000), 300) && !w.is_open());
}

#[test]
fn idle_counts_on_the_monotonic_clock_whatever_the_wall_clock_says() {
    let mut w = Workstation::new();
    // Signed in at wall-clock 13:00; the wall clock is then set back to 12:00. Idle time is
    // counted on the monotonic readings only, so the lock still comes after 300 s.
    w.sign_in(nurse(1, Role::Nurse), false, t(3600), m(1000));
    assert!(!w.idle_expired(m(1299), 300));
    assert!(w.idle_expired(m(1300), 300), "no wall-clock time can hold it off");
    w.touch(m(1250));
    assert!(!w.idle_expired(m(1300), 300), "real input postpones it");
    w.touch(m(900));
    assert!(w.idle_expired(m(1550), 300), "an older reading moves nothing back");
    assert!(!w.idle_expired(m(10), 300), "a reading before the last input is not idle");
}

#[test]
fn locked_or_signed_out_may_not_write_and_admin_work_needs_an_admin() {
    let mut w = Workstation::new();
    assert_eq!(w.require(Permission::ClinicalWork).unwrap_err().code, ErrorCode::Forbidden);
    w.sign_in(nurse(1, Role::Nurse), false, t(0), m(0));
    assert_eq!(w.require(Permission::ClinicalWork).map(|n| n.id), Ok(1));
    assert_eq!(w.require(Permission::Administer).unwrap_err().code, ErrorCode::Forbidden);
    w.lock();
    assert!(w.require(Permission::ClinicalWork).unwrap_err().message.contains("locked"));
    let previous = w.sign_in(nurse(2, Role::Admin), false, t(10), m(10));
    assert_eq!(previous.map(|n| n.id), Some(1), "a different nurse unlocking is a switch");
    assert!(w.require(Permission::Administer).is_ok());
    assert_eq!(w.sign_in(nurse(2, Role::Admin), false, t(20), m(20)), None);
    assert_eq!(w.sign_out().map(|n| n.id), Some(2));
    assert!(!w.is_open());
}

#[test]
fn emergency_access_gives_clinical_work_only_whatever_the_role() {
    let mut w = Workstation::new();
    w.sign_in(nurse(1, Role::Admin), true, t(0), m(0));
    assert_eq!(w.require(Permission::ClinicalWork).map(|n| n.id), Ok(1));
    let refused = w.require(Permission::Administer).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert!(refused.message.contains("clinical work only"), "{}", refused.message);
    w.sign_in(nurse(1, Role::Admin), false, t(10), m(10));
    assert!(w.require(Permission::Administer).is_ok(), "a PIN sign-in ends the emergency");
}

#[test]
fn emergency_access_runs_out_on_the_wall_clock() {
    let mut w = Workstation::new();
    w.sign_in(nurse(1, Role::Nurse), false, t(0), m(0));
    assert_eq!(w.emergency_ends_at(30), None);
    assert!(!w.emergency_expired(t(99_999), 30), "a PIN sign-in never runs out");
    w.sign_in(nurse(2, Role::Nurse), true, t(100), m(100));
    assert_eq!(w.emergency_ends_at(30), Some(t(100 + 1800)));
    w.touch(m(1000));
    assert!(!w.emergency_expired(t(1899), 30), "input does not extend it");
    assert!(w.emergency_expired(t(1900), 30));
    assert!(w.emergency_expired(t(99), 30), "a clock set back before its start ends it");
    w.lock();
    assert!(!w.emergency_expired(t(5000), 30), "locked: nothing more to end");
}

#[test]
fn emergency_reason_and_idle_bounds() {
    let e = |r: &str| EmergencyInput { nurse_id: 1, reason: r.into() }.reason();
    assert!(e("PIN forgotten, patient in bay 2 needs care").is_ok());
    for bad in ["", "too short", "line\nbreak in the reason"] {
        assert_eq!(e(bad).unwrap_err().field.as_deref(), Some("reason"), "{bad:?}");
    }
    for ok in [20.0, 300.0, 3600.0] {
        assert!(IdleLockEdit { seconds: ok }.validate().is_ok());
    }
    for bad in [19.0, 3601.0, 30.5, f64::NAN, f64::INFINITY] {
        assert!(IdleLockEdit { seconds: bad }.validate().is_err(), "{bad}");
    }
}
