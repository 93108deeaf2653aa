// The audit trail review's part of the in-memory IPC fake (fakeIpc.ts merges it): entries to
// filter and page (newest first, `auditPageSize` at a time), the filter's lists, and the CSV
// export. Like the shell, it refuses all of it unless an administrator is signed in with a PIN.
import { vi } from 'vitest';
import type { AuditFilter, AuditRow, AuthStatus, Nurse, VigilError } from '../lib/ipc';
import { administratorsOnly, emergencyClinicalOnly, lockedUnlockFirst, signInFirst } from './backendMessages';

export function freshAudit() {
  return {
    auditRows: [] as AuditRow[],
    auditPageSize: 200,
    auditActions: ['sign_in', 'sign_out', 'record_check', 'export'],
    /** Each filter the page asked for, in order. */
    auditFilters: [] as AuditFilter[],
    /** Each export: the filter and the folder. */
    auditExports: [] as { filter: AuditFilter; folder: string }[],
  };
}

type State = ReturnType<typeof freshAudit> & { auth: AuthStatus; accounts: Nurse[] };

export function auditFakes(ipc: State, fail: (error: VigilError) => never) {
  const admin = () => {
    const { nurse, locked, emergency } = ipc.auth;
    if (locked) fail(lockedUnlockFirst);
    if (nurse === null) fail(signInFirst);
    if (nurse.role !== 'admin') fail(administratorsOnly);
    if (emergency) fail(emergencyClinicalOnly);
  };
  const matching = (f: AuditFilter) =>
    ipc.auditRows
      .filter((r) => f.action === null || r.action === f.action)
      .filter((r) => f.beforeSeq === null || r.seq < f.beforeSeq)
      .sort((a, b) => b.seq - a.seq);
  return {
    loadAuditTrail: vi.fn(async (filter: AuditFilter) => {
      admin();
      ipc.auditFilters.push(filter);
      const rows = matching(filter);
      return { rows: rows.slice(0, ipc.auditPageSize), more: rows.length > ipc.auditPageSize };
    }),
    loadAuditChoices: vi.fn(async () => {
      admin();
      return { actions: ipc.auditActions, nurses: ipc.accounts };
    }),
    exportAuditCsv: vi.fn(async (filter: AuditFilter, folder: string) => {
      admin();
      ipc.auditExports.push({ filter, folder });
      return `${folder}/audit-trail-20261201T090000Z.csv`;
    }),
  };
}
