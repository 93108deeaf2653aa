import { describe, expect, it } from 'vitest';
import type { AuthStatus, IntegrityStatus } from '../lib/ipc';
import { integrityProblem, screenTitle } from './screens';

const auth = (setupNeeded: boolean): AuthStatus => ({
  setupNeeded,
  nurse: null,
  locked: false,
  emergency: false,
  emergencyEndsAt: null,
  accounts: [],
  idleLockSeconds: 120,
});

const integrity = (ok: boolean, problem: string | null, firstBadSeq: number | null): IntegrityStatus => ({
  ok,
  checkedAt: new Date(0).toISOString(),
  rows: 12,
  headSeq: 12,
  headHash: 'ab12',
  firstBadSeq,
  problem,
});

describe('screenTitle', () => {
  it('names the open screen, and the first start before anything else', () => {
    expect(screenTitle(auth(true), 'settings', false)).toBe('First start');
    expect(screenTitle(auth(false), 'settings', true)).toBe('Settings');
    expect(screenTitle(auth(false), 'people', true)).toBe('People');
    expect(screenTitle(auth(false), 'forms', true)).toBe('Forms due');
    expect(screenTitle(auth(false), 'board', true)).toBe('Recovery board');
  });

  it('is the board while locked or signed out, whatever view was open', () => {
    expect(screenTitle(auth(false), 'settings', false)).toBe('Recovery board');
    expect(screenTitle(null, 'people', false)).toBe('Recovery board');
  });
});

describe('integrityProblem', () => {
  it('is nothing until checked, and nothing when the records verify', () => {
    expect(integrityProblem(null)).toBeNull();
    expect(integrityProblem(integrity(true, null, null))).toBeNull();
  });

  it('says the problem and the first bad entry when known', () => {
    expect(integrityProblem(integrity(false, 'a hash does not match', 7))).toBe(
      'Record integrity problem: a hash does not match (first bad entry #7). Tell the administrator.',
    );
    expect(integrityProblem(integrity(false, null, null))).toBe(
      'Record integrity problem: the records do not verify. Tell the administrator.',
    );
  });
});
