// The CSV export part of the in-memory IPC fake (fakeIpc.ts merges it): sessions and checks
// saved as CSV into the folder typed, by administrators only; the backend's own refusals
// (backendMessages.ts) for a day that is not one, a last day before the first, and the data
// directory (`DATA_DIR`, as the papers' fake has it).
import { vi } from 'vitest';
import type * as Ipc from '../lib/ipc';
import type { CsvExportInput, Nurse, VigilError } from '../lib/ipc';
import { administratorsOnly, exportFromNotADate, exportToBeforeFrom, pdfFolderInDataDirectory } from './backendMessages';
import { DATA_DIR } from './fakePapers';

export function freshExports() {
  return {
    /** CSV exports made: which table, the input, the path answered. */
    csvExports: [] as { table: 'sessions' | 'checks'; input: CsvExportInput; path: string }[],
  };
}

type State = ReturnType<typeof freshExports> & { auth: { nurse: Nurse | null } };
type Fail = (error: VigilError) => never;

export function exportsFakes(ipc: State, fail: Fail) {
  const save = (table: 'sessions' | 'checks', input: CsvExportInput) => {
    if (ipc.auth.nurse?.role !== 'admin') fail(administratorsOnly);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.from)) fail(exportFromNotADate);
    if (input.to < input.from) fail(exportToBeforeFrom);
    const folder = input.folder.trim();
    if (folder === DATA_DIR || folder.startsWith(`${DATA_DIR}/`)) fail(pdfFolderInDataDirectory);
    const path = `${folder}/vigil-${table}-${input.from}-to-${input.to}-20261201T120000Z.csv`;
    ipc.csvExports.push({ table, input: { ...input }, path });
    return path;
  };
  return {
    exportSessionsCsv: vi.fn(async (input: CsvExportInput) => save('sessions', input)),
    exportChecksCsv: vi.fn(async (input: CsvExportInput) => save('checks', input)),
  } satisfies Partial<typeof Ipc>;
}
