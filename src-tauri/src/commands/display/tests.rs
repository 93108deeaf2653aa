//! Display settings through the command functions: loaded signed out and locked; changed by
//! any signed-in nurse (a plain nurse, emergency access) and attributed to them; refused when
//! signed out or locked; a bad value names its field and changes nothing.

use super::*;
use vigil_core::display::ThemeMode;
use vigil_core::{EmergencyInput, ErrorCode, SignInInput};

use crate::commands::{auth, people};
use crate::test_support::{account, admin_state_at_t0, everything};

const NURSE_PIN: &str = "1357";

fn edit(theme: &str) -> DisplaySettingsEdit {
    DisplaySettingsEdit {
        theme: theme.into(),
        dim_from: "19:00".into(),
        dim_until: "06:30".into(),
        volume: 25.0,
        escalate_after_minutes: 3.0,
    }
}

/// Creates a plain nurse (by the signed-in administrator); returns the account id.
fn plain_nurse(state: &AppState) -> i64 {
    let accounts = people::create(state, &account("Test Nurse", "nurse", NURSE_PIN)).expect("new");
    accounts.iter().find(|n| n.display_name == "Test Nurse").expect("listed").id
}

/// The nurse of the latest audit entry and its action.
fn last_entry(state: &AppState) -> (String, Option<i64>) {
    state
        .store
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT action, nurse_id FROM audit_events ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .expect("entry")
}

#[test]
fn the_settings_load_signed_out_and_locked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    change(&state, &edit("dim")).expect("changed");
    auth::lock(&state, vigil_store::audit::Action::Lock).expect("locked");
    assert_eq!(load(&state).expect("locked").theme, ThemeMode::Dim);
    auth::leave(&state).expect("signed out");
    assert_eq!(load(&state).expect("signed out").theme, ThemeMode::Dim);
}

#[test]
fn a_plain_nurse_changes_them_and_the_change_is_theirs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let id = plain_nurse(&state);
    auth::sign_in_with_pin(&state, &SignInInput { nurse_id: id, pin: NURSE_PIN.into() })
        .expect("signed in");
    let s = change(&state, &edit("scheduled")).expect("a nurse may");
    assert_eq!(s.theme, ThemeMode::Scheduled);
    assert_eq!((s.dim_from.as_str(), s.volume, s.escalate_after_minutes), ("19:00", 25, 3));
    assert_eq!(last_entry(&state), ("setting_change".to_owned(), Some(id)));
}

#[test]
fn emergency_access_may_change_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let id = plain_nurse(&state);
    auth::leave(&state).expect("signed out");
    let reason = "Sign-in screen frozen, patient waiting".into();
    auth::break_glass(&state, &EmergencyInput { nurse_id: id, reason }).expect("emergency");
    assert_eq!(change(&state, &edit("dim")).expect("comfort").theme, ThemeMode::Dim);
    assert_eq!(last_entry(&state), ("setting_change".to_owned(), Some(id)));
}

#[test]
fn signed_out_or_locked_they_cannot_be_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    auth::lock(&state, vigil_store::audit::Action::Lock).expect("locked");
    let before = everything(&state);
    let err = change(&state, &edit("dim")).expect_err("locked");
    assert_eq!(err.code, ErrorCode::Forbidden);
    auth::leave(&state).expect("signed out");
    let before_out = everything(&state);
    assert_ne!(before, before_out, "signing out is audited");
    let err = change(&state, &edit("dim")).expect_err("signed out");
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(everything(&state), before_out);
    assert_eq!(load(&state).expect("load"), DisplaySettings::default());
}

#[test]
fn a_bad_value_names_its_field_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let before = everything(&state);
    let same_hours = DisplaySettingsEdit {
        dim_from: "22:00".into(),
        dim_until: "22:00".into(),
        ..edit("scheduled")
    };
    let cases = [
        (DisplaySettingsEdit { theme: "dark".into(), ..edit("dim") }, "theme"),
        (DisplaySettingsEdit { dim_from: "7pm".into(), ..edit("dim") }, "dimFrom"),
        (DisplaySettingsEdit { dim_until: "24:00".into(), ..edit("dim") }, "dimUntil"),
        (same_hours, "dimUntil"),
        (DisplaySettingsEdit { volume: 101.0, ..edit("dim") }, "volume"),
        (
            DisplaySettingsEdit { escalate_after_minutes: 0.0, ..edit("dim") },
            "escalateAfterMinutes",
        ),
    ];
    for (bad, field) in cases {
        let err = change(&state, &bad).expect_err(field);
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some(field)));
    }
    assert_eq!(everything(&state), before);
}
