// The only module that talks to the Tauri runtime. Components import from here, never from
// @tauri-apps/* directly, so IPC can be mocked at this seam in unit tests.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
  AccountStatusInput,
  ActiveAlert,
  AdmitInput,
  AlertRepeatEdit,
  AuthStatus,
  CheckInput,
  NoteInput,
  NoteSaved,
  CheckPlanSettingsEdit,
  CheckSaved,
  CorrectionInput,
  OrthostaticInput,
  OrthostaticResult,
  PadssConfirmInput,
  PredoseDecisionInput,
  SessionDetail,
  ThresholdSettingsEdit,
  BackupInfo,
  BackupSettingsEdit,
  PapersKeptEdit,
  DisplaySettings,
  DisplaySettingsEdit,
  Draft,
  EmergencyInput,
  EmergencyAction,
  EmergencyLimitEdit,
  EmergencyUse,
  IdleLockEdit,
  IntegrityStatus,
  NewNurseInput,
  Nurse,
  PinResetInput,
  ProtocolEdit,
  NotificationOutcome,
  OpenSession,
  RestoreInput,
  SignInInput,
  StorageStatus,
  VigilError,
  AgainstAdviceInput,
  TransferInput,
  ClinicSettings,
  DepartedRow,
  DischargeInput,
  DischargePolicyEdit,
  DischargeView,
  EscortInput,
  FormDue,
  FormSubmittedInput,
  Paper,
  RecoveryBoard,
  RemsDetails,
  RemsDetailsInput,
  RecoveryOutcome,
  RecoveryRestoreInput,
  StartupProblem,
} from './bindings';

export type * from './bindings';

/** Raised by every IPC call that fails; `code` is what the UI branches on. */
export class IpcError extends Error {
  readonly code: VigilError['code'];
  readonly field: string | undefined;

  constructor(error: VigilError) {
    super(error.message);
    this.name = 'IpcError';
    this.code = error.code;
    this.field = error.field;
  }
}

function isVigilError(value: unknown): value is VigilError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as VigilError).code === 'string' &&
    typeof (value as VigilError).message === 'string'
  );
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    if (isVigilError(raw)) throw new IpcError(raw);
    throw new IpcError({ code: 'internal', message: `The app did not answer: ${String(raw)}` });
  }
}

/** Admits a patient; resolves with the session id once the record is committed. */
export function admitPatient(input: AdmitInput): Promise<number> {
  return call<number>('admit_patient', { input });
}

/** Everyone in recovery now. */
export function loadBoard(): Promise<RecoveryBoard> {
  return call<RecoveryBoard>('load_board');
}

/** Calls `handler` after any committed change; resolves with the unsubscribe function. */
export function onRecordsChanged(handler: () => void): Promise<UnlistenFn> {
  return listen('records-changed', () => handler());
}

/** Fired alerts not yet acknowledged, oldest first. */
export function loadAlerts(): Promise<ActiveAlert[]> {
  return call<ActiveAlert[]>('load_alerts');
}

/** Acknowledges one alert. */
export function acknowledgeAlert(firingId: number): Promise<void> {
  return call<void>('acknowledge_alert', { firingId });
}

/** The outcome of the last desktop notification, or null when none was sent. */
export function loadNotificationStatus(): Promise<NotificationOutcome | null> {
  return call<NotificationOutcome | null>('load_notification_status');
}

/** Queues a test desktop notification; its outcome arrives with `records-changed`. */
export function sendTestNotification(): Promise<void> {
  return call<void>('send_test_notification');
}

/** Whether records can be saved now (and why not); no sign-in needed. */
export function loadStorageStatus(): Promise<StorageStatus> {
  return call<StorageStatus>('load_storage_status');
}

/** Calls `handler` when records stop or start again being saved; resolves with the unsubscribe function. */
export function onStorageChanged(handler: () => void): Promise<UnlistenFn> {
  return listen('storage-changed', () => handler());
}

/** Calls `handler` when an alert fires; resolves with the unsubscribe function. */
export function onAlertRaised(handler: () => void): Promise<UnlistenFn> {
  return listen('alert-raised', () => handler());
}

/** Calls `handler` with the session whose desktop notification was clicked (the window has
    come forward; the page opens that record); resolves with the unsubscribe function. */
export function onOpenSession(handler: (sessionId: number) => void): Promise<UnlistenFn> {
  return listen<OpenSession>('open-session', (event) => handler(event.payload.sessionId));
}

/** Protocol versions in force and alert settings. */
export function loadSettings(): Promise<ClinicSettings> {
  return call<ClinicSettings>('load_settings');
}

/** Adds a new version of a protocol; running sessions keep theirs. */
export function updateProtocol(edit: ProtocolEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_protocol', { edit });
}

/** Changes how often an unacknowledged alert repeats. */
export function updateAlertRepeat(edit: AlertRepeatEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_alert_repeat', { edit });
}

/** Forms that keep a draft of what was typed (one slot each; the PIN is never in one). */
export type DraftForm = 'admit' | 'check' | 'escort' | 'discharge' | 'against_advice' | 'rems_details';

/** Keeps what was typed into `form` (replacing the previous draft). */
export function saveDraft(form: DraftForm, content: string): Promise<void> {
  return call<void>('save_draft', { form, content });
}

/** The draft left in `form`, if any. */
export function loadDraft(form: DraftForm): Promise<Draft | null> {
  return call<Draft | null>('load_draft', { form });
}

/** Throws away the draft of `form`. */
export function clearDraft(form: DraftForm): Promise<void> {
  return call<void>('clear_draft', { form });
}

/** Who is signed in, whether the workstation is locked, and the accounts to sign in with. */
export function loadAuth(): Promise<AuthStatus> {
  return call<AuthStatus>('load_auth');
}

/** First start only: creates the first administrator and signs them in. */
export function createFirstAdmin(input: NewNurseInput): Promise<AuthStatus> {
  return call<AuthStatus>('create_first_admin', { input });
}

/** Signs in, unlocks, or switches nurse (name + PIN). A wrong PIN is `forbidden`. */
export function signIn(input: SignInInput): Promise<AuthStatus> {
  return call<AuthStatus>('sign_in', { input });
}

/** Signs the current nurse out. */
export function signOut(): Promise<AuthStatus> {
  return call<AuthStatus>('sign_out');
}

/** Locks the workstation now (names hidden until a PIN is entered). */
export function lockScreen(): Promise<AuthStatus> {
  return call<AuthStatus>('lock_screen');
}

/** Tells the app a person is at the keyboard (postpones the idle lock). */
export function noteActivity(): Promise<void> {
  return call<void>('note_activity');
}

/** Emergency access without a PIN, with a reason; loudly audited. */
export function emergencyAccess(input: EmergencyInput): Promise<AuthStatus> {
  return call<AuthStatus>('emergency_access', { input });
}

/** The uses of emergency access not yet reviewed (administrators signed in with a PIN). */
export function loadEmergencyUses(): Promise<EmergencyUse[]> {
  return call<EmergencyUse[]>('load_emergency_uses');
}

/** What was done under one use of emergency access (administrators). */
export function loadEmergencyActions(seq: number): Promise<EmergencyAction[]> {
  return call<EmergencyAction[]>('load_emergency_actions', { input: { seq } });
}

/** Marks one use of emergency access reviewed; resolves with the uses still unreviewed. */
export function reviewEmergencyUse(seq: number): Promise<EmergencyUse[]> {
  return call<EmergencyUse[]>('review_emergency_use', { input: { seq } });
}

/** Changes how long emergency access lasts (administrators only). */
export function updateEmergencyLimit(edit: EmergencyLimitEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_emergency_limit', { edit });
}

/** Calls `handler` when sign-in state changes (e.g. the idle lock); resolves with the unsubscribe function. */
export function onAuthChanged(handler: () => void): Promise<UnlistenFn> {
  return listen('auth-changed', () => handler());
}

/** Every account, deactivated ones included (administrators only). */
export function loadAccounts(): Promise<Nurse[]> {
  return call<Nurse[]>('load_accounts');
}

/** Creates an account (administrators only); resolves with every account. */
export function createAccount(input: NewNurseInput): Promise<Nurse[]> {
  return call<Nurse[]>('create_account', { input });
}

/** Deactivates or reactivates an account (administrators only); resolves with every account. */
export function setAccountActive(input: AccountStatusInput): Promise<Nurse[]> {
  return call<Nurse[]>('set_account_active', { input });
}

/** Sets a new PIN for an account (administrators only). */
export function resetPin(input: PinResetInput): Promise<void> {
  return call<void>('reset_pin', { input });
}

/** Changes the idle lock time (administrators only). */
export function updateIdleLock(edit: IdleLockEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_idle_lock', { edit });
}

/** Changes the backup folder, interval and generations kept (administrators only). */
export function updateBackupSettings(edit: BackupSettingsEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_backup_settings', { edit });
}

/** Changes how many days saved papers and drafts are kept (administrators only). */
export function updatePapersKept(edit: PapersKeptEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_papers_kept', { edit });
}

/** The display and sound settings (no sign-in needed: the sign-in screen is dim too). */
export function loadDisplaySettings(): Promise<DisplaySettings> {
  return call<DisplaySettings>('load_display_settings');
}

/** Changes the display and sound settings (any signed-in nurse). */
export function updateDisplaySettings(edit: DisplaySettingsEdit): Promise<DisplaySettings> {
  return call<DisplaySettings>('update_display_settings', { edit });
}

/** The result of the last verification of the record (at start or on demand). */
export function loadIntegrity(): Promise<IntegrityStatus> {
  return call<IntegrityStatus>('load_integrity');
}

/** Verifies the database and its audit chain now. */
export function verifyRecords(): Promise<IntegrityStatus> {
  return call<IntegrityStatus>('verify_records');
}

/** The backups in the backup folder, newest first (administrators only). */
export function loadBackups(): Promise<BackupInfo[]> {
  return call<BackupInfo[]>('load_backups');
}

/** Makes and verifies a backup now (administrators only). */
export function backUpNow(): Promise<BackupInfo> {
  return call<BackupInfo>('back_up_now');
}

/** Replaces the database with a verified backup (administrators only). */
export function restoreBackup(input: RestoreInput): Promise<IntegrityStatus> {
  return call<IntegrityStatus>('restore_backup', { input });
}

/** Records a check (vitals, lightheadedness, scales); resolves once committed, with the clinical alerts it raised. */
export function recordCheck(input: CheckInput): Promise<CheckSaved> {
  return call<CheckSaved>('record_check', { input });
}

/** Records a correction of an earlier check (a new record pointing at it, with a reason). */
export function correctCheck(input: CorrectionInput): Promise<CheckSaved> {
  return call<CheckSaved>('correct_check', { input });
}

/** One patient's session: check status, schedule, PADSS, every check and the timeline. */
export function loadSession(sessionId: number): Promise<SessionDetail> {
  return call<SessionDetail>('load_session', { sessionId });
}

/** Adds a nurse's note for a patient in recovery (refused once the patient left). */
export function addNote(input: NoteInput): Promise<NoteSaved> {
  return call<NoteSaved>('add_note', { input });
}

/** The orthostatic verdict for readings typed so far (never fails; for live display). */
export function previewOrthostatic(input: OrthostaticInput): Promise<OrthostaticResult> {
  return call<OrthostaticResult>('preview_orthostatic', { input });
}

/** Changes the clinical alert thresholds (administrators only). */
export function updateThresholds(edit: ThresholdSettingsEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_thresholds', { edit });
}

/** Records that the nurse confirmed the Modified PADSS shown (refused if it changed meanwhile). */
export function confirmPadss(input: PadssConfirmInput): Promise<SessionDetail> {
  return call<SessionDetail>('confirm_padss', { input });
}

/** Records the prescriber's decision on a pre-dose blood pressure above the limit; its id. */
export function recordPredoseDecision(input: PredoseDecisionInput): Promise<number> {
  return call<number>('record_predose_decision', { input });
}

/** Changes the check schedule timings (administrators only; for new admissions). */
export function updateCheckPlan(edit: CheckPlanSettingsEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_check_plan', { edit });
}

/** Saves (creates or replaces) the escort of a session. */
export function saveEscort(input: EscortInput): Promise<void> {
  return call<void>('save_escort', { input });
}

/** A session's discharge gates, escort, policy and discharge state. */
export function loadDischarge(sessionId: number): Promise<DischargeView> {
  return call<DischargeView>('load_discharge', { sessionId });
}

/** Clears the patient for discharge, signed with the nurse's PIN; refused while a hard gate fails. */
export function confirmDischarge(input: DischargeInput): Promise<void> {
  return call<void>('confirm_discharge', { input });
}

/** Records that a cleared patient left with the escort. */
export function recordDeparture(sessionId: number): Promise<void> {
  return call<void>('record_departure', { sessionId });
}

/** Records a patient leaving against advice (never refused for failing gates). */
export function recordAgainstAdvice(input: AgainstAdviceInput): Promise<void> {
  return call<void>('record_against_advice', { input });
}

/** Records a patient's transfer to emergency care (never refused for failing gates). */
export function recordTransfer(input: TransferInput): Promise<void> {
  return call<void>('record_transfer', { input });
}

/** The discharge sheet of a session, laid out for display and printing. */
export function loadDischargeSheet(sessionId: number): Promise<Paper> {
  return call<Paper>('discharge_sheet', { sessionId });
}

/** Saves the discharge sheet as a PDF; resolves with the file's path. */
export function saveDischargePdf(sessionId: number): Promise<string> {
  return call<string>('save_discharge_pdf', { sessionId });
}

/** The REMS Patient Monitoring Form of a Spravato session, pre-filled. */
export function loadRemsForm(sessionId: number): Promise<Paper> {
  return call<Paper>('rems_form', { sessionId });
}

/** Saves the REMS form as a PDF; resolves with the file's path. */
export function saveRemsPdf(sessionId: number): Promise<string> {
  return call<string>('save_rems_pdf', { sessionId });
}

/** Which paper of a session to print. */
export type PaperKind = 'discharge' | 'rems';

/** Records the print and opens the print dialog. */
export function printPaper(sessionId: number, paper: PaperKind): Promise<void> {
  return call<void>('print_paper', { sessionId, paper });
}

/** Saves the REMS form's details the app cannot know (sex, lot, concomitant medicines...). */
/** The REMS details saved for a session (the latest version), or null. */
export function loadRemsDetails(sessionId: number): Promise<RemsDetails | null> {
  return call<RemsDetails | null>('load_rems_details', { sessionId });
}

export function saveRemsDetails(input: RemsDetailsInput): Promise<void> {
  return call<void>('save_rems_details', { input });
}

/** REMS forms of Spravato sessions: last day on time (D+7), status today, submission. */
export function loadFormsDue(): Promise<FormDue[]> {
  return call<FormDue[]>('load_forms_due');
}

/** Marks a REMS form submitted with its channel and reference; resolves with every form due. */
export function markFormSubmitted(input: FormSubmittedInput): Promise<FormDue[]> {
  return call<FormDue[]>('mark_form_submitted', { input });
}

/** Patients who left in the last 24 hours, discharged or against advice. */
export function loadRecentDepartures(): Promise<DepartedRow[]> {
  return call<DepartedRow[]>('load_recent_departures');
}

/** Changes the discharge policy (administrators only). */
export function updateDischargePolicy(edit: DischargePolicyEdit): Promise<ClinicSettings> {
  return call<ClinicSettings>('update_discharge_policy', { edit });
}

/** Why the records could not be opened at start (recovery mode), or null on a normal start. */
export function loadStartupProblem(): Promise<StartupProblem | null> {
  return call<StartupProblem | null>('load_startup_problem');
}

/** Recovery mode: moves the damaged database aside (kept, renamed) and starts a fresh one. */
export function recoverMoveAside(): Promise<RecoveryOutcome> {
  return call<RecoveryOutcome>('recover_move_aside');
}

/** Recovery mode: restores a verified backup (a listed name or a full path) in its place. */
export function recoverFromBackup(input: RecoveryRestoreInput): Promise<RecoveryOutcome> {
  return call<RecoveryOutcome>('recover_from_backup', { input });
}
