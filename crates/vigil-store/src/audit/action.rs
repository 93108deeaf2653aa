//! What the audit trail can say: the actions it records, and the tables whose rows an entry
//! may point at.

/// What happened. Stored as the snake_case string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    SignIn,
    SignInFailed,
    SwitchNurse,
    Unlock,
    SignOut,
    Lock,
    AutoLock,
    EmergencyAccess,
    AccountCreate,
    AccountStatus,
    PinReset,
    Admit,
    Acknowledge,
    ProtocolChange,
    SettingChange,
    AlertFired,
    NotificationOutcome,
    ClockJump,
    ProtocolSeed,
    Baseline,
    Backup,
    Restore,
    Verify,
    RecordCheck,
    CorrectCheck,
    ThresholdChange,
    ConfirmPadss,
    CheckPlanChange,
    SaveEscort,
    ClearDischarge,
    Depart,
    AgainstAdvice,
    Transfer,
    DischargePolicyChange,
    RemsDetails,
    RemsSubmitted,
    Export,
    Print,
    /// A nurse's note about a patient.
    AddNote,
    /// A prescriber's decision on a pre-dose blood pressure above the limit.
    PredoseDecision,
    /// The board's readiness of a session changed (recorded by the scheduler, no nurse).
    ReadinessChanged,
    /// The daily cleanup deleted old saved papers and drafts (counts only, no nurse).
    Housekeeping,
    /// An emergency access ran its time and the workstation locked.
    EmergencyExpired,
    /// An administrator reviewed a use of emergency access.
    EmergencyReview,
    /// At start-up the database could not be opened: it was moved aside and a backup restored
    /// or a fresh one started (the entry, in the new file, names the damaged one).
    RecoverAtStart,
    /// A plain (unencrypted) database was encrypted in place on the first start of an
    /// encrypting Vigil (no nurse).
    RecordsEncrypted,
    /// An administrator issued a new recovery key (the records were re-encrypted to a new key).
    RecoveryKeyReissued,
    /// Where the database key is kept changed (keystore or key file), or it was put back there
    /// from the recovery key.
    KeyHomeChanged,
    /// An administrator removed old backups that were not encrypted.
    PlainBackupsRemoved,
    /// The person shown a recovery key said it was kept safe (an administrator; at first
    /// start, before any account exists, no nurse).
    RecoveryKeyKept,
    /// Vigil was quit, or its window closed and Vigil exited. The detail says which: a confirmed
    /// quit (the dialog's Quit, from the window or the tray) is "quit; patients left on the
    /// board: N; open alerts: M", by the unlocked nurse (a quit with nobody on the board also
    /// when locked or signed out, then by nobody); a window closed with nobody in recovery is
    /// "window closed; patients on the board: 0"; a window closed after the page left a close
    /// question unanswered for over 10 s adds "; the page did not answer the close question"
    /// (N may then be "not counted"). Window closes are by the unlocked nurse, else nobody.
    AppQuit,
}

impl Action {
    /// Every action, in the order declared (the review's list of actions).
    pub const ALL: &'static [Action] = &[
        Action::SignIn,
        Action::SignInFailed,
        Action::SwitchNurse,
        Action::Unlock,
        Action::SignOut,
        Action::Lock,
        Action::AutoLock,
        Action::EmergencyAccess,
        Action::AccountCreate,
        Action::AccountStatus,
        Action::PinReset,
        Action::Admit,
        Action::Acknowledge,
        Action::ProtocolChange,
        Action::SettingChange,
        Action::AlertFired,
        Action::NotificationOutcome,
        Action::ClockJump,
        Action::ProtocolSeed,
        Action::Baseline,
        Action::Backup,
        Action::Restore,
        Action::Verify,
        Action::RecordCheck,
        Action::CorrectCheck,
        Action::ThresholdChange,
        Action::ConfirmPadss,
        Action::CheckPlanChange,
        Action::SaveEscort,
        Action::ClearDischarge,
        Action::Depart,
        Action::AgainstAdvice,
        Action::Transfer,
        Action::DischargePolicyChange,
        Action::RemsDetails,
        Action::RemsSubmitted,
        Action::Export,
        Action::Print,
        Action::AddNote,
        Action::PredoseDecision,
        Action::ReadinessChanged,
        Action::Housekeeping,
        Action::EmergencyExpired,
        Action::EmergencyReview,
        Action::RecoverAtStart,
        Action::RecordsEncrypted,
        Action::RecoveryKeyReissued,
        Action::KeyHomeChanged,
        Action::PlainBackupsRemoved,
        Action::RecoveryKeyKept,
        Action::AppQuit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::SignIn => "sign_in",
            Action::SignInFailed => "sign_in_failed",
            Action::SwitchNurse => "switch_nurse",
            Action::Unlock => "unlock",
            Action::SignOut => "sign_out",
            Action::Lock => "lock",
            Action::AutoLock => "auto_lock",
            Action::EmergencyAccess => "emergency_access",
            Action::AccountCreate => "account_create",
            Action::AccountStatus => "account_status",
            Action::PinReset => "pin_reset",
            Action::Admit => "admit",
            Action::Acknowledge => "acknowledge",
            Action::ProtocolChange => "protocol_change",
            Action::SettingChange => "setting_change",
            Action::AlertFired => "alert_fired",
            Action::NotificationOutcome => "notification_outcome",
            Action::ClockJump => "clock_jump",
            Action::ProtocolSeed => "protocol_seed",
            Action::Baseline => "baseline",
            Action::Backup => "backup",
            Action::Restore => "restore",
            Action::Verify => "verify",
            Action::RecordCheck => "record_check",
            Action::CorrectCheck => "correct_check",
            Action::ThresholdChange => "threshold_change",
            Action::ConfirmPadss => "confirm_padss",
            Action::CheckPlanChange => "check_plan_change",
            Action::SaveEscort => "save_escort",
            Action::ClearDischarge => "clear_discharge",
            Action::Depart => "depart",
            Action::AgainstAdvice => "against_advice",
            Action::Transfer => "transfer",
            Action::DischargePolicyChange => "discharge_policy_change",
            Action::RemsDetails => "rems_details",
            Action::RemsSubmitted => "rems_submitted",
            Action::Export => "export",
            Action::Print => "print",
            Action::AddNote => "add_note",
            Action::PredoseDecision => "predose_decision",
            Action::ReadinessChanged => "readiness_changed",
            Action::Housekeeping => "housekeeping",
            Action::EmergencyExpired => "emergency_expired",
            Action::EmergencyReview => "emergency_review",
            Action::RecoverAtStart => "recover_at_start",
            Action::RecordsEncrypted => "records_encrypted",
            Action::RecoveryKeyReissued => "recovery_key_reissued",
            Action::KeyHomeChanged => "key_home_changed",
            Action::PlainBackupsRemoved => "plain_backups_removed",
            Action::RecoveryKeyKept => "recovery_key_kept",
            Action::AppQuit => "app_quit",
        }
    }
}

#[cfg(test)]
#[path = "action_tests.rs"]
mod tests;

/// The tables whose rows an audit entry may point at (the only names ever put into SQL).
pub const RECORD_TABLES: &[&str] = &[
    "recovery_sessions",
    "spravato_devices",
    "alert_firings",
    "alert_acknowledgements",
    "notification_outcomes",
    "clock_jumps",
    "protocol_versions",
    "setting_changes",
    "nurses",
    "nurse_pins",
    "nurse_status",
    "checks",
    "threshold_versions",
    "alert_resolutions",
    "padss_confirmations",
    "check_plan_versions",
    "discharge_policy_versions",
    "escort_versions",
    "discharge_clearances",
    "session_departures",
    "rems_details",
    "rems_submissions",
    "notes",
    "readiness_changes",
    "predose_decisions",
    "emergency_reviews",
];
