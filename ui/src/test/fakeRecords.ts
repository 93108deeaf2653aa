// The records part of the in-memory IPC fake (fakeIpc.ts merges it): the audit trail's
// integrity, the backups, backing up now and restoring one.
import { vi } from 'vitest';
import type { BackupInfo, IntegrityStatus } from '../lib/ipc';

export function freshRecords() {
  return {
    integrity: {
      ok: true,
      checkedAt: new Date().toISOString(),
      rows: 42,
      headSeq: 42,
      headHash: '0123456789abcdef0123456789abcdef',
      firstBadSeq: null,
      problem: null,
    } as IntegrityStatus,
    backups: [
      {
        file: 'vigil-20261127-1400.sqlite3',
        createdAt: new Date().toISOString(),
        bytes: 204_800,
        headHash: 'fedcba9876543210fedcba',
        unverified: null,
      },
    ] as BackupInfo[],
  };
}

type State = ReturnType<typeof freshRecords>;

export function recordsFakes(ipc: State) {
  return {
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
  };
}
