//! The refusals only the shell and the store make (a wrong PIN, an unknown record, the
//! permissions, a review done twice, recovery with nothing to recover, a restore from a file
//! that is not there, a full disk): each made by calling the real command functions on a new
//! database in a temporary folder, or the store's own mapping of a storage failure.

use std::path::PathBuf;
use std::sync::Arc;
use vigil_core::startup::RecoveryRestoreInput;
use vigil_core::{
    CheckInput, DischargeInput, EmergencyInput, EmergencyUseInput, FixedClock, SignInInput,
    VigilError,
};
use vigil_store::audit::Action;
use vigil_store::StoreError;

use super::rules::refused;
use super::ts::Template;
use crate::commands::{auth, checks, discharge, emergency, people};
use crate::startup::{Pending, Recovery};
use crate::state::AppState;
use crate::test_support::{account, admin_state_at_t0, t0, ADMIN_PIN};

/// A nurse's PIN in these refusals.
const NURSE_PIN: &str = "1357";
/// A record id nothing has.
const NOWHERE: i64 = 9_999;

fn sign_in(state: &AppState, nurse_id: i64, pin: &str) -> Result<(), VigilError> {
    auth::sign_in_with_pin(state, &SignInInput { nurse_id, pin: pin.into() }).map(|_| ())
}

/// A discharge signed with a wrong PIN.
fn wrong_signature(state: &AppState) -> VigilError {
    let signature = DischargeInput {
        session_id: NOWHERE,
        pin: "999999".into(),
        escort_confirmed: true,
        instructions_no_driving: true,
        instructions_ride_home: true,
        instructions_emergency: true,
        acknowledged_by_patient: true,
        acknowledged_by_escort: true,
        overrides: vec![],
    };
    refused(discharge::clear(state, &signature))
}

/// The refusals of signing in and of records that do not exist.
fn sign_in_messages(state: &AppState, admin: i64) -> Vec<(&'static str, VigilError)> {
    vec![
        ("wrongPin", refused(sign_in(state, admin, "999999"))),
        ("wrongSignaturePin", wrong_signature(state)),
        ("accountNotFound", refused(sign_in(state, NOWHERE, ADMIN_PIN))),
        ("sessionNotFound", refused(checks::detail(state, NOWHERE))),
        ("dischargeSessionNotFound", refused(discharge::view(state, NOWHERE))),
        ("checkSessionNotFound", refused(checks::record(state, &nowhere_check(), &chrono::Utc))),
    ]
}

/// A paper saved as PDF into the data directory `dir`.
fn pdf_in_data_directory(state: &AppState, dir: &std::path::Path) -> VigilError {
    use crate::commands::papers::{save_pdf, PaperKind};
    let folder = dir.display().to_string();
    refused(save_pdf(state, NOWHERE, PaperKind::Discharge, &folder, &chrono::Utc))
}

/// A check for a session that does not exist.
fn nowhere_check() -> CheckInput {
    #[allow(clippy::cast_precision_loss)] // a small record id
    let session_id = Some(NOWHERE as f64);
    CheckInput { session_id, ..CheckInput::default() }
}

/// A write refused because the disk is full, as the store reports it.
fn disk_full() -> VigilError {
    let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
    VigilError::from(StoreError::Io(PathBuf::from("vigil.sqlite3"), full))
}

/// A path standing for the one typed on the recovery screen.
const TYPED_PATH: &str = "/nowhere~/PATH~.sqlite3";

/// The refusals whose words carry their case: restoring from a typed path with no file.
pub fn templates() -> Vec<Template> {
    let dir = tempfile::tempdir().expect("tempdir");
    let pending = Pending {
        dir: dir.path().to_owned(),
        reason: String::new(),
        kind: vigil_core::startup::StartupKind::Damaged,
        key: Some(crate::test_support::test_key()),
        lock: None,
    };
    let typed = RecoveryRestoreInput { file: TYPED_PATH.into() };
    let restored = pending.restore(&typed, Arc::new(FixedClock::new(t0())));
    vec![Template {
        name: "noFileAt",
        params: &[("path", TYPED_PATH)],
        error: refused(restored.map(|_| ())),
    }]
}

/// The refusals of an administrator's screens to others, and of a review done twice.
fn admin_messages(state: &AppState, admin: i64) -> Vec<(&'static str, VigilError)> {
    let nurses = people::create(state, &account("Test Nurse", "nurse", NURSE_PIN)).expect("nurse");
    let nurse = nurses.iter().find(|n| n.display_name == "Test Nurse").expect("created").id;
    sign_in(state, nurse, NURSE_PIN).expect("the nurse signs in");
    let not_admin = refused(emergency::unreviewed(state));
    auth::lock(state, Action::Lock).expect("locked");
    let locked = refused(emergency::unreviewed(state));
    let reason = "Administrator PIN forgotten, a patient needs care".into();
    auth::break_glass(state, &EmergencyInput { nurse_id: admin, reason }).expect("break glass");
    let under_emergency = refused(emergency::unreviewed(state));
    let seq = state.store.emergency_use().expect("a use in force");
    sign_in(state, admin, ADMIN_PIN).expect("the administrator signs in");
    #[allow(clippy::cast_precision_loss)] // an audit sequence number is far below 2^53
    let input = EmergencyUseInput { seq: seq as f64 };
    emergency::review(state, &input).expect("a first review");
    vec![
        ("administratorsOnly", not_admin),
        ("lockedUnlockFirst", locked),
        ("emergencyClinicalOnly", under_emergency),
        ("alreadyReviewed", refused(emergency::review(state, &input))),
    ]
}

/// The key's refusals: no keystore, a recovery key that does not open the records.
fn key_messages(state: &AppState) -> Vec<(&'static str, VigilError)> {
    let other = vigil_store::DbKey::from_bytes([9; 32]);
    let opens = crate::startup::check_opens(state.store.path(), &other, "these records");
    vec![("noKeystore", crate::startup::no_keystore()), ("recoveryKeyDoesNotOpen", refused(opens))]
}

/// The shell's and the store's refusals the fakes use.
pub fn messages() -> Vec<(&'static str, VigilError)> {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _clock) = admin_state_at_t0(dir.path());
    let admin = auth::status(&state).expect("status").nurse.expect("signed in").id;
    let nothing =
        Recovery::default().take(|_| Err::<(AppState, ()), _>(VigilError::internal("not reached")));
    [
        sign_in_messages(&state, admin),
        admin_messages(&state, admin),
        vec![("nothingToRecover", refused(nothing.map(|_| ()))), ("diskFull", disk_full())],
        vec![("pdfFolderInDataDirectory", pdf_in_data_directory(&state, dir.path()))],
        key_messages(&state),
    ]
    .concat()
}
