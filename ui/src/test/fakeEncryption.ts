// The encryption-at-rest part of the in-memory IPC fake (fakeIpc.ts merges it): the first-start
// choice and the locked records (they answer from the start-up problem of fakeRecovery's state),
// and the Settings' encryption section. A keystore that does not answer refuses with the code
// `unavailable`; a recovery key other than RECOVERY_KEY is refused on its field (as mistyped).
import { vi } from 'vitest';
import type {
  EncryptionInfo,
  NewRecordsInput,
  RecoveryKeyInput,
  RecoveryOutcome,
  ReissuedKey,
  StartupProblem,
  VigilError,
} from '../lib/ipc';
import { recordsFileNotAbsolute, recoveryKeyEmpty, recoveryKeyMistyped } from './backendMessages';

/** The key the fake's records open with (14 groups of 4). */
export const RECOVERY_KEY = '0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ-0123-4567-89AB-CDEF-GHJK-MNPQ';
/** The key a re-issue gives. */
export const NEW_RECOVERY_KEY = 'ZYXW-VTSR-QPNM-KJHG-FEDC-BA98-7654-3210-ZYXW-VTSR-QPNM-KJHG-FEDC-BA98';
/** The records' data directory and when the fake's keys are issued. */
export const RECORDS_DIR = '/data';
export const ISSUED_AT = '2026-11-27T14:05:00Z';
/** Where a key file is kept. */
export const KEY_FILE = '/home/nurse/.config/vigil/records.key';

// The shell's refusals of the start-up commands (src-tauri/src/startup): not generated into
// backendMessages.ts yet (they need a keystore that does not answer, or a first start).
const noKeystore: VigilError = {
  code: 'unavailable',
  message:
    'No keystore answers on this workstation (the Secret Service, e.g. GNOME Keyring, is not running or is locked). Start or unlock it and try again, or choose Keep the key in a file (weaker). Nothing was changed.',
};
const fileRequired: VigilError = {
  code: 'validation',
  message: 'Choose the records file: a copied Vigil database or a backup.',
  field: 'file',
};
const notAtFirstStart: VigilError = { code: 'conflict', message: 'These records have their key already.' };
const notLocked: VigilError = { code: 'conflict', message: 'These records are not locked by their key.' };

export function freshEncryption() {
  return {
    /** Whether a keystore answers (false: keeping the key there is refused, `unavailable`). */
    keystoreAnswers: true,
    /** The first starts made, by where the key was kept. */
    newRecords: [] as NewRecordsInput[],
    /** The recovery-key openings accepted. */
    keyOpenings: [] as RecoveryKeyInput[],
    /** The retries of the key home. */
    keyRetries: 0,
    encryption: {
      cipherVersion: '4.6.1 community',
      keyHome: 'keystore',
      keyFile: null,
      plainBackups: [],
      recoveryKeyShown: true,
    } as EncryptionInfo,
    /** The re-issues made. */
    reissues: 0,
    /** The times a recovery key was said kept. */
    keysKept: 0,
    /** The refusal "I have kept the recovery key safe" meets. */
    keptError: null as null | VigilError,
    /** A re-issue's answer waits for this (a test resolves it), when set. */
    reissueGate: null as null | Promise<void>,
    /** The backups a re-issue could not re-encrypt. */
    notReencrypted: [] as string[],
    /** The refusal the next encryption action meets. */
    encryptionError: null as null | VigilError,
  };
}

type State = ReturnType<typeof freshEncryption> & { startupProblem: StartupProblem | null };
type Fail = (error: VigilError) => never;

const normal = (key: string) => key.toUpperCase().replace(/[\s-]/g, '');
const isKeyState = (p: StartupProblem | null) => !!p && !['damaged', 'unreadable', 'first_start'].includes(p.kind);

/** The first-start choice and the locked records (start-up commands). */
function startupFakes(ipc: State, fail: Fail) {
  const opened = (restoredFrom: string | null): RecoveryOutcome => {
    ipc.startupProblem = null;
    return { keptAs: null, restoredFrom };
  };
  return {
    startNewRecords: vi.fn(async (input: NewRecordsInput) => {
      if (!ipc.startupProblem?.needsKey) fail(notAtFirstStart);
      if (input.keepIn === 'keystore' && !ipc.keystoreAnswers) fail(noKeystore);
      ipc.newRecords.push(input);
      ipc.startupProblem = null;
      const keyFile = input.keepIn === 'key_file' ? KEY_FILE : null;
      return { recoveryKey: RECOVERY_KEY, keyHome: input.keepIn, keyFile, records: RECORDS_DIR, issuedAt: ISSUED_AT };
    }),
    openWithRecoveryKey: vi.fn(async (input: RecoveryKeyInput) => {
      const first = ipc.startupProblem?.kind === 'first_start';
      if (!first && !isKeyState(ipc.startupProblem)) fail(notLocked);
      // In the backend's order: the key as typed, the file as typed, then whether they open.
      if (input.recoveryKey.trim() === '') fail(recoveryKeyEmpty);
      if (input.file !== null && !input.file.startsWith('/')) fail(recordsFileNotAbsolute);
      if (first && !input.file?.trim()) fail(fileRequired);
      if (normal(input.recoveryKey) !== normal(RECOVERY_KEY)) fail(recoveryKeyMistyped);
      if (input.keepIn === 'keystore' && !ipc.keystoreAnswers) fail(noKeystore);
      ipc.keyOpenings.push(input);
      return opened(first ? input.file : null);
    }),
    setAsideLockedRecords: vi.fn(async (): Promise<RecoveryOutcome> => {
      if (!['no_key_entry', 'wrong_key'].includes(ipc.startupProblem?.kind ?? '')) fail(notLocked);
      const keptAs = '/data/vigil/vigil.damaged-20260601T120000000Z.sqlite3';
      ipc.startupProblem = { ...(ipc.startupProblem as StartupProblem), kind: 'first_start', needsKey: true };
      return { keptAs, restoredFrom: null };
    }),
    retryKey: vi.fn(async () => {
      if (!isKeyState(ipc.startupProblem)) fail(notLocked);
      ipc.keyRetries += 1;
      if (!ipc.keystoreAnswers) fail(noKeystore);
      return opened(null);
    }),
  };
}

/** The Settings' encryption section (administrators). */
function settingsFakes(ipc: State, fail: Fail) {
  return {
    loadEncryption: vi.fn(async () => structuredClone(ipc.encryption)),
    reissueRecoveryKey: vi.fn(async (): Promise<ReissuedKey> => {
      if (ipc.reissueGate) await ipc.reissueGate;
      if (ipc.encryptionError) fail(ipc.encryptionError);
      ipc.reissues += 1;
      // Issued, not yet said kept.
      ipc.encryption = { ...ipc.encryption, recoveryKeyShown: false };
      return {
        recoveryKey: NEW_RECOVERY_KEY,
        backupsReencrypted: 3,
        backupsNotReencrypted: [...ipc.notReencrypted],
        records: RECORDS_DIR,
        issuedAt: ISSUED_AT,
      };
    }),
    recoveryKeyKept: vi.fn(async () => {
      if (ipc.keptError) fail(ipc.keptError);
      ipc.keysKept += 1;
      ipc.encryption = { ...ipc.encryption, recoveryKeyShown: true };
    }),
    removePlainBackups: vi.fn(async () => {
      if (ipc.encryptionError) fail(ipc.encryptionError);
      const removed = ipc.encryption.plainBackups.length;
      ipc.encryption = { ...ipc.encryption, plainBackups: [] };
      return removed;
    }),
  };
}

export function encryptionFakes(ipc: State, fail: Fail) {
  return { ...startupFakes(ipc, fail), ...settingsFakes(ipc, fail) };
}

/** The start-up problem of `kind` (a first start or a key state) at /data, with its reason;
 * `needsKey` also for plain records of an earlier Vigil still to be encrypted. */
export function startupProblemOf(kind: StartupProblem['kind'], reason: string, needsKey = kind === 'first_start'): StartupProblem {
  const database = '/data/vigil.sqlite3';
  return { kind, reason, database, backupFolder: '/data/backups', damaged: false, backups: [], needsKey };
}
