//! `Action::ALL` is kept by hand: these tests make a new action fail to compile until it is
//! numbered here, and fail until it is in `ALL`, once, in its declared place.

use std::collections::HashSet;

use super::Action;

/// How many actions there are: the arms of [`position`].
const COUNT: usize = 51;

/// Each action's place in the declaration (and so in `ALL`). An exhaustive match, with no
/// wildcard: a new action does not compile until it has its arm here; give it the next number
/// and raise [`COUNT`], and the tests below then fail until it is in `ALL`.
fn position(action: Action) -> usize {
    match action {
        Action::SignIn => 0,
        Action::SignInFailed => 1,
        Action::SwitchNurse => 2,
        Action::Unlock => 3,
        Action::SignOut => 4,
        Action::Lock => 5,
        Action::AutoLock => 6,
        Action::EmergencyAccess => 7,
        Action::AccountCreate => 8,
        Action::AccountStatus => 9,
        Action::PinReset => 10,
        Action::Admit => 11,
        Action::Acknowledge => 12,
        Action::ProtocolChange => 13,
        Action::SettingChange => 14,
        Action::AlertFired => 15,
        Action::NotificationOutcome => 16,
        Action::ClockJump => 17,
        Action::ProtocolSeed => 18,
        Action::Baseline => 19,
        Action::Backup => 20,
        Action::Restore => 21,
        Action::Verify => 22,
        Action::RecordCheck => 23,
        Action::CorrectCheck => 24,
        Action::ThresholdChange => 25,
        Action::ConfirmPadss => 26,
        Action::CheckPlanChange => 27,
        Action::SaveEscort => 28,
        Action::ClearDischarge => 29,
        Action::Depart => 30,
        Action::AgainstAdvice => 31,
        Action::Transfer => 32,
        Action::DischargePolicyChange => 33,
        Action::RemsDetails => 34,
        Action::RemsSubmitted => 35,
        Action::Export => 36,
        Action::Print => 37,
        Action::AddNote => 38,
        Action::PredoseDecision => 39,
        Action::ReadinessChanged => 40,
        Action::Housekeeping => 41,
        Action::EmergencyExpired => 42,
        Action::EmergencyReview => 43,
        Action::RecoverAtStart => 44,
        Action::RecordsEncrypted => 45,
        Action::RecoveryKeyReissued => 46,
        Action::KeyHomeChanged => 47,
        Action::PlainBackupsRemoved => 48,
        Action::RecoveryKeyKept => 49,
        Action::AppQuit => 50,
    }
}

#[test]
fn all_lists_every_action_once_in_declared_order() {
    assert_eq!(Action::ALL.len(), COUNT, "ALL has one entry per action");
    for (i, &action) in Action::ALL.iter().enumerate() {
        assert_eq!(position(action), i, "{action:?} is listed at its declared place");
        assert_eq!(action as usize, i, "{action:?}: the numbering follows the declaration");
    }
    // Each entry sits at its own action's place, so none is listed twice and, with COUNT
    // entries, none is missing.
}

#[test]
fn every_action_is_stored_under_its_own_name() {
    let names: HashSet<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    assert_eq!(names.len(), COUNT, "two actions share a stored name");
}
