// The emergency-access part of the in-memory IPC fake (fakeIpc.ts merges it): the uses waiting
// for an administrator's review, their actions, the review itself and the time limit. Like the
// shell (Workstation::require), it refuses all of it unless an administrator is signed in with
// a PIN, with the backend's own messages.
import { vi } from 'vitest';
import type {
  AuthStatus,
  ClinicSettings,
  EmergencyAction,
  EmergencyLimitEdit,
  EmergencyUse,
  VigilError,
} from '../lib/ipc';
import {
  administratorsOnly,
  alreadyReviewed,
  emergencyClinicalOnly,
  emergencyLimitOutOfRange,
  lockedUnlockFirst,
  signInFirst,
} from './backendMessages';

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
    const { nurse, locked, emergency } = ipc.auth;
    if (locked) fail(lockedUnlockFirst);
    if (nurse === null) fail(signInFirst);
    if (nurse.role !== 'admin') fail(administratorsOnly);
    if (emergency) fail(emergencyClinicalOnly);
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
        fail(alreadyReviewed);
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
