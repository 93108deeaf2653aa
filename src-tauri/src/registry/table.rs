//! The table itself: every command the page may call, module by module (see the parent
//! module's doc). `build.rs` and the tests read this file as text for the names.

/// Calls `$then!` with the table: `app { module { entries } ... }` for `crate::commands::*`,
/// then `recovery { entries }` for `crate::startup` (the start-up recovery screen's commands,
/// which need no open records).
macro_rules! registry {
    ($then:ident) => {
        $then! {
            app {
                sessions {
                    admit_patient(input: AdmitInput) -> i64;
                    load_board() -> RecoveryBoard;
                }
                alerts {
                    load_alerts() -> Vec<ActiveAlert>;
                    acknowledge_alert(firing_id: i64) -> ();
                    load_notification_status() -> Option<NotificationOutcome>;
                    send_test_notification() -> ();
                }
                storage {
                    load_storage_status() -> StorageStatus;
                }
                drafts {
                    save_draft(form: DraftForm, content: String) -> ();
                    load_draft(form: DraftForm) -> Option<Draft>;
                    clear_draft(form: DraftForm) -> ();
                }
                settings {
                    load_settings() -> ClinicSettings;
                    update_protocol(edit: ProtocolEdit) -> ClinicSettings;
                    update_alert_repeat(edit: AlertRepeatEdit) -> ClinicSettings;
                    update_idle_lock(edit: IdleLockEdit) -> ClinicSettings;
                    update_backup_settings(edit: BackupSettingsEdit) -> ClinicSettings;
                    update_papers_kept(edit: PapersKeptEdit) -> ClinicSettings;
                    update_thresholds(edit: ThresholdSettingsEdit) -> ClinicSettings;
                    update_check_plan(edit: CheckPlanSettingsEdit) -> ClinicSettings;
                    load_encryption() -> EncryptionInfo;
                    reissue_recovery_key() -> ReissuedKey;
                    recovery_key_kept() -> ();
                    remove_plain_backups() -> u32;
                }
                display {
                    load_display_settings() -> DisplaySettings;
                    update_display_settings(edit: DisplaySettingsEdit) -> DisplaySettings;
                }
                auth {
                    load_auth() -> AuthStatus;
                    create_first_admin(input: NewNurseInput) -> AuthStatus;
                    sign_in(input: SignInInput) -> AuthStatus;
                    sign_out() -> AuthStatus;
                    lock_screen() -> AuthStatus;
                    note_activity() -> ();
                    emergency_access(input: EmergencyInput) -> AuthStatus;
                }
                emergency {
                    load_emergency_uses() -> Vec<EmergencyUse>;
                    load_emergency_actions(input: EmergencyUseInput) -> Vec<EmergencyAction>;
                    review_emergency_use(input: EmergencyUseInput) -> Vec<EmergencyUse>;
                    update_emergency_limit(edit: EmergencyLimitEdit) -> ClinicSettings;
                }
                people {
                    load_accounts() -> Vec<Nurse>;
                    create_account(input: NewNurseInput) -> Vec<Nurse>;
                    set_account_active(input: AccountStatusInput) -> Vec<Nurse>;
                    reset_pin(input: PinResetInput) -> ();
                }
                audit {
                    load_audit_trail(filter: AuditFilter) -> AuditPage;
                    load_audit_choices() -> AuditChoices;
                    export_audit_csv(filter: AuditFilter, folder: String) -> String;
                }
                records {
                    load_integrity() -> IntegrityStatus;
                    verify_records() -> IntegrityStatus;
                    load_backups() -> Vec<BackupInfo>;
                    back_up_now() -> BackupInfo;
                    restore_backup(input: RestoreInput) -> IntegrityStatus;
                }
                checks {
                    record_check(input: CheckInput) -> CheckSaved;
                    correct_check(input: CorrectionInput) -> CheckSaved;
                    load_session(session_id: i64) -> SessionDetail;
                    preview_orthostatic(input: OrthostaticInput) -> OrthostaticResult;
                    confirm_padss(input: PadssConfirmInput) -> SessionDetail;
                }
                predose {
                    record_predose_decision(input: PredoseDecisionInput) -> i64;
                }
                notes {
                    add_note(input: NoteInput) -> NoteSaved;
                }
                discharge {
                    save_escort(input: EscortInput) -> ();
                    load_discharge(session_id: i64) -> DischargeView;
                    confirm_discharge(input: DischargeInput) -> ();
                    record_departure(session_id: i64) -> ();
                    record_against_advice(input: AgainstAdviceInput) -> ();
                    load_recent_departures() -> Vec<DepartedRow>;
                    update_discharge_policy(edit: DischargePolicyEdit) -> ClinicSettings;
                }
                transfers {
                    record_transfer(input: TransferInput) -> ();
                }
                history {
                    search_history(query: HistoryQuery) -> HistoryPage;
                }
                reports {
                    load_report(input: ReportInput) -> DayReport;
                    save_report_pdf(input: ReportInput, folder: String) -> String;
                    save_report_csv(input: ReportInput, folder: String) -> String;
                    load_shifts() -> Vec<Shift>;
                    update_shifts(edit: ShiftsEdit) -> Vec<Shift>;
                }
                papers {
                    discharge_sheet(session_id: i64) -> Paper;
                    rems_form(session_id: i64) -> Paper;
                    save_discharge_pdf(session_id: i64, folder: String) -> String;
                    save_rems_pdf(session_id: i64, folder: String) -> String;
                    default_export_folder() -> String;
                    print_paper(session_id: i64, paper: PaperKind) -> ();
                    save_rems_details(input: RemsDetailsInput) -> ();
                    load_rems_details(session_id: i64) -> Option<RemsDetails>;
                    load_forms_due() -> Vec<FormDue>;
                    mark_form_submitted(input: FormSubmittedInput) -> Vec<FormDue>;
                }
                exports {
                    export_sessions_csv(input: CsvExportInput) -> String;
                    export_checks_csv(input: CsvExportInput) -> String;
                }
                about {
                    load_about() -> AboutInfo;
                }
                tray {
                    load_close_request(reason: CloseReason) -> CloseRequest;
                    keep_running_hidden() -> ();
                    quit_vigil(input: QuitInput) -> ();
                }
                autostart {
                    load_autostart() -> AutostartStatus;
                    update_autostart(edit: AutostartEdit) -> AutostartStatus;
                }
            }
            recovery {
                load_startup_problem() -> Option<StartupProblem>;
                recover_move_aside() -> RecoveryOutcome;
                set_aside_locked_records() -> RecoveryOutcome;
                recover_from_backup(input: RecoveryRestoreInput) -> RecoveryOutcome;
                start_new_records(input: NewRecordsInput) -> NewRecordsOutcome;
                open_with_recovery_key(input: RecoveryKeyInput) -> RecoveryOutcome;
                retry_key() -> RecoveryOutcome;
            }
        }
    };
}
