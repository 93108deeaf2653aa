// The clinic settings part of the in-memory IPC fake (fakeIpc.ts merges it): what
// load_settings answers and the administrator's edits, refused with the backend's own
// messages (backendMessages.ts) where the core refuses them.
import { vi } from 'vitest';
import type * as Ipc from '../lib/ipc';
import type { ClinicSettings, ProtocolEdit, ThresholdSettings, ThresholdSettingsEdit, VigilError } from '../lib/ipc';
import { THRESHOLDS } from './fixtures';
import {
  criticalSystolicOutOfRange,
  graceOutOfRange,
  idleLockOutOfRange,
  papersKeptOutOfRange,
  spravatoMinimumTooShort,
} from './backendMessages';

export function freshSettings() {
  const at = new Date(0).toISOString();
  return {
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
    thresholdEdits: [] as ThresholdSettingsEdit[],
    protocolEdits: [] as ProtocolEdit[],
  };
}

type State = ReturnType<typeof freshSettings>;
type Fail = (error: VigilError) => never;

/** The workstation settings: idle lock, backups and how long papers are kept. */
function workstationFakes(ipc: State, fail: Fail) {
  return {
    updateIdleLock: vi.fn(async (edit: Ipc.IdleLockEdit) => {
      if (!(edit.seconds >= 20 && edit.seconds <= 3600)) fail(idleLockOutOfRange);
      ipc.settings = { ...ipc.settings, idleLockSeconds: edit.seconds };
      return ipc.settings;
    }),
    updateBackupSettings: vi.fn(async (edit: Ipc.BackupSettingsEdit) => {
      ipc.settings = { ...ipc.settings, backup: { ...edit } };
      return ipc.settings;
    }),
    updatePapersKept: vi.fn(async (edit: Ipc.PapersKeptEdit) => {
      if (!(Number.isInteger(edit.days) && edit.days >= 1 && edit.days <= 3650)) fail(papersKeptOutOfRange);
      ipc.settings = { ...ipc.settings, papersKeptDays: edit.days };
      return ipc.settings;
    }),
  };
}

export function settingsFakes(ipc: State, fail: Fail) {
  return {
    loadSettings: vi.fn(async () => ipc.settings),
    updateProtocol: vi.fn(async (edit: ProtocolEdit) => {
      if (edit.protocol === 'spravato' && edit.minimumMinutes < 120) fail(spravatoMinimumTooShort);
      ipc.protocolEdits.push(edit);
      return ipc.settings;
    }),
    ...workstationFakes(ipc, fail),
    updateCheckPlan: vi.fn(async (edit: Record<string, number | null>) => {
      if (edit.graceMinutes === null || (edit.graceMinutes ?? 0) < 1) fail(graceOutOfRange);
      ipc.settings = { ...ipc.settings, checkPlan: { ...(edit as unknown as ClinicSettings['checkPlan']) } };
      return structuredClone(ipc.settings);
    }),
    updateThresholds: vi.fn(async (edit: ThresholdSettingsEdit) => {
      const sys = edit.criticalSystolic;
      if (sys === null || sys < 140 || sys > 260) fail(criticalSystolicOutOfRange);
      ipc.thresholdEdits.push(edit);
      ipc.settings = { ...ipc.settings, thresholds: { ...(edit as ThresholdSettings) } };
      return ipc.settings;
    }),
  };
}
