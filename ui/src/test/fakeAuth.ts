// The sign-in and people part of the in-memory IPC fake (fakeIpc.ts merges it): who is signed
// in, the first administrator, sign-in, lock, emergency access and the accounts. It refuses
// with the backend's own messages (backendMessages.ts).
import { vi } from 'vitest';
import type * as Ipc from '../lib/ipc';
import type { AuthStatus, ClinicSettings, Nurse, VigilError } from '../lib/ipc';
import { ANA, BEN, CHLOE, PIN } from './fixtures';
import { accountNotFound, adminPinTooShort, emergencyReasonTooShort, pinsDiffer, wrongPin } from './backendMessages';

export function freshAuth() {
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
    accounts: [ANA, BEN, CHLOE] as Nurse[],
  };
}

type State = ReturnType<typeof freshAuth> & { settings: ClinicSettings };
type Fail = (error: VigilError) => never;

/** The PIN rules of a new account or a reset, as people.rs `allowed_for` and the PIN check. */
function pinRules(fail: Fail, role: string, input: { pin: string; pinAgain: string }) {
  if (role === 'admin' && input.pin.length < 6) fail(adminPinTooShort);
  if (input.pin !== input.pinAgain) fail(pinsDiffer);
}

/** The account of `nurseId`, or the backend's refusal. */
const accountOf = (ipc: State, fail: Fail) => (nurseId: number) =>
  ipc.accounts.find((n) => n.id === nurseId) ?? fail(accountNotFound);

export function authFakes(ipc: State, fail: Fail) {
  const account = accountOf(ipc, fail);
  const openAs = (nurse: Nurse, emergency = false): AuthStatus => {
    const emergencyEndsAt = emergency
      ? new Date(Date.now() + ipc.settings.emergencyMinutes * 60_000).toISOString()
      : null;
    ipc.auth = { ...ipc.auth, setupNeeded: false, nurse, locked: false, emergency, emergencyEndsAt };
    return ipc.auth;
  };
  return {
    loadAuth: vi.fn(async () => ipc.auth),
    createFirstAdmin: vi.fn(async (input: Ipc.NewNurseInput) => {
      pinRules(fail, 'admin', input);
      const admin: Nurse = { ...ANA, displayName: input.displayName, credentials: input.credentials };
      ipc.accounts = [admin];
      ipc.auth.accounts = [admin];
      return openAs(admin);
    }),
    signIn: vi.fn(async (input: Ipc.SignInInput) => {
      const nurse = account(input.nurseId);
      if (input.pin !== PIN) fail(wrongPin);
      return openAs(nurse);
    }),
    signOut: vi.fn(async () => {
      ipc.auth = { ...ipc.auth, nurse: null, locked: false, emergency: false };
      return ipc.auth;
    }),
    lockScreen: vi.fn(async () => {
      ipc.auth = { ...ipc.auth, locked: true, emergency: false };
      return ipc.auth;
    }),
    noteActivity: vi.fn(async () => {}),
    emergencyAccess: vi.fn(async (input: Ipc.EmergencyInput) => {
      if (input.reason.trim().length < 10) fail(emergencyReasonTooShort);
      return openAs(account(input.nurseId), true);
    }),
  };
}

export function peopleFakes(ipc: State, fail: Fail) {
  return {
    loadAccounts: vi.fn(async () => ipc.accounts),
    createAccount: vi.fn(async (input: Ipc.NewNurseInput) => {
      pinRules(fail, input.role, input);
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
      pinRules(fail, ipc.accounts.find((n) => n.id === input.nurseId)?.role ?? 'nurse', input);
    }),
  };
}
