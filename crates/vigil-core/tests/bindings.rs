//! The TypeScript types the UI uses for IPC are generated from these Rust types. This test
//! fails when the committed `ui/src/lib/ipc/bindings.ts` is stale; run it with
//! `VIGIL_UPDATE_BINDINGS=1` to rewrite the file.
#![allow(clippy::expect_used)] // test code: a failed step stops the test

use std::path::PathBuf;
use ts_rs::TS;
use vigil_core::checks::{
    AlertSeverity, Baseline, BloodPressure, Cadss, Check, CheckInput, CheckPurpose, CheckSchedule,
    ClinicalAlert, ClinicalAlertKind, CorrectionInput, HeartRateRise, Orthostatic,
    OrthostaticInput, OrthostaticMethod, OrthostaticOutcome, OrthostaticReadings,
    OrthostaticResult, OxygenSupport, Padss, PadssItem, PadssItemKind, PlannedCheck,
    PlannedCheckKind, PlannedCheckStatus, Symptom, ThresholdSettings, ThresholdSettingsEdit,
    TimelineEntry, TimelineKind, Vitals, VitalsInput,
};
use vigil_core::discharge::{
    AgainstAdvice, AgainstAdviceInput, DischargeGates, DischargeInput, DischargePolicy,
    DischargePolicyEdit, DischargeSnapshot, Escort, EscortInput, EscortStatus, Gate, GateKey,
    GateOverride, Instructions, OverrideInput, Readiness, SessionPhase, Transport, WillDrive,
};
use vigil_core::notes::{NoteInput, NoteSaved};
use vigil_core::papers::{Paper, PaperRow, PaperSection};
use vigil_core::{
    AccountStatusInput, ActiveAlert, AdmitInput, AlertRepeatEdit, AuthStatus, BackupInfo,
    BackupSettings, BackupSettingsEdit, BoardRow, ClinicSettings, DeadlineKind, Draft,
    EmergencyInput, ErrorCode, IdleLockEdit, IntegrityStatus, NewNurseInput, NotificationOutcome,
    Nurse, PinResetInput, Protocol, ProtocolEdit, ProtocolVersion, RecoveryBoard, RecoveryState,
    RestoreInput, Role, SignInInput, VigilError,
};

fn generated() -> String {
    let decls = [
        ErrorCode::decl(),
        VigilError::decl(),
        Protocol::decl(),
        RecoveryState::decl(),
        AdmitInput::decl(),
        BoardRow::decl(),
        RecoveryBoard::decl(),
        vigil_core::board::UnreadableSession::decl(),
        DeadlineKind::decl(),
        ActiveAlert::decl(),
        NotificationOutcome::decl(),
        vigil_core::alert::OpenSession::decl(),
        vigil_core::StorageStatus::decl(),
        ProtocolVersion::decl(),
        ProtocolEdit::decl(),
        ClinicSettings::decl(),
        AlertRepeatEdit::decl(),
        vigil_core::ThemeMode::decl(),
        vigil_core::DisplaySettings::decl(),
        vigil_core::DisplaySettingsEdit::decl(),
        Draft::decl(),
        Role::decl(),
        Nurse::decl(),
        NewNurseInput::decl(),
        PinResetInput::decl(),
        AccountStatusInput::decl(),
        SignInInput::decl(),
        EmergencyInput::decl(),
        IdleLockEdit::decl(),
        AuthStatus::decl(),
        vigil_core::EmergencyLimitEdit::decl(),
        vigil_core::EmergencyUse::decl(),
        vigil_core::EmergencyAction::decl(),
        vigil_core::EmergencyUseInput::decl(),
        IntegrityStatus::decl(),
        BackupInfo::decl(),
        BackupSettings::decl(),
        BackupSettingsEdit::decl(),
        vigil_core::PapersKeptEdit::decl(),
        RestoreInput::decl(),
        CheckPurpose::decl(),
        Symptom::decl(),
        OxygenSupport::decl(),
        VitalsInput::decl(),
        OrthostaticMethod::decl(),
        OrthostaticInput::decl(),
        CheckInput::decl(),
        CorrectionInput::decl(),
        BloodPressure::decl(),
        Vitals::decl(),
        OrthostaticReadings::decl(),
        Orthostatic::decl(),
        OrthostaticOutcome::decl(),
        OrthostaticResult::decl(),
        HeartRateRise::decl(),
        NoteInput::decl(),
        NoteSaved::decl(),
        Cadss::decl(),
        Check::decl(),
        ThresholdSettings::decl(),
        ThresholdSettingsEdit::decl(),
        ClinicalAlertKind::decl(),
        AlertSeverity::decl(),
        ClinicalAlert::decl(),
        Baseline::decl(),
        PadssItemKind::decl(),
        PadssItem::decl(),
        Padss::decl(),
        PlannedCheckKind::decl(),
        PlannedCheckStatus::decl(),
        PlannedCheck::decl(),
        CheckSchedule::decl(),
        TimelineKind::decl(),
        TimelineEntry::decl(),
        vigil_core::checks::CheckStatus::decl(),
        vigil_core::checks::CheckRecord::decl(),
        vigil_core::checks::SessionDetail::decl(),
        vigil_core::checks::CheckSaved::decl(),
        vigil_core::checks::PadssConfirmInput::decl(),
        vigil_core::checks::PadssConfirmation::decl(),
        vigil_core::checks::PredoseChoice::decl(),
        vigil_core::checks::PredoseDecisionInput::decl(),
        vigil_core::checks::PredoseDecision::decl(),
        vigil_core::checks::RecordedPredoseDecision::decl(),
        vigil_core::checks::PredoseStanding::decl(),
        vigil_core::checks::CheckPlanSettings::decl(),
        vigil_core::checks::CheckPlanSettingsEdit::decl(),
        DischargePolicy::decl(),
        DischargePolicyEdit::decl(),
        Transport::decl(),
        EscortStatus::decl(),
        EscortInput::decl(),
        Escort::decl(),
        GateKey::decl(),
        Gate::decl(),
        Readiness::decl(),
        DischargeGates::decl(),
        SessionPhase::decl(),
        OverrideInput::decl(),
        DischargeInput::decl(),
        GateOverride::decl(),
        Instructions::decl(),
        DischargeSnapshot::decl(),
        WillDrive::decl(),
        AgainstAdviceInput::decl(),
        AgainstAdvice::decl(),
        vigil_core::discharge::TransferInput::decl(),
        vigil_core::discharge::Transfer::decl(),
        Paper::decl(),
        PaperSection::decl(),
        PaperRow::decl(),
        vigil_core::trends::TrendChart::decl(),
        vigil_core::trends::TrendPanel::decl(),
        vigil_core::trends::TrendSeries::decl(),
        vigil_core::trends::TrendPoint::decl(),
        vigil_core::trends::TrendLimit::decl(),
        vigil_core::table::Table::decl(),
        vigil_core::discharge::view::DischargeView::decl(),
        vigil_core::discharge::view::DepartureHow::decl(),
        vigil_core::discharge::view::DepartedRow::decl(),
        vigil_core::papers::rems::Sex::decl(),
        vigil_core::papers::rems::RemsDetailsInput::decl(),
        vigil_core::papers::rems::RemsDetails::decl(),
        vigil_core::papers::rems::FormSubmittedInput::decl(),
        vigil_core::papers::rems::SubmissionChannel::decl(),
        vigil_core::papers::rems::FormStatus::decl(),
        vigil_core::papers::rems::FormDue::decl(),
        vigil_core::startup::StartupProblem::decl(),
        vigil_core::startup::RecoveryOutcome::decl(),
        vigil_core::startup::RecoveryRestoreInput::decl(),
        vigil_core::startup::StartupKind::decl(),
        vigil_core::startup::KeyHome::decl(),
        vigil_core::startup::NewRecordsInput::decl(),
        vigil_core::startup::NewRecordsOutcome::decl(),
        vigil_core::startup::RecoveryKeyInput::decl(),
        vigil_core::startup::EncryptionInfo::decl(),
        vigil_core::startup::ReissuedKey::decl(),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in crates/vigil-core by its `bindings` test.\n\
         // Do not edit: run `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil-core --test bindings`.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}

#[test]
fn committed_bindings_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/ipc/bindings.ts");
    let want = generated();
    if std::env::var_os("VIGIL_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).expect("write bindings");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale; run VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil-core --test bindings",
        path.display()
    );
}
