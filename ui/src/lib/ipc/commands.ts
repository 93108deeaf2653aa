// Generated from the command registry (src-tauri/src/registry.rs) by its tests.
// Do not edit: run `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil registry`.
import { call } from './runtime';
import type {
  AboutInfo,
  AccountStatusInput,
  ActiveAlert,
  AdmitInput,
  AgainstAdviceInput,
  AlertRepeatEdit,
  AuditChoices,
  AuditFilter,
  AuditPage,
  AuthStatus,
  AutostartEdit,
  AutostartStatus,
  BackupInfo,
  BackupSettingsEdit,
  CheckInput,
  CheckPlanSettingsEdit,
  CheckSaved,
  ClinicSettings,
  CloseReason,
  CloseRequest,
  CorrectionInput,
  CsvExportInput,
  DayReport,
  DepartedRow,
  DischargeInput,
  DischargePolicyEdit,
  DischargeView,
  DisplaySettings,
  DisplaySettingsEdit,
  Draft,
  EmergencyAction,
  EmergencyInput,
  EmergencyLimitEdit,
  EmergencyUse,
  EmergencyUseInput,
  EncryptionInfo,
  EscortInput,
  FormDue,
  FormSubmittedInput,
  HistoryPage,
  HistoryQuery,
  IdleLockEdit,
  IntegrityStatus,
  NewNurseInput,
  NewRecordsInput,
  NewRecordsOutcome,
  NoteInput,
  NoteSaved,
  NotificationOutcome,
  Nurse,
  OrthostaticInput,
  OrthostaticResult,
  PadssConfirmInput,
  Paper,
  PapersKeptEdit,
  PinResetInput,
  PredoseDecisionInput,
  ProtocolEdit,
  QuitInput,
  RecoveryBoard,
  RecoveryKeyInput,
  RecoveryOutcome,
  RecoveryRestoreInput,
  ReissuedKey,
  RemsDetails,
  RemsDetailsInput,
  ReportInput,
  RestoreInput,
  SessionDetail,
  Shift,
  ShiftsEdit,
  SignInInput,
  StartupProblem,
  StorageStatus,
  ThresholdSettingsEdit,
  TransferInput,
} from './bindings';

/** Arguments of the shell's own types. */
export type DraftForm = "admit" | "check" | "escort" | "discharge" | "against_advice" | "rems_details";
export type PaperKind = "discharge" | "rems";

/** Admits a patient; returns the new session id once the row is committed. */
export function admitPatient(input: AdmitInput): Promise<number> {
  return call<number>('admit_patient', { input });
}

/** Everyone in recovery, as of now (initials only while locked or signed out). */
export function loadBoard(): Promise<RecoveryBoard> {
  return call<RecoveryBoard>('load_board');
}

/**
 * Fired alerts not yet acknowledged, oldest first (initials only while locked or signed out),
 * those not written yet among them.
 */
export function loadAlerts(): Promise<Array<ActiveAlert>> {
  return call<Array<ActiveAlert>>('load_alerts');
}

/** Acknowledges one alert (never any other). */
export function acknowledgeAlert(firingId: number): Promise<void> {
  return call<void>('acknowledge_alert', { firingId });
}

/** The last desktop notification's outcome, if any was sent. */
export function loadNotificationStatus(): Promise<NotificationOutcome | null> {
  return call<NotificationOutcome | null>('load_notification_status');
}

/** Queues a test notification; its outcome is recorded and signalled like any other. */
export function sendTestNotification(): Promise<void> {
  return call<void>('send_test_notification');
}

/**
 * Whether records can be saved now, why not, since when, and how many alerts wait to be
 * written. Needs no sign-in: the banner shows on every screen, locked too (no patient data).
 */
export function loadStorageStatus(): Promise<StorageStatus> {
  return call<StorageStatus>('load_storage_status');
}

/** Replaces the draft of `form` with `content`. */
export function saveDraft(form: DraftForm, content: string): Promise<void> {
  return call<void>('save_draft', { form, content });
}

/** The draft of `form`, if one was left. */
export function loadDraft(form: DraftForm): Promise<Draft | null> {
  return call<Draft | null>('load_draft', { form });
}

/** Throws the draft of `form` away (the nurse chose to clear the form). */
export function clearDraft(form: DraftForm): Promise<void> {
  return call<void>('clear_draft', { form });
}

/** The current protocol versions and clinic settings. */
export function loadSettings(): Promise<ClinicSettings> {
  return call<ClinicSettings>('load_settings');
}

/** Adds a new version of one protocol; returns the settings as they now stand. */
export function updateProtocol(edit: ProtocolEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_protocol', { edit });
}

/** Changes the alert repeat interval; returns the settings as they now stand. */
export function updateAlertRepeat(edit: AlertRepeatEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_alert_repeat', { edit });
}

/** Changes the idle lock time; returns the settings as they now stand. */
export function updateIdleLock(edit: IdleLockEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_idle_lock', { edit });
}

/** Changes where, how often and how many backups are kept. */
export function updateBackupSettings(edit: BackupSettingsEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_backup_settings', { edit });
}

/**
 * Changes how many days unsaved drafts are kept; returns the settings as they now
 * stand.
 */
export function updatePapersKept(edit: PapersKeptEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_papers_kept', { edit });
}

/** Changes the clinical alert thresholds; returns the settings as they now stand. */
export function updateThresholds(edit: ThresholdSettingsEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_thresholds', { edit });
}

/** Changes the check-plan timings (for sessions admitted from now on). */
export function updateCheckPlan(edit: CheckPlanSettingsEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_check_plan', { edit });
}

/** The encryption section: SQLCipher's version, where the key is kept, the plain backups left. */
export function loadEncryption(): Promise<EncryptionInfo> {
  return call<EncryptionInfo>('load_encryption');
}

/** Issues a new recovery key (a new database key); returns its text, shown once. */
export function reissueRecoveryKey(): Promise<ReissuedKey> {
  return call<ReissuedKey>('reissue_recovery_key');
}

/**
 * The person shown the newest recovery key (Settings, or the card at first start) kept it:
 * an audit entry, after which Settings stops warning.
 */
export function recoveryKeyKept(): Promise<void> {
  return call<void>('recovery_key_kept');
}

/** Deletes the backups that are still not encrypted; returns how many went. */
export function removePlainBackups(): Promise<number> {
  return call<number>('remove_plain_backups');
}

/** The display and sound settings in force (no sign-in needed). */
export function loadDisplaySettings(): Promise<DisplaySettings> {
  return call<DisplaySettings>('load_display_settings');
}

/** Changes the display and sound settings; returns them as they now stand. */
export function updateDisplaySettings(edit: DisplaySettingsEdit): Promise<DisplaySettings> {
  return call<DisplaySettings>('update_display_settings', { edit });
}

/** Who is signed in, whether it is locked, the accounts to choose from. */
export function loadAuth(): Promise<AuthStatus> {
  return call<AuthStatus>('load_auth');
}

/** First start: creates the first administrator and signs them in. */
export function createFirstAdmin(input: NewNurseInput): Promise<AuthStatus> {
  return call<AuthStatus>('create_first_admin', { input });
}

/** Signs in, unlocks, or switches nurse. */
export function signIn(input: SignInInput): Promise<AuthStatus> {
  return call<AuthStatus>('sign_in', { input });
}

/** Signs the current nurse out. */
export function signOut(): Promise<AuthStatus> {
  return call<AuthStatus>('sign_out');
}

/** Locks the workstation now. */
export function lockScreen(): Promise<AuthStatus> {
  return call<AuthStatus>('lock_screen');
}

/**
 * A person pressed a key or used the pointer: postpones the idle lock. The only thing that
 * does (background reloads do not), measured on the monotonic clock.
 */
export function noteActivity(): Promise<void> {
  return call<void>('note_activity');
}

/** Emergency access without a PIN, with a reason. */
export function emergencyAccess(input: EmergencyInput): Promise<AuthStatus> {
  return call<AuthStatus>('emergency_access', { input });
}

/** The uses of emergency access not yet reviewed, oldest first (administrators). */
export function loadEmergencyUses(): Promise<Array<EmergencyUse>> {
  return call<Array<EmergencyUse>>('load_emergency_uses');
}

/** The actions done under one use (administrators). */
export function loadEmergencyActions(input: EmergencyUseInput): Promise<Array<EmergencyAction>> {
  return call<Array<EmergencyAction>>('load_emergency_actions', { input });
}

/** Marks one use reviewed; returns the uses still unreviewed. */
export function reviewEmergencyUse(input: EmergencyUseInput): Promise<Array<EmergencyUse>> {
  return call<Array<EmergencyUse>>('review_emergency_use', { input });
}

/** Changes how long emergency access lasts; returns the settings as they now stand. */
export function updateEmergencyLimit(edit: EmergencyLimitEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_emergency_limit', { edit });
}

/** Every account, deactivated ones included. */
export function loadAccounts(): Promise<Array<Nurse>> {
  return call<Array<Nurse>>('load_accounts');
}

/** Creates an account; returns every account. */
export function createAccount(input: NewNurseInput): Promise<Array<Nurse>> {
  return call<Array<Nurse>>('create_account', { input });
}

/** Deactivates or reactivates an account; returns every account. */
export function setAccountActive(input: AccountStatusInput): Promise<Array<Nurse>> {
  return call<Array<Nurse>>('set_account_active', { input });
}

/** Sets a new PIN for an account. */
export function resetPin(input: PinResetInput): Promise<void> {
  return call<void>('reset_pin', { input });
}

/** One page of the entries `filter` selects, newest first. */
export function loadAuditTrail(filter: AuditFilter): Promise<AuditPage> {
  return call<AuditPage>('load_audit_trail', { filter });
}

/** The actions and accounts the filter's lists offer. */
export function loadAuditChoices(): Promise<AuditChoices> {
  return call<AuditChoices>('load_audit_choices');
}

/** Saves every entry `filter` selects as CSV in `folder`; returns the file's path. */
export function exportAuditCsv(filter: AuditFilter, folder: string): Promise<string> {
  return call<string>('export_audit_csv', { filter, folder });
}

/** The last verification's result. */
export function loadIntegrity(): Promise<IntegrityStatus> {
  return call<IntegrityStatus>('load_integrity');
}

/** Verifies the file and the audit chain now. */
export function verifyRecords(): Promise<IntegrityStatus> {
  return call<IntegrityStatus>('verify_records');
}

/** The backups in the backup folder, newest first. */
export function loadBackups(): Promise<Array<BackupInfo>> {
  return call<Array<BackupInfo>>('load_backups');
}

/** Makes a verified backup now. */
export function backUpNow(): Promise<BackupInfo> {
  return call<BackupInfo>('back_up_now');
}

/** Replaces the database with a verified backup (the current one is backed up first). */
export function restoreBackup(input: RestoreInput): Promise<IntegrityStatus> {
  return call<IntegrityStatus>('restore_backup', { input });
}

/** Records a check; returns its id and the clinical alerts it raised. */
export function recordCheck(input: CheckInput): Promise<CheckSaved> {
  return call<CheckSaved>('record_check', { input });
}

/** Records a correction of an earlier check. */
export function correctCheck(input: CorrectionInput): Promise<CheckSaved> {
  return call<CheckSaved>('correct_check', { input });
}

/** One patient's detail view. */
export function loadSession(sessionId: number): Promise<SessionDetail> {
  return call<SessionDetail>('load_session', { sessionId });
}

/**
 * The orthostatic verdict of readings typed so far, the heart-rate rise compared with the
 * clinic's threshold in force.
 */
export function previewOrthostatic(input: OrthostaticInput): Promise<OrthostaticResult> {
  return call<OrthostaticResult>('preview_orthostatic', { input });
}

/** Records that the signed-in nurse confirmed the Modified PADSS shown. */
export function confirmPadss(input: PadssConfirmInput): Promise<SessionDetail> {
  return call<SessionDetail>('confirm_padss', { input });
}

/** Records the decision; returns its id once committed. */
export function recordPredoseDecision(input: PredoseDecisionInput): Promise<number> {
  return call<number>('record_predose_decision', { input });
}

/** Adds a note; returns its id once committed. */
export function addNote(input: NoteInput): Promise<NoteSaved> {
  return call<NoteSaved>('add_note', { input });
}

/** Saves the escort (a new version; the latest is in force). */
export function saveEscort(input: EscortInput): Promise<void> {
  return call<void>('save_escort', { input });
}

/** One session's discharge view. */
export function loadDischarge(sessionId: number): Promise<DischargeView> {
  return call<DischargeView>('load_discharge', { sessionId });
}

/** Clears a patient for discharge, signed with the nurse's PIN. */
export function confirmDischarge(input: DischargeInput): Promise<void> {
  return call<void>('confirm_discharge', { input });
}

/** Records that a cleared patient left with the escort, now. */
export function recordDeparture(sessionId: number): Promise<void> {
  return call<void>('record_departure', { sessionId });
}

/** Records a patient leaving against advice (never refused for failed gates). */
export function recordAgainstAdvice(input: AgainstAdviceInput): Promise<void> {
  return call<void>('record_against_advice', { input });
}

/** Patients who left in the last day (names only while open). */
export function loadRecentDepartures(): Promise<Array<DepartedRow>> {
  return call<Array<DepartedRow>>('load_recent_departures');
}

/** Changes the discharge policy (administrators). */
export function updateDischargePolicy(edit: DischargePolicyEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_discharge_policy', { edit });
}

/** Records a patient's transfer to emergency care. */
export function recordTransfer(input: TransferInput): Promise<void> {
  return call<void>('record_transfer', { input });
}

/** The sessions `query` finds, newest first, at most 200. */
export function searchHistory(query: HistoryQuery): Promise<HistoryPage> {
  return call<HistoryPage>('search_history', { query });
}

/** The report of a local day, or of one shift of it. */
export function loadReport(input: ReportInput): Promise<DayReport> {
  return call<DayReport>('load_report', { input });
}

/** Saves the report as PDF in `folder`; returns the file's path. */
export function saveReportPdf(input: ReportInput, folder: string): Promise<string> {
  return call<string>('save_report_pdf', { input, folder });
}

/**
 * Saves the report's patients as CSV in `folder` (columns: `vigil_core::report::REPORT_COLUMNS`);
 * returns the file's path.
 */
export function saveReportCsv(input: ReportInput, folder: string): Promise<string> {
  return call<string>('save_report_csv', { input, folder });
}

/** The clinic's shifts (any signed-in nurse: the report's shift list). */
export function loadShifts(): Promise<Array<Shift>> {
  return call<Array<Shift>>('load_shifts');
}

/** Replaces the clinic's shifts (administrators); returns them. */
export function updateShifts(edit: ShiftsEdit): Promise<Array<Shift>> {
  return call<Array<Shift>>('update_shifts', { edit });
}

/** The discharge sheet of a session. */
export function dischargeSheet(sessionId: number): Promise<Paper> {
  return call<Paper>('discharge_sheet', { sessionId });
}

/** The pre-filled REMS form of a Spravato session. */
export function remsForm(sessionId: number): Promise<Paper> {
  return call<Paper>('rems_form', { sessionId });
}

/** Saves the discharge sheet as PDF in `folder`; returns the file's path. */
export function saveDischargePdf(sessionId: number, folder: string): Promise<string> {
  return call<string>('save_discharge_pdf', { sessionId, folder });
}

/** Saves the REMS form as PDF in `folder`; returns the file's path. */
export function saveRemsPdf(sessionId: number, folder: string): Promise<string> {
  return call<string>('save_rems_pdf', { sessionId, folder });
}

/**
 * The folder the page offers to save PDFs in: the user's Documents folder, else their home
 * ("" without one: the nurse types a folder).
 */
export function defaultExportFolder(): Promise<string> {
  return call<string>('default_export_folder');
}

/** Records the print and opens the print dialog for the paper on screen. */
export function printPaper(sessionId: number, paper: PaperKind): Promise<void> {
  return call<void>('print_paper', { sessionId, paper });
}

/** Saves the REMS details only a nurse can give (a new version). */
export function saveRemsDetails(input: RemsDetailsInput): Promise<void> {
  return call<void>('save_rems_details', { input });
}

/** The REMS details saved for a session (the latest version), to prefill their form. */
export function loadRemsDetails(sessionId: number): Promise<RemsDetails | null> {
  return call<RemsDetails | null>('load_rems_details', { sessionId });
}

/** REMS forms due, overdue or lately submitted. */
export function loadFormsDue(): Promise<Array<FormDue>> {
  return call<Array<FormDue>>('load_forms_due');
}

/** Marks a REMS form submitted; returns the list again. */
export function markFormSubmitted(input: FormSubmittedInput): Promise<Array<FormDue>> {
  return call<Array<FormDue>>('mark_form_submitted', { input });
}

/** Saves the sessions of the days as CSV in the folder; returns the file's path. */
export function exportSessionsCsv(input: CsvExportInput): Promise<string> {
  return call<string>('export_sessions_csv', { input });
}

/** Saves the checks of the sessions of the days as CSV in the folder; returns the file's path. */
export function exportChecksCsv(input: CsvExportInput): Promise<string> {
  return call<string>('export_checks_csv', { input });
}

/**
 * What the About panel shows. Needs no sign-in: versions and the data directory's path hold
 * no patient data, and a support call may need them on a locked workstation (the page shows
 * them in Settings, reached signed in). The data directory is the one the records were opened
 * in at start (`data_dir::resolve()`), the folder of the database file.
 */
export function loadAbout(): Promise<AboutInfo> {
  return call<AboutInfo>('load_about');
}

/** The question to ask now: the patients in recovery and the open alerts, counted in Rust. */
export function loadCloseRequest(reason: CloseReason): Promise<CloseRequest> {
  return call<CloseRequest>('load_close_request', { reason });
}

/** Hides the window; Vigil keeps running (scheduler, alerts, notifications, tray). */
export function keepRunningHidden(): Promise<void> {
  return call<void>('keep_running_hidden');
}

/**
 * Quits Vigil, confirmed by whoever saw `patientsInRecovery` (a signed-in nurse while
 * patients are in recovery): recorded, then the app exits. Refused (`conflict`) when the
 * board has changed since. Once a close or quit is exiting, nothing more is recorded.
 */
export function quitVigil(input: QuitInput): Promise<void> {
  return call<void>('quit_vigil', { input });
}

/** The setting and what the autostart files make of it (administrators: the panel is theirs). */
export function loadAutostart(): Promise<AutostartStatus> {
  return call<AutostartStatus>('load_autostart');
}

/** Changes the setting (administrators) and applies it to the files; returns the status. */
export function updateAutostart(edit: AutostartEdit): Promise<AutostartStatus> {
  return call<AutostartStatus>('update_autostart', { edit });
}

/** Why the records could not be opened at start, or `null` when they are open. */
export function loadStartupProblem(): Promise<StartupProblem | null> {
  return call<StartupProblem | null>('load_startup_problem');
}

/** Moves the damaged database aside, starts a fresh one and carries on into the app. */
export function recoverMoveAside(): Promise<RecoveryOutcome> {
  return call<RecoveryOutcome>('recover_move_aside');
}

/**
 * The last way out of locked records nothing opens (no key for them, or a key that does not
 * open them, and no recovery key that does): the file is moved aside, kept, never deleted,
 * and start-up goes on as a first start (new records, or existing ones with their recovery
 * key). The records are not opened here: the window asks for the next step.
 */
export function setAsideLockedRecords(): Promise<RecoveryOutcome> {
  return call<RecoveryOutcome>('set_aside_locked_records');
}

/**
 * Restores a verified backup in place of the damaged database and carries on into the app.
 * The input is read and its file checked before anything else (a bad one is a `validation`
 * error naming its field, in recovery mode or not).
 */
export function recoverFromBackup(input: RecoveryRestoreInput): Promise<RecoveryOutcome> {
  return call<RecoveryOutcome>('recover_from_backup', { input });
}

/**
 * First start: starts new records with a new key kept in the chosen home; returns the
 * recovery key (shown once) and carries on into the app.
 */
export function startNewRecords(input: NewRecordsInput): Promise<NewRecordsOutcome> {
  return call<NewRecordsOutcome>('start_new_records', { input });
}

/**
 * Opens the records with a recovery key (on first start, a copied database or backup
 * brought in), keeps the key in the chosen home and carries on into the app.
 */
export function openWithRecoveryKey(input: RecoveryKeyInput): Promise<RecoveryOutcome> {
  return call<RecoveryOutcome>('open_with_recovery_key', { input });
}

/** Tries the key home again (after the keyring was started, the key file put back). */
export function retryKey(): Promise<RecoveryOutcome> {
  return call<RecoveryOutcome>('retry_key');
}
