//! The administrator's-change helper: the permission before the validation, nothing written
//! when either refuses, and the write in one transaction as the administrator at the clock's
//! now, with the settings as they then stand.

use super::*;
use std::cell::Cell;
use vigil_core::checks::ThresholdSettings;
use vigil_core::ErrorCode;
use vigil_store::audit::Action;

use crate::commands::auth;
use crate::test_support::{admin_state_at_t0, everything, t0};

#[test]
fn a_locked_workstation_is_refused_before_the_edit_is_validated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    auth::lock(&state, Action::Lock).expect("lock");
    let before = everything(&state);
    let validated = Cell::new(false);
    let err = admin_change(
        &state,
        || {
            validated.set(true);
            Ok(ThresholdSettings::default())
        },
        vigil_store::thresholds::set,
    )
    .expect_err("locked");
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert!(!validated.get(), "the permission is checked first");
    assert_eq!(everything(&state), before);
}

#[test]
fn a_refused_edit_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let before = everything(&state);
    let wrote = Cell::new(false);
    let err = change_settings(
        &state,
        || Err::<u32, _>(VigilError::validation("minutes", "Enter minutes.")),
        |_, _, _, _| {
            wrote.set(true);
            Ok(())
        },
    )
    .expect_err("refused");
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("minutes")));
    assert!(!wrote.get());
    assert_eq!(everything(&state), before);
}

#[test]
fn the_change_is_written_by_the_administrator_at_now_and_the_settings_come_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = admin_state_at_t0(dir.path());
    let admin = state.nurse_for(vigil_core::Permission::Administer).expect("admin");
    let seen = Cell::new(None);
    let settings = change_settings(
        &state,
        || Ok(45),
        |tx, minutes, by, now| {
            seen.set(Some((*minutes, by, now)));
            vigil_store::settings::set_emergency_minutes(tx, *minutes, by, now)
        },
    )
    .expect("changed");
    assert_eq!(seen.get(), Some((45, admin.id, t0())));
    assert_eq!(settings.emergency_minutes, 45);
    assert_eq!(settings, super::super::load(&state).expect("load"));
}
