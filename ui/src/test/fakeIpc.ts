// An in-memory stand-in for lib/ipc, shared by the component tests. Each test file mocks the
// module with it:
//
//   vi.mock('./lib/ipc', async (importOriginal) =>
//     (await import('./test/fakeIpc')).fakeIpc(await importOriginal()));
//
// and arranges or inspects `ipc` (reset before each test by `resetIpc`). IpcError stays the
// real class, so components branch on it as in the app.
import { vi } from 'vitest';
import type * as Ipc from '../lib/ipc';
import { initials } from '../lib/labels';
import { ANA, BEN, CHLOE, PIN, THRESHOLDS, orthostaticVerdict, sessionDetail } from './fixtures';
import { dischargeFakes, freshDischarge } from './fakeDischarge';
import { emergencyFakes, freshEmergency } from './fakeEmergency';
import { freshRecovery, recoveryFakes } from './fakeRecovery';
import { freshStorage, storageFakes } from './fakeStorage';
import { displayFakes, freshDisplay } from './fakeDisplay';

export * from './fixtures';
import type {
  ActiveAlert,
  AdmitInput,
  AuthStatus,
  BackupInfo,
  BoardRow,
  Check,
  CheckInput,
  CheckRecord,
  ClinicalAlert,
  ClinicSettings,
  CorrectionInput,
  NoteInput,
  PredoseDecisionInput,
  OrthostaticInput,
  OrthostaticResult,
  SessionDetail,
  ThresholdSettings,
  ThresholdSettingsEdit,
  IntegrityStatus,
  NotificationOutcome,
  Nurse,
  ProtocolEdit,
  RecoveryBoard,
  VigilError,
} from '../lib/ipc';
import { adminPinTooShort, criticalSystolicOutOfRange, emergencyReasonTooShort, graceOutOfRange, idleLockOutOfRange, papersKeptOutOfRange, pinsDiffer, spravatoMinimumTooShort } from './backendMessages';

function fresh() {
  const at = new Date(0).toISOString();
  return {
    auth: {
      setupNeeded: false,
      nurse: ANA,
      locked: false,
      emergency: false,
      emergencyEndsAt: null,
      accounts: [ANA, BEN, CHLOE],
      idleLockSeconds: 120,
    } as AuthStatus,
    board: { generatedAt: new Date().toISOString(), locked: false, rows: [], unreadable: [] } as RecoveryBoard,
    admitted: [] as AdmitInput[],
    admitError: null as null | VigilError,
    alerts: [] as ActiveAlert[],
    acknowledged: [] as number[],
    notification: null as NotificationOutcome | null,
    tests: 0,
    settings: {
      protocols: [
        { id: 1, protocol: 'iv_ketamine', version: 1, minimumMinutes: 60, createdAt: at },
        { id: 2, protocol: 'spravato', version: 1, minimumMinutes: 120, createdAt: at },
        { id: 3, protocol: 'im_ketamine', version: 1, minimumMinutes: 45, createdAt: at },
      ],
      alertRepeatMinutes: 3,
      idleLockSeconds: 120,
      emergencyMinutes: 30,
      backup: { folder: '/srv/vigil-backups', intervalMinutes: 60, keep: 24 },
      papersKeptDays: 30,
      thresholds: { ...THRESHOLDS },
      checkPlan: { ivVitalsEveryMinutes: 15, spravatoPeakMinutes: 40, positiveRecheckMinutes: 15, graceMinutes: 5, earlyMinutes: 5 },
      discharge: {
        allowRideshareAlone: false,
        allowPublicTransportAlone: false,
        escortLateMinutes: 10,
        maxNausea: 1,
        remsWarnFromDay: 5,
      },
    } as ClinicSettings,
    /** Checks recorded, corrections made, and what the next one answers. */
    checks: [] as CheckInput[],
    corrections: [] as CorrectionInput[],
    checkError: null as null | VigilError,
    checkAlerts: [] as ClinicalAlert[],
    /** What loadSession answers, by session id. */
    sessions: {} as Record<number, SessionDetail>,
    thresholdEdits: [] as ThresholdSettingsEdit[],
    /** Pre-dose decisions recorded, and the refusal the next one meets. */
    predoseDecisions: [] as PredoseDecisionInput[],
    predoseError: null as null | VigilError,
    /** Notes added, and the refusal the next one meets. */
    notes: [] as NoteInput[],
    noteError: null as null | VigilError,
    /** The admit form's draft. */
    draft: null as null | { content: string; savedAt: string },
    /** The check form's draft. */
    checkDraft: null as null | { content: string; savedAt: string },
    protocolEdits: [] as ProtocolEdit[],
    integrity: {
      ok: true,
      checkedAt: new Date().toISOString(),
      rows: 42,
      headSeq: 42,
      headHash: '0123456789abcdef0123456789abcdef',
      firstBadSeq: null,
      problem: null,
    } as IntegrityStatus,
    accounts: [ANA, BEN, CHLOE] as Nurse[],
    backups: [
      {
        file: 'vigil-20261127-1400.sqlite3',
        createdAt: new Date().toISOString(),
        bytes: 204_800,
        headHash: 'fedcba9876543210fedcba',
        unverified: null,
      },
    ] as BackupInfo[],
    ...freshDischarge(),
    ...freshEmergency(),
    ...freshRecovery(),
    ...freshStorage(),
    ...freshDisplay(),
  };
}

export const ipc = fresh();

/** Back to an open administrator (Ana Ruiz, RN), an empty board and default settings. */
export function resetIpc() {
  Object.assign(ipc, fresh());
}

/** The workstation locked with `nurse` signed in (the board and alerts then carry initials). */
export function lockAs(nurse: Nurse | null) {
  ipc.auth = { ...ipc.auth, nurse, locked: true, emergency: false };
}

/** The page's handler of a click on a desktop notification (set by `onOpenSession`). */
let openSessionHandler: ((sessionId: number) => void) | null = null;

/** As the shell does when the nurse clicks the desktop notification of `sessionId`'s alert. */
export function clickNotification(sessionId: number) {
  if (!openSessionHandler) throw new Error('the page does not listen for notification clicks');
  openSessionHandler(sessionId);
}

/** As the backend does: nobody signed in, or locked, hides names. */
const namesHidden = () => ipc.auth.nurse === null || ipc.auth.locked;

export function fakeIpc(real: typeof Ipc) {
  const fail = (error: VigilError): never => {
    throw new real.IpcError(error);
  };
  const openAs = (nurse: Nurse, emergency = false): AuthStatus => {
    const emergencyEndsAt = emergency
      ? new Date(Date.now() + ipc.settings.emergencyMinutes * 60_000).toISOString()
      : null;
    ipc.auth = { ...ipc.auth, setupNeeded: false, nurse, locked: false, emergency, emergencyEndsAt };
    return ipc.auth;
  };
  const account = (nurseId: number) =>
    ipc.accounts.find((n) => n.id === nurseId) ?? fail({ code: 'not_found', message: 'No such account.' });
  /** As the backend: an administrator's PIN has 6 to 8 digits (people.rs `allowed_for`). */
  const adminPinRule = (role: string, pin: string) => {
    if (role === 'admin' && pin.length < 6) {
      fail(adminPinTooShort);
    }
  };

  return {
    ...real,
    loadBoard: vi.fn(async (): Promise<RecoveryBoard> => {
      const hide = namesHidden();
      return {
        ...ipc.board,
        locked: hide,
        rows: ipc.board.rows.map((r) =>
          hide ? { ...r, patientName: initials(r.patientName), admittedBy: null } : { ...r },
        ),
      };
    }),
    onRecordsChanged: vi.fn(async () => () => {}),
    onAlertRaised: vi.fn(async () => () => {}),
    onOpenSession: vi.fn(async (handler: (sessionId: number) => void) => {
      openSessionHandler = handler;
      return () => {
        if (openSessionHandler === handler) openSessionHandler = null;
      };
    }),
    onAuthChanged: vi.fn(async () => () => {}),
    loadAlerts: vi.fn(async () =>
      ipc.alerts.map((a) => (namesHidden() ? { ...a, patientName: initials(a.patientName) } : { ...a })),
    ),
    loadNotificationStatus: vi.fn(async () => ipc.notification),
    acknowledgeAlert: vi.fn(async (id: number) => {
      ipc.acknowledged.push(id);
      ipc.alerts = ipc.alerts.filter((a) => a.firingId !== id);
    }),
    loadSettings: vi.fn(async () => ipc.settings),
    loadDraft: vi.fn(async (form: string) => {
      if (form === 'check') return ipc.checkDraft;
      if (form === 'admit') return ipc.draft;
      return ipc.drafts[form] ?? null;
    }),
    saveDraft: vi.fn(async (form: string, content: string) => {
      const draft = { content, savedAt: new Date().toISOString() };
      if (form === 'check') ipc.checkDraft = draft;
      else if (form === 'admit') ipc.draft = draft;
      else ipc.drafts[form] = draft;
    }),
    clearDraft: vi.fn(async (form: string) => {
      if (form === 'check') ipc.checkDraft = null;
      else if (form === 'admit') ipc.draft = null;
      else delete ipc.drafts[form];
    }),
    updateProtocol: vi.fn(async (edit: ProtocolEdit) => {
      if (edit.protocol === 'spravato' && edit.minimumMinutes < 120) {
        fail(spravatoMinimumTooShort);
      }
      ipc.protocolEdits.push(edit);
      return ipc.settings;
    }),
    sendTestNotification: vi.fn(async () => {
      ipc.tests += 1;
    }),
    admitPatient: vi.fn(async (input: AdmitInput) => {
      if (ipc.admitError) fail(ipc.admitError);
      ipc.admitted.push(input);
      return 1;
    }),

    loadAuth: vi.fn(async () => ipc.auth),
    createFirstAdmin: vi.fn(async (input: Ipc.NewNurseInput) => {
      adminPinRule('admin', input.pin);
      if (input.pin !== input.pinAgain) {
        fail(pinsDiffer);
      }
      const admin: Nurse = { ...ANA, displayName: input.displayName, credentials: input.credentials };
      ipc.accounts = [admin];
      ipc.auth.accounts = [admin];
      return openAs(admin);
    }),
    signIn: vi.fn(async (input: Ipc.SignInInput) => {
      const nurse = account(input.nurseId);
      if (input.pin !== PIN) fail({ code: 'forbidden', message: 'Wrong PIN. Try again.' });
      return openAs(nurse);
    }),
    signOut: vi.fn(async () => {
      ipc.auth = { ...ipc.auth, nurse: null, locked: false, emergency: false };
      return ipc.auth;
    }),
    lockScreen: vi.fn(async () => {
      lockAs(ipc.auth.nurse);
      return ipc.auth;
    }),
    noteActivity: vi.fn(async () => {}),
    emergencyAccess: vi.fn(async (input: Ipc.EmergencyInput) => {
      if (input.reason.trim().length < 10) {
        fail(emergencyReasonTooShort);
      }
      return openAs(account(input.nurseId), true);
    }),

    loadAccounts: vi.fn(async () => ipc.accounts),
    createAccount: vi.fn(async (input: Ipc.NewNurseInput) => {
      adminPinRule(input.role, input.pin);
      if (input.pin !== input.pinAgain) {
        fail(pinsDiffer);
      }
      const nurse: Nurse = {
        id: ipc.accounts.length + 1,
        displayName: input.displayName,
        credentials: input.credentials,
        role: input.role as Nurse['role'],
        active: true,
      };
      ipc.accounts = [...ipc.accounts, nurse];
      return ipc.accounts;
    }),
    setAccountActive: vi.fn(async (input: Ipc.AccountStatusInput) => {
      ipc.accounts = ipc.accounts.map((n) => (n.id === input.nurseId ? { ...n, active: input.active } : n));
      return ipc.accounts;
    }),
    resetPin: vi.fn(async (input: Ipc.PinResetInput) => {
      adminPinRule(ipc.accounts.find((n) => n.id === input.nurseId)?.role ?? 'nurse', input.pin);
      if (input.pin !== input.pinAgain) {
        fail(pinsDiffer);
      }
    }),

    updateIdleLock: vi.fn(async (edit: Ipc.IdleLockEdit) => {
      if (!(edit.seconds >= 20 && edit.seconds <= 3600)) {
        fail(idleLockOutOfRange);
      }
      ipc.settings = { ...ipc.settings, idleLockSeconds: edit.seconds };
      return ipc.settings;
    }),
    updateBackupSettings: vi.fn(async (edit: Ipc.BackupSettingsEdit) => {
      ipc.settings = { ...ipc.settings, backup: { ...edit } };
      return ipc.settings;
    }),
    updatePapersKept: vi.fn(async (edit: Ipc.PapersKeptEdit) => {
      if (!(Number.isInteger(edit.days) && edit.days >= 1 && edit.days <= 3650)) {
        fail(papersKeptOutOfRange);
      }
      ipc.settings = { ...ipc.settings, papersKeptDays: edit.days };
      return ipc.settings;
    }),
    loadIntegrity: vi.fn(async () => ipc.integrity),
    verifyRecords: vi.fn(async () => ipc.integrity),
    loadBackups: vi.fn(async () => ipc.backups),
    backUpNow: vi.fn(async () => {
      const made: BackupInfo = {
        file: 'vigil-20261127-1500.sqlite3',
        createdAt: new Date().toISOString(),
        bytes: 205_000,
        headHash: ipc.integrity.headHash,
        unverified: ipc.integrity.ok ? null : ipc.integrity.problem,
      };
      ipc.backups = [made, ...ipc.backups];
      return made;
    }),
    restoreBackup: vi.fn(async () => ipc.integrity),

    recordCheck: vi.fn(async (input: CheckInput) => {
      if (ipc.checkError) fail(ipc.checkError);
      ipc.checks.push(input);
      return { checkId: 100 + ipc.checks.length, alerts: ipc.checkAlerts };
    }),
    correctCheck: vi.fn(async (input: CorrectionInput) => {
      if (ipc.checkError) fail(ipc.checkError);
      ipc.corrections.push(input);
      return { checkId: 200 + ipc.corrections.length, alerts: ipc.checkAlerts };
    }),
    loadSession: vi.fn(async (sessionId: number) => {
      const detail = ipc.sessions[sessionId] ?? fail({ code: 'not_found', message: 'No such session.' });
      return structuredClone(detail);
    }),
    previewOrthostatic: vi.fn(async (input: OrthostaticInput) => orthostaticVerdict(input)),
    confirmPadss: vi.fn(async (input: { sessionId: number; total: number }) => {
      const detail = ipc.sessions[input.sessionId] ?? fail({ code: 'not_found', message: 'No such session.' });
      if (detail.status.padss.total !== input.total) {
        fail({ code: 'conflict', message: 'The score changed: review it again before confirming.' });
      }
      detail.padssConfirmation = { total: input.total, confirmedAt: new Date().toISOString(), who: 'Ana Ruiz, RN' };
      return structuredClone(detail);
    }),
    addNote: vi.fn(async (input: NoteInput) => {
      if (ipc.noteError) fail(ipc.noteError);
      ipc.notes.push(input);
      return { noteId: ipc.notes.length };
    }),
    recordPredoseDecision: vi.fn(async (input: PredoseDecisionInput) => {
      if (ipc.predoseError) fail(ipc.predoseError);
      ipc.predoseDecisions.push(input);
      return ipc.predoseDecisions.length;
    }),
    updateCheckPlan: vi.fn(async (edit: Record<string, number | null>) => {
      if (edit.graceMinutes === null || (edit.graceMinutes ?? 0) < 1) {
        fail(graceOutOfRange);
      }
      ipc.settings = { ...ipc.settings, checkPlan: { ...(edit as unknown as ClinicSettings['checkPlan']) } };
      return structuredClone(ipc.settings);
    }),
    updateThresholds: vi.fn(async (edit: ThresholdSettingsEdit) => {
      const sys = edit.criticalSystolic;
      if (sys === null || sys < 140 || sys > 260) {
        fail(criticalSystolicOutOfRange);
      }
      ipc.thresholdEdits.push(edit);
      ipc.settings = { ...ipc.settings, thresholds: { ...(edit as ThresholdSettings) } };
      return ipc.settings;
    }),
    ...dischargeFakes(ipc, fail),
    ...emergencyFakes(ipc, fail),
    ...recoveryFakes(ipc, fail),
    ...storageFakes(ipc),
    ...displayFakes(ipc, fail),
  } satisfies typeof Ipc;
}
