//! Vigil's clinical rules, free of I/O: what a protocol demands, what makes an admission valid,
//! and how a recovery session stands at a given instant. Time is always passed in (`now`), so
//! every rule is testable with a fixed clock; the desktop shell owns the one real clock.

pub mod admission;
pub mod alert;
pub mod alerting;
pub mod audit_review;
pub mod board;
pub mod checks;
pub mod clock;
pub mod clock_jump;
pub mod deadline;
pub mod desktop;
pub mod discharge;
pub mod display;
pub mod draft;
pub mod emergency;
pub mod error;
pub mod exports;
pub mod history;
pub mod housekeeping;
pub mod instant;
pub mod integrity;
pub mod local_time;
pub mod notes;
pub mod papers;
pub mod payload;
pub mod people;
pub mod protocol;
pub mod protocol_version;
pub mod recovery;
pub mod recovery_key;
pub mod report;
pub mod settings;
pub mod sign_in;
pub mod startup;
pub mod storage;
pub mod table;
pub mod text;
pub mod trends;

pub use admission::{Admission, AdmitInput};
pub use alert::{ActiveAlert, NotificationOutcome};
pub use board::{BoardRow, RecoveryBoard};
pub use checks::{
    CheckInput, CheckSchedule, ClinicalAlert, CorrectionInput, Padss, ThresholdSettings,
    TimelineEntry,
};
pub use clock::{Clock, FixedClock, FixedMonotonic, Monotonic};
pub use deadline::{Deadline, DeadlineKind};
pub use discharge::{
    AgainstAdvice, AgainstAdviceInput, DischargeGates, DischargeInput, DischargePolicy,
    DischargePolicyEdit, DischargeSnapshot, Escort, EscortInput, EscortStatus, Gate, GateInput,
    GateKey, Readiness, SessionPhase, Transport, WillDrive,
};
pub use display::{DisplaySettings, DisplaySettingsEdit, ThemeMode};
pub use draft::Draft;
pub use emergency::{EmergencyAction, EmergencyLimitEdit, EmergencyUse, EmergencyUseInput};
pub use error::{ErrorCode, VigilError};
pub use housekeeping::PapersKeptEdit;
pub use integrity::{
    BackupInfo, BackupSettings, BackupSettingsEdit, IntegrityStatus, RestoreInput,
};
pub use people::{AccountStatusInput, NewNurseInput, Nurse, Permission, PinResetInput, Role};
pub use protocol::Protocol;
pub use protocol_version::{ProtocolEdit, ProtocolVersion};
pub use recovery::{RecoverySession, RecoveryState};
pub use settings::{AlertRepeatEdit, ClinicSettings};
pub use sign_in::{AuthStatus, EmergencyInput, IdleLockEdit, SignInInput, Workstation};
pub use storage::StorageStatus;
