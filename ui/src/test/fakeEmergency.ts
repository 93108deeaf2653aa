// The emergency-access part of the in-memory IPC fake (fakeIpc.ts merges it): the uses waiting
// for an administrator's review, their actions, the review itself and the time limit. Like the
// shell, it refuses all of it unless an administrator is signed in with a PIN.
import { vi } from 'vitest';
import type {
  AuthStatus,
  ClinicSettings,
  EmergencyAction,
  EmergencyLimitEdit,
  EmergencyUse,
  VigilError,
} from '../lib/ipc';
import { emergencyLimitOutOfRange } from './backendMessages';

export function freshEmergency() {
  return {
    emergencyUses: [] as EmergencyUse[],
    /** What load_emergency_actions answers, by use. */
    emergencyActions: {} as Record<number, EmergencyAction[]>,
    reviewed: [] as number[],
  };
}

type State = ReturnType<typeof freshEmergency> & { auth: AuthStatus; settings: ClinicSettings };

export function emergencyFakes(ipc: State, fail: (error: VigilError) => never) {
  const admin = () => {
    if (ipc.auth.nurse?.role !== 'admin' || ipc.auth.locked || ipc.auth.emergency) {
      fail({ code: 'forbidden', message: 'Only an administrator signed in with a PIN may do this.' });
    }
  };
  return {
    loadEmergencyUses: vi.fn(async () => {
      admin();
      return ipc.emergencyUses.filter((u) => !ipc.reviewed.includes(u.seq));
    }),
    loadEmergencyActions: vi.fn(async (seq: number) => {
      admin();
      return ipc.emergencyActions[seq] ?? [];
    }),
    reviewEmergencyUse: vi.fn(async (seq: number) => {
      admin();
      if (ipc.reviewed.includes(seq)) {
        fail({ code: 'conflict', message: 'This emergency access has already been reviewed.' });
      }
      ipc.reviewed.push(seq);
      return ipc.emergencyUses.filter((u) => !ipc.reviewed.includes(u.seq));
    }),
    updateEmergencyLimit: vi.fn(async (edit: EmergencyLimitEdit) => {
      admin();
      const m = edit.minutes;
      if (!(Number.isInteger(m) && m >= 5 && m <= 120)) {
        fail(emergencyLimitOutOfRange);
      }
      ipc.settings = { ...ipc.settings, emergencyMinutes: m };
      return ipc.settings;
    }),
  };
}
