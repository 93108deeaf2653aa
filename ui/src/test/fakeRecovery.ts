// The start-up recovery part of the in-memory IPC fake (fakeIpc.ts merges it): the problem the
// app started with (null: a normal start), and the two ways out. Like the shell, a way out is
// refused once the records are open, and a backup that is not there is refused on `file`.
import { vi } from 'vitest';
import type { RecoveryOutcome, RecoveryRestoreInput, StartupProblem, VigilError } from '../lib/ipc';
import { backupNotFromList, nothingToRecover } from './backendMessages';

export function freshRecovery() {
  return {
    startupProblem: null as StartupProblem | null,
    /** The ways out taken: 'aside', or the backup chosen. */
    recoveries: [] as string[],
    /** The refusal the next way out meets. */
    recoveryError: null as null | VigilError,
  };
}

type State = ReturnType<typeof freshRecovery>;

const KEPT = '/data/vigil.damaged-20261127T031500000Z.sqlite3';

export function recoveryFakes(ipc: State, fail: (error: VigilError) => never) {
  const wayOut = (taken: string, restoredFrom: string | null): RecoveryOutcome => {
    if (!ipc.startupProblem) fail(nothingToRecover);
    if (ipc.recoveryError) fail(ipc.recoveryError);
    ipc.recoveries.push(taken);
    ipc.startupProblem = null;
    return { keptAs: KEPT, restoredFrom };
  };
  return {
    loadStartupProblem: vi.fn(async () => (ipc.startupProblem ? structuredClone(ipc.startupProblem) : null)),
    recoverMoveAside: vi.fn(async () => wayOut('aside', null)),
    recoverFromBackup: vi.fn(async (input: RecoveryRestoreInput) => {
      const listed = ipc.startupProblem?.backups.some((b) => b.file === input.file);
      if (!input.file.startsWith('/') && !listed) {
        fail(backupNotFromList);
      }
      const folder = ipc.startupProblem?.backupFolder ?? '';
      return wayOut(input.file, input.file.startsWith('/') ? input.file : `${folder}/${input.file}`);
    }),
  };
}
